package ru.tsur.pulse.messages;

import ru.tsur.pulse.domain.CountedCell;

import java.util.List;

/**
 * Counts read from PostgreSQL to rebuild the Redis view: totals per cell, and per-minute and per-hour
 * buckets for the spans the rolling windows need ({@code bucket} = epoch seconds / bucket length).
 */
public record CounterRebuildData(List<CountedCell> totals, List<Bucket> minuteBuckets, List<Bucket> hourBuckets) {

    public record Bucket(String municipalityId, String categoryId, long bucket, long count) {
    }
}
