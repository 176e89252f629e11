package ru.tsur.pulse.tension;

/**
 * Names one count series: a municipality (or {@code null} for the whole region) × a category, optionally
 * narrowed to one topic of that category. Municipality × category, region × category and region × topic
 * series are tested for spikes (README, «Tension points», says how many St Petersburg has); municipality ×
 * topic series are counted
 * to explain which topics drove a municipal alert — testing them too would multiply the family by the
 * number of topics and drown every real district spike in the correction.
 */
public record SeriesKey(String municipality, String category, String topic) {

    public boolean regionWide() {
        return municipality == null;
    }

    /** Whether the detector tests this series (the others only explain). */
    public boolean tested() {
        return municipality == null || topic == null;
    }

    /** The category series this topic series belongs to (itself for a category series). */
    public SeriesKey categorySeries() {
        return topic == null ? this : new SeriesKey(municipality, category, null);
    }

    @Override
    public String toString() {
        return (municipality == null ? "region" : municipality) + '/' + category + (topic == null ? "" : '/' + topic);
    }
}
