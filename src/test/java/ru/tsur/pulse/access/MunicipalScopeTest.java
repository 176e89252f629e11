package ru.tsur.pulse.access;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import ru.tsur.pulse.alerts.Alert;
import ru.tsur.pulse.alerts.AlertRaise;
import ru.tsur.pulse.alerts.AlertService;
import ru.tsur.pulse.support.TestMessages;
import ru.tsur.pulse.support.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.tsur.pulse.support.AuthenticatedRestAssured;
import ru.tsur.pulse.support.ProblemBodies;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static ru.tsur.pulse.access.ScopedCases.KOLPINO_EXECUTOR;
import static ru.tsur.pulse.access.ScopedCases.NEVSKY_EXECUTOR;
import static ru.tsur.pulse.access.ScopedCases.as;

/**
 * A municipal official — the token's {@code municipality} claim, here {@code official-kolpino} bound to
 * {@code spb-kolpino} — sees the cases of its municipality only: the list holds no other, whatever the
 * filter asks, and a case elsewhere is 404 (as if it did not exist); an official of the whole region (no
 * claim) sees every case. Officials only read: every move of a case is 403 for both. The same holds for
 * what the REST API shows besides cases: alerts (with their history), the feed and the heat map.
 * (The sockets are not scoped by municipality yet; no test here.)
 */
@QuarkusTest
@AuthenticatedRestAssured.Anonymous
class MunicipalScopeTest {

    private static final String KOLPINO_OFFICIAL = "official-kolpino";
    private static final String EMPTY_PAGE = "{\"page\":0,\"size\":50,\"total\":0,\"items\":[]}";
    private static final String FORBIDDEN = "{\"type\":\"urn:tsur-pulse:problem:forbidden\",\"title\":\"Нет прав на это действие\","
            + "\"status\":403,\"detail\":\"Ваша роль не позволяет это действие\"}";

    @Inject
    AlertService alerts;

    private long kolpino;
    private long elsewhere;

    @BeforeEach
    void aCaseInKolpinoAndOneElsewhere() {
        kolpino = ScopedCases.caseFor("spb-kolpino", KOLPINO_EXECUTOR);
        elsewhere = ScopedCases.caseFor("spb-nevskiy-okrug", NEVSKY_EXECUTOR);
    }

    @Test
    void theListHoldsOnlyItsMunicipalitysCasesWhateverTheFilterAsks() {
        JsonPath page = as(KOLPINO_OFFICIAL).when().get("/api/v1/cases?size=200").then().statusCode(200).extract().jsonPath();
        assertThat(page.getList("items.municipality", String.class)).isNotEmpty().containsOnly("spb-kolpino");
        assertThat(page.getList("items.id", Long.class)).contains(kolpino).doesNotContain(elsewhere);

        as(KOLPINO_OFFICIAL).when().get("/api/v1/cases?municipality=spb-nevskiy-okrug").then().statusCode(200)
                .body(equalTo(EMPTY_PAGE));
        as(KOLPINO_OFFICIAL).when().get("/api/v1/cases?executor=" + NEVSKY_EXECUTOR).then().statusCode(200)
                .body(equalTo(EMPTY_PAGE));
        assertThat(as(KOLPINO_OFFICIAL).when().get("/api/v1/cases?municipality=spb-kolpino&size=200").then().statusCode(200)
                .extract().jsonPath().getList("items.id", Long.class)).contains(kolpino);

        assertThat(as("official").when().get("/api/v1/cases?size=200").then().statusCode(200).extract().jsonPath()
                .getList("items.id", Long.class)).contains(kolpino, elsewhere);
    }

    @Test
    void aCaseElsewhereIsNotFoundAndItsOwnReads() {
        as(KOLPINO_OFFICIAL).when().get("/api/v1/cases/" + elsewhere).then().statusCode(404)
                .contentType("application/problem+json").body(equalTo(ProblemBodies.notFound("Нет обращения № " + elsewhere)));
        as(KOLPINO_OFFICIAL).when().get("/api/v1/cases/" + kolpino).then().statusCode(200)
                .body("case.id", equalTo((int) kolpino)).body("case.municipality", equalTo("spb-kolpino"));
        as("official").when().get("/api/v1/cases/" + elsewhere).then().statusCode(200)
                .body("case.municipality", equalTo("spb-nevskiy-okrug"));
    }

