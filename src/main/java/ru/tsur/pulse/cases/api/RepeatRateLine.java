package ru.tsur.pulse.cases.api;

/** One line of {@link RepeatRate}: the key (null when the cases have none), its cases, repeats and their ratio. */
public record RepeatRateLine(String key, long cases, long repeats, double ratio) {

    public static RepeatRateLine of(String key, long cases, long repeats) {
        return new RepeatRateLine(key, cases, repeats, cases == 0 ? 0.0 : (double) repeats / cases);
    }
}
