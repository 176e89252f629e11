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

    /**
     * A brush-off answer («принято к сведению») no earlier run has sent: three words of its own keep it below the
     * boilerplate likeness of any other brush-off on a database kept between runs, so the only flag it earns is
     * the missing deadline and action, not "the same text as three earlier answers".
     */
    public static String brushOff() {
        return "Ваше обращение рассмотрено, информация принята к сведению и будет учтена в работе. "
                + letters() + " " + letters() + " " + letters();
    }

    /**
     * A proper answer (what was done and when) of its own wording: other tests store answers of nearly the same
     * words, and on a database kept between runs three of them make a fixed text boilerplate.
     */
    public static String properAnswer() {
        return "Кровля над квартирой отремонтирована 02.12, протечка устранена, подъезд 2 проверен. "
                + letters() + " " + letters() + " " + letters();
    }

    private static String letters() {
        return uniqueId().replaceAll("[^a-z]", "").substring(0, 6);
    }

    /** A message at a point, with the source's own category. */
    public static String at(String externalId, double lat, double lon, String category, String text) {
        return """
                {"source":"portal","externalId":"%s","createdAt":null,"text":"%s","lat":%s,"lon":%s,"category":%s}"""
                .formatted(externalId, text, lat, lon, category == null ? "null" : "\"" + category + "\"");
    }
}
