package ru.tsur.pulse.privacy;

import java.util.Arrays;

/**
 * Masks person names as {@value #PLACEHOLDER}, in Cyrillic and in Latin letters: «Фамилия Имя Отчество», «Имя
 * Отчество Фамилия», «Имя Отчество» (the patronymic recognised by its ending in every case form), initials
 * («Иванов И. И.», «И.И. Иванову», «Petrov I.I.», «A. Sidorov»; with one initial only next to a surname ending),
 * «Имя Фамилия» / «Фамилия Имя» when the first name is a known one and the surname has a typical ending («Пётр
 * Смирнов», «Ivan Petrov»), and after words that introduce the writer's own name («С уважением, Ольга», «Меня
 * зовут Светлана Ким») a known first name or a surname alone, with up to two capitalised words after it. Words
 * in capitals («ИВАНОВ ИВАН ИВАНОВИЧ») count only with a surname ending, so abbreviations («ЖКХ», «GPS») never do.
 *
 * <p>Why: a name is the most direct personal datum in a message. What is deliberately left alone: street and place
 * names («проспект Ленина», «Администрация Льговского района»), capitalised words at the start of a sentence,
 * name-like sequences right after a street or «имени» («ул. Сергея Есенина», «школа им. А.С. Пушкина»), brand and
 * service names («Yandex», «WhatsApp», «Wi-Fi»). A name never mixes scripts. All the words are in the lists of
 * {@link NameLexicon} and in {@code privacy/place-prepositions.txt}, {@code place-markers.txt} and
 * {@code name-introducers.txt}.
 */
final class PersonalNames {

    static final String PLACEHOLDER = "[ФИО]";

    private static final byte CYRILLIC = 0;
    private static final byte LATIN = 1;

    private final NameLexicon[] lexicons;
    private final WordList placePrepositions;
    private final WordList placeMarkers;
    private final WordList introducers;

    PersonalNames(NameLexicon cyrillic, NameLexicon latin, WordList placePrepositions, WordList placeMarkers,
                  WordList introducers) {
        this.lexicons = new NameLexicon[] {cyrillic, latin};
        this.placePrepositions = placePrepositions;
        this.placeMarkers = placeMarkers;
        this.introducers = introducers;
    }

    String mask(String text) {
        if (!hasCapital(text)) {
            return text;
        }
        Tokens t = Tokens.split(text, this);
        if (t.n == 0) {
            return text;
        }
        int[] nameEnd = null; // per token: index of the last token of a name starting there, or -1
        for (int k = 0; k < t.n - 1; k++) {
            int end = t.nameEndingAt(k);
            if (end < 0) {
                continue;
            }
            if (!t.placeMarkerBefore(k)) {
                nameEnd = mark(nameEnd, t.n, k, end);
            }
            k = end;
        }
        nameEnd = markIntroducedNames(text, t, nameEnd);
        if (nameEnd == null) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int last = 0;
        int k = 0;
        while (k < t.n) {
            if (nameEnd[k] < 0) {
                k++;
                continue;
            }
            int end = nameEnd[k];
            for (int j = k + 1; j <= end; j++) {
                end = Math.max(end, nameEnd[j]);
            }
            out.append(text, last, t.starts[k]).append(PLACEHOLDER);
            last = t.ends[end];
            k = end + 1;
        }
        return out.append(text, last, text.length()).toString();
    }

    private static int[] mark(int[] nameEnd, int n, int start, int end) {
        int[] marks = nameEnd;
        if (marks == null) {
            marks = new int[n];
            Arrays.fill(marks, -1);
        }
        marks[start] = Math.max(marks[start], end);
        return marks;
    }

    /** «С уважением, Ольга», «Меня зовут Светлана Ким»: the name that follows an introducing phrase. */
    private int[] markIntroducedNames(String text, Tokens t, int[] nameEnd) {
        int[] marks = nameEnd;
        for (int k = 0; k < t.n; k++) {
            if (covered(marks, k) || !introducers.endsAt(text, endOfIntroducer(text, t.starts[k]))) {
                continue;
            }
            int end = t.introducedNameEndingAt(k);
            if (end >= 0) {
                marks = mark(marks, t.n, k, end);
                k = end;
            }
        }
        return marks;
    }

