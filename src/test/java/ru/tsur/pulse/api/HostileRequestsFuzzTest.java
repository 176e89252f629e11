package ru.tsur.pulse.api;

import ru.tsur.pulse.support.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import ru.tsur.pulse.support.TestMessages;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile requests against every endpoint — control characters in every field and every query parameter,
 * wrong types, deep nesting, huge strings, bad charsets, broken UTF-8, repeated keys, trailing content,
 * far-off silences — while honest clients keep posting. Each hostile request must be answered below 500
 * (the ones that are plainly wrong with a 4xx), every 4xx as {@code application/problem+json}; and every
 * honest message posted meanwhile must be answered 202 and be stored. The requests are built, not
 * recorded, so a new endpoint or field is one line here.
 */
@QuarkusTest
class HostileRequestsFuzzTest {

    private static final String PROBLEM = "application/problem+json";
    private static final int HONEST_CLIENTS = 4;

    /** One hostile request and whether it must be refused (4xx) or only must not break anything (< 500). */
    record Attack(String method, String path, String contentType, byte[] body, boolean mustRefuse) {
        static Attack get(String path, boolean mustRefuse) {
            return new Attack("GET", path, null, null, mustRefuse);
        }

        static Attack post(String path, String contentType, String body, boolean mustRefuse) {
            return new Attack("POST", path, contentType, body == null ? null : body.getBytes(StandardCharsets.UTF_8), mustRefuse);
        }

        String describe() {
            String shown = body == null ? "" : new String(body, 0, Math.min(body.length, 120), StandardCharsets.UTF_8);
            return method + " " + (path.length() > 150 ? path.substring(0, 150) + "…" : path) + " [" + contentType + "] " + shown;
        }
    }

    @TestHTTPResource("/")
    URL base;

    @Inject
    Pool pool;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void hostileRequestsAreRefusedAsProblemsWhileHonestMessagesAreAllStored() throws Exception {
        long caseId = anExistingCaseId();
        List<Attack> attacks = attacks(caseId);
        assertThat(attacks).hasSizeGreaterThanOrEqualTo(300);

        AtomicBoolean running = new AtomicBoolean(true);
        ConcurrentLinkedQueue<String> honestIds = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> honestFailures = new ConcurrentLinkedQueue<>();
        AtomicInteger honestAccepted = new AtomicInteger();
        ExecutorService honest = Executors.newFixedThreadPool(HONEST_CLIENTS);
        List<Future<?>> clients = new ArrayList<>();
        for (int client = 0; client < HONEST_CLIENTS; client++) {
            clients.add(honest.submit(() -> {
                // Bounded in count and time: stops when the attacks are done, or after 2,000 messages.
                for (int sent = 0; running.get() && sent < 500; sent++) {
                    String id = "honest-" + TestMessages.uniqueId();
                    HttpResponse<String> answer = send(Attack.post("api/v1/messages", "application/json",
                            TestMessages.at(id, 59.93, 30.31, null, "Не убран снег во дворе дома " + sent), false));
                    if (answer.statusCode() == 202) {
                        honestAccepted.incrementAndGet();
                        honestIds.add(id);
                    } else {
                        honestFailures.add(answer.statusCode() + " " + answer.body());
                    }
                }
                return null;
            }));
        }

        List<String> violations = new ArrayList<>();
        for (Attack attack : attacks) {
            HttpResponse<String> answer = send(attack);
            int status = answer.statusCode();
            String type = answer.headers().firstValue("Content-Type").orElse("");
            if (status >= 500) {
                violations.add(status + " for " + attack.describe() + " → " + abbreviate(answer.body()));
            } else if (attack.mustRefuse() && (status < 400 || status >= 500)) {
                violations.add("not refused (" + status + ") " + attack.describe());
            } else if (status >= 400 && !type.startsWith(PROBLEM)) {
                violations.add(status + " as '" + type + "' for " + attack.describe());
            }
        }
        running.set(false);
        for (Future<?> client : clients) {
            client.get(60, TimeUnit.SECONDS);
        }
        honest.shutdown();

        assertThat(violations).as("hostile requests answered wrongly").isEmpty();
        assertThat(honestFailures).as("honest messages refused").isEmpty();
        assertThat(honestAccepted.get()).isPositive();
        long stored = pool.preparedQuery("SELECT count(*) AS n FROM message WHERE source = 'portal' AND external_id = ANY($1)")
                .execute(Tuple.of(honestIds.toArray(String[]::new))).await().indefinitely().iterator().next().getLong("n");
        assertThat(stored).as("honest messages stored").isEqualTo(honestAccepted.get());
    }

