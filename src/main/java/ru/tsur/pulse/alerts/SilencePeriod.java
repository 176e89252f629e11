package ru.tsur.pulse.alerts;

import ru.tsur.pulse.problems.FieldError;
import ru.tsur.pulse.problems.Problem;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * When a requested silence ends: at {@code until}, or {@code duration} after now — exactly one of the two —
 * in the future and at most {@code pulse.alerts.max-silence} ahead, so no silence hides an alert for good
 * (a silence until year 9999 was once accepted). A refusal is a 400 naming the field, in Russian.
 */
public final class SilencePeriod {

    private SilencePeriod() {
    }

    /** The end of the silence, or a {@link Problem} naming {@code until} and/or {@code duration}. */
    public static Instant end(Instant now, Instant until, Duration duration, Duration maxSilence) {
        List<FieldError> errors = new ArrayList<>();
        if ((until == null) == (duration == null)) {
            String message = "укажите ровно одно из полей: until (время ISO-8601) или duration (например PT2H)";
            errors.add(new FieldError("duration", message));
            errors.add(new FieldError("until", message));
            throw Problem.invalid(errors);
        }
        String longest = "не дольше " + spoken(maxSilence) + " от момента запроса";
        if (duration != null) {
            if (duration.isNegative() || duration.isZero()) {
                throw Problem.invalid("duration", "должна быть больше нуля");
            }
            if (duration.compareTo(maxSilence) > 0) {
                throw Problem.invalid("duration", longest);
            }
            return now.plus(duration);
        }
        if (!until.isAfter(now)) {
            throw Problem.invalid("until", "должно быть в будущем");
        }
        if (until.isAfter(now.plus(maxSilence))) {
            throw Problem.invalid("until", longest);
        }
        return until;
    }

    /** A duration as a Russian reader says it: {@code 7 сут.}, {@code 1 сут. 12 ч}, {@code 30 мин}. */
    static String spoken(Duration duration) {
        List<String> parts = new ArrayList<>();
        if (duration.toDays() > 0) {
            parts.add(duration.toDays() + " сут.");
        }
        if (duration.toHoursPart() > 0) {
            parts.add(duration.toHoursPart() + " ч");
        }
        if (duration.toMinutesPart() > 0) {
            parts.add(duration.toMinutesPart() + " мин");
        }
        if (duration.toSecondsPart() > 0 || parts.isEmpty()) {
            parts.add(duration.toSecondsPart() + " с");
        }
        return String.join(" ", parts);
    }
}
