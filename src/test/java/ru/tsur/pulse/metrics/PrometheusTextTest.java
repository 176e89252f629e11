package ru.tsur.pulse.metrics;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.tsur.pulse.metrics.PrometheusText.labels;

/** The exposition writer: headers, label order, escaping and number formatting, as Prometheus parses them. */
class PrometheusTextTest {

    @Test
    void writesFamiliesWithEscapedLabelsAndCompactNumbers() {
        String text = new PrometheusText()
                .family("pulse_municipality_info", "gauge", "A municipality\nof the region")
                .sample("pulse_municipality_info", labels("municipality", "spb-65", "name", "МО \"№65\" \\ округ",
                        "district", null), 1)
                .family("pulse_municipality_window_messages", "gauge", "Messages")
                .sample("pulse_municipality_window_messages", labels("window", "1h"), 12)
                .sample("pulse_municipality_window_messages", labels(), 0.25)
                .toString();
        assertThat(text).isEqualTo("""
                # HELP pulse_municipality_info A municipality\\nof the region
                # TYPE pulse_municipality_info gauge
                pulse_municipality_info{municipality="spb-65",name="МО \\"№65\\" \\\\ округ",district=""} 1
                # HELP pulse_municipality_window_messages Messages
                # TYPE pulse_municipality_window_messages gauge
                pulse_municipality_window_messages{window="1h"} 12
                pulse_municipality_window_messages 0.25
                """);
    }
}
