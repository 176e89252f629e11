package ru.tsur.pulse.inbox;

import io.quarkus.qute.TemplateData;
import ru.tsur.pulse.cases.AnswerFlagWords;
import ru.tsur.pulse.cases.CaseLifecycle;
import ru.tsur.pulse.cases.CaseRepository;
import ru.tsur.pulse.cases.CaseStatus;
import ru.tsur.pulse.cases.ProblemCase;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * What the executor's page of one case shows: the case with its deadlines, its messages (masked text only),
 * its events in words, the answer with its flags explained, and which actions its status allows — accept,
 * answer, resolve (once answered: the answer is the resident's reply), reject with a reason. Plain code.
 *
 * @param deadline   the pressing term and the time left ({@link InboxList#row}); null once the case is closed
 */
@TemplateData
public record CaseSheet(ProblemCase problem, String statusName, String municipality, String subject, String created,
                        InboxList.Row deadline, List<Message> messages, List<Event> events, List<AnswerFlagWords.Words> answerFlags,
                        String answered, boolean canAccept, boolean canAnswer, boolean canResolve, boolean canReject) {

    /** A message of the case, masked. */
    @TemplateData
    public record Message(long id, String source, String at, String text) {
    }

    /** An event of the case in words. */
    @TemplateData
    public record Event(String at, String actor, String action, String detail) {
    }

    public static CaseSheet of(ProblemCase problem, List<CaseRepository.CaseMessage> messages,
                               List<CaseRepository.CaseEvent> events, InboxList list, ZoneId zone, Instant now) {
        CaseStatus status = problem.statusValue();
        InboxList.Row row = list.row(problem, now);
        return new CaseSheet(problem, InboxWords.status(problem.status()), row.municipality(), row.subject(),
                InboxWords.time(problem.createdAt(), zone), status.open() && status != CaseStatus.REJECTED ? row : null,
                messages.stream().map(message -> new Message(message.id(), message.source(),
                        InboxWords.time(message.createdAt(), zone), message.text())).toList(),
                events.stream().map(event -> new Event(InboxWords.time(event.at(), zone), event.actor(),
                        InboxWords.action(event.action()), event.detail() == null ? "" : event.detail())).toList(),
                AnswerFlagWords.all(problem.answerFlags()), InboxWords.time(problem.firstAnswerAt(), zone),
                allows(status, CaseLifecycle.Action.ACCEPT), allows(status, CaseLifecycle.Action.ANSWER),
                status == CaseStatus.ANSWERED, allows(status, CaseLifecycle.Action.REJECT));
    }

    private static boolean allows(CaseStatus status, CaseLifecycle.Action action) {
        return CaseLifecycle.next(status, action).isPresent();
    }
}
