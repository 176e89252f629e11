package ru.tsur.pulse.prevention.incidents;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides what one sweep of the incident watcher writes: each incident the finder found now is either an
 * incident already stored (it shares messages with it: the same outage seen again, perhaps grown by new
 * messages) or a new one. A found incident takes the stored incident it shares most messages with (ties: the
 * older, lower id); a stored incident is taken at most once, so when a group splits in two, the larger part
 * keeps the incident and the other becomes a new one. Matching by messages rather than by area and time keeps
 * an incident's identity stable while its centre and radius move as messages come in. Plain code.
 * <p>
 * Also the majority municipality of an incident (the one most of its messages were placed in; ties: the one
 * that reached the top count first, in message order), which is the municipality its alert and its official
 * belong to.
 */
public final class IncidentSweep {

    /** A stored incident as the sweep needs it: its id, status and the ids of its messages. */
    public record Stored(long id, String status, Set<String> messageIds) {
    }

    /** A found incident and the stored one it continues (null: a new incident). */
    public record Match(Incident incident, Long storedId) {
    }

    private IncidentSweep() {
    }

    /** Each found incident with the stored incident it continues, in the order found. */
    public static List<Match> match(List<Incident> found, List<Stored> stored) {
        Map<String, List<Stored>> byMessage = new HashMap<>();
        for (Stored incident : stored) {
            for (String message : incident.messageIds()) {
                byMessage.computeIfAbsent(message, key -> new ArrayList<>()).add(incident);
            }
        }
        record Candidate(int found, Stored stored, int shared) {
        }
        List<Candidate> candidates = new ArrayList<>();
        for (int index = 0; index < found.size(); index++) {
            Map<Stored, Integer> shared = new HashMap<>();
            for (String message : found.get(index).messageIds()) {
                for (Stored incident : byMessage.getOrDefault(message, List.of())) {
                    shared.merge(incident, 1, Integer::sum);
                }
            }
            for (Map.Entry<Stored, Integer> entry : shared.entrySet()) {
                candidates.add(new Candidate(index, entry.getKey(), entry.getValue()));
            }
        }
        // The strongest overlaps are settled first, so a split group's larger part keeps the stored incident.
        candidates.sort(Comparator.comparingInt(Candidate::shared).reversed()
                .thenComparingLong(candidate -> candidate.stored().id()).thenComparingInt(Candidate::found));
        Long[] chosen = new Long[found.size()];
        Set<Long> taken = new HashSet<>();
        for (Candidate candidate : candidates) {
            if (chosen[candidate.found()] == null && taken.add(candidate.stored().id())) {
                chosen[candidate.found()] = candidate.stored().id();
            }
        }
        List<Match> matches = new ArrayList<>(found.size());
        for (int index = 0; index < found.size(); index++) {
            matches.add(new Match(found.get(index), chosen[index]));
        }
        return matches;
    }

    /**
     * The topics with at least {@code minPlaces} distinct places among the messages: only they can make an
     * incident, so only their background needs reading.
     */
    public static Set<String> topicsWithPlaces(List<IncidentMessage> messages, int minPlaces) {
        Map<String, Set<String>> places = new HashMap<>();
        for (IncidentMessage message : messages) {
            places.computeIfAbsent(message.topic(), topic -> new HashSet<>()).add(message.place().key());
        }
        Set<String> topics = new java.util.TreeSet<>();
        places.forEach((topic, keys) -> {
            if (keys.size() >= minPlaces) {
                topics.add(topic);
            }
        });
        return topics;
    }

    /** The municipality most of the messages were placed in (ties: the one reaching the top count first). */
    public static String majority(List<String> municipalities) {
        Map<String, Integer> counts = new HashMap<>();
        String best = null;
        int bestCount = 0;
        for (String municipality : municipalities) {
            int count = counts.merge(municipality, 1, Integer::sum);
            if (count > bestCount) {
                best = municipality;
                bestCount = count;
            }
        }
        return best;
    }
}