    /** Where an introducing phrase would end before a name at {@code start}: spaces and one «,», «:» or dash back. */
    private static int endOfIntroducer(String text, int start) {
        int j = start;
        while (j > 0 && (text.charAt(j - 1) == ' ' || text.charAt(j - 1) == '\u00A0')) {
            j--;
        }
        if (j > 0 && ",:—–-".indexOf(text.charAt(j - 1)) >= 0) {
            j--;
            while (j > 0 && (text.charAt(j - 1) == ' ' || text.charAt(j - 1) == '\u00A0')) {
                j--;
            }
        }
        return j;
    }

    private static boolean covered(int[] nameEnd, int k) {
        if (nameEnd == null) {
            return false;
        }
        for (int j = 0; j <= k; j++) {
            if (nameEnd[j] >= k) {
                return true;
            }
        }
        return false;
    }

    // ================================================================ tokens

    /** Capitalised words («Иванов», «Римский-Корсаков», «Petrov») and initials («И.», «I.») of one text. */
    private static final class Tokens {
        private static final int WORD = 0;
        private static final int INITIAL = 1;

        private final String s;
        private final PersonalNames rules;
        private final int[] starts;
        private final int[] ends;
        private final byte[] scripts;
        private final int n;
        private final String[] lower;

        private Tokens(String s, PersonalNames rules, int[] starts, int[] ends, byte[] scripts, int n) {
            this.s = s;
            this.rules = rules;
            this.starts = starts;
            this.ends = ends;
            this.scripts = scripts;
            this.n = n;
            this.lower = new String[n];
        }

        static Tokens split(String s, PersonalNames rules) {
            int len = s.length();
            int n = 0;
            int[] starts = new int[16];
            int[] ends = new int[16];
            byte[] scripts = new byte[16];
            int i = 0;
            while (i < len) {
                char c = s.charAt(i);
                byte script = isCyrillicUpper(c) ? CYRILLIC : isLatinUpper(c) ? LATIN : -1;
                if (script < 0 || (i > 0 && (Character.isLetterOrDigit(s.charAt(i - 1)) || s.charAt(i - 1) == '['))) {
                    i++;
                    continue;
                }
                int j = i + 1;
                if (j < len && s.charAt(j) == '.') {
                    j++; // initial
                } else if (j < len && isUpper(script, s.charAt(j))) { // ИВАНОВ: all capitals
                    while (j < len && isUpper(script, s.charAt(j))) {
                        j++;
                    }
                    if (j - i < 3 || (j < len && Character.isLetterOrDigit(s.charAt(j)))) {
                        i = j;
                        continue;
                    }
                } else {
                    while (j < len && isLower(script, s.charAt(j))) {
                        j++;
                    }
                    if (j == i + 1) { // «ЖКХ», «МКД»: not a name word
                        i = j;
                        continue;
                    }
                    while (j + 2 < len && s.charAt(j) == '-' && isLetter(script, s.charAt(j + 1))
                            && isLower(script, s.charAt(j + 2))) {
                        j += 2;
                        while (j < len && isLower(script, s.charAt(j))) {
                            j++;
                        }
                    }
                    if (j < len && Character.isLetterOrDigit(s.charAt(j))) {
                        i = j;
                        continue;
                    }
                }
                if (n == starts.length) {
                    starts = Arrays.copyOf(starts, n * 2);
                    ends = Arrays.copyOf(ends, n * 2);
                    scripts = Arrays.copyOf(scripts, n * 2);
                }
                starts[n] = i;
                ends[n] = j;
                scripts[n] = script;
                n++;
                i = j;
            }
            return new Tokens(s, rules, starts, ends, scripts, n);
        }

