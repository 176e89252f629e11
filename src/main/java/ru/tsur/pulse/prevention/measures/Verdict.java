package ru.tsur.pulse.prevention.measures;

/**
 * What can be said of a measure's effect, in the order {@link MeasureEffect} decides it: too little time
 * after it, too few messages or comparable units, or — with an interval — fewer messages than expected (the
 * whole interval below 1), more (the whole interval above 1), or no clear change (the interval holds 1).
 */
public enum Verdict {
    /** Less than the minimum after-time has passed. */
    TOO_EARLY,
    /** Too few messages (before, or expected after) or too few comparable units to conclude. */
    TOO_FEW,
    /** Observed after is below expected, the whole interval under 1. */
    DECREASE,
    /** Observed after is above expected, the whole interval over 1. */
    INCREASE,
    /** The interval holds 1: no change told apart from chance. */
    NO_CLEAR_CHANGE;

    /** The verdict in the words the console and the report use; {@code daysAfter}: the after-time judged. */
    public String russian(double daysAfter) {
        return switch (this) {
            case TOO_EARLY -> "рано судить: прошло " + String.format(java.util.Locale.ROOT, "%.0f", daysAfter) + " дн. из 14";
            case TOO_FEW -> "мало сообщений или сравнимых мест";
            case DECREASE -> "стало меньше";
            case INCREASE -> "стало больше";
            case NO_CLEAR_CHANGE -> "явного изменения нет";
        };
    }
}
