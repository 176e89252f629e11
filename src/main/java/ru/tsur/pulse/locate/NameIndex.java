package ru.tsur.pulse.locate;

import ru.tsur.pulse.domain.Municipality;
import ru.tsur.pulse.normalize.TextNormalizer;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds a municipality by a name a source wrote — the map's name, an alias, our own id, or a variant spelling
 * («муниципальный округ №65», «МО N 65», «округ 65», «г. Колпино»). Names are reduced to a key — lower
 * case, «ё» as «е», «№»/«N» and type words («муниципальный округ», «город», «посёлок», …) dropped,
 * punctuation removed — and a name or key shared by two municipalities is never used.
 */
public final class NameIndex {

    // Matched after punctuation has become single spaces (so «Санкт-Петербурга» is two words here), with
    // Unicode word boundaries: without UNICODE_CHARACTER_CLASS, \b sees no boundary around Cyrillic on Java 19+.
    private static final Pattern TYPE_WORDS = Pattern.compile(
            "\\b(внутригородское|внутригородского|муниципальное|муниципального|муниципальный|образование|образования"
                    + "|санкт петербурга|города|федерального|значения|мо|вмо|округ|округа|г|город|пос|поселок|п|гп"
                    + "|городской|поселение|поселения)\\b", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern NUMBER_SIGN = Pattern.compile("(№|\\bn\\b)\\s*(?=\\d)");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{Nd}]+");

    private final Map<String, String> idsByExactName = new HashMap<>();
    private final Map<String, String> idsByKey = new HashMap<>();

    public NameIndex(List<Municipality> municipalities) {
        Set<String> ambiguousNames = new HashSet<>();
        Set<String> ambiguousKeys = new HashSet<>();
        for (Municipality municipality : municipalities) {
            idsByExactName.put(TextNormalizer.foldLine(municipality.id()), municipality.id());
            addName(municipality.id(), municipality.name(), ambiguousNames, ambiguousKeys);
            addName(municipality.id(), municipality.shortName(), ambiguousNames, ambiguousKeys);
            for (String alias : municipality.aliases()) {
                addName(municipality.id(), alias, ambiguousNames, ambiguousKeys);
            }
        }
        ambiguousNames.forEach(idsByExactName::remove);
        ambiguousKeys.forEach(idsByKey::remove);
        // Our own ids always designate their municipality.
        municipalities.forEach(municipality ->
                idsByExactName.put(TextNormalizer.foldLine(municipality.id()), municipality.id()));
    }

    /** The municipality id a name designates, if it designates exactly one. */
    public Optional<String> find(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        String exact = idsByExactName.get(TextNormalizer.foldLine(name));
        if (exact != null) {
            return Optional.of(exact);
        }
        String key = key(name);
        return key.isEmpty() ? Optional.empty() : Optional.ofNullable(idsByKey.get(key));
    }

    private void addName(String id, String name, Set<String> ambiguousNames, Set<String> ambiguousKeys) {
        if (name == null || name.isBlank()) {
            return;
        }
        String previousExact = idsByExactName.putIfAbsent(TextNormalizer.foldLine(name), id);
        if (previousExact != null && !previousExact.equals(id)) {
            ambiguousNames.add(TextNormalizer.foldLine(name));
        }
        String key = key(name);
        if (key.isEmpty()) {
            return;
        }
        String previous = idsByKey.putIfAbsent(key, id);
        if (previous != null && !previous.equals(id)) {
            ambiguousKeys.add(key);
        }
    }

    /** The reduced form two spellings of one name share. */
    static String key(String name) {
        String folded = TextNormalizer.foldLine(name).replace('«', ' ').replace('»', ' ').replace('"', ' ');
        folded = NUMBER_SIGN.matcher(folded).replaceAll(" ");
        folded = NOT_WORD.matcher(folded).replaceAll(" ");
        folded = TYPE_WORDS.matcher(folded).replaceAll(" ");
        return NOT_WORD.matcher(folded).replaceAll(" ").strip();
    }
}
