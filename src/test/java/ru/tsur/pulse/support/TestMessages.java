package ru.tsur.pulse.support;

import java.util.UUID;

/**
 * Builds ingest JSON for tests. Each call gets a fresh external id unless one is given.
 */
public final class TestMessages {

    private TestMessages() {
    }

    public static String uniqueId() {
        return UUID.randomUUID().toString();
    }

    /** A message at a point, with the source's own category. */
    public static String at(String externalId, double lat, double lon, String category, String text) {
        return """
                {"source":"portal","externalId":"%s","createdAt":null,"text":"%s","lat":%s,"lon":%s,"category":%s}"""
                .formatted(externalId, text, lat, lon, category == null ? "null" : "\"" + category + "\"");
    }
}
