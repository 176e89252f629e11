package ru.tsur.pulse.privacy;

import java.util.regex.Pattern;

/**
 * A masking pattern tried only when one of its words occurs in the message: the cheap look through the
 * lower-case text ({@link WordList#occursIn}) spares the regular expression every message it cannot match.
 * Each match's {@code group} becomes the placeholder.
 */
record WordGuardedPattern(WordList words, Pattern pattern, int group) {

    /**
     * @param lower the message in lower case ({@link WordList#normalize}), possibly as it was before earlier
     *              maskers replaced anything
     */
    String mask(String text, String lower, String placeholder) {
        return words.occursIn(lower) ? TextMasking.replace(pattern, group, text, placeholder) : text;
    }
}
