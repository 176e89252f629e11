package ru.tsur.pulse.alerts;

import org.junit.jupiter.api.Test;
import ru.tsur.pulse.problems.FieldError;
import ru.tsur.pulse.problems.Problem;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A silence ends at a time or after a duration — exactly one — in the future and at most the maximum ahead. */
class SilencePeriodTest {

    private static final Instant NOW = Instant.parse("2026-12-03T09:00:00Z");
    private static final Duration WEEK = Duration.ofDays(7);

    @Test
    void aDurationEndsThatLongFromNowUpToTheMaximum() {
        assertThat(SilencePeriod.end(NOW, null, Duration.ofHours(2), WEEK)).isEqualTo(NOW.plus(Duration.ofHours(2)));
        assertThat(SilencePeriod.end(NOW, null, WEEK, WEEK)).isEqualTo(NOW.plus(WEEK));
        assertThat(refusal(null, WEEK.plusSeconds(1))).containsExactly(new FieldError("duration", "не дольше 7 сут. от момента запроса"));
        assertThat(refusal(null, Duration.ZERO)).containsExactly(new FieldError("duration", "должна быть больше нуля"));
        assertThat(refusal(null, Duration.ofHours(-1))).containsExactly(new FieldError("duration", "должна быть больше нуля"));
    }

    @Test
    void anEndTimeMustLieAheadButNotBeyondTheMaximum() {
        assertThat(SilencePeriod.end(NOW, NOW.plus(WEEK), null, WEEK)).isEqualTo(NOW.plus(WEEK));
        assertThat(refusal(NOW, null)).containsExactly(new FieldError("until", "должно быть в будущем"));
        assertThat(refusal(NOW.plus(WEEK).plusSeconds(1), null))
                .containsExactly(new FieldError("until", "не дольше 7 сут. от момента запроса"));
        assertThat(refusal(Instant.parse("9999-12-31T23:59:59Z"), null))
                .containsExactly(new FieldError("until", "не дольше 7 сут. от момента запроса"));
    }

    @Test
    void bothOrNeitherNamesBothFields() {
        String message = "укажите ровно одно из полей: until (время ISO-8601) или duration (например PT2H)";
        assertThat(refusal(null, null)).containsExactly(new FieldError("duration", message), new FieldError("until", message));
        assertThat(refusal(NOW.plusSeconds(60), Duration.ofMinutes(1)))
                .containsExactly(new FieldError("duration", message), new FieldError("until", message));
    }

    @Test
    void theMaximumIsSaidTheWayAPersonSaysIt() {
        assertThat(SilencePeriod.spoken(Duration.ofDays(7))).isEqualTo("7 сут.");
        assertThat(SilencePeriod.spoken(Duration.ofHours(36))).isEqualTo("1 сут. 12 ч");
        assertThat(SilencePeriod.spoken(Duration.ofMinutes(90))).isEqualTo("1 ч 30 мин");
        assertThat(SilencePeriod.spoken(Duration.ZERO)).isEqualTo("0 с");
    }

    private static java.util.List<FieldError> refusal(Instant until, Duration duration) {
        Problem problem = catchThrowableOfType(Problem.class, () -> SilencePeriod.end(NOW, until, duration, WEEK));
        assertThat(problem).as("refused").isNotNull();
        return problem.errors();
    }
}
