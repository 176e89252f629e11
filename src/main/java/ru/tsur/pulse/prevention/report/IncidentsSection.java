package ru.tsur.pulse.prevention.report;

import ru.tsur.pulse.prevention.incidents.StoredIncident;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report's section of incidents with one root cause that began in the period: how many, what operators made
 * of them (confirmed, resolved, dismissed, still open), how many of each probable cause class (the shared networks
 * that failed: what prevention would invest in), and the largest of them, most places first. Plain code.
 *
 * @param total     incidents that began in the period
 * @param open      still detected or confirmed
 * @param confirmed of the open ones, those an operator confirmed
 * @param resolved  their cases resolved together
 * @param dismissed dismissed as coincidences
 * @param causes    incidents and messages per cause class, most incidents first
 * @param lines     the largest incidents
 */
public record IncidentsSection(int total, int open, int confirmed, int resolved, int dismissed, List<CauseCount> causes,
                               List<Line> lines) {

    /** Rows of the largest incidents. */
    public static final int TOP = 15;


    public IncidentsSection {
        causes = List.copyOf(causes);
        lines = List.copyOf(lines);
    }

    /** One cause class: its incidents and their messages. */
    public record CauseCount(String cause, int incidents, int messages) {
    }

    /**
     * One incident.
     *
     * @param id           its number
     * @param start        its first message
     * @param municipality the municipality's name
     * @param topic        what its messages are about
     * @param cause        its probable cause class
     * @param places       distinct places (buildings, else ~150 m cells)
     * @param messages     its messages
     * @param status       what operators made of it, in Russian
     */
    public record Line(long id, Instant start, String municipality, String topic, String cause, int places,
                       int messages, String status) {
    }

    /** The section of these incidents; {@code municipalityNames} gives the names for people. */
    public static IncidentsSection of(List<StoredIncident> incidents, Map<String, String> municipalityNames) {
        int open = 0;
        int confirmed = 0;
        int resolved = 0;
        int dismissed = 0;
        Map<String, int[]> byCause = new LinkedHashMap<>();
        for (StoredIncident incident : incidents) {
            switch (incident.status()) {
                case StoredIncident.DETECTED -> open++;
                case StoredIncident.CONFIRMED -> {
                    open++;
                    confirmed++;
                }
                case StoredIncident.RESOLVED -> resolved++;
                case StoredIncident.DISMISSED -> dismissed++;
                default -> {
                }
            }
            int[] counts = byCause.computeIfAbsent(incident.cause(), cause -> new int[2]);
            counts[0]++;
            counts[1] += incident.messageCount();
        }
        List<CauseCount> causes = new ArrayList<>();
        byCause.forEach((cause, counts) -> causes.add(new CauseCount(cause, counts[0], counts[1])));
        causes.sort(Comparator.comparingInt(CauseCount::incidents).reversed().thenComparing(CauseCount::cause));
        List<Line> lines = incidents.stream()
                .sorted(Comparator.comparingInt((StoredIncident incident) -> incident.places().size()).reversed()
                        .thenComparing(Comparator.comparingInt(StoredIncident::messageCount).reversed())
                        .thenComparing(StoredIncident::start).thenComparingLong(StoredIncident::id))
                .limit(TOP)
                .map(incident -> new Line(incident.id(), incident.start(),
                        municipalityNames.getOrDefault(incident.municipality(), incident.municipality()), incident.topic(),
                        incident.cause(), incident.places().size(), incident.messageCount(),
                        incident.statusWord()))
                .toList();
        return new IncidentsSection(incidents.size(), open, confirmed, resolved, dismissed, causes, lines);
    }
}
