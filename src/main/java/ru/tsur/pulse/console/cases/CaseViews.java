package ru.tsur.pulse.console.cases;

import io.quarkus.qute.TemplateData;

import java.util.List;

/**
 * What the console's case templates show, already in Russian and in the region's local time: the list with its
 * filters, saved views and pager; one case with its messages, events, audit rows, answer and the actions its
 * status allows; the rejected queue with each case's suggestion. Plain records, so the templates hold no logic
 * beyond conditions and loops.
 */
public final class CaseViews {

    private CaseViews() {
    }

    /** An option of a select: its value, its words, whether chosen. */
    @TemplateData
    public record Option(String value, String label, boolean selected) {
    }

    /** A saved view as a link; {@code current} when the list shows exactly its preset. */
    @TemplateData
    public record ViewLink(String title, String href, boolean current) {
    }

    /** One row of the list. */
    @TemplateData
    public record Row(long id, String href, String status, String statusLabel, String summary, String municipality,
                      String executor, String opened, String deadline, String deadlineClass, boolean repeat,
                      boolean flagged, Long mergedInto) {
    }

    /** The list page. */
    @TemplateData
    public record ListPage(List<Row> rows, long total, int page, int pages, String previous, String next,
                           List<ViewLink> views, List<Option> statuses, List<Option> executors,
                           List<Option> municipalities, boolean overdue, boolean repeat, boolean risk,
                           boolean flagged) {
    }

    /** A message of a case (masked display text only). */
    @TemplateData
    public record Message(long id, String source, String at, String text) {
    }

    /** A case event. */
    @TemplateData
    public record Event(String at, String actor, String action, String from, String to, String detail) {
    }

    /** An audit row about the case. */
    @TemplateData
    public record Audit(String at, String subject, String action, String before, String after) {
    }

    /** One case and what may be done to it. */
    @TemplateData
    public record Case(long id, String status, String statusLabel, String summary, String municipality,
                       String category, String topic, String executor, String deadlineClass, String opened,
                       String firstReplyDue, String resolutionDue, String deadline, String deadlineCss,
                       int messageCount, Long repeatOf, Long mergedInto, String answerText, List<String> flags,
                       String rejectedReason, List<Message> messages, List<Event> events, List<Audit> audit,
                       List<Option> executors, Actions actions, String suggestedExecutor, String suggestedRule) {
    }

    /** The lifecycle actions, merge and split, each true when the case's status allows it. */
    @TemplateData
    public record Actions(boolean assign, boolean reassign, boolean accept, boolean answer, boolean resolve,
                          boolean reject, boolean confirm, boolean reopen, boolean merge, boolean split) {

        public boolean any() {
            return assign || reassign || accept || answer || resolve || reject || confirm || reopen;
        }
    }

    /** A case of the rejected queue with where it should go next. */
    @TemplateData
    public record Rejected(long id, String href, String summary, String municipality, String rejectedBy,
                           String reason, String rejectedAt, String suggestedExecutor, String suggestedRule) {
    }
}
