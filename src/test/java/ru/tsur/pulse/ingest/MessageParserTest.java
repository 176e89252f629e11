package ru.tsur.pulse.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import ru.tsur.pulse.problems.FieldError;
import ru.tsur.pulse.domain.IncomingMessage;
import ru.tsur.pulse.normalize.TextNormalizer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MessageParserTest {

    private static final Instant NOW = Instant.parse("2021-01-14T10:00:00Z");
    private static final String ISO_EXAMPLE = "e.g. 2021-01-14T09:30:00+03:00";

    private final ObjectMapper json = new ObjectMapper();
    private final MessageParser parser = new MessageParser(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(5),
            200, new TextNormalizer());

    private JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private MessageParser.Parsed parse(String text) {
        return parser.parse(read(text), "");
    }

    /** The message is refused, naming exactly this one field and why. */
    private void assertRefused(String text, String field, String message) {
        assertThat(errorsOf(text)).containsExactly(new FieldError(field, message));
    }

    private List<FieldError> errorsOf(String text) {
        MessageParser.Parsed parsed = parse(text);
        assertThat(parsed.valid()).isFalse();
        assertThat(parsed.message()).isNull();
        return parsed.errors();
    }

    @Test
    void fullMessageIsParsedWithEveryField() {
        MessageParser.Parsed parsed = parse("""
                {"source":"  Portal.Gu-SPb_2 ","externalId":"  gu-2021-000123 ",
                 "createdAt":"2021-01-14T09:30:00+03:00",
                 "text":"  <p>Во дворе дома 12 по ул. Савушкина не убран снег</p>  ",
                 "lat":59.98512,"lon":30.25231,"address":" ул. Савушкина, д. 12 ",
                 "municipality":"муниципальный округ №65","category":"Благоустройство",
                 "topic":"Уборка снега","author":"Иванова А. П.","unknownField":{"ignored":true}}""");

        assertThat(parsed.valid()).isTrue();
        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.message()).isEqualTo(new IncomingMessage("portal.gu-spb_2", "gu-2021-000123",
                Instant.parse("2021-01-14T06:30:00Z"),
                "<p>Во дворе дома 12 по ул. Савушкина не убран снег</p>", 59.98512, 30.25231,
                "ул. Савушкина, д. 12", "муниципальный округ №65", "Благоустройство", "Уборка снега",
                "Иванова А. П."));
    }

    @Test
    void optionalFieldsDefaultToNullAndCreatedAtToTheClock() {
        MessageParser.Parsed parsed = parse("""
                {"source":"vk","externalId":"wall-1_555","text":"Не горит фонарь у подъезда"}""");

        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.message()).isEqualTo(new IncomingMessage("vk", "wall-1_555", NOW,
                "Не горит фонарь у подъезда", null, null, null, null, null, null, null));
        assertThat(parsed.message().hasCoordinates()).isFalse();
    }

    @Test
    void nullAndBlankOptionalFieldsAreAbsent() {
        MessageParser.Parsed parsed = parse("""
                {"source":"vk","externalId":"1","createdAt":null,"text":"Яма на дороге","lat":null,"lon":null,
                 "address":"   ","municipality":"","category":null,"topic":" ","author":null}""");

        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.message()).isEqualTo(new IncomingMessage("vk", "1", NOW, "Яма на дороге",
                null, null, null, null, null, null, null));
    }

    @Test
    void numericExternalIdAndCategoryAreAcceptedAsText() {
        MessageParser.Parsed parsed = parse("""
                {"source":"kursk-pos","externalId":1234567890123456789012,"text":"Не вывозят мусор","category":3}""");

        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.message()).isEqualTo(new IncomingMessage("kursk-pos", "1234567890123456789012", NOW,
                "Не вывозят мусор", null, null, null, null, "3", null, null));
    }

    @Test
    void integralCoordinatesAndBoundsAreAccepted() {
        MessageParser.Parsed parsed = parse("""
                {"source":"test","externalId":"e","text":"т","lat":-90,"lon":180}""");

        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.message().lat()).isEqualTo(-90.0);
        assertThat(parsed.message().lon()).isEqualTo(180.0);
    }

    @Test
    void createdAtWithinTheAllowedClockSkewIsAccepted() {
        MessageParser.Parsed parsed = parse("""
                {"source":"vk","externalId":"1","text":"Нет отопления","createdAt":"2021-01-14T13:04:59+03:00"}""");

        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.message().createdAt()).isEqualTo(Instant.parse("2021-01-14T10:04:59Z"));
    }

    @Test
    void everyMissingRequiredFieldIsNamed() {
        assertThat(errorsOf("{}")).containsExactly(
                new FieldError("source", "is required"),
                new FieldError("externalId", "is required"),
                new FieldError("text", "is required"));
    }

    @Test
    void blankRequiredFieldsAreNamed() {
        assertThat(errorsOf("""
                {"source":"  ","externalId":"","text":" \\n\\t "}""")).containsExactly(
                new FieldError("source", "must not be blank"),
                new FieldError("externalId", "must not be blank"),
                new FieldError("text", "must not be blank"));
    }

    @Test
    void sourceMustBeASlug() {
        assertRefused("""
                {"source":"Портал ГУ","externalId":"1","text":"т"}""",
                "source", "must be 1-64 characters of a-z, 0-9, '_', '.', '-'");
        assertRefused("""
                {"source":"_portal","externalId":"1","text":"т"}""",
                "source", "must be 1-64 characters of a-z, 0-9, '_', '.', '-'");
        assertRefused("{\"source\":\"" + "a".repeat(65) + "\",\"externalId\":\"1\",\"text\":\"т\"}",
                "source", "must be at most 64 characters");
        assertRefused("""
                {"source":42,"externalId":"1","text":"т"}""",
                "source", "must be a string");
    }

    @Test
    void externalIdMustBeAStringOrAnIntegerOfBoundedLength() {
        assertRefused("""
                {"source":"vk","externalId":12.5,"text":"т"}""",
                "externalId", "must be a string");
        assertRefused("""
                {"source":"vk","externalId":{"id":1},"text":"т"}""",
                "externalId", "must be a string");
        assertRefused("{\"source\":\"vk\",\"externalId\":\"" + "x".repeat(201) + "\",\"text\":\"т\"}",
                "externalId", "must be at most 200 characters");
        assertThat(parse("{\"source\":\"vk\",\"externalId\":\"" + "x".repeat(200) + "\",\"text\":\"т\"}").valid())
                .isTrue();
    }

    @Test
    void createdAtMustBeAnIsoTimestampWithAnOffsetNotInTheFuture() {
        assertRefused("""
                {"source":"vk","externalId":"1","text":"т","createdAt":1610605800}""",
                "createdAt", "must be an ISO-8601 string with an offset, " + ISO_EXAMPLE);
        assertRefused("""
                {"source":"vk","externalId":"1","text":"т","createdAt":"2021-01-14T09:30:00"}""",
                "createdAt", "must be an ISO-8601 timestamp with an offset, " + ISO_EXAMPLE);
        assertRefused("""
                {"source":"vk","externalId":"1","text":"т","createdAt":"14.01.2021 09:30"}""",
                "createdAt", "must be an ISO-8601 timestamp with an offset, " + ISO_EXAMPLE);
        assertRefused("""
                {"source":"vk","externalId":"1","text":"т","createdAt":"2021-01-14T13:05:01+03:00"}""",
                "createdAt", "lies in the future");
    }

    @Test
    void textMustHaveContentOnceMarkupIsRemovedAndBeShortEnough() {
        assertRefused("""
                {"source":"vk","externalId":"1","text":"<p>&nbsp;</p><br/>"}""",
                "text", "is empty once markup is removed");
        assertRefused("{\"source\":\"vk\",\"externalId\":\"1\",\"text\":\"" + "ы".repeat(201) + "\"}",
                "text", "must be at most 200 characters");
        assertRefused("""
                {"source":"vk","externalId":"1","text":["Нет воды"]}""",
                "text", "must be a string");
    }

    @Test
    void coordinatesMustBeNumbersInRange() {
        assertThat(errorsOf("""
                {"source":"vk","externalId":"1","text":"т","lat":"59.93","lon":true}""")).containsExactly(
                new FieldError("lat", "must be a number"),
                new FieldError("lon", "must be a number"));
        assertThat(errorsOf("""
                {"source":"vk","externalId":"1","text":"т","lat":90.0001,"lon":-180.5}""")).containsExactly(
                new FieldError("lat", "must be between -90 and 90"),
                new FieldError("lon", "must be between -180 and 180"));
    }

    @Test
    void latitudeAndLongitudeComeTogether() {
        assertRefused("""
                {"source":"vk","externalId":"1","text":"т","lat":59.93}""",
                "lon", "must be given together with lat");
        assertRefused("""
                {"source":"vk","externalId":"1","text":"т","lon":30.31,"lat":null}""",
                "lat", "must be given together with lon");
        // A bad latitude is reported once, not also as a missing partner of the longitude.
        assertRefused("""
                {"source":"vk","externalId":"1","text":"т","lat":"север","lon":30.31}""",
                "lat", "must be a number");
    }

    @Test
    void optionalTextFieldsMustBeStringsOfBoundedLength() {
        assertThat(errorsOf("""
                {"source":"vk","externalId":"1","text":"т","address":["ул. Ленина"],"municipality":65,
                 "category":1.5,"topic":{},"author":42}""")).containsExactly(
                new FieldError("address", "must be a string"),
                new FieldError("municipality", "must be a string"),
                new FieldError("category", "must be a string"),
                new FieldError("topic", "must be a string"),
                new FieldError("author", "must be a string"));
        assertThat(errorsOf("{\"source\":\"vk\",\"externalId\":\"1\",\"text\":\"т\",\"address\":\""
                + "д".repeat(501) + "\"}")).containsExactly(
                new FieldError("address", "must be at most 500 characters"));
    }

    @Test
    void everyBadFieldOfOneItemIsReportedInFieldOrder() {
        assertThat(errorsOf("""
                {"source":"Портал!","createdAt":"2021-01-14 09:30","text":"   ","lat":95,"lon":"east","author":42}"""))
                .containsExactly(
                        new FieldError("source", "must be 1-64 characters of a-z, 0-9, '_', '.', '-'"),
                        new FieldError("externalId", "is required"),
                        new FieldError("createdAt", "must be an ISO-8601 timestamp with an offset, " + ISO_EXAMPLE),
                        new FieldError("text", "must not be blank"),
                        new FieldError("lat", "must be between -90 and 90"),
                        new FieldError("lon", "must be a number"),
                        new FieldError("author", "must be a string"));
    }

    @Test
    void fieldsOfABatchItemArePrefixedWithItsPosition() {
        MessageParser.Parsed parsed = parser.parse(read("""
                {"source":"vk","text":"<br>","lat":59.9,"category":false}"""), "[3].");

        assertThat(parsed.valid()).isFalse();
        assertThat(parsed.message()).isNull();
        assertThat(parsed.errors()).containsExactly(
                new FieldError("[3].externalId", "is required"),
                new FieldError("[3].text", "is empty once markup is removed"),
                new FieldError("[3].lon", "must be given together with lat"),
                new FieldError("[3].category", "must be a string"));
    }

    @Test
    void aBatchItemThatIsNotAnObjectIsNamedByItsPosition() {
        assertThat(parser.parse(read("\"Не убран снег\""), "[3].").errors())
                .containsExactly(new FieldError("[3]", "must be a JSON object"));
        assertThat(parser.parse(read("[{\"source\":\"vk\"}]"), "[0].").errors())
                .containsExactly(new FieldError("[0]", "must be a JSON object"));
        assertThat(parser.parse(read("null"), "[12].").errors())
                .containsExactly(new FieldError("[12]", "must be a JSON object"));
        assertThat(parser.parse(null, "[1].").errors())
                .containsExactly(new FieldError("[1]", "must be a JSON object"));
    }

    @Test
    void aSingleBodyThatIsNotAnObjectIsNamedBody() {
        MessageParser.Parsed parsed = parser.parse(read("42"), "");
        assertThat(parsed.valid()).isFalse();
        assertThat(parsed.message()).isNull();
        assertThat(parsed.errors()).containsExactly(new FieldError("body", "must be a JSON object"));
    }
}
