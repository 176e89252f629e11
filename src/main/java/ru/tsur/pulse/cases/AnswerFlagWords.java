package ru.tsur.pulse.cases;

import java.util.List;
import java.util.Map;

/**
 * The words people read for the flags {@link AnswerQuality} puts on an answer: a short phrase per flag
 * (what the executor sees while typing, «нет срока и действия») with a longer explanation, and the one
 * warning line that sums them up («похоже на отписку: нет срока и действия»). Plain code shared by the
 * answer-check API and the executor's inbox, so both say the same thing.
 */
public final class AnswerFlagWords {

    /** One flag as a person reads it. */
    public record Words(String flag, String phrase, String explanation) {
    }

    private static final Map<String, Words> WORDS = Map.of(
            AnswerQuality.TOO_SHORT, new Words(AnswerQuality.TOO_SHORT, "слишком короткий",
                    "слишком короткий ответ: жителю не из чего понять, что сделано"),
            AnswerQuality.NO_ACTION, new Words(AnswerQuality.NO_ACTION, "нет срока и действия",
                    "нет ни срока, ни действия: не сказано, что сделано или будет сделано и когда"),
            AnswerQuality.BOILERPLATE, new Words(AnswerQuality.BOILERPLATE, "шаблонный текст",
                    "шаблонный текст: почти дословно повторяет недавние ответы на другие обращения"),
            AnswerQuality.CAME_BACK, new Words(AnswerQuality.CAME_BACK, "проблема вернулась",
                    "проблема вернулась: после решения по тому же месту пришло новое обращение"));

    private AnswerFlagWords() {
    }

    /** The words of one flag; an unknown flag is shown by its id. */
    public static Words of(String flag) {
        Words words = WORDS.get(flag);
        return words != null ? words : new Words(flag, flag, flag);
    }

    /** The words of each flag, in the given order. */
    public static List<Words> all(List<String> flags) {
        return flags.stream().map(AnswerFlagWords::of).toList();
    }

    /** The warning line for a flagged answer, or null for an answer without flags. */
    public static String warning(List<String> flags) {
        if (flags.isEmpty()) {
            return null;
        }
        return "похоже на отписку: " + String.join("; ", flags.stream().map(flag -> of(flag).phrase()).toList());
    }
}
