package ru.tsur.pulse.tools.regionpack;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packs' JSON layout and numbers, byte for byte: the expected strings are what the packs have always held
 * (the layout of the first builder, Python's {@code json.dump(…, ensure_ascii=False, indent=1)} and {@code repr}
 * of rounded floats).
 */
class PackJsonTest {

    @Test
    void decimalsAreTheShortestExactFormWithPlainOrScientificNotationByMagnitude() {
        assertThat(Arrays.asList(0.0, 1.0, 12.0, 30.12345, 0.1, 0.0001, 0.00012, 5e-05, 1.2e-05, 0.00254,
                287.8, 1e15, 1e16, -0.5, -0.0, 0.1 + 0.2, 1e-7, 123456.789).stream().map(PackJson::decimal).toList())
                .containsExactly("0.0", "1.0", "12.0", "30.12345", "0.1", "0.0001", "0.00012", "5e-05", "1.2e-05",
                        "0.00254", "287.8", "1000000000000000.0", "1e+16", "-0.5", "-0.0", "0.30000000000000004",
                        "1e-07", "123456.789");
    }

    @Test
    void roundingIsHalfEvenOnTheExactBinaryValue() {
        // 0.125 is exact in binary: a true tie, to the even digit; 2.675 is 2.67499999… in binary.
        assertThat(PackJson.round(0.125, 2)).isEqualTo(0.12);
        assertThat(PackJson.round(0.375, 2)).isEqualTo(0.38);
        assertThat(PackJson.round(2.675, 2)).isEqualTo(2.67);
        assertThat(PackJson.round(30.100004, 5)).isEqualTo(30.1);
        assertThat(PackJson.decimal(PackJson.round(-0.00001, 4))).isEqualTo("-0.0");
        assertThat(PackJson.fixed(0.125, 2)).isEqualTo("0.12");
        assertThat(PackJson.fixed(99.085, 2)).isEqualTo("99.08"); // 99.0849999… in binary
        assertThat(PackJson.fixed(77.2, 0)).isEqualTo("77");
    }

    @Test
    void prettyAndCompactLayouts() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("id", "spb");
        value.put("share", 0.5);
        value.put("count", 3);
        value.put("none", null);
        value.put("empty", List.of());
        value.put("nested", List.of(Map.of("name", "«Тест» \"в\" \\ \n\t\u0001"), new LinkedHashMap<>()));

        assertThat(PackJson.pretty(value)).isEqualTo("""
                {
                 "id": "spb",
                 "share": 0.5,
                 "count": 3,
                 "none": null,
                 "empty": [],
                 "nested": [
                  {
                   "name": "«Тест» \\"в\\" \\\\ \\n\\t\\u0001"
                  },
                  {}
                 ]
                }
                """);
        assertThat(PackJson.compact(value)).isEqualTo(
                "{\"id\":\"spb\",\"share\":0.5,\"count\":3,\"none\":null,\"empty\":[],"
                        + "\"nested\":[{\"name\":\"«Тест» \\\"в\\\" \\\\ \\n\\t\\u0001\"},{}]}\n");
    }
}
