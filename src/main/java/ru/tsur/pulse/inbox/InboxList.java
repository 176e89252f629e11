package ru.tsur.pulse.inbox;

import io.quarkus.qute.TemplateData;
import ru.tsur.pulse.calendar.WorkingCalendar;
import ru.tsur.pulse.cases.CaseStatus;
import ru.tsur.pulse.cases.DeadlineAssessment;
import ru.tsur.pulse.cases.ProblemCase;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An executor's inbox: its open cases that are its to act on (a rejected case waits for the control room,
 * so it is left out) ordered by the working time left on their most pressing term — overdue first, the most
 * overdue at the top — each with the words the page shows. The pressing term is the first reply while the
 * case has none (unless the solution is due sooner), else the solution. Plain code over the calendar and the
 * deadline assessment, unit-tested.
 */
public final class InboxList {

    /**
     * One line of the inbox.
     *
     * @param level         {@code late} (overdue), {@code at-risk} (past 80% of the term) or empty: the style
     * @param secondsLeft   working seconds left on the pressing term (negative when overdue): the order
     */
    @TemplateData
    public record Row(long id, String status, String statusName, String municipality, String subject,
                      String summary, String term, String dueText, String replyText, String resolutionText,
                      String timeLeft, String level, long secondsLeft, Instant due) {
    }

    /** The names of the region's municipalities and categories by id. */
    public record Names(Map<String, String> municipalities, Map<String, String> categories) {
        String municipality(String id) {
            return id == null ? "не определено" : municipalities.getOrDefault(id, id);
        }

        /** The topic, else the category's name. */
        String subject(ProblemCase problem) {
            if (problem.topic() != null && !problem.topic().isBlank()) {
                return problem.topic();
            }
            return problem.category() == null ? "без темы" : categories.getOrDefault(problem.category(), problem.category());
        }
    }

    private final WorkingCalendar calendar;
    private final DeadlineAssessment assessment;
    private final Names names;

    public InboxList(WorkingCalendar calendar, DeadlineAssessment assessment, Names names) {
        this.calendar = calendar;
        this.assessment = assessment;
        this.names = names;
    }

    /** The rows of the cases the executor acts on, most pressing first. */
    public List<Row> rows(List<ProblemCase> cases, Instant now) {
        List<Row> rows = new ArrayList<>();
        for (ProblemCase problem : cases) {
            CaseStatus status = problem.statusValue();
            if (status.open() && status != CaseStatus.REJECTED) {
                rows.add(row(problem, now));
            }
        }
        rows.sort(Comparator.comparingLong(Row::secondsLeft).thenComparing(Row::due).thenComparingLong(Row::id));
        return rows;
    }

    /** The line of one case (also the deadline part of its own page). */
    public Row row(ProblemCase problem, Instant now) {
        boolean replyRuns = problem.firstAnswerAt() == null && problem.firstReplyDue().isBefore(problem.resolutionDue());
        Instant due = replyRuns ? problem.firstReplyDue() : problem.resolutionDue();
        String dueText = InboxWords.time(due, calendar.zone());
        long secondsLeft;
        String timeLeft;
        if (now.isBefore(due)) {
            Duration left = calendar.workingTimeBetween(now, due);
            secondsLeft = left.toSeconds();
            timeLeft = WorkingTimeWords.left(left);
        } else {
            Duration past = calendar.workingTimeBetween(due, now);
            secondsLeft = -past.toSeconds() - 1; // an overdue term with no working time past it still comes first
            timeLeft = WorkingTimeWords.overdue(past, dueText);
        }
        Optional<DeadlineAssessment.Finding> finding = assessment.assess(problem, now);
        String level = finding.map(found -> switch (found.level()) {
            case OVERDUE -> "late";
            case WARNING -> "at-risk";
            case AT_RISK -> "";
        }).orElse("");
        if (!now.isBefore(due)) {
            level = "late";
        }
        String replyText = problem.firstAnswerAt() == null
                ? "ответ до " + InboxWords.time(problem.firstReplyDue(), calendar.zone())
                : "ответ дан " + InboxWords.time(problem.firstAnswerAt(), calendar.zone());
        String resolutionText = "решение до " + InboxWords.time(problem.resolutionDue(), calendar.zone());
        return new Row(problem.id(), problem.status(), InboxWords.status(problem.status()),
                names.municipality(problem.municipality()), names.subject(problem),
                problem.summary() == null ? "" : problem.summary(), replyRuns ? "Срок ответа" : "Срок решения",
                dueText, replyText, resolutionText, timeLeft, level, secondsLeft, due);
    }
}
