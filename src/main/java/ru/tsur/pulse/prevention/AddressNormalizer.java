package ru.tsur.pulse.prevention;

import ru.tsur.pulse.normalize.TextNormalizer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One spelling per building: a Russian street address in the form the chronic-places register compares
 * buildings in, so that «г.Санкт-Петербург, Мебельная улица, дом 47, корпус 1, литера А», «Санкт-Петербург г.,
 * ул. Мебельная, д. 47 к. 1 лит. А» and «г. Санкт-Петербург, ул Мебельная, 47к1» are one place. The result
 * is its parts in their order, joined by {@code ", "}: {@code санкт петербург, улица мебельная, дом 47,
 * корпус 1}. Rules:
 * <ul>
 *   <li>lower case, «ё» as «е» ({@link TextNormalizer#fold(String)}); «№», quotes, dots, hyphens and other
 *       punctuation are spaces, except «/» inside a house number (9/3); ordinal endings go («5-я» → 5);</li>
 *   <li>abbreviations become whole words: ул. → улица, пр./пр-т/просп. → проспект, пер. → переулок,
 *       ш. → шоссе, наб. → набережная, пл. → площадь, б-р/бул. → бульвар, г. → город, пос./п. → поселок,
 *       д. → дом, к./корп. → корпус, лит. → литера, стр. → строение (and more, {@link #WORDS});</li>
 *   <li>«дом», «корпус», «литера», «строение» each start a part; a number that ends a street part («ул.
 *       Мебельная 47») or a part on its own («…, 47») is the house; glued forms are split («47к1» → дом 47,
 *       корпус 1; «5лит.Б» → дом 5, литера б); a house letter stays on its number («167 а» → 167а);</li>
 *   <li>the street type leads its part («Мебельная улица» → улица мебельная); a settlement's type goes
 *       («г. Колпино», «город Колпино» and «Колпино» are one town);</li>
 *   <li>what is not the building goes: the country, a six-digit postal code, квартира, подъезд, парадная,
 *       этаж, помещение, офис with their numbers; and «литера А», the default letter of a St Petersburg
 *       building that residents leave out.</li>
 * </ul>
 * The settlement's name is kept (a Пушкинская улица exists in several towns of one region). Stateless.
 */
public final class AddressNormalizer {

    /** Abbreviations and spellings → the word the normal form uses. */
    static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("ул", "улица"),
            Map.entry("пр", "проспект"), Map.entry("пр-т", "проспект"), Map.entry("пр-кт", "проспект"),
            Map.entry("просп", "проспект"), Map.entry("пр-д", "проезд"), Map.entry("пер", "переулок"),
            Map.entry("ш", "шоссе"), Map.entry("шос", "шоссе"), Map.entry("наб", "набережная"),
            Map.entry("пл", "площадь"), Map.entry("б-р", "бульвар"), Map.entry("бул", "бульвар"),
            Map.entry("бульв", "бульвар"), Map.entry("ал", "аллея"), Map.entry("лин", "линия"),
            Map.entry("дор", "дорога"), Map.entry("туп", "тупик"), Map.entry("мкр", "микрорайон"),
            Map.entry("мкрн", "микрорайон"), Map.entry("г", "город"), Map.entry("гор", "город"),
            Map.entry("п", "поселок"), Map.entry("пос", "поселок"), Map.entry("пгт", "поселок"),
            Map.entry("дер", "деревня"), Map.entry("д", "дом"), Map.entry("к", "корпус"), Map.entry("кор", "корпус"),
            Map.entry("корп", "корпус"), Map.entry("лит", "литера"), Map.entry("литер", "литера"),
            Map.entry("лит-ра", "литера"), Map.entry("стр", "строение"), Map.entry("кв", "квартира"),
            Map.entry("эт", "этаж"), Map.entry("пом", "помещение"), Map.entry("оф", "офис"),
            Map.entry("парадная", "подъезд"));

    /** Words that lead the part they name (street types). */
    static final Set<String> TYPES = Set.of("улица", "проспект", "переулок", "шоссе", "набережная", "площадь",
            "бульвар", "аллея", "проезд", "линия", "дорога", "тупик", "микрорайон");
    /** Settlement types, dropped: «г. Колпино» and «Колпино» are one town. */
    static final Set<String> SETTLEMENTS = Set.of("город", "поселок", "деревня", "село");

    /** Words that start a part of the building. */
    private static final Set<String> HOUSE = Set.of("дом", "корпус", "литера", "строение");
    /** Words that start a part that is not the building (it and its number are dropped). */
    private static final Set<String> INSIDE = Set.of("квартира", "подъезд", "этаж", "помещение", "офис");
    private static final Set<String> COUNTRY = Set.of("россия", "российская федерация", "рф");

    private static final Pattern ORDINAL = Pattern.compile("(\\d)\\s*-\\s*(?:ая|ий|ой|ое|ые|ья|ый|го|я|й|е|м)(?![а-я])");
    private static final Pattern GLUED_BLOCK = Pattern.compile("(\\d)\\s*(?:корпус|корп|кор|к)\\.?\\s*(?=\\d)");
    private static final Pattern GLUED_BUILDING = Pattern.compile("(\\d)\\s*(?:строение|стр)\\.?\\s*(?=\\d)");
    private static final Pattern GLUED_LETTER = Pattern.compile("(\\d[а-я]?)\\s*(?:литера|литер|лит)\\.?\\s*(?=[а-я](?![а-я]))");
    private static final Pattern COMPONENTS = Pattern.compile("[,;]");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern HYPHENS = Pattern.compile("-+");
    private static final Pattern POSTAL_CODE = Pattern.compile("\\d{6}");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{Nd}/\\s-]");

    private AddressNormalizer() {
    }

    /** The normal form of {@code address}; "" when it names nothing (null, blank, only a country or a code). */
    public static String normalize(String address) {
        if (address == null || address.isBlank()) {
            return "";
        }
        String text = TextNormalizer.fold(address).replace('№', ' ');
        text = ORDINAL.matcher(text).replaceAll("$1");
        text = GLUED_BLOCK.matcher(text).replaceAll("$1 корпус ");
        text = GLUED_BUILDING.matcher(text).replaceAll("$1 строение ");
        text = GLUED_LETTER.matcher(text).replaceAll("$1 литера ");
        List<String> parts = new ArrayList<>();
        for (String component : COMPONENTS.split(text)) {
            List<String> words = words(component);
            if (!(words.size() == 1 && POSTAL_CODE.matcher(words.get(0)).matches())) {
                parts.addAll(parts(words));
            }
        }
        return String.join(", ", parts);
    }

    /** The words of one comma-separated component, abbreviations expanded. */
    private static List<String> words(String component) {
        List<String> words = new ArrayList<>();
        String cleaned = NOT_WORD.matcher(component.replace('.', ' ')).replaceAll(" ");
        for (String token : SPACES.split(cleaned.trim())) {
            if (token.isEmpty()) {
                continue;
            }
            String word = WORDS.getOrDefault(token, token);
            if (word.contains("-")) {
                for (String piece : HYPHENS.split(word)) {
                    if (!piece.isEmpty()) {
                        words.add(WORDS.getOrDefault(piece, piece));
                    }
                }
            } else {
                words.add(word);
            }
        }
        // «9 / 3» is one house number
        for (int index = words.size() - 2; index >= 1; index--) {
            if (words.get(index).equals("/")) {
                words.set(index - 1, words.get(index - 1) + "/" + words.get(index + 1));
                words.remove(index + 1);
                words.remove(index);
            }
        }
        return words;
    }

    /** The normal parts of one component: split at house and inside words and at a trailing house number. */
    private static List<String> parts(List<String> words) {
        List<String> parts = new ArrayList<>();
        List<String> current = new ArrayList<>();
        String kind = null; // null = a street or settlement part, else the house or inside word that began it
        for (int index = 0; index < words.size(); index++) {
            String word = words.get(index);
            boolean starts = HOUSE.contains(word) || INSIDE.contains(word);
            boolean impliedHouse = !starts && kind == null && isNumber(word) && onlyHouseValuesFrom(words, index + 1);
            if (starts || impliedHouse) {
                add(parts, kind, current);
                current = new ArrayList<>();
                kind = starts ? word : "дом";
                if (starts) {
                    continue;
                }
            }
            current.add(word);
        }
        add(parts, kind, current);
        return parts;
    }

    /** Whether every word from {@code from} to the next house or inside word is a number or a single letter. */
    private static boolean onlyHouseValuesFrom(List<String> words, int from) {
        for (int index = from; index < words.size(); index++) {
            String word = words.get(index);
            if (HOUSE.contains(word) || INSIDE.contains(word)) {
                return true;
            }
            if (!isNumber(word) && word.length() > 1) {
                return false;
            }
        }
        return true;
    }

    private static boolean isNumber(String word) {
        return !word.isEmpty() && Character.isDigit(word.charAt(0));
    }

    private static void add(List<String> parts, String kind, List<String> words) {
        if (kind != null && INSIDE.contains(kind)) {
            return;
        }
        if (kind != null) {
            String value = String.join("", words);
            if (!value.isEmpty() && !(kind.equals("литера") && value.equals("а"))) {
                parts.add(kind + " " + value);
            }
            return;
        }
        if (words.isEmpty()) {
            return;
        }
        if (COUNTRY.contains(String.join(" ", words))) {
            return;
        }
        List<String> ordered = new ArrayList<>(words);
        boolean street = false;
        for (int index = 0; index < ordered.size(); index++) {
            if (TYPES.contains(ordered.get(index))) {
                ordered.add(0, ordered.remove(index));
                street = true;
                break;
            }
        }
        if (!street) {
            ordered.removeIf(SETTLEMENTS::contains);
        }
        if (!ordered.isEmpty()) {
            parts.add(String.join(" ", ordered));
        }
    }
}
