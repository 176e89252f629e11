package ru.tsur.pulse.prevention.incidents;

import ru.tsur.pulse.alerts.AlertLabels;
import ru.tsur.pulse.alerts.AlertRaise;
import ru.tsur.pulse.domain.Region;

import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Turns a stored incident into what the alerts core stores and the wall shows ({@code kind=incident}): its
 * labels (identity: the incident's id, with its municipality and category so the alert filters and an
 * official's scope work as for the other kinds), its group (one per municipality), severity (critical from
 * {@code criticalPlaces} places up), the Russian title and summary, and the explanation in {@code details}:
 * the places, messages, expected count, p-value, probable cause, area and time. Plain code, no framework
 * (the alerts core's request and fingerprint are plain classes too).
 */
public final class IncidentAlertText {

    /** The alert kind of every incident alert. */
    public static final String KIND = "incident";

    private static final Locale RUSSIAN = Locale.forLanguageTag("ru");
    private static final DateTimeFormatter WALL_TIME = DateTimeFormatter.ofPattern("HH:mm dd.MM", RUSSIAN);

    private final Function<String, String> municipalityNames;
    private final ZoneId zone;
    private final int criticalPlaces;

    public IncidentAlertText(Function<String, String> municipalityNames, ZoneId zone, int criticalPlaces) {
        this.municipalityNames = municipalityNames;
        this.zone = zone;
        this.criticalPlaces = criticalPlaces;
    }

    /** The texts of a region: its municipalities' names and time zone. */
    public static IncidentAlertText of(Region region, int criticalPlaces) {
        Map<String, String> names = region.municipalityNames();
        return new IncidentAlertText(id -> names.getOrDefault(id, id), ZoneId.of(region.timeZone()), criticalPlaces);
    }

    /** What the alerts core is asked to make firing for an open incident. */
    public AlertRaise raise(StoredIncident incident) {
        return new AlertRaise(KIND, labels(incident), severity(incident), title(incident), summary(incident),
                details(incident), group(incident), null);
    }

    /** The id of an incident's alert. */
    public static String alertId(StoredIncident incident) {
        return AlertLabels.fingerprint(KIND, labels(incident));
    }

    /** The labels that identify an incident's alert. */
    public static Map<String, String> labels(StoredIncident incident) {
        Map<String, String> labels = new TreeMap<>();
        labels.put("incident", Long.toString(incident.id()));
        labels.put("municipality", incident.municipality());
        labels.put("category", incident.category());
        return labels;
    }

    /** The incidents of one municipality share a group. */
    public static String group(StoredIncident incident) {
        return KIND + ":municipality=" + incident.municipality();
    }

    public String severity(StoredIncident incident) {
        return incident.places().size() >= criticalPlaces ? "critical" : "warning";
    }

    /** «Инцидент: Нет горячей воды — 5 адресов, Рыбацкое». */
    public String title(StoredIncident incident) {
        return "Инцидент: " + incident.topic() + " — " + addresses(incident.places().size()) + ", "
                + municipalityNames.apply(incident.municipality());
    }

    /** «7 обращений с 5 адресов в радиусе 350 м с 08:10 03.12 (ожидалось 0,4); вероятная причина: …». */
    public String summary(StoredIncident incident) {
        return String.format(RUSSIAN, "%d %s с %s в радиусе %d м с %s (ожидалось %.1f); вероятная причина: %s",
                incident.messageCount(), messagesWord(incident.messageCount()), addressesGenitive(incident.places().size()),
                Math.round(incident.radiusMetres()), WALL_TIME.format(incident.start().atZone(zone)), incident.expected(),
                incident.cause());
    }

    /** Plain numbers for machines and the alert's detail view. */
    public Map<String, Object> details(StoredIncident incident) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("incident", incident.id());
        details.put("status", incident.status());
        details.put("topic", incident.topic());
        details.put("cause", incident.cause());
        details.put("places", incident.places().size());
        details.put("messages", incident.messageCount());
        details.put("expected", Math.round(incident.expected() * 1000) / 1000.0);
        details.put("pValue", incident.pValue());
        details.put("latitude", incident.latitude());
        details.put("longitude", incident.longitude());
        details.put("radiusMetres", Math.round(incident.radiusMetres()));
        details.put("start", incident.start().toString());
        details.put("end", incident.end().toString());
        details.put("hours", Math.round(Duration.between(incident.start(), incident.end()).toMinutes() / 6.0) / 10.0);
        return details;
    }

    /** «1 адрес», «3 адреса», «5 адресов». */
    public static String addresses(int count) {
        return count + " " + plural(count, List.of("адрес", "адреса", "адресов"));
    }

    /** «с 1 адреса», «с 5 адресов». */
    static String addressesGenitive(int count) {
        return count + " " + (count % 10 == 1 && count % 100 != 11 ? "адреса" : "адресов");
    }

    /** «обращение», «обращения», «обращений» after a count. */
    public static String messagesWord(int count) {
        return plural(count, List.of("обращение", "обращения", "обращений"));
    }

    /** The Russian plural form for one, a few (2–4) and many. */
    static String plural(int count, List<String> forms) {
        int lastTwo = count % 100;
        int last = count % 10;
        if (lastTwo >= 11 && lastTwo <= 14) {
            return forms.get(2);
        }
        return last == 1 ? forms.get(0) : last >= 2 && last <= 4 ? forms.get(1) : forms.get(2);
    }
}
