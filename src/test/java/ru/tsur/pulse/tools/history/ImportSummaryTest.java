package ru.tsur.pulse.tools.history;

import org.junit.jupiter.api.Test;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The import's figures as it prints them: one line, then each refusal reason, most frequent first. */
class ImportSummaryTest {

    @Test
    void oneLineOfFiguresThenTheReasons() {
        ImportSummary summary = new ImportSummary(30_506, 1_900, 4, 2, 28_600, 3, 318,
                ZonedDateTime.parse("2026-11-22T14:50:40.8+03:00[Europe/Moscow]"),
                ZonedDateTime.parse("2026-11-28T23:58:59+03:00[Europe/Moscow]"),
                Map.of("text: is required", 1L, "lat: must be a number", 1L, "database: ERROR: boom", 3L), 4.0);
        assertThat(summary.lines()).containsExactly(
                "import-history read=30506 imported=1900 already_present=4 refused=2 outside_slice=28600 unlocated=3"
                        + " shift_weeks=318 first=2026-11-22T14:50 last=2026-11-28T23:58 seconds=4.0 rate=477/s",
                "refused rows=3 reason=\"database: ERROR: boom\"",
                "refused rows=1 reason=\"lat: must be a number\"",
                "refused rows=1 reason=\"text: is required\"");
    }

    @Test
    void nothingImported() {
        assertThat(new ImportSummary(0, 0, 0, 0, 0, 0, 0, null, null, Map.of(), 0).lines()).isEqualTo(List.of(
                "import-history read=0 imported=0 already_present=0 refused=0 outside_slice=0 unlocated=0 shift_weeks=0"
                        + " first=- last=- seconds=0.0 rate=0/s"));
    }
}
