package ru.tsur.pulse.ingest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import ru.tsur.pulse.support.TestMessages;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Every kind of bad input gets its status and an application/problem+json body naming what is wrong,
 * and a refused batch stores nothing.
 */
@QuarkusTest
class IngestValidationTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    Pool pool;

    @Test
    void missingAndMalformedFieldsAreEachNamed() {
        var problem = given().contentType(ContentType.JSON)
                .body("""
                        {"source":"Портал!","createdAt":"2021-01-14 09:30","text":"   ","lat":95,"lon":"east","author":42}""")
                .when().post("/api/v1/messages")
                .then().statusCode(400).contentType(PROBLEM)
                .body("status", equalTo(400)).body("title", equalTo("Неверные данные запроса"))
                .body("type", equalTo("urn:tsur-pulse:problem:invalid-input"))
                .extract().jsonPath();
        Map<String, String> errors = errors(problem.getList("errors"));
        assertThat(errors).containsOnlyKeys("source", "externalId", "createdAt", "text", "lat", "lon", "author");
        assertThat(errors.get("externalId")).isEqualTo("is required");
        assertThat(errors.get("lat")).isEqualTo("must be between -90 and 90");
        assertThat(errors.get("lon")).isEqualTo("must be a number");
        assertThat(errors.get("text")).isEqualTo("must not be blank");
    }

    @Test
    void latitudeWithoutLongitudeAndMarkupOnlyTextAreRefused() {
        var problem = given().contentType(ContentType.JSON)
                .body("""
                        {"source":"portal","externalId":"x-1","text":"<p>&nbsp;</p>","lat":59.9}""")
                .when().post("/api/v1/messages")
                .then().statusCode(400).contentType(PROBLEM).extract().jsonPath();
        assertThat(errors(problem.getList("errors"))).containsExactlyInAnyOrderEntriesOf(Map.of(
                "text", "is empty once markup is removed",
                "lon", "must be given together with lat"));
    }

    @Test
    void futureTimestampIsRefused() {
        given().contentType(ContentType.JSON)
                .body("""
                        {"source":"portal","externalId":"x-2","text":"Яма","createdAt":"2099-01-01T00:00:00+03:00"}""")
                .when().post("/api/v1/messages")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("createdAt")).body("errors[0].message", equalTo("lies in the future"));
    }

    @Test
    void unreadableJsonIsRefused() {
        given().contentType(ContentType.JSON).body("{\"source\": \"portal\", ")
                .when().post("/api/v1/messages")
                .then().statusCode(400).contentType(PROBLEM).body("title", equalTo("Тело запроса не удалось прочитать"))
                .body("type", equalTo("urn:tsur-pulse:problem:unreadable-body"));
    }

    @Test
    void wrongContentTypeIsRefused() {
        given().contentType(ContentType.XML).body("<message/>")
                .when().post("/api/v1/messages")
                .then().statusCode(415).contentType(PROBLEM);
    }

    @Test
    void batchWithOneBadItemStoresNothingAndNamesTheItem() {
        String good = TestMessages.uniqueId();
        String body = "[" + TestMessages.at(good, 59.93, 30.31, null, "Яма на дороге") + ","
                + "{\"source\":\"portal\",\"externalId\":\"" + TestMessages.uniqueId() + "\"}]";
        given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/messages/batch")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("[1].text")).body("errors[0].message", equalTo("is required"));
        long stored = pool.preparedQuery("SELECT count(*) AS n FROM message WHERE external_id = $1")
                .execute(Tuple.of(good)).await().indefinitely().iterator().next().getLong("n");
        assertThat(stored).isZero();
    }

    @Test
    void batchThatIsNotAnArrayIsRefused() {
        given().contentType(ContentType.JSON).body("{\"source\":\"portal\"}")
                .when().post("/api/v1/messages/batch")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("body"));
    }

    @Test
    void batchOverTheCountLimitIs413() {
        String items = IntStream.range(0, 1001)
                .mapToObj(index -> TestMessages.at("limit-" + index, 59.93, 30.31, null, "Яма"))
                .collect(Collectors.joining(",", "[", "]"));
        given().contentType(ContentType.JSON).body(items)
                .when().post("/api/v1/messages/batch")
                .then().statusCode(413).contentType(PROBLEM).body("detail", containsString("at most 1000"));
    }

    @Test
    void bodyOverTheByteLimitIs413() {
        String text = "Я".repeat(2_200_000);
        given().contentType(ContentType.JSON)
                .body("{\"source\":\"portal\",\"externalId\":\"big\",\"text\":\"" + text + "\"}")
                .when().post("/api/v1/messages")
                .then().statusCode(413).contentType(PROBLEM).body("detail", containsString("bytes"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> errors(List<Object> errors) {
        return errors.stream().map(error -> (Map<String, String>) error)
                .collect(Collectors.toMap(error -> error.get("field"), error -> error.get("message")));
    }
}
