package ru.tsur.pulse.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import ru.tsur.pulse.problems.Problem;
import ru.tsur.pulse.support.AuditTable;
import ru.tsur.pulse.support.TestMessages;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit trail on real PostgreSQL: appends from many concurrent callers (on their own and inside
 * transactions) form one chain that verifies; an append in a rolled-back transaction leaves no row; a row's
 * hash is the documented canonical form, so an auditor can recompute it; UPDATE and DELETE are refused; and
 * {@code GET /api/v1/audit} pages newest first with every filter.
 */
@QuarkusTest
class AuditChainTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final DateTimeFormatter CANONICAL_TIME = DateTimeFormatter
            .ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    @Inject
    AuditRepository audit;

    @Inject
    Pool pool;

    @Inject
    ObjectMapper json;

    static AuditEntry entry(String subject, String action, String target, String after) {
        return new AuditEntry(new Actor(subject, List.of("admin"), null, "127.0.0.1"), action, target, null, after);
    }

    @Test
    void appendsFromManyConcurrentCallersFormOneValidChain() {
        String target = "test:" + TestMessages.uniqueId();
        List<Uni<AuditEvent>> appends = new ArrayList<>();
        for (int caller = 0; caller < 200; caller++) {
            AuditEntry entry = entry("caller-" + caller, "test.concurrent", target, "{\"caller\":" + caller + "}");
            appends.add(caller % 2 == 0 ? audit.append(entry)
                    : pool.withTransaction(transaction -> audit.append(transaction, entry)));
        }
        List<AuditEvent> appended = Uni.join().all(appends).andFailFast().await().atMost(WAIT);

        assertThat(appended).hasSize(200);
        assertThat(appended.stream().map(AuditEvent::previousHash).distinct()).hasSize(200);
        List<Row> chain = new ArrayList<>();
        pool.preparedQuery("SELECT id, previous_hash, hash FROM audit_event WHERE target = $1 ORDER BY id")
                .execute(Tuple.of(target)).await().atMost(WAIT).forEach(chain::add);
        for (int position = 1; position < chain.size(); position++) {
            assertThat(chain.get(position).getString("previous_hash")).isEqualTo(chain.get(position - 1).getString("hash"));
        }
        assertThat(audit.verify(37).await().atMost(WAIT)).isEqualTo(AuditTable.intact());
    }

    @Test
    void anAppendInsideARolledBackTransactionLeavesNoRow() {
        String target = "test:" + TestMessages.uniqueId();
        Throwable failure = pool.withTransaction(transaction -> audit
                        .append(transaction, entry("admin", "test.rolled-back", target, null))
                        .chain(() -> Uni.createFrom().failure(new IllegalStateException("the caller's work failed"))))
                .onItem().transform(ignored -> (Throwable) null)
                .onFailure().recoverWithItem(thrown -> thrown)
                .await().atMost(WAIT);
        assertThat(failure).hasMessage("the caller's work failed");

        long rows = pool.preparedQuery("SELECT count(*) AS n FROM audit_event WHERE target = $1").execute(Tuple.of(target))
                .await().atMost(WAIT).iterator().next().getLong("n");
        assertThat(rows).isZero();
        AuditEvent after = audit.append(entry("admin", "test.after-rollback", target, null)).await().atMost(WAIT);
        assertThat(after.target()).isEqualTo(target);
        assertThat(audit.verify(1000).await().atMost(WAIT)).isEqualTo(AuditTable.intact());
    }

    @Test
    void aRowsHashIsTheSha256OfTheDocumentedCanonicalText() throws Exception {
        String target = "alert:" + TestMessages.uniqueId();
        AuditEvent event = audit.append(new AuditEntry(new Actor("Дежурный \"Петров\"", List.of("operator", "admin"),
                        "k_abcdefghij23", "10.0.0.7"), "alert.silence", target, null,
                "{\"reason\":\"ночь\\nтихая\"}")).await().atMost(WAIT);

        String canonical = "[\"" + event.previousHash() + "\", " + event.id() + ", \"" + CANONICAL_TIME.format(event.at())
                + "\", \"Дежурный \\\"Петров\\\"\", [\"operator\",\"admin\"], \"k_abcdefghij23\", \"alert.silence\", \""
                + target + "\", null, \"{\\\"reason\\\":\\\"ночь\\\\nтихая\\\"}\", \"10.0.0.7\"]";
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        assertThat(event.hash()).isEqualTo(expected);
    }

    @Test
    void theTableRefusesUpdateDeleteAndTruncate() {
        AuditEvent event = audit.append(entry("admin", "test.append-only", "test:" + TestMessages.uniqueId(), null))
                .await().atMost(WAIT);
        for (String statement : List.of("UPDATE audit_event SET subject = 'someone else' WHERE id = " + event.id(),
                "DELETE FROM audit_event WHERE id = " + event.id(), "TRUNCATE audit_event")) {
            Throwable refused = pool.query(statement).execute().onItem().transform(ignored -> (Throwable) null)
                    .onFailure().recoverWithItem(thrown -> thrown).await().atMost(WAIT);
            assertThat(refused).as(statement).hasMessageContaining("audit_event is append-only: "
                    + statement.substring(0, statement.indexOf(' ')) + " refused");
        }
    }

    @Test
    void pagesAreNewestFirstAndEveryFilterNarrowsThem() throws Exception {
        String subject = "auditor-" + TestMessages.uniqueId();
        String target = "case:" + TestMessages.uniqueId();
        AuditEvent first = audit.append(entry(subject, "case.accept", target, "{\"status\":\"in_progress\"}")).await().atMost(WAIT);
        AuditEvent second = audit.append(entry(subject, "case.answer", target, null)).await().atMost(WAIT);
        AuditEvent third = audit.append(entry(subject, "case.accept", "case:other", null)).await().atMost(WAIT);

        assertThat(page("?subject=" + subject + "&size=2")).isEqualTo(new AuditPage(0, 2, 3, List.of(third, second)));
        assertThat(page("?subject=" + subject + "&size=2&page=1")).isEqualTo(new AuditPage(1, 2, 3, List.of(first)));
        assertThat(page("?subject=" + subject + "&action=case.accept")).isEqualTo(new AuditPage(0, 50, 2, List.of(third, first)));
        assertThat(page("?subject=" + subject + "&target=" + target)).isEqualTo(new AuditPage(0, 50, 2, List.of(second, first)));
        assertThat(page("?subject=" + subject + "&from=" + second.at() + "&to=" + third.at()))
                .isEqualTo(new AuditPage(0, 50, 1, List.of(second)));
        assertThat(page("?subject=" + subject + "&to=" + first.at())).isEqualTo(new AuditPage(0, 50, 0, List.of()));

        assertThat(refusal("?size=0")).isEqualTo(Problem.invalid("size", "целое число от 1 до 500").body());
        assertThat(refusal("?page=-1")).isEqualTo(Problem.invalid("page", "целое число от 0 до 2147483647").body());
        assertThat(refusal("?from=yesterday")).isEqualTo(Problem.invalid("from",
                "время ISO-8601 со смещением между 2000 и 9999 годом, например 2021-01-14T09:00:00+03:00").body());
    }

    private AuditPage page(String query) throws Exception {
        String body = given().when().get("/api/v1/audit" + query).then().statusCode(200).extract().asString();
        return json.readValue(body, AuditPage.class);
    }

    private Problem.Body refusal(String query) throws Exception {
        String body = given().when().get("/api/v1/audit" + query).then().statusCode(400)
                .contentType("application/problem+json").extract().asString();
        return json.readValue(body, Problem.Body.class);
    }
}
