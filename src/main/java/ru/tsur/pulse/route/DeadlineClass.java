package ru.tsur.pulse.route;

import ru.tsur.pulse.normalize.TextNormalizer;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How fast a routed message must be answered and solved — the class only; the durations each class stands for
 * (hours to the first reply, days to the solution) belong to the SLA configuration and are not decided here.
 * <ul>
 *   <li>{@code urgent} — a danger to people or property, or a home without heat, water or power: first reply
 *       and action at once (same working shift);</li>
 *   <li>{@code standard} — the ordinary case: first reply and solution within the regular terms;</li>
 *   <li>{@code extended} — needs planning, money or works out of season (capital repair, a new road surface):
 *       first reply within the regular term, solution later. Never learned; set by the control room's
 *       overrides.</li>
 * </ul>
 * The ids (lower case) are what the routing files hold.
 */
public enum DeadlineClass {
    URGENT,
    STANDARD,
    EXTENDED;

    /**
     * Topic wording that signals danger, matched on the topic folded to lower case with «ё» as «е»: an
     * emergency («аварийн…»: «Аварийные деревья», «Аварийное жильё»), a collapse («обрушен…»), a threat
     * («угроз…»: «Угроза падения дерева»), a burst («прорыв…»), flooding («затоплен…», «подтоплен…»), a home
     * without heating, water, electricity or light («отсутствие отопления», «отсутствие горячей воды»,
     * «нет света»), ice or icicles on a roof («Наличие наледи на крыше»; ice on roads is not in this class).
     */
    private static final List<Pattern> DANGER = List.of(
            Pattern.compile("аварийн|обрушен|угроз|прорыв|затоплен|подтоплен"),
            Pattern.compile("(отсутств\\S*|нет|без)\\s+((горяч|холодн)\\S*\\s+)?(отоплени[ея]|теплоснабжени[ея]"
                    + "|воды|водоснабжени[ея]|электроэнерги[ия]|электроснабжени[ея]|электричества|света|газа"
                    + "|газоснабжени[ея])(?![а-я])"),
            Pattern.compile("(налед|сосул)\\S*.*(крыш|кровл)|(крыш|кровл)\\S*.*(налед|сосул)"));

    /** The id used in the routing files: {@code urgent}, {@code standard}, {@code extended}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The class with this id (case-insensitive, surrounding spaces ignored). */
    public static Optional<DeadlineClass> byId(String id) {
        if (id == null) {
            return Optional.empty();
        }
        String wanted = id.strip().toLowerCase(Locale.ROOT);
        for (DeadlineClass deadline : values()) {
            if (deadline.id().equals(wanted)) {
                return Optional.of(deadline);
            }
        }
        return Optional.empty();
    }

    /** The learned class of a topic: {@link #URGENT} when its name signals danger (see above), else standard. */
    public static DeadlineClass ofTopic(String topic) {
        if (topic == null || topic.isBlank()) {
            return STANDARD;
        }
        String folded = TextNormalizer.fold(topic);
        for (Pattern danger : DANGER) {
            if (danger.matcher(folded).find()) {
                return URGENT;
            }
        }
        return STANDARD;
    }
}
