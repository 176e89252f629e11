package ru.tsur.pulse.inbox;

import org.junit.jupiter.api.Test;
import ru.tsur.pulse.calendar.WorkingCalendar;
import ru.tsur.pulse.calendar.WorkingCalendarFile;
import ru.tsur.pulse.cases.DeadlineAssessment;
import ru.tsur.pulse.cases.DeadlinePolicy;
import ru.tsur.pulse.cases.ProblemCase;
import ru.tsur.pulse.route.DeadlineClass;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inbox's order and words over the St Petersburg calendar (9:00–18:00 with lunch 13:00–14:00, Moscow
 * time): overdue first, the most overdue at the top, then by working time left on the most pressing term;
 * rejected and closed cases are not the executor's to act on.
 */
class InboxListTest {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final WorkingCalendar CALENDAR = WorkingCalendarFile.readResource("calendar/spb.txt", MOSCOW);
    private static final DeadlinePolicy POLICY = new DeadlinePolicy(CALENDAR,
            Map.of(DeadlineClass.URGENT, Duration.ofHours(2), DeadlineClass.STANDARD, Duration.ofHours(8),
                    DeadlineClass.EXTENDED, Duration.ofHours(8)),
            Map.of(DeadlineClass.URGENT, 1, DeadlineClass.STANDARD, 10, DeadlineClass.EXTENDED, 30));
    private static final DeadlineAssessment ASSESSMENT = new DeadlineAssessment(POLICY, 0.5, 0.8,
            List.of("executor"), Duration.ofHours(4), 3);
    private static final InboxList LIST = new InboxList(CALENDAR, ASSESSMENT,
            new InboxList.Names(Map.of("spb-kolpino", "город Колпино"), Map.of("roofs", "Кровля")));
    /** Tuesday 21 October 2025, 15:40 in St Petersburg. */
    private static final Instant NOW = at("2025-10-21T15:40:00+03:00");

    private static Instant at(String time) {
        return OffsetDateTime.parse(time).toInstant();
    }

    private static ProblemCase problem(long id, String status, String created, String deadlineClass, Instant firstAnswerAt, String topic) {
        Instant start = at(created);
        return new ProblemCase(id, status, "spb-kolpino", "roofs", topic, "ЖА", deadlineClass, null, null,
                "Течёт крыша", start, start, start, 1, POLICY.firstReplyDue(start, deadlineClass),
                POLICY.resolutionDue(start, deadlineClass), firstAnswerAt, null, List.of(), null, null, 0, null, null,
                false, start, false, null);
    }

    @Test
    void overdueComeFirstThenTheLeastWorkingTimeLeftAndRejectedOrClosedCasesAreLeftOut() {
        List<InboxList.Row> rows = LIST.rows(List.of(
                problem(1, "assigned", "2025-10-21T09:00:00+03:00", "standard", null, "Протечка"),    // reply due 18:00 today
                problem(2, "in_progress", "2025-10-20T10:00:00+03:00", "standard", null, null),        // reply due 10:00 today: overdue 4 h 40 min
                problem(3, "answered", "2025-10-21T15:00:00+03:00", "urgent", at("2025-10-21T15:10:00+03:00"), "Протечка"),
                problem(4, "rejected", "2025-10-20T09:00:00+03:00", "standard", null, "Протечка"),
                problem(5, "resolved", "2025-10-20T09:00:00+03:00", "standard", null, "Протечка"),
                problem(6, "new", "2025-10-21T14:00:00+03:00", "urgent", null, "Протечка")),   // reply due 16:00 today
                NOW);
        assertThat(rows).extracting(InboxList.Row::id).containsExactly(2L, 6L, 1L, 3L);
        assertThat(rows.get(0)).isEqualTo(new InboxList.Row(2, "in_progress", "в работе", "город Колпино", "Кровля",
                "Течёт крыша", "Срок ответа", "21.10.2025 10:00", "ответ до 21.10.2025 10:00",
                "решение до " + InboxWords.time(POLICY.resolutionDue(at("2025-10-20T10:00:00+03:00"), "standard"), MOSCOW),
                "просрочено на 4 ч 40 мин рабочего времени", "late", -(4 * 3600 + 40 * 60) - 1,
                at("2025-10-21T10:00:00+03:00")));
        assertThat(rows.get(1).timeLeft()).isEqualTo("осталось 20 мин рабочего времени");
        assertThat(rows.get(1).level()).isEqualTo("at-risk");
        assertThat(rows.get(2).timeLeft()).isEqualTo("осталось 2 ч 20 мин рабочего времени");
        assertThat(rows.get(2).level()).as("past half of its term, not yet 80%").isEmpty();
        // Answered: the solution's term runs (urgent: one working day, to 15:00 tomorrow).
        assertThat(rows.get(3).term()).isEqualTo("Срок решения");
        assertThat(rows.get(3).replyText()).isEqualTo("ответ дан 21.10.2025 15:10");
        assertThat(rows.get(3).timeLeft()).isEqualTo("осталось 7 ч 20 мин рабочего времени");
    }

    @Test
    void aTermThatRanOutAfterHoursSaysWhenItRanOut() {
        InboxList.Row row = LIST.row(problem(7, "assigned", "2025-10-20T10:00:00+03:00", "standard", null, "Протечка"),
                at("2025-10-20T19:30:00+03:00"));
        assertThat(row.timeLeft()).isEqualTo("осталось 1 ч рабочего времени");
        InboxList.Row late = LIST.row(problem(8, "assigned", "2025-10-20T09:00:00+03:00", "standard", null, "Протечка"),
                at("2025-10-20T19:30:00+03:00"));
        assertThat(late.timeLeft()).isEqualTo("просрочено: срок истёк 20.10.2025 18:00");
        assertThat(late.level()).isEqualTo("late");
    }
}