    @Test
    void officialsOnlyReadEveryMoveIsForbidden() {
        Map<String, String> moves = Map.of("accept", "{}", "answer", "{\"text\":\"Крыша отремонтирована\"}",
                "resolve", "{\"text\":\"Крыша отремонтирована\"}", "reject", "{\"reason\":\"не наш дом\"}",
                "assign", "{\"executor\":\"" + KOLPINO_EXECUTOR + "\"}", "reassign", "{\"executor\":\"" + KOLPINO_EXECUTOR + "\"}",
                "confirm", "{\"comment\":\"спасибо\"}", "reopen", "{\"comment\":\"всё ещё течёт\"}");
        for (String official : List.of(KOLPINO_OFFICIAL, "official")) {
            for (long caseId : List.of(kolpino, elsewhere)) {
                moves.forEach((move, body) -> as(official, body).when().post("/api/v1/cases/" + caseId + "/" + move)
                        .then().statusCode(403).contentType("application/problem+json").body(equalTo(FORBIDDEN)));
            }
        }
        as("operator").when().get("/api/v1/cases/" + kolpino).then().statusCode(200)
                .body("case.status", equalTo("assigned")).body("events.size()", equalTo(3));
    }

    private Alert alertIn(String municipality) {
        Alert alert = alerts.raise(new AlertRaise("scope-test", Map.of("municipality", municipality, "run", TestMessages.uniqueId()),
                "warning", "Проверка видимости", "", Map.of(), null, null)).await().atMost(Duration.ofSeconds(10));
        as("operator").when().post("/api/v1/alerts/" + alert.id() + "/ack").then().statusCode(200);
        return alert;
    }

    @Test
    void theAlertsTheFeedAndTheHeatMapItReadsHoldOnlyItsMunicipality() {
        Alert own = alertIn("spb-kolpino");
        Alert other = alertIn("spb-nevskiy-okrug");
        JsonPath listed = as(KOLPINO_OFFICIAL).when().get("/api/v1/alerts?kind=scope-test").then().statusCode(200)
                .extract().jsonPath();
        assertThat(listed.getList("labels.municipality", String.class)).containsOnly("spb-kolpino");
        assertThat(listed.getList("id", String.class)).contains(own.id()).doesNotContain(other.id());
        as(KOLPINO_OFFICIAL).when().get("/api/v1/alerts/" + own.id()).then().statusCode(200).body("id", equalTo(own.id()));
        assertThat(as("official").when().get("/api/v1/alerts?kind=scope-test").then().statusCode(200).extract().jsonPath()
                .getList("id", String.class)).contains(own.id(), other.id());

        for (String municipality : List.of("spb-kolpino", "spb-nevskiy-okrug")) {
            as(Tokens.TEST_USER, """
                    {"source":"portal","externalId":"%s","text":"Не убран снег во дворе","municipality":"%s"}"""
                    .formatted(TestMessages.uniqueId(), municipality)).when().post("/api/v1/messages").then().statusCode(202);
        }
        List<String> feed = as(KOLPINO_OFFICIAL).when().get("/api/v1/messages/recent?limit=200").then().statusCode(200)
                .extract().jsonPath().getList("messages.municipality", String.class);
        assertThat(feed).isNotEmpty().containsOnly("spb-kolpino");
        assertThat(as("official").when().get("/api/v1/messages/recent?limit=200").then().statusCode(200)
                .extract().jsonPath().getList("messages.municipality", String.class)).contains("spb-kolpino", "spb-nevskiy-okrug");

        JsonPath heatmap = as(KOLPINO_OFFICIAL).when().get("/api/v1/heatmap?window=24h").then().statusCode(200).extract().jsonPath();
        assertThat(heatmap.getList("cells.m", String.class)).allSatisfy(m -> assertThat(m).isEqualTo("spb-kolpino"));
        assertThat(heatmap.getList("scores.m", String.class)).allSatisfy(m -> assertThat(m).isEqualTo("spb-kolpino"));
    }

    @Test
    void anAlertElsewhereIsNotFoundAndNeitherIsItsHistory() {
        Alert other = alertIn("spb-nevskiy-okrug");
        String notFound = ProblemBodies.notFound("Нет оповещения " + other.id());
        as(KOLPINO_OFFICIAL).when().get("/api/v1/alerts/" + other.id()).then().statusCode(404).body(equalTo(notFound));
        // Its history names who acknowledged it and when: as much the other municipality's as the alert itself.
        as(KOLPINO_OFFICIAL).when().get("/api/v1/alerts/" + other.id() + "/history").then().statusCode(404).body(equalTo(notFound));
        as("official").when().get("/api/v1/alerts/" + other.id() + "/history").then().statusCode(200)
                .body("items[0].by", equalTo("operator"));
    }
}
