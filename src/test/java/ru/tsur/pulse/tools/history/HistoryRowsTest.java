package ru.tsur.pulse.tools.history;

import org.junit.jupiter.api.Test;
import ru.tsur.pulse.domain.IncomingMessage;
import ru.tsur.pulse.ingest.MessageParser;
import ru.tsur.pulse.normalize.TextNormalizer;
import ru.tsur.pulse.pipeline.Submission;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A history row becomes what the ingest API would make of it (the API's own parser), with the key rules of the
 * import: the source's own key unshifted, {@code history.<source>} shifted, a digest of the content without an
 * id; a made-up text from the category where the file has no text; the door's refusals in its words.
 */
class HistoryRowsTest {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final List<String> SPB_HEADER = List.of("id", "created_at", "district", "municipality", "latitude",
            "longitude", "address", "city_object", "category", "reason", "executor_org", "last_status", "last_status_at",
            "first_answer_at", "text");
    private static final TextNormalizer NORMALIZER = new TextNormalizer();
    private static final MessageParser PARSER = new MessageParser(
            Clock.fixed(Instant.parse("2026-12-03T12:00:00Z"), ZoneOffset.UTC), Duration.ofMinutes(5), 20_000, NORMALIZER);

    private static Map<String, String> spbRow() {
        Map<String, String> row = new HashMap<>();
        row.put("id", "2947909");
        row.put("created_at", "2020-10-18T14:50:40.817676");
        row.put("district", "Приморский");
        row.put("municipality", "муниципальный округ №65");
        row.put("latitude", "59.9943342");
        row.put("longitude", "30.1971070");
        row.put("address", "г.Санкт-Петербург, Мебельная улица, дом 47");
        row.put("category", "Содержание МКД");
        row.put("reason", "Неудовлетворительное состояние парадной");
        row.put("text", "  1й подъезд, <b>5 этаж</b>. Звоните 89115550000  ");
        return row;
    }

    private static HistoryRows rows(List<String> header, boolean shifted) {
        return new HistoryRows(HistoryColumns.of(header), MOSCOW, LocalDate.parse("2020-10-18"),
                LocalDate.parse("2020-10-24"), "portal", shifted, PARSER);
    }

    private static ZonedDateTime dated(HistoryRows rows, Map<String, String> row) {
        return ((HistoryRows.InSlice) rows.date(row)).createdAt();
    }

    @Test
    void anUnshiftedRowKeepsItsSourcesKeyAndIsWhatTheApiWouldMakeOfIt() {
        HistoryRows rows = rows(SPB_HEADER, false);
        MessageParser.Parsed parsed = rows.message(spbRow(), dated(rows, spbRow()), 0);
        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.submission()).isEqualTo(new Submission(new IncomingMessage("portal", "2947909",
                Instant.parse("2020-10-18T11:50:40.817676Z"), "1й подъезд, <b>5 этаж</b>. Звоните 89115550000",
                59.9943342, 30.197107, "г.Санкт-Петербург, Мебельная улица, дом 47", "муниципальный округ №65",
                "Содержание МКД", "Неудовлетворительное состояние парадной", null),
                NORMALIZER.normalize("1й подъезд, <b>5 этаж</b>. Звоните 89115550000")));
    }

    @Test
    void aShiftedRowIsAHistoryCopyAtTheSameWeekdayAndHour() {
        HistoryRows rows = rows(SPB_HEADER, true);
        Map<String, String> row = spbRow();
        row.put("source", "hotline"); // not a column of this header: ignored
        IncomingMessage message = rows.message(row, dated(rows, row), 318).submission().message();
        assertThat(List.of(message.source(), message.externalId(), message.createdAt()))
                .isEqualTo(List.of("history.portal", "2947909", Instant.parse("2026-11-22T11:50:40.817676Z")));
        // shifted by 0 weeks (auto on a recent file) it is still the copy: the key must not depend on the weeks
        assertThat(rows.message(row, dated(rows, row), 0).submission().message().source()).isEqualTo("history.portal");
    }

    @Test
    void aRowsOwnSourceWins() {
        List<String> header = List.of("id", "created_at", "address", "category", "text", "source", "author");
        Map<String, String> row = Map.of("id", "77", "created_at", "2020-10-20 08:00:00", "address", "Невский пр., 1",
                "category", "Благоустройство", "text", "Яма во дворе", "source", "Hotline", "author", "Иванов И. И.");
        IncomingMessage unshifted = rows(header, false).message(row, dated(rows(header, false), row), 0).submission().message();
        assertThat(unshifted).isEqualTo(new IncomingMessage("hotline", "77", Instant.parse("2020-10-20T05:00:00Z"),
                "Яма во дворе", null, null, "Невский пр., 1", null, "Благоустройство", null, "Иванов И. И."));
        assertThat(rows(header, true).message(row, dated(rows(header, true), row), 2).submission().message().source())
                .isEqualTo("history.hotline");
    }

    @Test
    void aRowWithoutAnIdIsKeyedByItsContent() {
        List<String> header = List.of("created_at", "latitude", "longitude", "category", "text");
        HistoryRows rows = rows(header, false);
        Map<String, String> row = new HashMap<>(Map.of("created_at", "2020-10-19T10:00:00", "latitude", "59.93",
                "longitude", "30.31", "category", "Благоустройство", "text", "Сломана скамейка"));
        String key = rows.message(row, dated(rows, row), 0).submission().message().externalId();
        assertThat(key).matches("sha256-[0-9a-f]{32}");
        assertThat(rows.message(new HashMap<>(row), dated(rows, row), 0).submission().message().externalId()).isEqualTo(key);
        row.put("text", "Сломана скамейка у дома 2");
        assertThat(rows.message(row, dated(rows, row), 0).submission().message().externalId()).isNotEqualTo(key);
    }

    @Test
    void aFileWithoutTextsGetsTheCategoryAndTopicAsText() {
        List<String> header = List.of("created_at", "municipality", "category", "reason");
        HistoryRows rows = rows(header, false);
        Map<String, String> row = Map.of("created_at", "2020-10-19T10:00:00", "municipality", "город Колпино",
                "category", "Благоустройство", "reason", "Неубранный снег");
        assertThat(rows.message(row, dated(rows, row), 0).submission().message().text())
                .isEqualTo("Благоустройство — Неубранный снег");
        Map<String, String> noTopic = Map.of("created_at", "2020-10-19T10:00:00", "municipality", "город Колпино",
                "category", "Благоустройство");
        assertThat(rows.message(noTopic, dated(rows, noTopic), 0).submission().message().text()).isEqualTo("Благоустройство");
    }

    @Test
    void whatTheDoorRefusesIsRefusedInItsWords() {
        HistoryRows rows = rows(SPB_HEADER, true);
        Map<String, String> row = spbRow();
        row.put("latitude", "north");
        row.put("text", "   ");
        assertThat(HistoryRows.reasons(rows.message(row, dated(rows, row), 0).errors()))
                .containsExactly("text: is required", "lat: must be a number");
        // moved past now (and the 5 minutes of skew the API allows)
        assertThat(HistoryRows.reasons(rows.message(spbRow(), dated(rows, spbRow()), 320).errors()))
                .containsExactly("createdAt: lies in the future");
    }

    @Test
    void rowsOutsideTheSliceOrWithoutAUsableTimeAreSetAside() {
        HistoryRows rows = rows(SPB_HEADER, false);
        Map<String, String> row = spbRow();
        row.put("created_at", "2020-10-24T23:59:59");
        assertThat(rows.date(row)).isEqualTo(new HistoryRows.InSlice(ZonedDateTime.parse("2020-10-24T23:59:59+03:00[Europe/Moscow]")));
        row.put("created_at", "2020-10-25T00:00:00");
        assertThat(rows.date(row)).isEqualTo(new HistoryRows.Outside());
        row.put("created_at", "2020-10-17T23:59:59");
        assertThat(rows.date(row)).isEqualTo(new HistoryRows.Outside());
        row.put("created_at", "");
        assertThat(rows.date(row)).isEqualTo(new HistoryRows.Refused(List.of("created_at: is required")));
        row.put("created_at", "вчера");
        assertThat(rows.date(row)).isEqualTo(new HistoryRows.Refused(List.of("created_at: must be an ISO-8601 time, e.g."
                + " 2020-10-18T14:50:40 (local, Europe/Moscow) or 2020-10-18T14:50:40+03:00")));
    }
}
