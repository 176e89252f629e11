package ru.tsur.pulse.cases;

import org.junit.jupiter.api.Test;
import ru.tsur.pulse.alerts.AlertLabels;
import ru.tsur.pulse.alerts.AlertRaise;
import ru.tsur.pulse.calendar.WorkingCalendar;
import ru.tsur.pulse.calendar.WorkingCalendarFile;
import ru.tsur.pulse.route.DeadlineClass;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class DeadlineAssessmentTest {

    private static final WorkingCalendar CALENDAR = WorkingCalendarFile.readResource("calendar/spb.txt", ZoneId.of("UTC"));
    private static final DeadlinePolicy POLICY = new DeadlinePolicy(CALENDAR,
            Map.of(DeadlineClass.URGENT, Duration.ofHours(2), DeadlineClass.STANDARD, Duration.ofHours(8),
                    DeadlineClass.EXTENDED, Duration.ofHours(8)),
            Map.of(DeadlineClass.URGENT, 1, DeadlineClass.STANDARD, 10, DeadlineClass.EXTENDED, 30));
    private static final DeadlineAssessment ASSESSMENT = new DeadlineAssessment(POLICY, 0.5, 0.8,
            List.of("executor", "municipality-head", "region-curator"), Duration.ofHours(4), 3);
    private static final Instant MONDAY_MORNING = at("2025-10-20T09:00:00+03:00");

    @Test
    void termsAreWorkingTimeFromTheFirstMessage() {
        assertThat(POLICY.firstReplyDue(MONDAY_MORNING, "standard")).isEqualTo(at("2025-10-20T18:00:00+03:00"));
        assertThat(POLICY.resolutionDue(MONDAY_MORNING, "standard")).isEqualTo(at("2025-10-31T18:00:00+03:00"));
        assertThat(POLICY.firstReplyDue(MONDAY_MORNING, "no-such-class")).isEqualTo(at("2025-10-20T18:00:00+03:00"));
        assertThat(POLICY.resolutionDue(MONDAY_MORNING, "urgent")).isEqualTo(at("2025-10-20T18:00:00+03:00"));
    }

    @Test
    void levelsRiseAtHalfAtEightyPercentAndAtTheDueTime() {
        ProblemCase problem = problem(1, "Жилкомсервис", null);
        assertThat(ASSESSMENT.assess(problem, at("2025-10-20T12:59:00+03:00"))).isEmpty();
        assertThat(level(problem, "2025-10-20T13:00:00+03:00")).contains(DeadlineAssessment.Level.AT_RISK);
        // Lunch does not count: 4 h + 2.4 h = 6.4 h = 80% at 16:24.
        assertThat(level(problem, "2025-10-20T16:23:00+03:00")).contains(DeadlineAssessment.Level.AT_RISK);
        assertThat(level(problem, "2025-10-20T16:24:00+03:00")).contains(DeadlineAssessment.Level.WARNING);
        DeadlineAssessment.Finding due = ASSESSMENT.assess(problem, at("2025-10-20T18:00:00+03:00")).orElseThrow();
        assertThat(due.level()).isEqualTo(DeadlineAssessment.Level.OVERDUE);
        assertThat(due.stage()).isEqualTo(DeadlineAssessment.Stage.FIRST_REPLY);
        assertThat(due.escalatedTo()).isEqualTo("executor");
    }

    @Test
    void anOverdueCaseEscalatesOneStepPerRepeatIntervalOfWorkingTime() {
        ProblemCase problem = problem(1, "Жилкомсервис", null);
        DeadlineAssessment.Finding evening = ASSESSMENT.assess(problem, at("2025-10-20T23:00:00+03:00")).orElseThrow();
        assertThat(evening.repeats()).isZero();
        DeadlineAssessment.Finding nextNoon = ASSESSMENT.assess(problem, at("2025-10-21T13:00:00+03:00")).orElseThrow();
        assertThat(nextNoon.repeats()).isEqualTo(1);
        assertThat(nextNoon.escalatedTo()).isEqualTo("municipality-head");
        DeadlineAssessment.Finding later = ASSESSMENT.assess(problem, at("2025-10-22T16:00:00+03:00")).orElseThrow();
        assertThat(later.repeats()).isEqualTo(3);
        assertThat(later.escalatedTo()).isEqualTo("region-curator");
    }

    @Test
    void anAnsweredCaseIsJudgedOnlyOnItsResolutionAndAClosedOneNotAtAll() {
        ProblemCase answered = problem(1, "Жилкомсервис", at("2025-10-20T10:00:00+03:00"));
        assertThat(ASSESSMENT.assess(answered, at("2025-10-22T12:00:00+03:00"))).isEmpty();
        DeadlineAssessment.Finding late = ASSESSMENT.assess(answered, at("2025-11-05T10:00:00+03:00")).orElseThrow();
        assertThat(late.stage()).isEqualTo(DeadlineAssessment.Stage.RESOLUTION);
        assertThat(late.level()).isEqualTo(DeadlineAssessment.Level.OVERDUE);
        ProblemCase resolved = withStatus(answered, "resolved");
        assertThat(ASSESSMENT.assess(resolved, at("2025-11-05T10:00:00+03:00"))).isEmpty();
        ProblemCase merged = withStatus(answered, "merged");
        assertThat(ASSESSMENT.assess(merged, at("2025-11-05T10:00:00+03:00"))).isEmpty();
    }

    @Test
    void threeOverdueCasesOfOneExecutorInOneMunicipalityGetAGroupAlertAsParent() {
        Instant now = at("2025-10-21T10:00:00+03:00");
        List<DeadlineAssessment.Finding> findings = List.of(
                ASSESSMENT.assess(problem(1, "ЖКС №1", null), now).orElseThrow(),
                ASSESSMENT.assess(problem(2, "ЖКС №1", null), now).orElseThrow(),
                ASSESSMENT.assess(problem(3, "ЖКС №1", null), now).orElseThrow(),
                ASSESSMENT.assess(problem(4, "ЖКС №2", null), now).orElseThrow());
        List<AlertRaise> raises = ASSESSMENT.alerts(findings);
        assertThat(raises).hasSize(5);
        AlertRaise group = raises.get(0);
        assertThat(group.labels()).isEqualTo(Map.of("executor", "ЖКС №1", "municipality", "spb-kolomna", "scope", "group"));
        assertThat(group.title()).isEqualTo("ЖКС №1: 3 просроченных обращений");
        assertThat(group.details()).containsEntry("cases", List.of(1L, 2L, 3L));
        assertThat(raises.subList(1, 4)).allSatisfy(child -> {
            assertThat(child.parent()).isEqualTo(group.id());
            assertThat(child.group()).isEqualTo("deadline:executor=ЖКС №1,municipality=spb-kolomna");
            assertThat(child.severity()).isEqualTo("critical");
        });
        AlertRaise alone = raises.get(4);
        assertThat(alone.parent()).isNull();
        assertThat(alone.id()).isEqualTo(AlertLabels.fingerprint("deadline",
                Map.of("case", "4", "executor", "ЖКС №2", "municipality", "spb-kolomna")));
        assertThat(alone.summary()).isEqualTo("Обращение №4 «Нет света в подъезде»; исполнитель: ЖКС №2; срок до 20.10 18:00;"
                + " эскалация: исполнитель");
    }

    private static Optional<DeadlineAssessment.Level> level(ProblemCase problem, String now) {
        return ASSESSMENT.assess(problem, at(now)).map(DeadlineAssessment.Finding::level);
    }

    private static ProblemCase problem(long id, String executor, Instant firstAnswerAt) {
        return new ProblemCase(id, "assigned", "spb-kolomna", "lighting", "Освещение", executor, "standard", null, null,
                "Нет света в подъезде", MONDAY_MORNING, MONDAY_MORNING, MONDAY_MORNING, 1,
                POLICY.firstReplyDue(MONDAY_MORNING, "standard"), POLICY.resolutionDue(MONDAY_MORNING, "standard"),
                firstAnswerAt, null, List.of(), null, null, 0, null, null, false, MONDAY_MORNING, false, null);
    }

    private static ProblemCase withStatus(ProblemCase problem, String status) {
        return new ProblemCase(problem.id(), status, problem.municipality(), problem.category(), problem.topic(),
                problem.executor(), problem.deadlineClass(), problem.lat(), problem.lon(), problem.summary(),
                problem.createdAt(), problem.openedAt(), problem.lastMessageAt(), problem.messageCount(),
                problem.firstReplyDue(), problem.resolutionDue(), problem.firstAnswerAt(), problem.answerText(),
                problem.answerFlags(), problem.resolvedAt(), problem.confirmedAt(), problem.reopenedCount(),
                problem.rejectedReason(), problem.repeatOf(), problem.cameBack(), problem.updatedAt(), problem.overdue(),
                problem.mergedInto());
    }

    private static Instant at(String text) {
        return OffsetDateTime.parse(text).toInstant();
    }
}