        /** Index of the last token of a person name that starts at token {@code i}, or -1. */
        int nameEndingAt(int i) {
            if (type(i) == INITIAL) {
                // И. И. Иванов / И.И. Иванову
                if (linked(i) && type(i + 1) == INITIAL && linked(i + 1) && type(i + 2) == WORD && !stop(i + 2)
                        && (!caps(i + 2) || surnameLike(i + 2))) {
                    return i + 2;
                }
                // А. Иванов (one initial: the surname must look like one)
                if (linked(i) && type(i + 1) == WORD && surnameLike(i + 1) && !stop(i + 1)) {
                    return i + 1;
                }
                return -1;
            }
            // Иванов И. И. / Иванов И.И. (unless the initials belong to the next word: «Звонил И.И. Иванов»)
            if (linked(i) && type(i + 1) == INITIAL && linked(i + 1) && type(i + 2) == INITIAL
                    && !(linked(i + 2) && type(i + 3) == WORD) && surnameBeforeInitials(i)) {
                return i + 2;
            }
            // Иванова А. (one initial, not an address «Ленина Д. 5», not the start of «А. Петров»)
            if (linked(i) && type(i + 1) == INITIAL && !(linked(i + 1) && type(i + 2) >= 0)
                    && surnameLike(i) && !stop(i) && !digitAfter(ends[i + 1])) {
                return i + 1;
            }
            if (!linked(i) || type(i + 1) != WORD) {
                return -1;
            }
            // Фамилия Имя Отчество
            if (linked(i + 1) && type(i + 2) == WORD && patronymic(i + 2) && !patronymic(i + 1)
                    && surnameBeforeName(i)) {
                return i + 2;
            }
            // Имя Отчество [Фамилия]
            if (!patronymic(i) && patronymic(i + 1) && firstNameSlot(i)) {
                if (linked(i + 1) && type(i + 2) == WORD && !patronymic(i + 2) && surnameAfterPatronymic(i + 2)) {
                    return i + 2;
                }
                return i + 1;
            }
            // Имя Фамилия
            if (firstName(i) && surnameLike(i + 1) && !stop(i + 1)) {
                return i + 1;
            }
            // Фамилия Имя (unless the first name starts «Имя Фамилия» with the next word: «Снова Иван Петров»)
            if (surnameLike(i) && !stop(i) && firstName(i + 1)
                    && !(linked(i + 1) && type(i + 2) == WORD && surnameLike(i + 2) && !stop(i + 2))) {
                return i + 1;
            }
            return -1;
        }

        /**
         * After an introducing phrase: up to three linked name-like tokens (words that are not stop words or bare
         * capitals, initials), at least one of them a known first name, a patronymic or a surname; or -1.
         */
        int introducedNameEndingAt(int k) {
            int end = k - 1;
            boolean known = false;
            for (int j = k; j < n && j < k + 3; j++) {
                if (j > k && !linked(j - 1)) {
                    break;
                }
                boolean initial = type(j) == INITIAL;
                if (!initial && (stop(j) || (caps(j) && !surnameLike(j)))) {
                    break;
                }
                known |= initial || firstName(j) || patronymic(j) || surnameLike(j);
                end = j;
            }
            return known ? end : -1;
        }

        private boolean surnameBeforeInitials(int i) {
            if (stop(i) || caps(i)) { // «ЖКХ И.И.»: capitals only with a surname ending
                return !stop(i) && surnameLike(i);
            }
            return surnameLike(i) || !verbLike(i) || !sentenceInitial(i);
        }

        /** The word before «Имя Отчество»: a surname ending, or (mid-sentence) a plausible word before a known name. */
        private boolean surnameBeforeName(int i) {
            if (stop(i)) {
                return false;
            }
            if (surnameLike(i)) {
                return true;
            }
            return !caps(i) && !sentenceInitial(i) && !verbLike(i) && !afterPlacePreposition(i) && firstName(i + 1);
        }

        /** The word before a patronymic: a known first name, or any mid-sentence capitalised word. */
        private boolean firstNameSlot(int i) {
            if (stop(i)) {
                return false;
            }
            return firstName(i) || (!caps(i) && !sentenceInitial(i) && !afterPlacePreposition(i) && !verbLike(i));
        }

        private boolean surnameAfterPatronymic(int k) {
            return !stop(k) && (surnameLike(k) || (!caps(k) && !verbLike(k)));
        }

        /** A word written in capitals only («ИВАНОВ», «ЖКХ»). */
        boolean caps(int k) {
            return type(k) == WORD && ends[k] - starts[k] > 1 && isUpper(scripts[k], s.charAt(starts[k] + 1));
        }

        private boolean digitAfter(int pos) {
            int j = pos;
            while (j < s.length() && (s.charAt(j) == ' ' || s.charAt(j) == '\u00A0')) {
                j++;
            }
            return j < s.length() && TextMasking.isDigit(s.charAt(j));
        }

        int type(int k) {
            if (k >= n) {
                return -1;
            }
            return s.charAt(ends[k] - 1) == '.' ? INITIAL : WORD;
        }

        /** Tokens k and k+1 are of one script and separated by at most three spaces (or nothing, after an initial). */
        boolean linked(int k) {
            if (k + 1 >= n || scripts[k] != scripts[k + 1]) {
                return false;
            }
            int gap = starts[k + 1] - ends[k];
            if (gap < (type(k) == INITIAL ? 0 : 1) || gap > 3) {
                return false;
            }
            for (int j = ends[k]; j < starts[k + 1]; j++) {
                char c = s.charAt(j);
                if (c != ' ' && c != '\u00A0' && c != '\t') {
                    return false;
                }
            }
            return true;
        }

