package ru.tsur.pulse.feed;

import org.junit.jupiter.api.Test;
import ru.tsur.pulse.messages.RecentMessage;

import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The feed's bounded state: what a snapshot holds, which reads become a frame, and sequence numbers. */
class FeedStateTest {

    private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");

    private static RecentMessage message(long id) {
        return new RecentMessage(id, AT.plusSeconds(id), AT.plusSeconds(id), "spb-kolpino", "improvement", null,
                "текст " + id);
    }

    private static List<RecentMessage> newestFirst(long from, long to) {
        return LongStream.rangeClosed(from, to).map(id -> to - (id - from)).mapToObj(FeedStateTest::message).toList();
    }

    private static List<Long> ids(List<RecentMessage> messages) {
        return messages.stream().map(RecentMessage::id).toList();
    }

    @Test
    void loadKeepsTheNewestUpToCapacityAndStartsTheSequence() {
        FeedState state = new FeedState(3);
        FeedState.Snapshot snapshot = state.load(newestFirst(1, 5));
        assertThat(snapshot.seq()).isEqualTo(1);
        assertThat(ids(snapshot.messages())).containsExactly(5L, 4L, 3L);
        assertThat(state.highestId()).isEqualTo(5);
    }

    @Test
    void newMessagesBecomeOneBatchWithTheNextSequenceAndTheOldestFallOut() {
        FeedState state = new FeedState(3);
        state.load(newestFirst(1, 3));
        FeedState.Batch batch = state.add(List.of(message(5), message(4))).orElseThrow();
        assertThat(batch.seq()).isEqualTo(2);
        assertThat(ids(batch.messages())).containsExactly(5L, 4L);
        assertThat(ids(state.snapshot().messages())).containsExactly(5L, 4L, 3L);
        assertThat(state.snapshot().seq()).isEqualTo(2);
    }

    @Test
    void aRepeatedOrOlderReadIsNoFrame() {
        FeedState state = new FeedState(3);
        state.load(newestFirst(1, 3));
        assertThat(state.add(List.of(message(3), message(2)))).isEmpty();
        assertThat(state.add(List.of())).isEmpty();
        assertThat(state.seq()).isEqualTo(1);
    }

    @Test
    void aBurstLargerThanCapacityKeepsOnlyTheNewestInAnyReadOrder() {
        FeedState state = new FeedState(2);
        state.load(List.of());
        FeedState.Batch batch = state.add(List.of(message(7), message(9), message(8), message(6))).orElseThrow();
        assertThat(ids(batch.messages())).containsExactly(9L, 8L);
        assertThat(ids(state.snapshot().messages())).containsExactly(9L, 8L);
        assertThat(state.highestId()).isEqualTo(9);
    }

    @Test
    void anEmptyFeedAsksFromTheStartAndReloadReplacesEverything() {
        FeedState state = new FeedState(2);
        assertThat(state.load(List.of()).messages()).isEmpty();
        assertThat(state.highestId()).isEqualTo(-1);
        state.add(List.of(message(1)));
        FeedState.Snapshot reloaded = state.load(List.of(message(4), message(3)));
        assertThat(ids(reloaded.messages())).containsExactly(4L, 3L);
        assertThat(reloaded.seq()).isEqualTo(3);
    }

    @Test
    void capacityMustHoldAMessage() {
        assertThatThrownBy(() -> new FeedState(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
