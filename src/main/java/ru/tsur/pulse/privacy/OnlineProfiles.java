package ru.tsur.pulse.privacy;

import java.util.regex.Pattern;

/**
 * Masks links to a person's page on a social network («vk.com/ivan.petrov85», «https://m.vk.com/id123»,
 * «t.me/olga_smirnova», «ok.ru/profile/571234567890») and Telegram/Instagram-style handles («@petrov_ivan»)
 * as {@value #PLACEHOLDER}.
 *
 * <p>Why: a profile link or a handle leads straight to the writer, with photos and friends. The sites are listed
 * in {@code privacy/profile-sites.txt}; links and handles of communities and posts («vk.com/public74294180»,
 * «vk.com/wall-86788301_358342», «@club193059638»), listed in {@code privacy/community-paths.txt}, stay visible:
 * they name no person, and the operator needs to see which public page is meant. Runs after {@link Emails} (so the «@» of an address is gone) and before
 * the number maskers (so «vk.com/id55501234» is not read as a phone).
 */
final class OnlineProfiles {

    static final String PLACEHOLDER = "[профиль]";

    /**
     * Host (optionally after https://, www., m.), a slash and a path that ends on a letter, digit, «_», «-» or
     * «/»: a full stop or question mark after it ends the sentence, not the link.
     */
    private final Pattern link;
    /**
     * «@» not glued to a word (so not the middle of an address), a letter or «_», then letters, digits, «_» or
     * dots, ending on a letter, digit or «_»: 3 to 32 characters, as Telegram and Instagram allow.
     */
    private final Pattern handle;
    private final WordList sites;

    OnlineProfiles(WordList sites, WordList communityPaths) {
        this.sites = sites;
        String notCommunity = "(?!" + alternation(communityPaths) + ")";
        this.link = Pattern.compile("(?i)(?<![A-Za-z0-9.\\-@/])(?:https?://)?(?:(?:www|m)\\.)?(?:"
                + alternation(sites) + ")/" + notCommunity
                + "[A-Za-z0-9_.\\-~%/?=&#+@]*[A-Za-z0-9_\\-/](?![A-Za-z0-9_\\-~%/=&#+@])");
        this.handle = Pattern.compile("(?i)(?<![\\p{L}\\p{N}_.@/\\\\-])@" + notCommunity
                + "[A-Za-z_][A-Za-z0-9_.]{0,30}[A-Za-z0-9_](?![A-Za-z0-9_@])");
    }

    /** Whether some «/» follows one of the sites: the cheap look before the link pattern runs. */
    private boolean hasSiteBeforeSlash(String text) {
        for (int slash = text.indexOf('/'); slash >= 0; slash = text.indexOf('/', slash + 1)) {
            if (sites.endsAt(text, slash)) {
                return true;
            }
        }
        return false;
    }

    /** The entries of a list, taken literally, as one alternation. */
    private static String alternation(WordList list) {
        StringBuilder out = new StringBuilder();
        for (String entry : list.entries()) {
            if (out.length() > 0) {
                out.append('|');
            }
            out.append(Pattern.quote(entry));
        }
        return out.toString();
    }

    String mask(String text) {
        String masked = text;
        if (hasSiteBeforeSlash(text)) {
            masked = TextMasking.replace(link, 0, masked, PLACEHOLDER);
        }
        if (masked.indexOf('@') >= 0) {
            masked = TextMasking.replace(handle, 0, masked, PLACEHOLDER);
        }
        return masked;
    }
}