    private List<Attack> attacks(long caseId) {
        List<Attack> attacks = new ArrayList<>();
        List<String> hostileQueryValues = List.of("%00", "a%00b", "%01", "%1B%5B31m", "%C2%9B", "%7F", "%0A", "%0D%0A",
                "x".repeat(5000));
        List<String> harmlessQueryValues = List.of("%27%3B%20DROP%20TABLE%20message%3B--", "..%2F..%2Fetc%2Fpasswd",
                "-1", "99999999999999999999", "NaN", "1e309", "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "%D0%96", "",
                // A surrogate written in UTF-8 decodes to U+FFFD, a bidi override only fails to match: harmless in a filter.
                "%ED%A0%80", "%E2%80%AE%D0%BB%D0%B5%D0%B2%D0%BE");
        Map<String, List<String>> queries = Map.ofEntries(
                Map.entry("api/v1/cases", List.of("status", "executor", "municipality", "overdue", "repeat", "page", "size")),
                Map.entry("api/v1/cases/repeat-rate", List.of("by", "days")),
                Map.entry("api/v1/alerts", List.of("state", "kind", "municipality", "executor")),
                Map.entry("api/v1/heatmap", List.of("window")),
                Map.entry("api/v1/tension-points", List.of("window", "limit")),
                Map.entry("api/v1/dynamics", List.of("municipality", "category", "topic", "from", "to", "step")),
                Map.entry("api/v1/prevention/places", List.of("municipality", "category", "topic", "limit")),
                Map.entry("api/v1/prevention/measures", List.of("municipality", "category", "limit")),
                Map.entry("api/v1/scorecards", List.of("by")),
                Map.entry("api/v1/messages/recent", List.of("limit")),
                Map.entry("api/v1/deadlines/summary", List.of("executor")),
                Map.entry("api/v1/region", List.of("lang")));
        queries.forEach((path, parameters) -> {
            for (String parameter : parameters) {
                for (String value : hostileQueryValues) {
                    attacks.add(Attack.get(path + "?" + parameter + "=" + value, true));
                }
                for (String value : harmlessQueryValues) {
                    attacks.add(Attack.get(path + "?" + parameter + "=" + value, false));
                }
            }
        });
        for (String id : List.of("%00", "abc%00", "%1B", "-1", "0", "99999999999999999999", "x".repeat(400), "1e3")) {
            attacks.add(Attack.get("api/v1/cases/" + id, true));
            attacks.add(Attack.get("api/v1/alerts/" + id, true));
            attacks.add(Attack.post("api/v1/cases/" + id + "/accept", "application/json", "{}", true));
            attacks.add(Attack.post("api/v1/alerts/" + id + "/ack", "application/json", "{}", true));
            attacks.add(Attack.get("api/v1/prevention/measures/" + id, true));
        }
        // A measure: control characters in every text field, wrong types, a year out of range.
        for (String field : List.of("title", "description", "municipality", "category", "topic", "address", "idempotencyKey")) {
            for (String hostile : List.of("\"x\\u0000y\"", "\"\\u001b[31mx\"", "\"\\ud800\"", "[]", "{}", "1e999")) {
                Map<String, String> fields = new java.util.LinkedHashMap<>(Map.of("title", "\"Ремонт\"",
                        "municipality", "\"spb-kolomna\"", "category", "\"roof\"", "takenAt", "\"2026-01-01T00:00:00Z\"",
                        "idempotencyKey", "\"fuzz\""));
                fields.put(field, hostile);
                StringJoiner body = new StringJoiner(",", "{", "}");
                fields.forEach((name, value) -> body.add("\"" + name + "\":" + value));
                attacks.add(Attack.post("api/v1/prevention/measures", "application/json", body.toString(), true));
            }
        }
        attacks.add(Attack.post("api/v1/prevention/measures", "application/json", """
                {"title":"Ремонт","municipality":"spb-kolomna","category":"roof","takenAt":"+99999-01-01T00:00:00Z",\
                "idempotencyKey":"fuzz"}""", true));

        // Ingest: control characters in every field, wrong types, bounds.
        for (String field : List.of("source", "externalId", "text", "address", "municipality", "category", "topic", "author",
                "createdAt")) {
            for (String hostile : List.of("x\\u0000y", "\\u001b[31mx", "\\u0085x", "\\ud800", "\\u0007")) {
                attacks.add(Attack.post("api/v1/messages", "application/json", message(field, "\"" + hostile + "\""), true));
            }
            for (String wrongType : List.of("[]", "{}", "true", "1e999", "[\"a\"]")) {
                attacks.add(Attack.post("api/v1/messages", "application/json", message(field, wrongType), true));
            }
        }
        attacks.add(Attack.post("api/v1/messages", "application/json", message("createdAt", "\"0000-01-01T00:00:00Z\""), true));
        attacks.add(Attack.post("api/v1/messages", "application/json", message("createdAt", "\"-0001-01-01T00:00:00Z\""), true));
        attacks.add(Attack.post("api/v1/messages", "application/json", message("createdAt", "\"+99999-01-01T00:00:00Z\""), true));
        attacks.add(Attack.post("api/v1/messages", "application/json", message("lat", "1e400"), true));
        attacks.add(Attack.post("api/v1/messages", "application/json", message("address", "\"" + "д".repeat(600) + "\""), true));
        attacks.add(Attack.post("api/v1/messages", "application/json", message("externalId", "1" + "0".repeat(500)), true));
        attacks.add(Attack.post("api/v1/messages", "application/json", "[".repeat(5000) + "]".repeat(5000), true));
        attacks.add(Attack.post("api/v1/messages", "application/json", "{\"a\":".repeat(3000) + "1" + "}".repeat(3000), true));
        attacks.add(Attack.post("api/v1/messages", "application/json", message("text", "\"" + "я".repeat(30_000) + "\""), true));
        attacks.add(Attack.post("api/v1/messages", "application/json", "{\"source\":\"portal\",\"source\":\"social\"}", true));
        attacks.add(Attack.post("api/v1/messages", "application/json", message("text", "\"Яма\"") + "{}", true));
        attacks.add(Attack.post("api/v1/messages", "application/json", "", true));
        attacks.add(Attack.post("api/v1/messages", "application/json", "null", true));
        attacks.add(Attack.post("api/v1/messages", "text/plain", message("text", "\"Яма\""), true));
        attacks.add(Attack.post("api/v1/messages", "application/json; charset=ISO-8859-1", message("text", "\"Яма\""), true));
        attacks.add(Attack.post("api/v1/messages", "application/json; charset=UTF-16", message("text", "\"Яма\""), true));
        attacks.add(Attack.post("api/v1/messages", "application/xml", "<message/>", true));
        attacks.add(new Attack("POST", "api/v1/messages", "application/json",
                message("text", "\"Яма\"").getBytes(StandardCharsets.UTF_16), true));
        attacks.add(new Attack("POST", "api/v1/messages", "application/json",
                new byte[]{'{', '"', 't', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'}, true));
        attacks.add(new Attack("POST", "api/v1/messages", "application/json",
                new byte[]{'{', '"', 't', '"', ':', '"', (byte) 0xFF, (byte) 0xFE, '"', '}'}, true));
        attacks.add(Attack.post("api/v1/messages/batch", "application/x-ndjson",
                message("text", "\"Яма\"") + message("text", "\"Яма\"") + "\n", true));
        attacks.add(Attack.post("api/v1/messages/batch", "application/x-ndjson", "{\n}\n", true));
        attacks.add(Attack.post("api/v1/messages/batch", "application/json", "[" + message("text", "\"x\\u0000\"") + "]", true));
        attacks.add(Attack.post("api/v1/messages/batch", "application/json", "[1,2,3]", true));
        attacks.add(Attack.post("api/v1/messages/batch", "application/json", "{}", true));
        attacks.add(Attack.post("api/v1/messages/batch", "application/json", "[]", true));
        attacks.add(Attack.post("api/v1/classify", "application/json", "{\"text\":\"x\\u0000\"}", true));
        attacks.add(Attack.post("api/v1/classify", "application/json", "{\"text\":42}", true));
        attacks.add(Attack.post("api/v1/classify", "application/json", "{\"text\":\"Яма\",\"lat\":\"north\"}", true));
        attacks.add(Attack.post("api/v1/classify", "text/plain", "Яма", true));
        attacks.add(Attack.post("api/v1/classify", "application/json", "[".repeat(5000), true));

        // Operators' actions: control characters, wrong types, unbounded texts, far-off silences.
        String alertId = "0".repeat(16);
        for (String action : List.of("accept", "answer", "resolve", "reject", "assign", "reassign", "confirm", "reopen")) {
            String path = "api/v1/cases/" + caseId + "/" + action;
            for (String body : List.of("{\"by\":\"x\\u0000\",\"text\":\"t\",\"reason\":\"r\",\"executor\":\"e\",\"comment\":\"c\"}",
                    "{\"by\":42}", "{\"by\":[\"a\"]}", "{\"by\":\"b\"}", "{} []", "[]", "\"by\"",
                    "{\"text\":\"t\",\"reason\":\"r\",\"executor\":\"e\"}",
                    "{\"text\":\"\\u001b[2J\",\"reason\":\"\\u0000\",\"executor\":\"\\u0000\",\"comment\":\"\\u0000\"}")) {
                attacks.add(Attack.post(path, "application/json", body, !action.equals("accept")));
            }
            // accept takes no body: whatever is sent with it is ignored, never read, so it need not be refused.
            attacks.add(Attack.post(path, "text/plain", "{}", !action.equals("accept")));
            attacks.add(Attack.post(path, "application/x-www-form-urlencoded", "by=%D0%98", !action.equals("accept")));
        }
        attacks.add(Attack.post("api/v1/cases/" + caseId + "/answer", "application/json",
                "{\"text\":\"" + "Ответ ".repeat(200_000) + "\"}", true));
        for (String body : List.of("{\"reason\":\"учения\",\"until\":\"9999-12-31T00:00:00Z\"}",
                "{\"reason\":\"учения\",\"duration\":\"P3650D\"}",
                "{\"reason\":\"учения\",\"duration\":\"PT-1H\"}",
                "{\"reason\":\"" + "р".repeat(1_000_000) + "\",\"duration\":\"PT1H\"}",
                "{\"reason\":\"x\\u0000\",\"duration\":\"PT1H\"}",
                "{\"reason\":\"учения\",\"until\":\"завтра\"}",
                "{\"reason\":\"учения\",\"duration\":\"P99999999999999D\"}",
                "{\"reason\":\"учения\"}")) {
            attacks.add(Attack.post("api/v1/alerts/" + alertId + "/silence", "application/json", body, true));
        }
        attacks.add(new Attack("DELETE", "api/v1/alerts/%00/silence", null, null, true));
        attacks.add(new Attack("PUT", "api/v1/messages", "application/json", "{}".getBytes(StandardCharsets.UTF_8), true));
        attacks.add(new Attack("DELETE", "api/v1/cases", null, null, true));
        attacks.add(Attack.get("api/v1/admin/counters/rebuild", true));
        attacks.add(Attack.get("api/v1/no-such-endpoint", true));
        return attacks;
    }

    private static String message(String field, String rawValue) {
        StringBuilder body = new StringBuilder("{");
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.put("source", "\"portal\"");
        fields.put("externalId", "\"fuzz-" + TestMessages.uniqueId() + "\"");
        fields.put("text", "\"Яма на дороге\"");
        fields.put(field, rawValue);
        fields.forEach((name, value) -> body.append(body.length() > 1 ? "," : "").append('"').append(name).append("\":").append(value));
        return body.append('}').toString();
    }

    private long anExistingCaseId() throws Exception {
        String id = TestMessages.uniqueId();
        assertThat(send(Attack.post("api/v1/messages", "application/json",
                TestMessages.at(id, 59.87, 30.26, null, "Не горит фонарь у дома"), false)).statusCode()).isEqualTo(202);
        for (int attempt = 0; attempt < 100; attempt++) {
            var rows = pool.preparedQuery("SELECT case_id FROM message WHERE source = 'portal' AND external_id = $1")
                    .execute(Tuple.of(id)).await().indefinitely();
            Long caseId = rows.iterator().next().getLong("case_id");
            if (caseId != null) {
                return caseId;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no case was opened for the message");
    }

    private HttpResponse<String> send(Attack attack) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base.toString() + attack.path())).header("Authorization", Tokens.bearer(Tokens.TEST_USER))
                .timeout(Duration.ofSeconds(30));
        if (attack.contentType() != null) {
            request.header("Content-Type", attack.contentType());
        }
        HttpRequest.BodyPublisher body = attack.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(attack.body());
        request.method(attack.method(), body);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new AssertionError("no answer for " + attack.describe(), e);
        }
    }

    private static String abbreviate(String text) {
        return text == null || text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }
}
