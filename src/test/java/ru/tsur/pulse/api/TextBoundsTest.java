package ru.tsur.pulse.api;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Text bounds count characters as a person does and keep one-line fields on one line. */
class TextBoundsTest {

    @Test
    void aValueAtTheLimitPassesAndOneCharacterMoreIsRefusedWithBothNumbers() {
        assertThat(TextBounds.problem("я".repeat(200), 200, false)).isNull();
        assertThat(TextBounds.problem("я".repeat(201), 200, false)).isEqualTo("не длиннее 200 символов (получено 201)");
        assertThat(TextBounds.problem(null, 1, false)).isNull();
    }

    @Test
    void anEmojiCountsAsOneCharacter() {
        assertThat(TextBounds.problem("\uD83D\uDE00".repeat(10), 10, false)).isNull();
    }

    @Test
    void lineBreaksAndTabsAreRefusedOnlyInOneLineFields() {
        assertThat(TextBounds.problem("Иванов\tИ.", 200, false)).isEqualTo("одна строка: без переводов строки и табуляции (позиция 6)");
        assertThat(TextBounds.problem("строка\r\nвторая", 200, true)).isNull();
    }

    @Test
    void keptTextLosesSurroundingSpaceAndBidirectionalOverrides() {
        assertThat(TextBounds.clean("  плановые \u202Eработы\u202C  ")).isEqualTo("плановые работы");
        assertThat(TextBounds.clean(null)).isNull();
    }
}
