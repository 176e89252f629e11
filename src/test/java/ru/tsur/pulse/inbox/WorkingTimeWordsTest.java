package ru.tsur.pulse.inbox;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The inbox's Russian for working time left and past. */
class WorkingTimeWordsTest {

    @Test
    void timeLeftIsWrittenInHoursAndMinutesOfWorkingTime() {
        assertThat(WorkingTimeWords.left(Duration.ofMinutes(200))).isEqualTo("осталось 3 ч 20 мин рабочего времени");
        assertThat(WorkingTimeWords.left(Duration.ofHours(40))).isEqualTo("осталось 40 ч рабочего времени");
        assertThat(WorkingTimeWords.left(Duration.ofMinutes(45).plusSeconds(59))).isEqualTo("осталось 45 мин рабочего времени");
        assertThat(WorkingTimeWords.left(Duration.ofSeconds(59))).isEqualTo("осталось меньше минуты рабочего времени");
    }

    @Test
    void anOverdueTermSaysByHowMuchOrWhenItRanOutWhenNoWorkingTimeHasPassedSince() {
        assertThat(WorkingTimeWords.overdue(Duration.ofMinutes(65), "05.12.2026 18:00")).isEqualTo("просрочено на 1 ч 5 мин рабочего времени");
        assertThat(WorkingTimeWords.overdue(Duration.ZERO, "05.12.2026 18:00")).isEqualTo("просрочено: срок истёк 05.12.2026 18:00");
    }
}
