package ru.tsur.pulse.alerts;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AlertLabelsTest {

    @Test
    void fingerprintIgnoresLabelOrderAndEmptyValues() {
        Map<String, String> oneOrder = new LinkedHashMap<>();
        oneOrder.put("case", "42");
        oneOrder.put("executor", "Жилкомсервис №2");
        oneOrder.put("municipality", "spb-kolpino");
        Map<String, String> otherOrder = new LinkedHashMap<>();
        otherOrder.put("municipality", "spb-kolpino");
        otherOrder.put("topic", "");
        otherOrder.put("executor", "Жилкомсервис №2");
        otherOrder.put("case", "42");

        String id = AlertLabels.fingerprint("deadline", oneOrder);
        assertThat(id).matches("[0-9a-f]{24}");
        assertThat(AlertLabels.fingerprint("deadline", otherOrder)).isEqualTo(id);
    }

    @Test
    void fingerprintSeparatesKindsValuesAndLabelBoundaries() {
        String base = AlertLabels.fingerprint("deadline", Map.of("case", "42"));
        assertThat(AlertLabels.fingerprint("tension", Map.of("case", "42"))).isNotEqualTo(base);
        assertThat(AlertLabels.fingerprint("deadline", Map.of("case", "43"))).isNotEqualTo(base);
        // "a=b" + "c=d" must not collide with "a=bc=d".
        assertThat(AlertLabels.fingerprint("deadline", Map.of("a", "b", "c", "d")))
                .isNotEqualTo(AlertLabels.fingerprint("deadline", Map.of("a", "bc=d")));
        // The kind is the kind, not a label: a label named kind cannot change the identity.
        assertThat(AlertLabels.fingerprint("deadline", Map.of("case", "42", "kind", "tension"))).isEqualTo(base);
    }

    @Test
    void groupKeyAndGroupLabelsFollowTheGroupingLabelsInOrder() {
        Map<String, String> labels = Map.of("case", "42", "executor", "ЖКС", "municipality", "spb-kolpino");
        assertThat(AlertLabels.groupKey("deadline", labels, List.of("executor", "municipality")))
                .isEqualTo("deadline:executor=ЖКС,municipality=spb-kolpino");
        assertThat(AlertLabels.groupKey("deadline", Map.of("case", "1"), List.of("executor")))
                .isEqualTo("deadline:executor=");
        assertThat(AlertLabels.groupLabels(labels, List.of("executor", "municipality")))
                .containsExactly(Map.entry("executor", "ЖКС"), Map.entry("municipality", "spb-kolpino"));
    }

    @Test
    void raiseIdIsTheFingerprint() {
        AlertRaise raise = new AlertRaise("deadline", Map.of("case", "7"), "warning", "Т", "С", null, null, null);
        assertThat(raise.id()).isEqualTo(AlertLabels.fingerprint("deadline", Map.of("case", "7")));
    }
}