        String lower(int k) {
            String l = lower[k];
            if (l == null) {
                l = WordList.normalize(s.substring(starts[k], ends[k]));
                lower[k] = l;
            }
            return l;
        }

        private NameLexicon lexicon(int k) {
            return rules.lexicons[scripts[k]];
        }

        boolean patronymic(int k) {
            String l = lower(k);
            return l.length() >= 5 && l.indexOf('-') < 0 && lexicon(k).patronymicEndings().endsWord(l);
        }

        boolean firstName(int k) {
            return type(k) == WORD && lexicon(k).firstNames().contains(lower(k));
        }

        boolean surnameLike(int k) {
            return type(k) == WORD && lower(k).length() >= 4 && lexicon(k).surnameEndings().endsWord(lower(k));
        }

        boolean verbLike(int k) {
            return lexicon(k).verbEndings().endsWord(lower(k));
        }

        boolean stop(int k) {
            String l = lower(k);
            WordList notNames = lexicon(k).notNames();
            return notNames.containsWord(l) || (notNames.startsWithStem(l) && !surnameLike(k));
        }

        /** Start of text, line or sentence; a full stop after a short abbreviation («ул.», «гр.») does not count. */
        boolean sentenceInitial(int k) {
            int j = starts[k] - 1;
            while (j >= 0 && " \t\u00A0«\"'(„“—–-*".indexOf(s.charAt(j)) >= 0) {
                j--;
            }
            if (j < 0) {
                return true;
            }
            char c = s.charAt(j);
            if (c == '.') {
                int a = j - 1;
                while (a >= 0 && j - a <= 4 && Character.isLowerCase(s.charAt(a))) {
                    a--;
                }
                int abbreviationLength = j - 1 - a;
                boolean abbreviation = abbreviationLength >= 1 && abbreviationLength <= 3
                        && (a < 0 || !Character.isLetter(s.charAt(a)));
                return !abbreviation;
            }
            return c == '\n' || c == '\r' || c == '!' || c == '?' || c == '…' || c == ':' || c == ';';
        }

        boolean afterPlacePreposition(int k) {
            String w = wordBefore(starts[k], false);
            return w != null && rules.placePrepositions.containsWord(w);
        }

        boolean placeMarkerBefore(int k) {
            int j = starts[k] - 1;
            while (j >= 0 && (s.charAt(j) == ' ' || s.charAt(j) == '\u00A0')) {
                j--;
            }
            boolean dot = j >= 0 && s.charAt(j) == '.';
            String w = wordBefore(starts[k], true);
            if (w == null) {
                return false;
            }
            if (w.equals("с") || w.equals("д")) { // «с. Ивановка», «д. Петровка», but «с Иваном Петровичем»
                return dot;
            }
            return rules.placeMarkers.matches(w);
        }

        /** The lower-case word right before {@code pos} (spaces and, if allowed, one full stop in between). */
        private String wordBefore(int pos, boolean allowDot) {
            int j = pos - 1;
            while (j >= 0 && (s.charAt(j) == ' ' || s.charAt(j) == '\u00A0')) {
                j--;
            }
            if (allowDot && j >= 0 && s.charAt(j) == '.') {
                j--;
            }
            int e = j + 1;
            while (j >= 0 && e - j <= 12 && (Character.isLetter(s.charAt(j)) || s.charAt(j) == '-')) {
                j--;
            }
            if (e - (j + 1) == 0 || (j >= 0 && Character.isLetter(s.charAt(j)))) {
                return null;
            }
            return WordList.normalize(s.substring(j + 1, e));
        }
    }

    // ================================================================ characters

    private static boolean hasCapital(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isCyrillicUpper(c) || isLatinUpper(c)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isUpper(byte script, char c) {
        return script == CYRILLIC ? isCyrillicUpper(c) : isLatinUpper(c);
    }

    private static boolean isLower(byte script, char c) {
        return script == CYRILLIC ? (c >= 'а' && c <= 'я') || c == 'ё' : c >= 'a' && c <= 'z';
    }

    private static boolean isLetter(byte script, char c) {
        return isUpper(script, c) || isLower(script, c);
    }

    private static boolean isCyrillicUpper(char c) {
        return (c >= 'А' && c <= 'Я') || c == 'Ё';
    }

    private static boolean isLatinUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }
}
