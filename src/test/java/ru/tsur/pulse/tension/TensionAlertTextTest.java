package ru.tsur.pulse.tension;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The labels, grouping and Russian wall text of tension alerts, exactly. */
class TensionAlertTextTest {

    private static final SeriesKey KOLPINO = new SeriesKey("spb-kolpino", "improvement", null);
    private static final SeriesKey REGION_SNOW = new SeriesKey(null, "improvement", "Неубранный снег");

    private final TensionAlertText text = new TensionAlertText(
            Map.of("spb-kolpino", "город Колпино")::get, Map.of("improvement", "Благоустройство")::get,
            "Санкт-Петербург", ZoneId.of("Europe/Moscow"));

    private static TensionAlertView alert(SeriesKey key, SeriesKey parent) {
        return new TensionAlertView(key, Instant.parse("2021-01-14T06:00:00Z"), null, Instant.parse("2021-01-14T12:00:00Z"),
                37, 9.24, 88, 93, true, List.of(new TensionAlertView.TopicExcess("Неубранный снег", 30, 4.04)), parent);
    }

    @Test
    void aDistrictAlertIsLabelledTitledAndExplained() {
        TensionAlertView alert = alert(KOLPINO, REGION_SNOW);
        assertThat(TensionAlertText.labels(KOLPINO)).containsExactly(Map.entry("category", "improvement"),
                Map.entry("municipality", "spb-kolpino"));
        assertThat(TensionAlertText.group(KOLPINO)).isEqualTo("tension:category=improvement");
        assertThat(TensionAlertText.severity(alert)).isEqualTo("critical");
        assertThat(text.title(alert)).isEqualTo("Всплеск обращений: город Колпино, Благоустройство");
        assertThat(text.summary(alert)).isEqualTo("37 обращений при ожидаемых 9,2 с 09:00 14.01; больше всего: Неубранный снег");
        assertThat(text.details(alert, List.of("Не убран снег во дворе"))).containsExactly(
                Map.entry("place", "город Колпино"), Map.entry("categoryName", "Благоустройство"),
                Map.entry("observed", 37L), Map.entry("expected", 9.2), Map.entry("ratio", 4.0), Map.entry("score", 88),
                Map.entry("peakScore", 93), Map.entry("since", "2021-01-14T06:00:00Z"),
                Map.entry("through", "2021-01-14T12:00:00Z"),
                Map.entry("topics", List.of(Map.of("topic", "Неубранный снег", "observed", 30L, "expected", 4.0))),
                Map.entry("samples", List.of("Не убран снег во дворе")));
    }

    @Test
    void aRegionWideAlertIsScopedToTheRegion() {
        TensionAlertView alert = alert(REGION_SNOW, null);
        assertThat(TensionAlertText.labels(REGION_SNOW)).containsExactly(Map.entry("category", "improvement"),
                Map.entry("scope", "region"), Map.entry("topic", "Неубранный снег"));
        assertThat(text.title(alert)).isEqualTo("Всплеск обращений по всему региону: Благоустройство — Неубранный снег");
        assertThat(TensionAlertPublisher.alertId(REGION_SNOW)).hasSize(24).isNotEqualTo(TensionAlertPublisher.alertId(KOLPINO));
    }
}
