package ru.tsur.pulse.keys;

import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The key lookup cache on a clock moved by hand: an entry is trusted for its time-to-live from when its lookup
 * began, a revoke removes it at once and keeps out a lookup that raced the revoke, and the cache stays bounded.
 */
class KeyCacheTest {

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final KeyCache<String> cache = new KeyCache<>(10_000, 3, now::get);

    @Test
    void anEntryIsTrustedForItsTimeToLiveFromWhenItsLookupBegan() {
        long began = cache.lookupStarts();
        now.addAndGet(2_000);
        cache.put("k_aaaaaaaaaaaa", "found", began);

        now.addAndGet(7_999);
        assertThat(cache.get("k_aaaaaaaaaaaa")).isEqualTo(Optional.of("found"));
        now.addAndGet(1);
        assertThat(cache.get("k_aaaaaaaaaaaa")).isEmpty();
        assertThat(cache.size()).isZero();
    }

    @Test
    void invalidatingRemovesAnEntryAtOnceAndKeepsOutALookupThatRacedIt() {
        cache.put("k_aaaaaaaaaaaa", "found", cache.lookupStarts());
        long racing = cache.lookupStarts();
        now.addAndGet(5);

        cache.invalidate("k_aaaaaaaaaaaa");
        assertThat(cache.get("k_aaaaaaaaaaaa")).isEmpty();
        cache.put("k_aaaaaaaaaaaa", "stale", racing);
        assertThat(cache.get("k_aaaaaaaaaaaa")).isEmpty();

        now.addAndGet(1);
        cache.put("k_aaaaaaaaaaaa", "read after the revoke", cache.lookupStarts());
        assertThat(cache.get("k_aaaaaaaaaaaa")).isEqualTo(Optional.of("read after the revoke"));
    }

    @Test
    void pastItsBoundTheCacheDropsAgedEntriesAndElseStartsOver() {
        cache.put("k_aaaaaaaaaaaa", "a", cache.lookupStarts());
        now.addAndGet(10_000);
        cache.put("k_bbbbbbbbbbbb", "b", cache.lookupStarts());
        cache.put("k_cccccccccccc", "c", cache.lookupStarts());
        cache.put("k_dddddddddddd", "d", cache.lookupStarts());
        assertThat(cache.size()).isEqualTo(3);
        assertThat(cache.get("k_bbbbbbbbbbbb")).isEqualTo(Optional.of("b"));

        cache.put("k_eeeeeeeeeeee", "e", cache.lookupStarts());
        assertThat(cache.size()).isEqualTo(1);
        assertThat(cache.get("k_eeeeeeeeeeee")).isEqualTo(Optional.of("e"));
    }
}
