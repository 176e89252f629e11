package ru.tsur.pulse.prevention.incidents;

import java.util.List;
import java.util.Locale;

/**
 * The probable cause class of an incident, from its category and topic: when several buildings of one block
 * complain of the same thing at once, the topic says which shared network failed. A short ordered list of
 * word rules in lower case: a rule matches when all its words are in the topic (in a second pass, in the
 * category — the topic is the more specific) and none of its excluding words in either; first match wins;
 * what matches none is «общая причина не определена» (graffiti or litter in many buildings share no network — at most one patrol or one reporter).
 * Entrance lighting is deliberately not «наружное освещение»: it is each building's own wiring.
 */
public final class CauseClass {

    /** The class of what matches no rule. */
    public static final String UNDETERMINED = "общая причина не определена";

    private record Rule(List<String> all, List<String> none, String cause) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule(List.of("горяч"), List.of(), "теплоснабжение: авария на сети/ИТП"),
            new Rule(List.of("отоплен"), List.of("лестничн"), "теплоснабжение: авария на сети/ИТП"),
            new Rule(List.of("холодной"), List.of(), "водоснабжение: авария на сети"),
            new Rule(List.of("водоснабжение"), List.of(), "водоснабжение: авария на сети"),
            new Rule(List.of("канализац"), List.of("ливнев"), "водоотведение: авария на сети"),
            new Rule(List.of("освещен"), List.of("подъезд", "лифт", "фасад", "надписи"), "наружное освещение: линия"),
            new Rule(List.of("провода"), List.of(), "электроснабжение: повреждение линии"),
            new Rule(List.of("снег"), List.of(), "уборка снега: снегопад"),
            new Rule(List.of("лужи"), List.of(), "водоотведение: ливневая сеть"));

    private CauseClass() {
    }

    /** The cause class of a category and topic. */
    public static String of(String category, String topic) {
        String both = (category + " " + topic).toLowerCase(Locale.ROOT);
        for (String text : new String[] {topic.toLowerCase(Locale.ROOT), category.toLowerCase(Locale.ROOT)}) {
            for (Rule rule : RULES) {
                if (rule.all().stream().allMatch(text::contains) && rule.none().stream().noneMatch(both::contains)) {
                    return rule.cause();
                }
            }
        }
        return UNDETERMINED;
    }
}
