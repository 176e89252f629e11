package ru.tsur.pulse.alerts;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AlertBoardTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void newAndNewerAlertsMakeChangesWhileEchoesAndOlderVersionsDoNot() {
        AlertBoard board = new AlertBoard(Duration.ofHours(1), T0);
        Alert first = alert("a", "warning", Alert.FIRING, T0, null, null);
        AlertBoard.Change change = board.apply(List.of(first)).orElseThrow();
        assertThat(change.seq()).isEqualTo(1);
        assertThat(change.alerts()).containsExactly(first);

        assertThat(board.apply(List.of(first))).isEmpty();
        Alert older = alert("a", "critical", Alert.FIRING, T0.minusSeconds(1), null, null);
        assertThat(board.apply(List.of(older))).isEmpty();

        Alert escalated = alert("a", "critical", Alert.FIRING, T0.plusSeconds(5), null, null);
        assertThat(board.apply(List.of(escalated)).orElseThrow()).isEqualTo(new AlertBoard.Change(2, List.of(escalated)));
        assertThat(board.snapshot(T0.plusSeconds(6))).isEqualTo(new AlertBoard.Snapshot(2, List.of(escalated)));
    }

    @Test
    void snapshotPutsFiringBySeverityFirstAndForgetsLongResolvedOnes() {
        AlertBoard board = new AlertBoard(Duration.ofHours(1), T0);
        Alert info = alert("i", "info", Alert.FIRING, T0, null, null);
        Alert critical = alert("c", "critical", Alert.FIRING, T0, null, null);
        Alert resolvedRecently = resolved("r", T0.plusSeconds(3000));
        Alert resolvedLongAgo = resolved("old", T0.minusSeconds(10));
        board.apply(List.of(info, resolvedRecently, critical, resolvedLongAgo));

        AlertBoard.Snapshot snapshot = board.snapshot(T0.plus(Duration.ofMinutes(61)));
        assertThat(snapshot.alerts()).containsExactly(critical, info, resolvedRecently);
    }

    @Test
    void anExpiredSilenceIsAnnouncedOnce() {
        AlertBoard board = new AlertBoard(Duration.ofHours(1), T0);
        Alert silenced = alert("s", "warning", Alert.FIRING, T0, T0.plusSeconds(60), "плановые работы");
        board.apply(List.of(silenced));
        assertThat(board.silencesExpired(T0.plusSeconds(30))).isEmpty();
        assertThat(board.silencesExpired(T0.plusSeconds(61)).orElseThrow().alerts()).containsExactly(silenced);
        assertThat(board.silencesExpired(T0.plusSeconds(90))).isEmpty();
    }

    @Test
    void theTimedSilenceCheckForgetsLongResolvedAlertsWithoutAnySnapshot() {
        AlertBoard board = new AlertBoard(Duration.ofHours(1), T0);
        Alert firing = alert("f", "warning", Alert.FIRING, T0, null, null);
        board.apply(List.of(firing, resolved("r", T0.plusSeconds(60))));
        assertThat(board.silencesExpired(T0.plusSeconds(120))).isEmpty();
        assertThat(board.held()).isEqualTo(2);
        assertThat(board.silencesExpired(T0.plus(Duration.ofMinutes(62)))).isEmpty();
        assertThat(board.held()).isEqualTo(1);
        assertThat(board.snapshot(T0.plus(Duration.ofMinutes(62))).alerts()).containsExactly(firing);
    }

    private static Alert alert(String id, String severity, String state, Instant updatedAt, Instant silencedUntil,
                               String reason) {
        return new Alert(id, "deadline", Map.of("case", id), severity, state, "Срок", "Срок истекает", Map.of(), null,
                null, T0, updatedAt, null, null, null, silencedUntil, reason, reason == null ? null : "оператор");
    }

    private static Alert resolved(String id, Instant endsAt) {
        return new Alert(id, "deadline", Map.of("case", id), "warning", Alert.RESOLVED, "Срок", "Срок", Map.of(), null,
                null, T0.minusSeconds(3600), endsAt, endsAt, null, null, null, null, null);
    }
}
