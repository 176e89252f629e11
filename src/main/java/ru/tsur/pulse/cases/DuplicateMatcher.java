package ru.tsur.pulse.cases;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether a new message is the same problem as a case already known (both in the same
 * municipality and of the same topic — the caller only offers such candidates): the same place (within
 * {@code maxDistanceMeters}) or the same words (stem similarity at least {@code minSimilarity}, unless
 * both points are known and further apart than {@code textMatchMaxDistanceMeters}). An open case touched
 * within {@code joinPeriod} is joined; otherwise a case resolved within {@code repeatPeriod} makes the
 * message a repeat of it; otherwise the message opens a new case.
 */
public final class DuplicateMatcher {

    /** What the intake does with the message. */
    public enum Outcome { JOIN, REPEAT, NEW }

    /** The decision and the case it refers to (null for {@link Outcome#NEW}). */
    public record Decision(Outcome outcome, Long caseId) {
        static Decision fresh() {
            return new Decision(Outcome.NEW, null);
        }
    }

    /** The new message as far as matching goes. */
    public record Probe(Instant createdAt, Double lat, Double lon, String text) {
    }

    /** A known case of the same municipality and topic. */
    public record Candidate(long caseId, CaseStatus status, Instant lastMessageAt, Instant resolvedAt, Double lat,
                            Double lon, String text) {
    }

    private static final double EARTH_RADIUS_METERS = 6_371_000;

    private final double maxDistanceMeters;
    private final double textMatchMaxDistanceMeters;
    private final double minSimilarity;
    private final Duration joinPeriod;
    private final Duration repeatPeriod;

    public DuplicateMatcher(double maxDistanceMeters, double textMatchMaxDistanceMeters, double minSimilarity,
                            Duration joinPeriod, Duration repeatPeriod) {
        this.maxDistanceMeters = maxDistanceMeters;
        this.textMatchMaxDistanceMeters = textMatchMaxDistanceMeters;
        this.minSimilarity = minSimilarity;
        this.joinPeriod = joinPeriod;
        this.repeatPeriod = repeatPeriod;
    }

    public Decision decide(Probe probe, List<Candidate> candidates) {
        Set<String> stems = TextShingles.stems(probe.text());
        Optional<Candidate> open = candidates.stream()
                .filter(candidate -> candidate.status().open())
                .filter(candidate -> !candidate.lastMessageAt().isBefore(probe.createdAt().minus(joinPeriod)))
                .filter(candidate -> samePlaceOrWords(probe, stems, candidate))
                .max(Comparator.comparing(Candidate::lastMessageAt));
        if (open.isPresent()) {
            return new Decision(Outcome.JOIN, open.get().caseId());
        }
        Optional<Candidate> resolved = candidates.stream()
                .filter(candidate -> !candidate.status().open() && candidate.resolvedAt() != null)
                .filter(candidate -> !candidate.resolvedAt().isBefore(probe.createdAt().minus(repeatPeriod)))
                .filter(candidate -> samePlaceOrWords(probe, stems, candidate))
                .max(Comparator.comparing(Candidate::resolvedAt));
        return resolved.map(candidate -> new Decision(Outcome.REPEAT, candidate.caseId())).orElseGet(Decision::fresh);
    }

    private boolean samePlaceOrWords(Probe probe, Set<String> stems, Candidate candidate) {
        boolean bothPlaced = probe.lat() != null && probe.lon() != null && candidate.lat() != null && candidate.lon() != null;
        double distance = bothPlaced ? distanceMeters(probe.lat(), probe.lon(), candidate.lat(), candidate.lon()) : Double.NaN;
        if (bothPlaced && distance <= maxDistanceMeters) {
            return true;
        }
        if (bothPlaced && distance > textMatchMaxDistanceMeters) {
            return false;
        }
        return TextShingles.jaccard(stems, TextShingles.stems(candidate.text())) >= minSimilarity;
    }

    /** Great-circle distance (haversine). */
    public static double distanceMeters(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(a)));
    }
}
