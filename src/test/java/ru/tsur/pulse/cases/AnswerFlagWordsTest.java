package ru.tsur.pulse.cases;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The Russian of the answer-quality flags: one warning line summing them up, and each explained. */
class AnswerFlagWordsTest {

    @Test
    void theWarningNamesEveryFlagAndAGoodAnswerHasNone() {
        assertThat(AnswerFlagWords.warning(List.of(AnswerQuality.NO_ACTION))).isEqualTo("похоже на отписку: нет срока и действия");
        assertThat(AnswerFlagWords.warning(List.of(AnswerQuality.TOO_SHORT, AnswerQuality.NO_ACTION, AnswerQuality.BOILERPLATE)))
                .isEqualTo("похоже на отписку: слишком короткий; нет срока и действия; шаблонный текст");
        assertThat(AnswerFlagWords.warning(List.of())).isNull();
    }

    @Test
    void everyFlagIsExplainedAndAnUnknownOneShowsItsId() {
        assertThat(AnswerFlagWords.all(List.of(AnswerQuality.BOILERPLATE, AnswerQuality.CAME_BACK, "new_flag")))
                .extracting(AnswerFlagWords.Words::explanation).containsExactly(
                        "шаблонный текст: почти дословно повторяет недавние ответы на другие обращения",
                        "проблема вернулась: после решения по тому же месту пришло новое обращение",
                        "new_flag");
    }
}
