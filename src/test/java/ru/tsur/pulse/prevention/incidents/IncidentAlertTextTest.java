package ru.tsur.pulse.prevention.incidents;

import org.junit.jupiter.api.Test;
import ru.tsur.pulse.alerts.AlertLabels;
import ru.tsur.pulse.alerts.AlertRaise;

import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The alert an incident raises: identity, group, severity, Russian texts with plural forms, and details. */
class IncidentAlertTextTest {

    private final IncidentAlertText text = new IncidentAlertText(id -> id.equals("spb-rybatskoe") ? "посёлок Рыбацкое" : id,
            ZoneId.of("Europe/Moscow"), 8);

    @Test
    void anIncidentBecomesAWarningWithItsExplanation() {
        StoredIncident incident = incident(5, 7, "detected");
        AlertRaise raise = text.raise(incident);
        assertThat(raise.kind()).isEqualTo("incident");
        assertThat(raise.labels()).containsExactlyEntriesOf(new java.util.TreeMap<>(Map.of(
                "category", "housing", "incident", "42", "municipality", "spb-rybatskoe")));
        assertThat(raise.id()).isEqualTo(AlertLabels.fingerprint("incident", raise.labels()))
                .isEqualTo(IncidentAlertText.alertId(incident));
        assertThat(raise.group()).isEqualTo("incident:municipality=spb-rybatskoe");
        assertThat(raise.severity()).isEqualTo("warning");
        assertThat(raise.parent()).isNull();
        assertThat(raise.title()).isEqualTo("Инцидент: Нет горячей воды — 5 адресов, посёлок Рыбацкое");
        assertThat(raise.summary()).isEqualTo(
                "7 обращений с 5 адресов в радиусе 351 м с 11:05 03.12 (ожидалось 0,4); вероятная причина: теплоснабжение: авария на сети/ИТП");
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("incident", 42L);
        details.put("status", "detected");
        details.put("topic", "Нет горячей воды");
        details.put("cause", "теплоснабжение: авария на сети/ИТП");
        details.put("places", 5);
        details.put("messages", 7);
        details.put("expected", 0.417);
        details.put("pValue", 2.5e-5);
        details.put("latitude", 59.83);
        details.put("longitude", 30.5);
        details.put("radiusMetres", 351L);
        details.put("start", "2026-12-03T08:05:00Z");
        details.put("end", "2026-12-03T10:35:00Z");
        details.put("hours", 2.5);
        assertThat(raise.details()).containsExactlyEntriesOf(details);
    }

    @Test
    void manyPlacesMakeItCritical() {
        assertThat(text.severity(incident(8, 9, "confirmed"))).isEqualTo("critical");
        assertThat(text.severity(incident(7, 9, "confirmed"))).isEqualTo("warning");
    }

    @Test
    void russianPluralsOfAddressesAndMessages() {
        assertThat(List.of(1, 2, 4, 5, 11, 12, 21, 22, 25, 111).stream().map(IncidentAlertText::addresses).toList())
                .containsExactly("1 адрес", "2 адреса", "4 адреса", "5 адресов", "11 адресов", "12 адресов", "21 адрес",
                        "22 адреса", "25 адресов", "111 адресов");
        assertThat(List.of(1, 3, 21, 11).stream().map(IncidentAlertText::addressesGenitive).toList())
                .containsExactly("1 адреса", "3 адресов", "21 адреса", "11 адресов");
        assertThat(List.of(1, 2, 5, 14, 101).stream().map(IncidentAlertText::messagesWord).toList())
                .containsExactly("обращение", "обращения", "обращений", "обращений", "обращение");
    }

    private static StoredIncident incident(int places, int messages, String status) {
        List<String> keys = java.util.stream.IntStream.range(0, places).mapToObj(index -> "building:" + index).toList();
        return new StoredIncident(42, "Нет горячей воды", "housing", "spb-rybatskoe", "теплоснабжение: авария на сети/ИТП",
                Instant.parse("2026-12-03T08:05:00Z"), Instant.parse("2026-12-03T10:35:00Z"), Instant.parse("2026-12-03T09:00:00Z"),
                59.83, 30.5, 351.2, keys, messages, 0.41666, 2.5e-5, status, null, null, null);
    }
}
