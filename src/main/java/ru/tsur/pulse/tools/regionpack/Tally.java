package ru.tsur.pulse.tools.regionpack;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts occurrences of keys and lists them most frequent first. Ties keep a fixed order — the order in which
 * the keys were first counted ({@link #mostCommon}) or the keys' own order ({@link #byCountThenKey}) — so
 * every list the builder derives from counts is the same on every run.
 */
final class Tally<K> {

    private final Map<K, Integer> counts = new LinkedHashMap<>();

    void add(K key) {
        add(key, 1);
    }

    void add(K key, int count) {
        counts.merge(key, count, Integer::sum);
    }

    int get(K key) {
        return counts.getOrDefault(key, 0);
    }

    int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    java.util.Set<K> keys() {
        return counts.keySet();
    }

    int size() {
        return counts.size();
    }

    boolean isEmpty() {
        return counts.isEmpty();
    }

    /** At most {@code limit} entries, most frequent first; equal counts in the order first counted. */
    List<Map.Entry<K, Integer>> mostCommon(int limit) {
        List<Map.Entry<K, Integer>> entries = new ArrayList<>(counts.entrySet());
        entries.sort(Map.Entry.<K, Integer>comparingByValue().reversed()); // stable: ties keep first-counted order
        return List.copyOf(entries.subList(0, Math.min(limit, entries.size())));
    }

    /** Every entry, most frequent first; equal counts ordered by {@code keyOrder}. */
    List<Map.Entry<K, Integer>> byCountThenKey(Comparator<? super K> keyOrder) {
        List<Map.Entry<K, Integer>> entries = new ArrayList<>(counts.entrySet());
        entries.sort(Map.Entry.<K, Integer>comparingByValue().reversed()
                .thenComparing(Map.Entry::getKey, keyOrder));
        return List.copyOf(entries);
    }
}
