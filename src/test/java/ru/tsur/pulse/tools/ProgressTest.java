package ru.tsur.pulse.tools;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalTime;

import static org.assertj.core.api.Assertions.assertThat;

/** What a counted step says while it runs, and the lines it begins and ends with. */
class ProgressTest {

    @Test
    void aCountedLineSaysHowFarHowFastAndHowLongIsLeft() {
        assertThat(Progress.countedLine(12_000, 30_506, "rows", 5.0, LocalTime.parse("15:42:00")))
                .isEqualTo("12,000 of 30,506 rows (39%), 2,400 rows/s, about 8 s left (until 15:42:08)");
        assertThat(Progress.countedLine(0, 30_506, "rows", 5.0, LocalTime.parse("15:42:00")))
                .isEqualTo("0 of 30,506 rows (0%), 0 rows/s");
        assertThat(Progress.countedLine(30_506, 30_506, "rows", 10.0, LocalTime.parse("15:42:00")))
                .isEqualTo("30,506 of 30,506 rows (100%), 3,051 rows/s");
    }

    @Test
    void aCountedStepNamesItsSizeAndItsEnd() {
        StringWriter err = new StringWriter();
        try (Progress progress = new Progress(new PrintWriter(err))) {
            Progress.Timed<Long> timed = progress.counted("importing", 3, "rows", done -> {
                done.addAndGet(3);
                return done.get();
            });
            assertThat(timed.value()).isEqualTo(3);
        }
        assertThat(err.toString().replaceAll("\\[ *[0-9.]+ s]", "[T]").replaceAll("done in [0-9.]+ s", "done in D s"))
                .isEqualTo("[T] importing: 3 rows\n[T]   importing: done in D s\n");
    }
}
