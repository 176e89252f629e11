package ru.tsur.pulse.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import ru.tsur.pulse.support.AuditTable;
import ru.tsur.pulse.support.TestMessages;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static ru.tsur.pulse.support.AuditTable.asOwner;
import static ru.tsur.pulse.support.AuditTable.rowsUpTo;

/**
 * Tampering with the audit table as its owner would — append-only triggers disabled, a row's {@code after}
 * edited, a middle row deleted — is caught by the verification endpoint and by scripts/audit-verify.sh
 * (run here against the test database, psql only), both naming the first broken row and why. Each test puts
 * the row back afterwards, and the chain verifies again.
 */
@QuarkusTest
class AuditTamperTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    AuditRepository audit;

    @Inject
    Pool pool;

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "pulse.database.host")
    String databaseHost;

    @ConfigProperty(name = "pulse.database.port")
    int databasePort;

    @ConfigProperty(name = "pulse.database.name")
    String databaseName;

    @ConfigProperty(name = "quarkus.datasource.username")
    String databaseUser;

    @ConfigProperty(name = "quarkus.datasource.password")
    String databasePassword;

    /** What the script printed and its exit code. */
    record ScriptRun(int exitCode, String output) {
    }

    @Test
    void anEditedRowIsNamedByTheEndpointAndByTheScriptAsChanged() throws Exception {
        List<AuditEvent> rows = appendThree();
        AuditEvent edited = rows.get(1);
        asOwner("UPDATE audit_event SET after = '{\"executor\":\"ООО Рога и копыта\"}' WHERE id = " + edited.id());
        try {
            long checked = rowsUpTo(edited.id());
            String reason = "hash не совпадает с содержимым строки: строка изменена";
            assertThat(verifyOverHttp()).isEqualTo(new AuditVerification(checked, false, edited.id(), reason, null));
            assertThat(runScript()).isEqualTo(new ScriptRun(1, "audit chain of " + databaseName + ": BROKEN at row "
                    + edited.id() + " (" + checked + " rows checked): " + reason + "\n"));
        } finally {
            asOwner("UPDATE audit_event SET after = $2 WHERE id = $1", Tuple.of(edited.id(), edited.after()));
        }
        assertChainHolds();
    }

    @Test
    void aDeletedMiddleRowIsNamedAtTheRowAfterIt() throws Exception {
        List<AuditEvent> rows = appendThree();
        AuditEvent deleted = rows.get(1);
        AuditEvent next = rows.get(2);
        asOwner("DELETE FROM audit_event WHERE id = " + deleted.id());
        try {
            long checked = rowsUpTo(next.id());
            String reason = "previous_hash не совпадает с hash строки " + rows.get(0).id()
                    + ": между ними удалены или вставлены строки, либо строка " + rows.get(0).id() + " изменена вместе со своим hash";
            assertThat(verifyOverHttp()).isEqualTo(new AuditVerification(checked, false, next.id(), reason, null));
            assertThat(runScript()).isEqualTo(new ScriptRun(1, "audit chain of " + databaseName + ": BROKEN at row "
                    + next.id() + " (" + checked + " rows checked): " + reason + "\n"));
        } finally {
            Tuple row = Tuple.tuple();
            row.addLong(deleted.id()).addOffsetDateTime(OffsetDateTime.ofInstant(deleted.at(), ZoneOffset.UTC))
                    .addString(deleted.subject()).addArrayOfString(deleted.roles().toArray(String[]::new))
                    .addString(deleted.keyId()).addString(deleted.action()).addString(deleted.target())
                    .addString(deleted.before()).addString(deleted.after()).addString(deleted.remoteAddress())
                    .addString(deleted.previousHash()).addString(deleted.hash());
            pool.withTransaction(transaction -> transaction.query("ALTER TABLE audit_event DISABLE TRIGGER audit_event_chain").execute()
                            .chain(() -> transaction.preparedQuery("""
                                    INSERT INTO audit_event (id, at, subject, roles, key_id, action, target, before, after,
                                                             remote_address, previous_hash, hash)
                                    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)""").execute(row))
                            .chain(() -> transaction.query("ALTER TABLE audit_event ENABLE TRIGGER audit_event_chain").execute()))
                    .await().atMost(WAIT);
        }
        assertChainHolds();
    }

    private List<AuditEvent> appendThree() {
        String target = "case:" + TestMessages.uniqueId();
        return List.of(
                audit.append(AuditChainTest.entry("operator", "case.accept", target, "{\"status\":\"in_progress\"}")).await().atMost(WAIT),
                audit.append(AuditChainTest.entry("operator", "case.reassign", target, "{\"executor\":\"Жилкомсервис №1\"}")).await().atMost(WAIT),
                audit.append(AuditChainTest.entry("operator", "case.resolve", target, "{\"status\":\"resolved\"}")).await().atMost(WAIT));
    }

    private AuditVerification verifyOverHttp() throws IOException {
        String body = given().contentType(ContentType.JSON).when().post("/api/v1/audit/verify").then().statusCode(200).extract().asString();
        return json.readValue(body, AuditVerification.class);
    }

    private void assertChainHolds() throws Exception {
        AuditVerification valid = AuditTable.intact();
        assertThat(verifyOverHttp()).isEqualTo(valid);
        assertThat(runScript()).isEqualTo(new ScriptRun(0, "audit chain of " + databaseName + ": " + valid.rows()
                + " rows checked, OK (last hash " + valid.lastHash() + ")\n"));
    }

    private ScriptRun runScript() throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", Path.of("scripts", "audit-verify.sh").toString())
                .redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        environment.put("PULSE_DB_HOST", databaseHost);
        environment.put("PULSE_DB_PORT", String.valueOf(databasePort));
        environment.put("PULSE_DB_NAME", databaseName);
        environment.put("PULSE_DB_USER", databaseUser);
        environment.put("PGPASSWORD", databasePassword);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new ScriptRun(process.exitValue(), output);
    }
}
