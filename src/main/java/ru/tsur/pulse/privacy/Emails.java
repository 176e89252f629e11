package ru.tsur.pulse.privacy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks e-mail addresses («ivanov.petr-1978@mail.ru», «petrova@почта.рф») as {@value #PLACEHOLDER}.
 *
 * <p>Why: an address reaches its owner directly and often spells the owner's name. Runs first, so that later
 * maskers (profiles, @handles, names) never see a piece of an address. An address the portal has already
 * masked («XXXX@XXXX.XX») is left as it is.
 */
final class Emails {

    static final String PLACEHOLDER = "[e-mail]";

    private static final Pattern ADDRESS = Pattern.compile(
            "(?<![\\p{L}\\p{N}._%+\\-])([\\p{L}\\p{N}._%+\\-]+)@[\\p{L}\\p{N}\\-]+(?:\\.[\\p{L}\\p{N}\\-]+)*\\.\\p{L}{2,}"
                    + "(?![\\p{L}\\p{N}])");

    String mask(String text) {
        if (text.indexOf('@') < 0) {
            return text;
        }
        return TextMasking.replace(ADDRESS, 0, text, PLACEHOLDER, Emails::notMaskedByPortal);
    }

    private static boolean notMaskedByPortal(String text, Matcher match) {
        return !isPortalMask(text, match.start(1), match.end(1));
    }

    /** «XXXX», «xxx», «ХХХ», «***»: a mask the portal has already applied. */
    static boolean isPortalMask(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c != 'X' && c != 'x' && c != 'Х' && c != 'х' && c != '*') {
                return false;
            }
        }
        return true;
    }
}
