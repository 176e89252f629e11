package ru.tsur.pulse.tension;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Turns a tension alert into what the alerts core stores and the wall shows: its labels (identity —
 * {@code municipality}, {@code category} for a district; {@code scope=region}, {@code category} and maybe
 * {@code topic} for the whole region), group key, severity, Russian title and summary, and the
 * explanation in {@code details}: observed vs expected, since when, the topics that drove it and sample
 * messages (display text only). Plain code, no framework.
 */
public final class TensionAlertText {

    /** The alert kind of every tension alert. */
    public static final String KIND = "tension";

    private static final Locale RUSSIAN = Locale.forLanguageTag("ru");
    private static final DateTimeFormatter WALL_TIME = DateTimeFormatter.ofPattern("HH:mm dd.MM", RUSSIAN);

    private final Function<String, String> municipalityNames;
    private final Function<String, String> categoryNames;
    private final String regionName;
    private final ZoneId zone;

    public TensionAlertText(Function<String, String> municipalityNames, Function<String, String> categoryNames,
                            String regionName, ZoneId zone) {
        this.municipalityNames = municipalityNames;
        this.categoryNames = categoryNames;
        this.regionName = regionName;
        this.zone = zone;
    }

    /** The labels that identify the alert of a series. */
    public static Map<String, String> labels(SeriesKey key) {
        Map<String, String> labels = new TreeMap<>();
        if (key.regionWide()) {
            labels.put("scope", "region");
        } else {
            labels.put("municipality", key.municipality());
        }
        labels.put("category", key.category());
        if (key.topic() != null) {
            labels.put("topic", key.topic());
        }
        return labels;
    }

    /** Alerts of one category share a group: the region-wide alert and the districts beneath it. */
    public static String group(SeriesKey key) {
        return KIND + ":category=" + key.category();
    }

    public static String severity(TensionAlertView alert) {
        return alert.peakScore() >= 90 ? "critical" : "warning";
    }

    public String place(SeriesKey key) {
        return key.regionWide() ? regionName : municipalityNames.apply(key.municipality());
    }

    public String title(TensionAlertView alert) {
        SeriesKey key = alert.key();
        String what = categoryNames.apply(key.category()) + (key.topic() == null ? "" : " — " + key.topic());
        return key.regionWide() ? "Всплеск обращений по всему региону: " + what
                : "Всплеск обращений: " + place(key) + ", " + what;
    }

    public String summary(TensionAlertView alert) {
        StringBuilder summary = new StringBuilder(
                // Russian figures (decimal comma) in a text people read; the details keep plain numbers for machines.
                String.format(RUSSIAN, "%d обращений при ожидаемых %.1f с %s",
                alert.observed(), alert.expected(), WALL_TIME.format(alert.start().atZone(zone))));
        if (!alert.topics().isEmpty()) {
            summary.append("; больше всего: ");
            summary.append(String.join(", ", alert.topics().stream().map(TensionAlertView.TopicExcess::topic).toList()));
        }
        return summary.toString();
    }

    /** The explanation: figures, since when, driving topics, sample messages. */
    public Map<String, Object> details(TensionAlertView alert, List<String> samples) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("place", place(alert.key()));
        details.put("categoryName", categoryNames.apply(alert.key().category()));
        details.put("observed", alert.observed());
        details.put("expected", round(alert.expected()));
        details.put("ratio", round(alert.observed() / Math.max(alert.expected(), 0.05)));
        details.put("score", alert.score());
        details.put("peakScore", alert.peakScore());
        details.put("since", alert.start().toString());
        details.put("through", alert.through().toString());
        List<Map<String, Object>> topics = new ArrayList<>();
        for (TensionAlertView.TopicExcess topic : alert.topics()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("topic", topic.topic());
            item.put("observed", topic.observed());
            item.put("expected", round(topic.expected()));
            topics.add(item);
        }
        details.put("topics", topics);
        details.put("samples", List.copyOf(samples));
        return details;
    }

    /** When the figures of an alert end (its resolution, else the end of its last bucket). */
    public static Instant until(TensionAlertView alert) {
        return alert.end() == null ? alert.through() : alert.end();
    }

    static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
