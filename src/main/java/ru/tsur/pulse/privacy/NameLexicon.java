package ru.tsur.pulse.privacy;

import java.util.HashSet;
import java.util.Set;

/**
 * What {@link PersonalNames} knows about names in one script: first names (all their forms, normalized), endings
 * of surnames and patronymics, verb endings and the capitalised words that are never names.
 *
 * <p>Why: the name rules («Имя Фамилия», «Фамилия И. О.», «Имя Отчество») are the same for «Пётр Смирнов» and
 * «Pyotr Smirnov»; only the words differ, so each script brings its own lexicon to the same rules.
 */
record NameLexicon(Set<String> firstNames, WordList surnameEndings, WordList patronymicEndings,
                   WordList verbEndings, WordList notNames) {

    /** The shipped Cyrillic lexicon; first names are declined («Иван» → «Ивана», «Ивану», «Иваном», «Иване»). */
    static NameLexicon cyrillic() {
        return new NameLexicon(declinedFirstNames(WordList.shipped("first-names")),
                WordList.shipped("surname-endings"), WordList.shipped("patronymic-endings"),
                WordList.shipped("verb-endings"), WordList.shipped("not-names"));
    }

    /** The shipped Latin lexicon; transliterated names are not declined, and there are no verb endings to check. */
    static NameLexicon latin() {
        return new NameLexicon(WordList.shipped("latin-first-names").words(),
                WordList.shipped("latin-surname-endings"), WordList.shipped("latin-patronymic-endings"),
                WordList.none("latin verb endings"), WordList.shipped("latin-not-names"));
    }

    /** All case forms of the given Russian first names, normalized (lower case, «ё» as «е»). */
    static Set<String> declinedFirstNames(WordList names) {
        Set<String> forms = new HashSet<>();
        for (String name : names.words()) {
            forms.add(name);
            String stem = name.substring(0, name.length() - 1);
            switch (name.charAt(name.length() - 1)) {
                case 'й' -> addAll(forms, stem, "я", "ю", "ем", "е", "и");
                case 'ь' -> addAll(forms, stem, "я", "ю", "ем", "е", "и", "ью");
                case 'я' -> addAll(forms, stem, "и", "е", "ю", "ей", "ею");
                case 'а' -> addAll(forms, stem, "ы", "и", "е", "у", "ой", "ою");
                case 'и' -> { } // Нелли: not declined
                default -> addAll(forms, switch (name) {
                    case "павел" -> "павл";
                    case "лев" -> "льв";
                    default -> name;
                }, "а", "у", "ом", "ем", "е");
            }
        }
        return Set.copyOf(forms);
    }

    private static void addAll(Set<String> forms, String stem, String... endings) {
        for (String ending : endings) {
            forms.add(stem + ending);
        }
    }
}
