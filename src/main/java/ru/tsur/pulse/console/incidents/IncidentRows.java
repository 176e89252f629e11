package ru.tsur.pulse.console.incidents;

import io.quarkus.qute.TemplateData;
import ru.tsur.pulse.prevention.incidents.IncidentAlertText;
import ru.tsur.pulse.prevention.incidents.IncidentRepository;
import ru.tsur.pulse.prevention.incidents.StoredIncident;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The console's incident list in Russian words: status, what and where («Нет горячей воды — 7 адресов»,
 * the municipality's name), since when, the figures against the expected, the probable cause, and which acts
 * the status allows. Plain: incidents, names and the zone in, rows out.
 */
public final class IncidentRows {

    /** One row of the list. */
    @TemplateData
    public record Row(long id, String status, String statusWord, String what, String where, String since,
                      String figures, String cause, boolean open, boolean detected, String note) {
    }

    /** One of an incident's messages: when (in the region's time), where, the display text, its case. */
    @TemplateData
    public record MessageLine(String when, String address, String text, Long caseId) {
    }

    private static final Locale RUSSIAN = Locale.forLanguageTag("ru");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM HH:mm", RUSSIAN);

    private IncidentRows() {
    }

    public static List<Row> rows(List<StoredIncident> incidents, Function<String, String> municipalityNames, ZoneId zone) {
        return incidents.stream().map(incident -> row(incident, municipalityNames, zone)).toList();
    }

    public static List<MessageLine> messages(List<IncidentRepository.MessageRow> messages, ZoneId zone) {
        return messages.stream().map(message -> new MessageLine(TIME.format(message.createdAt().atZone(zone)),
                message.address(), message.text(), message.caseId())).toList();
    }

    static Row row(StoredIncident incident, Function<String, String> municipalityNames, ZoneId zone) {
        int places = incident.places().size();
        String what = incident.topic() + " — " + IncidentAlertText.addresses(places);
        String figures = String.format(RUSSIAN, "%d %s при норме %.1f, радиус %d м", incident.messageCount(),
                IncidentAlertText.messagesWord(incident.messageCount()), incident.expected(),
                Math.round(incident.radiusMetres()));
        String note = incident.statusBy() == null ? null
                : incident.statusWord() + ": " + incident.statusBy() + ", " + TIME.format(incident.statusAt().atZone(zone))
                + (incident.statusNote() == null ? "" : " — " + incident.statusNote());
        return new Row(incident.id(), incident.status(), incident.statusWord(), what,
                municipalityNames.apply(incident.municipality()), TIME.format(incident.start().atZone(zone)), figures,
                incident.cause(), incident.open(), StoredIncident.DETECTED.equals(incident.status()), note);
    }
}
