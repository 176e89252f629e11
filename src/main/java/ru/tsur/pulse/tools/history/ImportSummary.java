package ru.tsur.pulse.tools.history;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What an import did, as the command prints it on stdout: rows read, imported, already present (stored by
 * an earlier import or the live feed under the same key, or twice in the file), refused with each reason
 * counted, outside the {@code --from … --to} slice, placed nowhere («не определено»), the shift, the span of
 * the rows' times after it, and how long it took.
 *
 * @param first the earliest time of a row written (imported or already present), after the shift; null if none
 * @param last  the latest
 */
public record ImportSummary(long read, long imported, long present, long refused, long outside, long unlocated,
                            long shiftWeeks, ZonedDateTime first, ZonedDateTime last, Map<String, Long> reasons,
                            double seconds) {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    /** Rows of the slice handled per second, over the whole command. */
    public double rate() {
        return seconds > 0 ? (read - outside) / seconds : 0;
    }

    /**
     * {@code import-history read=… imported=… already_present=… refused=… outside_slice=… unlocated=…
     * shift_weeks=… first=… last=… seconds=… rate=…/s}, then a line per refusal reason, most frequent first.
     */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "import-history read=%d imported=%d already_present=%d refused=%d"
                        + " outside_slice=%d unlocated=%d shift_weeks=%d first=%s last=%s seconds=%.1f rate=%.0f/s",
                read, imported, present, refused, outside, unlocated, shiftWeeks, minute(first), minute(last), seconds,
                rate()));
        reasons.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(reason -> lines.add(String.format(Locale.ROOT, "refused rows=%d reason=\"%s\"", reason.getValue(),
                        reason.getKey())));
        return lines;
    }

    private static String minute(ZonedDateTime time) {
        return time == null ? "-" : time.format(MINUTE);
    }
}
