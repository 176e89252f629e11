package ru.tsur.pulse.access;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import ru.tsur.pulse.alerts.Alert;
import ru.tsur.pulse.alerts.AlertRaise;
import ru.tsur.pulse.alerts.AlertService;
import ru.tsur.pulse.audit.AuditEvent;
import ru.tsur.pulse.audit.AuditPage;
import ru.tsur.pulse.audit.AuditVerification;
import ru.tsur.pulse.keys.ApiKey;
import ru.tsur.pulse.keys.KeyCreated;
import ru.tsur.pulse.support.AuditTable;
import ru.tsur.pulse.support.AuthenticatedRestAssured;
import ru.tsur.pulse.support.ProblemBodies;
import ru.tsur.pulse.support.TestMessages;
import ru.tsur.pulse.support.Tokens;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static ru.tsur.pulse.access.ScopedCases.KOLPINO_EXECUTOR;
import static ru.tsur.pulse.access.ScopedCases.as;

/**
 * Every act of a person leaves its audit row, driven through the API by the demo users: the moves of a case
 * (operator reassigns; the executor accepts, answers, resolves), an alert's acknowledgement, silence and
 * its lifting (operator), a key's creation and revocation, an executor added and a counter rebuild
 * (admin), and a read of a resident's original message (operator). Each row names the login and the roles
 * it acted with, the target and the change, and the address it came from; the chain then verifies. A row
 * edited behind the service's back (the table owner disabling the append-only trigger, as an intruder with
 * that role could) is named by the verification, and the chain holds again once it is put back. No body
 * may name the actor any more ({@code by} is an unknown field).
 */
