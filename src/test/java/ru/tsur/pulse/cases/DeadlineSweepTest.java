package ru.tsur.pulse.cases;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import ru.tsur.pulse.alerts.Alert;
import ru.tsur.pulse.alerts.AlertLabels;
import ru.tsur.pulse.alerts.AlertRaise;
import ru.tsur.pulse.alerts.AlertService;
import ru.tsur.pulse.support.CaseFixtures;
import ru.tsur.pulse.support.TestMessages;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The watcher's sweep on real PostgreSQL: three overdue cases of one executor in one municipality get a
 * group alert that their alerts name as parent, and a deadline alert no case calls for any more is
 * resolved.
 */
@QuarkusTest
class DeadlineSweepTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String MUNICIPALITY = "spb-kolomna";

    @Inject
    DeadlineWatcher watcher;

    @Inject
    AlertService alerts;

    @Test
    void overdueCasesOfOneExecutorAreGroupedAndOrphanedAlertsResolved() {
        String executor = "ООО Тест " + TestMessages.uniqueId();
        CaseFixtures.knownExecutor(executor);
        Instant longAgo = CaseFixtures.workingTimeAgo(Duration.ofHours(24));
        List<Long> cases = new ArrayList<>();
        for (int index = 0; index < 3; index++) {
            String topic = "Неисправное освещение " + TestMessages.uniqueId();
            long caseId = CaseFixtures.caseOf(post(topic, "Не горит фонарь номер " + index, longAgo));
            given().contentType(ContentType.JSON).body("{\"executor\":\"" + executor + "\"}")
                    .when().post("/api/v1/cases/" + caseId + "/reassign").then().statusCode(200);
            cases.add(caseId);
        }
        Alert orphan = alerts.raise(new AlertRaise("deadline", Map.of("case", "-1", "executor", executor,
                "municipality", MUNICIPALITY), "critical", "Просрочен срок", "нет такого обращения", Map.of(), null, null))
                .await().atMost(WAIT);

        watcher.sweep().await().atMost(WAIT);

        String groupId = AlertLabels.fingerprint("deadline", Map.of("executor", executor, "municipality", MUNICIPALITY,
                "scope", "group"));
        Alert group = alerts.find(groupId).await().atMost(WAIT).orElseThrow();
        assertThat(group.state()).isEqualTo("firing");
        assertThat(group.title()).isEqualTo(executor + ": 3 просроченных обращений");
        assertThat(group.details().get("cases")).isEqualTo(cases.stream().map(Long::intValue).toList());
        for (long caseId : cases) {
            Alert child = alerts.find(AlertLabels.fingerprint("deadline", Map.of("case", Long.toString(caseId),
                    "executor", executor, "municipality", MUNICIPALITY))).await().atMost(WAIT).orElseThrow();
            assertThat(child.parent()).isEqualTo(groupId);
            assertThat(child.group()).isEqualTo("deadline:executor=" + executor + ",municipality=" + MUNICIPALITY);
        }
        assertThat(alerts.find(orphan.id()).await().atMost(WAIT).orElseThrow().state()).isEqualTo("resolved");

        // Once one case is resolved the group falls below three and its alert resolves at the next sweep.
        given().contentType(ContentType.JSON).body("{\"text\":\"Фонари заменены 02.12, освещение восстановлено\"}")
                .when().post("/api/v1/cases/" + cases.get(0) + "/resolve").then().statusCode(200);
        watcher.sweep().await().atMost(WAIT);
        assertThat(alerts.find(groupId).await().atMost(WAIT).orElseThrow().state()).isEqualTo("resolved");
    }

    private static long post(String topic, String text, Instant createdAt) {
        return CaseFixtures.post(MUNICIPALITY, topic, text, createdAt);
    }
}
