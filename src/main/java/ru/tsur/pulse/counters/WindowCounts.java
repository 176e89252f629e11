package ru.tsur.pulse.counters;

import java.util.EnumMap;
import java.util.Map;

/**
 * One municipality's counts per category in each rolling window, as read from Redis.
 */
public record WindowCounts(String municipalityId, EnumMap<Window, Map<String, Long>> byWindow) {

    public Map<String, Long> in(Window window) {
        return byWindow.getOrDefault(window, Map.of());
    }
}
