package ru.tsur.pulse.cases;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DuplicateMatcherTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final DuplicateMatcher MATCHER = new DuplicateMatcher(150, 1000, 0.5, Duration.ofDays(7), Duration.ofDays(30));

    @Test
    void aMessageWithin150MetresJoinsTheOpenCaseWhateverItsWords() {
        DuplicateMatcher.Candidate open = open(1, NOW.minusSeconds(3600), 59.93, 30.30, "Яма на дороге");
        // About 100 m north.
        DuplicateMatcher.Probe probe = new DuplicateMatcher.Probe(NOW, 59.9309, 30.30, "Провал асфальта у остановки");
        assertThat(MATCHER.decide(probe, List.of(open))).isEqualTo(new DuplicateMatcher.Decision(DuplicateMatcher.Outcome.JOIN, 1L));
    }

    @Test
    void similarWordsJoinWithoutPointsButNotWhenThePointsAreFarApart() {
        DuplicateMatcher.Candidate unplaced = open(2, NOW.minusSeconds(60), null, null, "Во дворе не вывозят мусор, контейнеры переполнены");
        DuplicateMatcher.Probe probe = new DuplicateMatcher.Probe(NOW, null, null, "Контейнеры переполнены, мусор во дворе не вывозят");
        assertThat(MATCHER.decide(probe, List.of(unplaced)).outcome()).isEqualTo(DuplicateMatcher.Outcome.JOIN);

        DuplicateMatcher.Candidate far = open(3, NOW.minusSeconds(60), 59.93, 30.30, "Во дворе не вывозят мусор, контейнеры переполнены");
        DuplicateMatcher.Probe farProbe = new DuplicateMatcher.Probe(NOW, 59.95, 30.30, "Контейнеры переполнены, мусор во дворе не вывозят");
        assertThat(MATCHER.decide(farProbe, List.of(far)).outcome()).isEqualTo(DuplicateMatcher.Outcome.NEW);
    }

    @Test
    void aCaseQuietForLongerThanThePeriodIsNotJoined() {
        DuplicateMatcher.Candidate stale = open(4, NOW.minus(Duration.ofDays(8)), 59.93, 30.30, "Яма");
        DuplicateMatcher.Probe probe = new DuplicateMatcher.Probe(NOW, 59.93, 30.30, "Яма");
        assertThat(MATCHER.decide(probe, List.of(stale)).outcome()).isEqualTo(DuplicateMatcher.Outcome.NEW);
    }

    @Test
    void aProblemResolvedWithinThirtyDaysMakesARepeatAndAnOpenCaseWins() {
        DuplicateMatcher.Candidate resolved = resolved(5, NOW.minus(Duration.ofDays(29)), 59.93, 30.30);
        DuplicateMatcher.Candidate older = resolved(6, NOW.minus(Duration.ofDays(31)), 59.93, 30.30);
        DuplicateMatcher.Probe probe = new DuplicateMatcher.Probe(NOW, 59.9301, 30.3001, "Снова яма");
        assertThat(MATCHER.decide(probe, List.of(older, resolved)))
                .isEqualTo(new DuplicateMatcher.Decision(DuplicateMatcher.Outcome.REPEAT, 5L));
        assertThat(MATCHER.decide(probe, List.of(older)).outcome()).isEqualTo(DuplicateMatcher.Outcome.NEW);
        DuplicateMatcher.Candidate open = open(7, NOW.minusSeconds(10), 59.93, 30.30, "Яма");
        assertThat(MATCHER.decide(probe, List.of(resolved, open)).caseId()).isEqualTo(7L);
    }

    @Test
    void distanceIsTheGreatCircle() {
        // One degree of latitude is about 111.2 km.
        assertThat(DuplicateMatcher.distanceMeters(59, 30, 60, 30)).isBetween(111_100.0, 111_300.0);
        assertThat(DuplicateMatcher.distanceMeters(59.93, 30.30, 59.93, 30.30)).isZero();
    }

    private static DuplicateMatcher.Candidate open(long id, Instant last, Double lat, Double lon, String text) {
        return new DuplicateMatcher.Candidate(id, CaseStatus.ASSIGNED, last, null, lat, lon, text);
    }

    private static DuplicateMatcher.Candidate resolved(long id, Instant resolvedAt, Double lat, Double lon) {
        return new DuplicateMatcher.Candidate(id, CaseStatus.RESOLVED, resolvedAt.minusSeconds(86400), resolvedAt, lat, lon, "Яма");
    }
}
