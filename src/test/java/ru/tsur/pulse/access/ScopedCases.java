package ru.tsur.pulse.access;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import ru.tsur.pulse.support.CaseFixtures;
import ru.tsur.pulse.support.TestMessages;
import ru.tsur.pulse.support.Tokens;

import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * Cases for the scope tests: a message of a topic of its own posted by the test user (an operator) for a
 * municipality, and the case it opened given to a named executor by {@code reassign} (the two executors the
 * demo users act for are real ones of the routing table). Every request names its caller, so the classes
 * using this can be anonymous by default.
 */
final class ScopedCases {

    static final String KOLPINO_EXECUTOR = "СПб ГКУ ЖА Колпинского района";
    static final String NEVSKY_EXECUTOR = "СПб ГКУ ЖА Невского района";

    private ScopedCases() {
    }

    /** A request as the user (the demo users' password is the name + "-demo"). */
    static RequestSpecification as(String user) {
        return given().header("Authorization", Tokens.bearer(user));
    }

    /** A JSON request as the user. */
    static RequestSpecification as(String user, String body) {
        return as(user).contentType(ContentType.JSON).body(body);
    }

    /** A fresh case in the municipality, assigned to the executor; returns its number. */
    static long caseFor(String municipality, String executor) {
        String body = """
                {"source":"portal","externalId":"%s","createdAt":"%s","text":"%s","municipality":"%s","topic":"%s"}"""
                .formatted(TestMessages.uniqueId(), Instant.now(), "Течёт крыша над квартирой на последнем этаже",
                        municipality, "Протечка кровли " + TestMessages.uniqueId());
        long message = as(Tokens.TEST_USER, body).when().post("/api/v1/messages")
                .then().statusCode(202).extract().jsonPath().getLong("id");
        long caseId = CaseFixtures.caseOf(message);
        as(Tokens.TEST_USER, "{\"executor\":\"" + executor + "\"}").when().post("/api/v1/cases/" + caseId + "/reassign")
                .then().statusCode(200).body("executor", equalTo(executor)).body("municipality", equalTo(municipality))
                .body("status", equalTo("assigned"));
        return caseId;
    }
}
