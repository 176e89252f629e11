package ru.tsur.pulse.ingest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import ru.tsur.pulse.support.TestMessages;

import java.nio.charset.StandardCharsets;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The door refuses, per field and with the field named, what PostgreSQL would refuse or a screen must not
 * show, so one hostile client cannot fail the batch its neighbours' messages share.
 */
@QuarkusTest
class HostileInputTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    Pool pool;

    @Test
    void aNulCharacterInAnyFieldIsRefusedNamingThatField() throws Exception {
        for (String field : List.of("text", "address", "municipality", "topic", "author", "externalId", "category", "source")) {
            Map<String, String> message = new LinkedHashMap<>();
            message.put("source", "portal");
            message.put("externalId", "nul-" + TestMessages.uniqueId());
            message.put("text", "Яма на дороге");
            message.put(field, "x\u0000y");
            String body = new ObjectMapper().writeValueAsString(message);
            var errors = given().contentType(ContentType.JSON).body(body)
                    .when().post("/api/v1/messages")
                    .then().statusCode(400).contentType(PROBLEM).extract().jsonPath().getList("errors.field");
            assertThat(errors).as(body).containsExactly(field);
        }
    }

    @Test
    void tabsAndLineBreaksStayInTheTextButAnEscapeCharacterIsRefused() {
        String id = TestMessages.uniqueId();
        given().contentType(ContentType.JSON)
                .body("{\"source\":\"portal\",\"externalId\":\"" + id + "\",\"text\":\"Яма\\tна дороге\\r\\nу дома 5\"}")
                .when().post("/api/v1/messages").then().statusCode(202);
        given().contentType(ContentType.JSON)
                .body("{\"source\":\"portal\",\"externalId\":\"" + TestMessages.uniqueId() + "\",\"text\":\"\\u001b[31mКРАСНЫЙ\"}")
                .when().post("/api/v1/messages")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("text"))
                .body("errors[0].message", equalTo("must not contain the control character U+001B (position 0)"));
        given().contentType(ContentType.JSON)
                .body("{\"source\":\"portal\",\"externalId\":\"" + TestMessages.uniqueId() + "\",\"text\":\"Яма\",\"address\":\"ул. Ленина,\\n5\"}")
                .when().post("/api/v1/messages")
                .then().statusCode(400).body("errors[0].field", equalTo("address"));
    }

    @Test
    void bidirectionalOverridesAreStrippedFromTheDisplayText() {
        String id = TestMessages.uniqueId();
        given().contentType(ContentType.JSON)
                .body("{\"source\":\"portal\",\"externalId\":\"" + id + "\",\"text\":\"Не горит \\u202Eьнотевс\\u202C фонарь &#x202E;у дома\"}")
                .when().post("/api/v1/messages").then().statusCode(202);
        String display = pool.preparedQuery("SELECT display_text FROM message WHERE source = 'portal' AND external_id = $1")
                .execute(Tuple.of(id)).await().indefinitely().iterator().next().getString("display_text");
        assertThat(display).isEqualTo("Не горит ьнотевс фонарь у дома");
    }

    @Test
    void anUnpairedSurrogateIsRefused() {
        given().contentType(ContentType.JSON)
                .body("{\"source\":\"portal\",\"externalId\":\"" + TestMessages.uniqueId() + "\",\"text\":\"Яма \\ud800 тут\"}")
                .when().post("/api/v1/messages")
                .then().statusCode(400).body("errors[0].field", equalTo("text"))
                .body("errors[0].message", equalTo("must not contain the control character U+D800 (position 4)"));
    }

    @Test
    void createdAtBeforeTheYear2000IsRefused() {
        for (String createdAt : List.of("0000-01-01T00:00:00Z", "-0001-06-01T00:00:00Z", "1999-12-31T23:59:59Z")) {
            given().contentType(ContentType.JSON)
                    .body("{\"source\":\"portal\",\"externalId\":\"" + TestMessages.uniqueId()
                            + "\",\"text\":\"Яма\",\"createdAt\":\"" + createdAt + "\"}")
                    .when().post("/api/v1/messages")
                    .then().statusCode(400).body("errors[0].field", equalTo("createdAt"))
                    .body("errors[0].message", equalTo("must not be before 2000-01-01"));
        }
    }

    @Test
    void anNdjsonLineHoldingTwoObjectsIsRefusedByLineAndNothingIsStored() {
        String first = TestMessages.uniqueId();
        String second = TestMessages.uniqueId();
        String third = TestMessages.uniqueId();
        String body = TestMessages.at(first, 59.93, 30.31, null, "Яма") + "\n"
                + TestMessages.at(second, 59.93, 30.31, null, "Яма") + TestMessages.at(third, 59.93, 30.31, null, "Яма") + "\n";
        given().contentType("application/x-ndjson; charset=UTF-8").body(body.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/messages/batch")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("line 2"));
        assertThat(storedCount(List.of(first, second, third))).isZero();
    }

    @Test
    void aBodyWithTrailingContentOrARepeatedKeyIsRefused() {
        given().contentType(ContentType.JSON)
                .body(TestMessages.at(TestMessages.uniqueId(), 59.93, 30.31, null, "Яма") + " {}")
                .when().post("/api/v1/messages")
                .then().statusCode(400).contentType(PROBLEM).body("type", equalTo("urn:tsur-pulse:problem:unreadable-body"));
        given().contentType(ContentType.JSON)
                .body("{\"source\":\"portal\",\"externalId\":\"" + TestMessages.uniqueId() + "\",\"text\":\"Яма\",\"text\":\"Другое\"}")
                .when().post("/api/v1/messages")
                .then().statusCode(400).contentType(PROBLEM).body("type", equalTo("urn:tsur-pulse:problem:unreadable-body"));
    }

    @Test
    void onlyUtf8IsAcceptedAndAnOverlongSequenceIsRefused() {
        byte[] latin1 = ("{\"source\":\"portal\",\"externalId\":\"" + TestMessages.uniqueId() + "\",\"text\":\"caf\u00e9\"}")
                .getBytes(StandardCharsets.ISO_8859_1);
        given().contentType("application/json; charset=ISO-8859-1").body(latin1)
                .when().post("/api/v1/messages")
                .then().statusCode(415).contentType(PROBLEM);
        given().contentType("text/plain; charset=UTF-8").body("{}")
                .when().post("/api/v1/messages")
                .then().statusCode(415).contentType(PROBLEM);
        byte[] overlong = ("{\"source\":\"portal\",\"externalId\":\"" + TestMessages.uniqueId() + "\",\"text\":\"a_b\"}")
                .getBytes(StandardCharsets.UTF_8);
        int slash = new String(overlong, StandardCharsets.UTF_8).indexOf('_');
        byte[] withOverlong = new byte[overlong.length + 1];
        System.arraycopy(overlong, 0, withOverlong, 0, slash);
        withOverlong[slash] = (byte) 0xC0; // «/» written in two bytes: an overlong form UTF-8 forbids
        withOverlong[slash + 1] = (byte) 0xAF;
        System.arraycopy(overlong, slash + 1, withOverlong, slash + 2, overlong.length - slash - 1);
        given().contentType(ContentType.JSON).body(withOverlong)
                .when().post("/api/v1/messages")
                .then().statusCode(400).contentType(PROBLEM).body("type", equalTo("urn:tsur-pulse:problem:unreadable-body"));
    }

    @Test
    void aNulInAnyQueryParameterOrPathIsA400NamingIt() {
        given().urlEncodingEnabled(false).when().get("/api/v1/cases?executor=%00")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("executor"))
                .body("errors[0].message", equalTo("содержит недопустимый символ U+0000"));
        given().urlEncodingEnabled(false).when().get("/api/v1/alerts?kind=a%00b")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("kind"));
        given().urlEncodingEnabled(false).when().get("/api/v1/alerts/%00")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("path"));
        given().when().get("/api/v1/cases?executor=" + "Ж".repeat(301))
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].message", equalTo("не длиннее 300 символов (получено 301)"));
    }

    @Test
    void aBatchOfFiftyWithOneRowPostgresqlRefusesStoresFortyNineAndRefusesThatIndex() {
        // A row the door lets through but PostgreSQL refuses: a constraint only this test adds (NOT VALID:
        // it checks new rows only), standing for any value the database cannot store.
        pool.query("ALTER TABLE message ADD CONSTRAINT test_poison CHECK (text NOT LIKE '%ОТРАВЛЕНО%') NOT VALID")
                .execute().await().indefinitely();
        try {
            List<String> ids = new java.util.ArrayList<>();
            StringBuilder body = new StringBuilder("[");
            for (int index = 0; index < 50; index++) {
                String id = TestMessages.uniqueId();
                ids.add(id);
                body.append(index == 0 ? "" : ",").append(TestMessages.at(id, 59.93, 30.31, null,
                        index == 17 ? "ОТРАВЛЕНО: яма" : "Яма на дороге номер " + index));
            }
            var answer = given().contentType(ContentType.JSON).body(body.append(']').toString())
                    .when().post("/api/v1/messages/batch")
                    .then().statusCode(202).extract().jsonPath();
            assertThat(answer.getInt("accepted")).isEqualTo(49);
            assertThat(answer.getList("refused.field")).containsExactly("[17]");
            assertThat(answer.getString("results[17].refused")).startsWith("refused by the database:");
            assertThat(answer.getLong("results[16].id")).isPositive();
            assertThat(storedCount(ids)).isEqualTo(49);
            assertThat(storedCount(List.of(ids.get(17)))).isZero();
        } finally {
            pool.query("ALTER TABLE message DROP CONSTRAINT test_poison").execute().await().indefinitely();
        }
    }

    private long storedCount(List<String> externalIds) {
        return pool.preparedQuery("SELECT count(*) AS n FROM message WHERE external_id = ANY($1)")
                .execute(Tuple.of(externalIds.toArray(String[]::new))).await().indefinitely().iterator().next().getLong("n");
    }
}