@QuarkusTest
@AuthenticatedRestAssured.Anonymous
class AuditTrailTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String ADMIN = "admin";
    private static final String OPERATOR = "operator";
    private static final String EXECUTOR = "executor-zhks1";

    @Inject
    AlertService alerts;

    @Inject
    ObjectMapper json;

    /** What a row says apart from its id, time and hashes. */
    record Row6(String subject, List<String> roles, String keyId, String action, String target, String before,
                String after, String remoteAddress) {
        static Row6 of(AuditEvent event) {
            return new Row6(event.subject(), event.roles(), event.keyId(), event.action(), event.target(), event.before(),
                    event.after(), event.remoteAddress());
        }
    }

    private static Row6 row(String subject, List<String> roles, String action, String target, String before, String after) {
        return new Row6(subject, roles, null, action, target, before, after, "127.0.0.1");
    }

    /** The audit rows matching the query, newest first, as the admin reads them. */
    private List<AuditEvent> audit(String query) throws Exception {
        String body = as(ADMIN).when().get("/api/v1/audit?size=500&" + query).then().statusCode(200).extract().asString();
        return json.readValue(body, AuditPage.class).items();
    }

    private List<Row6> rows(String query) throws Exception {
        return audit(query).stream().map(Row6::of).toList();
    }

    private AuditVerification verify() throws Exception {
        String body = as(ADMIN).when().post("/api/v1/audit/verify").then().statusCode(200).extract().asString();
        return json.readValue(body, AuditVerification.class);
    }

    /** A case's before/after as the audit keeps it; {@code detail} is a JSON literal, or null for a "before" (no detail). */
    private static String caseJson(String status, String executor, String detail) {
        return "{\"status\":\"" + status + "\",\"executor\":\"" + executor + "\""
                + (detail == null ? "" : ",\"detail\":" + detail) + "}";
    }

    @Test
    void everyCaseMoveNamesTheLoginAndItsRolesAndTheChainVerifies() throws Exception {
        long caseId = ScopedCases.caseFor("spb-kolpino", KOLPINO_EXECUTOR);
        String answer = "Кровля отремонтирована 02.12, протечки больше нет, код " + TestMessages.uniqueId().substring(0, 8);
        as(OPERATOR, "{\"executor\":\"" + KOLPINO_EXECUTOR + "\"}").when().post("/api/v1/cases/" + caseId + "/reassign")
                .then().statusCode(200);
        as(EXECUTOR, "{}").when().post("/api/v1/cases/" + caseId + "/accept").then().statusCode(200);
        as(EXECUTOR, "{\"text\":\"" + answer + "\"}").when().post("/api/v1/cases/" + caseId + "/answer").then().statusCode(200);
        as(EXECUTOR, "{}").when().post("/api/v1/cases/" + caseId + "/resolve").then().statusCode(200);

        String executor = "\"" + KOLPINO_EXECUTOR + "\"";
        String target = "case:" + caseId;
        assertThat(rows("target=" + target)).containsExactly(
                row(EXECUTOR, List.of("executor"), "case.resolve", target, caseJson("answered", KOLPINO_EXECUTOR, null),
                        caseJson("resolved", KOLPINO_EXECUTOR, "null")),
                row(EXECUTOR, List.of("executor"), "case.answer", target, caseJson("in_progress", KOLPINO_EXECUTOR, null),
                        caseJson("answered", KOLPINO_EXECUTOR, "\"" + answer + "\"")),
                row(EXECUTOR, List.of("executor"), "case.accept", target, caseJson("assigned", KOLPINO_EXECUTOR, null),
                        caseJson("in_progress", KOLPINO_EXECUTOR, "null")),
                row(OPERATOR, List.of("operator"), "case.reassign", target, caseJson("assigned", KOLPINO_EXECUTOR, null),
                        caseJson("assigned", KOLPINO_EXECUTOR, executor)),
                row(Tokens.TEST_USER, List.of("admin", "metrics", "official", "operator", "wall"), "case.reassign", target,
                        caseJson("assigned", KOLPINO_EXECUTOR, null), caseJson("assigned", KOLPINO_EXECUTOR, executor)));
        assertThat(verify()).isEqualTo(AuditTable.intact());
    }

    @Test
    void everyAlertActNamesTheOperatorAndTheChainVerifies() throws Exception {
        Alert alert = alerts.raise(new AlertRaise("audit-test", Map.of("run", TestMessages.uniqueId()), "warning",
                "Проверка журнала", "Оповещение для проверки журнала действий", Map.of(), null, null)).await().atMost(WAIT);

        as(OPERATOR).when().post("/api/v1/alerts/" + alert.id() + "/ack").then().statusCode(200)
                .body("acknowledgedBy", equalTo(OPERATOR));
        String until = as(OPERATOR, "{\"reason\":\"бригада выехала\",\"duration\":\"PT2H\"}").when()
                .post("/api/v1/alerts/" + alert.id() + "/silence").then().statusCode(200).extract().jsonPath().getString("silencedUntil");
        as(OPERATOR).when().delete("/api/v1/alerts/" + alert.id() + "/silence").then().statusCode(200);

        String target = "alert:" + alert.id();
        assertThat(rows("target=" + target)).containsExactly(
                row(OPERATOR, List.of("operator"), "alert.unsilence", target, null, null),
                row(OPERATOR, List.of("operator"), "alert.silence", target, null,
                        "{\"until\":\"" + until + "\",\"reason\":\"бригада выехала\"}"),
                row(OPERATOR, List.of("operator"), "alert.acknowledge", target, null, null));
        assertThat(verify()).isEqualTo(AuditTable.intact());
    }

    @Test
    void everyAdminActAndEveryReadOfPersonalDataNamesTheLoginAndTheChainVerifies() throws Exception {
        String created = as(ADMIN, "{\"name\":\"Портал для журнала\",\"sources\":[\"portal-test\"]}").when()
                .post("/api/v1/admin/keys").then().statusCode(201).extract().asString();
        KeyCreated key = json.readValue(created, KeyCreated.class);
        String revokedBody = as(ADMIN).when().delete("/api/v1/admin/keys/" + key.id()).then().statusCode(200).extract().asString();
        ApiKey revoked = json.readValue(revokedBody, ApiKey.class);
        ApiKey fresh = new ApiKey(key.id(), key.name(), key.sources(), key.createdAt(), ADMIN, key.expiresAt(), null, null, null);

        List<AuditEvent> keyRows = audit("target=" + "key:" + key.id());
        assertThat(keyRows).hasSize(2);
        assertThat(keyRows.stream().map(Row6::of).toList()).containsExactly(
                row(ADMIN, List.of("admin", "operator"), "key.revoke", "key:" + key.id(), keyRows.get(0).before(), keyRows.get(0).after()),
                row(ADMIN, List.of("admin", "operator"), "key.create", "key:" + key.id(), null, keyRows.get(1).after()));
        assertThat(json.readValue(keyRows.get(1).after(), ApiKey.class)).isEqualTo(fresh);
        assertThat(json.readValue(keyRows.get(0).before(), ApiKey.class)).isEqualTo(fresh);
        assertThat(json.readValue(keyRows.get(0).after(), ApiKey.class)).isEqualTo(revoked);

        String name = "ООО Журнал " + TestMessages.uniqueId().substring(0, 8);
        as(ADMIN, "{\"name\":\"" + name + "\"}").when().post("/api/v1/admin/executors").then().statusCode(200)
                .body(equalTo("{\"name\":\"" + name + "\",\"added\":true}"));
        assertThat(rows("target=" + "executor:" + name)).containsExactly(
                row(ADMIN, List.of("admin", "operator"), "executor.add", "executor:" + name, null, "{\"name\":\"" + name + "\"}"));

        long before = audit("action=counters.rebuild&subject=admin").stream().mapToLong(AuditEvent::id).max().orElse(0);
        as(ADMIN).when().post("/api/v1/admin/counters/rebuild").then().statusCode(200);
        List<AuditEvent> rebuilds = audit("action=counters.rebuild&subject=admin");
        assertThat(rebuilds.get(0).id()).isGreaterThan(before);
        assertThat(Row6.of(rebuilds.get(0))).isEqualTo(row(ADMIN, List.of("admin", "operator"), "counters.rebuild", "counters", null, null));

        long message = as(Tokens.TEST_USER, """
                {"source":"hotline","externalId":"%s","text":"Звонил Иванов Иван, тел. +7 921 000-00-00","municipality":"spb-kolpino","author":"Иванов Иван Иванович"}"""
                .formatted(TestMessages.uniqueId())).when().post("/api/v1/messages").then().statusCode(202)
                .extract().jsonPath().getLong("id");
        as(OPERATOR).when().get("/api/v1/messages/" + message + "/original").then().statusCode(200)
                .body("author", equalTo("Иванов Иван Иванович"));
        assertThat(rows("target=" + "message:" + message)).containsExactly(
                row(OPERATOR, List.of("operator"), "personal-data.read", "message:" + message, null, null));

        assertThat(verify()).isEqualTo(AuditTable.intact());
    }

    @Test
    void aRowEditedBehindTheServicesBackIsNamedAndTheChainHoldsOnceItIsBack() throws Exception {
        Alert alert = alerts.raise(new AlertRaise("audit-test", Map.of("run", TestMessages.uniqueId()), "info",
                "Проверка подделки", "", Map.of(), null, null)).await().atMost(WAIT);
        as(OPERATOR).when().post("/api/v1/alerts/" + alert.id() + "/ack").then().statusCode(200);
        AuditEvent acknowledged = audit("target=alert:" + alert.id()).get(0);
        assertThat(verify()).isEqualTo(AuditTable.intact());

        // Someone with the table owner's rights makes it look as if another person acknowledged.
        AuditTable.asOwner("UPDATE audit_event SET subject = 'Дежурный Петров' WHERE id = " + acknowledged.id());
        try {
            long checked = AuditTable.rowsUpTo(acknowledged.id());
            AuditVerification broken = verify();
            assertThat(broken).isEqualTo(new AuditVerification(checked, false, acknowledged.id(),
                    "hash не совпадает с содержимым строки: строка изменена", null));
        } finally {
            AuditTable.asOwner("UPDATE audit_event SET subject = '" + OPERATOR + "' WHERE id = " + acknowledged.id());
        }
        assertThat(verify()).isEqualTo(AuditTable.intact());
    }

    @Test
    void noBodyMayNameTheActorAnyMore() {
        String unknownBy = ProblemBodies.invalid("by", "неизвестное поле");
        Map<String, String> actions = Map.of(
                "/api/v1/cases/999999999/answer", "{\"text\":\"Сделано\",\"by\":\"Иванов\"}",
                "/api/v1/cases/999999999/resolve", "{\"text\":\"Сделано\",\"by\":\"Иванов\"}",
                "/api/v1/cases/999999999/reject", "{\"reason\":\"не наш дом\",\"by\":\"Иванов\"}",
                "/api/v1/cases/999999999/reassign", "{\"executor\":\"" + KOLPINO_EXECUTOR + "\",\"by\":\"Иванов\"}",
                "/api/v1/cases/999999999/assign", "{\"executor\":\"" + KOLPINO_EXECUTOR + "\",\"by\":\"Иванов\"}",
                "/api/v1/cases/999999999/reopen", "{\"comment\":\"не сделано\",\"by\":\"Иванов\"}",
                "/api/v1/cases/999999999/confirm", "{\"comment\":\"сделано\",\"by\":\"Иванов\"}",
                "/api/v1/alerts/000000000000000000000000/silence", "{\"reason\":\"ночь\",\"duration\":\"PT1H\",\"by\":\"Дежурный Петров\"}");
        List<String> answered = new ArrayList<>();
        actions.forEach((path, body) -> {
            io.restassured.response.Response response = as(OPERATOR, body).when().post(path);
            answered.add(path + " " + response.statusCode() + " " + response.asString());
        });
        assertThat(answered).allSatisfy(line -> assertThat(line).endsWith(" 400 " + unknownBy));
    }

    /**
     * The admin's bodies, like every other: a field they do not have is named, not dropped — a misspelt
     * expiry would otherwise give a key the default year of life without a word.
     */
    @Test
    void adminBodiesRefuseAFieldTheyDoNotHaveToo() {
        as(ADMIN, "{\"name\":\"Портал\",\"sources\":[\"portal\"],\"expires_at\":\"2027-01-01T00:00:00Z\"}")
                .when().post("/api/v1/admin/keys").then().statusCode(400)
                .body(equalTo(ProblemBodies.invalid("expires_at", "неизвестное поле")));
        String unknownBy = ProblemBodies.invalid("by", "неизвестное поле");
        as(ADMIN, "{\"name\":\"Портал\",\"sources\":[\"portal\"],\"by\":\"Иванов\"}").when().post("/api/v1/admin/keys")
                .then().statusCode(400).body(equalTo(unknownBy));
        as(ADMIN, "{\"name\":\"ООО Кто-то\",\"by\":\"Иванов\"}").when().post("/api/v1/admin/executors")
                .then().statusCode(400).body(equalTo(unknownBy));
    }
}
