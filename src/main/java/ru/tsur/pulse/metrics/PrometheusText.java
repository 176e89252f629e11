package ru.tsur.pulse.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes the Prometheus text exposition format (version 0.0.4): one {@code # HELP}/{@code # TYPE} header
 * per metric family, then its samples, label values escaped as the format requires. Plain Java, so the
 * business endpoint's output is tested without a server.
 */
public final class PrometheusText {

    /** The content type Prometheus expects for this format. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final StringBuilder text = new StringBuilder();

    /** Starts a metric family; {@code type} is {@code gauge} or {@code counter}. */
    public PrometheusText family(String name, String type, String help) {
        text.append("# HELP ").append(name).append(' ')
                .append(help.replace("\\", "\\\\").replace("\n", "\\n")).append('\n');
        text.append("# TYPE ").append(name).append(' ').append(type).append('\n');
        return this;
    }

    /** One sample of the current family; labels in the given order. */
    public PrometheusText sample(String name, Map<String, String> labels, double value) {
        text.append(name);
        if (!labels.isEmpty()) {
            text.append('{');
            boolean first = true;
            for (Map.Entry<String, String> label : labels.entrySet()) {
                if (!first) {
                    text.append(',');
                }
                first = false;
                text.append(label.getKey()).append("=\"").append(escape(label.getValue())).append('"');
            }
            text.append('}');
        }
        text.append(' ').append(format(value)).append('\n');
        return this;
    }

    /** Labels from alternating names and values, in order. */
    public static Map<String, String> labels(String... namesAndValues) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (int index = 0; index + 1 < namesAndValues.length; index += 2) {
            labels.put(namesAndValues[index], namesAndValues[index + 1] == null ? "" : namesAndValues[index + 1]);
        }
        return labels;
    }

    @Override
    public String toString() {
        return text.toString();
    }

    static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    private static String format(double value) {
        if (value == Math.rint(value) && !Double.isInfinite(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }
}
