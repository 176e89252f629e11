package ru.tsur.pulse.console.triage;

import io.quarkus.qute.TemplateData;
import ru.tsur.pulse.domain.Classification;
import ru.tsur.pulse.pages.MiniMap;
import ru.tsur.pulse.triage.api.TriageItem;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * One message of the triage queue as the console's card shows it: every figure already in Russian words
 * (times in the region's zone, probabilities as whole percent), the candidates numbered for their keys
 * (1, 2, 3), and the point placed on the mini map. Plain: the template only prints.
 */
@TemplateData
public record TriageCard(long messageId, String received, String created, String municipality, String text,
                         String category, String categoryName, String topic, String confidence, String executor,
                         String rule, Long caseId, MiniMap.Point point, String area, List<Choice> categories, List<Choice> topics) {

    /** A candidate label: its key (1–3), id, shown name and probability. */
    @TemplateData
    public record Choice(int key, String id, String name, String probability) {
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.forLanguageTag("ru"));

    public static TriageCard of(TriageItem item, MiniMap map, ZoneId zone, Function<String, String> categoryName) {
        List<Choice> categories = new ArrayList<>();
        for (Classification.Candidate candidate : item.categoryCandidates()) {
            categories.add(new Choice(categories.size() + 1, candidate.label(), categoryName.apply(candidate.label()),
                    percent(candidate.probability())));
        }
        List<Choice> topics = new ArrayList<>();
        for (Classification.Candidate candidate : item.topicCandidates()) {
            topics.add(new Choice(topics.size() + 1, candidate.label(), candidate.label(), percent(candidate.probability())));
        }
        return new TriageCard(item.messageId(), TIME.format(item.receivedAt().atZone(zone)),
                TIME.format(item.createdAt().atZone(zone)), item.municipalityName(), item.text(), item.category(),
                item.categoryName(), item.topic(), percent(item.confidence()),
                item.executor() == null ? "не определён" : item.executor(), item.rule(), item.caseId(),
                map.point(item.lat(), item.lon()).orElse(null), map.area(item.municipality()), categories, topics);
    }

    static String percent(double probability) {
        return Math.round(probability * 100) + "\u00a0%";
    }
}
