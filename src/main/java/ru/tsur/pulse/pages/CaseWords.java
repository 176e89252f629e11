package ru.tsur.pulse.pages;

import ru.tsur.pulse.cases.DeadlineAssessment;

import java.util.Map;

/**
 * The console's Russian words for what the cases store in English ids: statuses, answer-quality flags, the
 * actions of case events and audit rows, and how far a case is through its deadline. An id without a word is
 * shown as it is (a new action still reads as something).
 */
public final class CaseWords {

    private static final Map<String, String> STATUSES = Map.of(
            "new", "новое",
            "assigned", "назначено",
            "in_progress", "в работе",
            "answered", "дан ответ",
            "resolved", "решено",
            "confirmed", "подтверждено",
            "reopened", "открыто повторно",
            "rejected", "отклонено",
            "merged", "объединено");

    private static final Map<String, String> FLAGS = Map.of(
            "too_short", "слишком короткий ответ",
            "no_action", "похоже на отписку: нет срока и действия",
            "boilerplate", "шаблонный ответ: тот же текст уже давали не раз",
            "came_back", "проблема вернулась: после решения пришло повторное обращение");

    private static final Map<String, String> ACTIONS = Map.ofEntries(
            Map.entry("opened", "открыто"),
            Map.entry("assigned", "назначено маршрутизацией"),
            Map.entry("message_joined", "добавлено сообщение"),
            Map.entry("came_back", "проблема вернулась"),
            Map.entry("assign", "назначено"),
            Map.entry("accept", "принято в работу"),
            Map.entry("answer", "дан ответ"),
            Map.entry("resolve", "решено"),
            Map.entry("reject", "отклонено исполнителем"),
            Map.entry("reassign", "переназначено"),
            Map.entry("confirm", "подтверждено жителем"),
            Map.entry("reopen", "открыто повторно"),
            Map.entry("merge", "объединено с другим обращением"),
            Map.entry("merged_in", "приняты сообщения другого обращения"),
            Map.entry("split", "сообщение выделено в новое обращение"),
            Map.entry("triage", "разбор оператора"));

    private CaseWords() {
    }

    public static String status(String id) {
        return id == null ? "" : STATUSES.getOrDefault(id, id);
    }

    public static String flag(String id) {
        return FLAGS.getOrDefault(id, id);
    }

    /** A case event's action ({@code accept}) or an audit row's ({@code case.accept}). */
    public static String action(String id) {
        if (id == null) {
            return "";
        }
        String bare = id.startsWith("case.") ? id.substring("case.".length()) : id;
        return ACTIONS.getOrDefault(bare, id);
    }

    /** How far through its term a case is, in words; empty when it is not yet past the first threshold. */
    public static String deadline(DeadlineAssessment.Level level) {
        if (level == null) {
            return "";
        }
        return switch (level) {
            case AT_RISK -> "прошла половина срока";
            case WARNING -> "срок на исходе (> 80%)";
            case OVERDUE -> "просрочено";
        };
    }

    /** The class the list gives a deadline cell (colour plus the words, never colour alone). */
    public static String deadlineClass(DeadlineAssessment.Level level) {
        if (level == null) {
            return "";
        }
        return switch (level) {
            case AT_RISK -> "";
            case WARNING -> "at-risk";
            case OVERDUE -> "late";
        };
    }
}
