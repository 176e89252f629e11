package ru.tsur.pulse.cases;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import ru.tsur.pulse.support.CaseFixtures;
import ru.tsur.pulse.support.ProblemBodies;
import ru.tsur.pulse.support.TestMessages;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Merge and split on real PostgreSQL, through the API: a case merged into the same problem's case hands over its
 * messages, becomes final and points at the survivor, leaves events on both and an audit row, and is no longer
 * counted (repeat rate); merging into itself, again, or into a merged case is refused; a message split off
 * opens a case of its own as the intake would, and the only message of a case cannot be split off.
 */
@QuarkusTest
class CaseMergeSplitStoriesTest {

    private static final String MUNICIPALITY = "spb-kolomna";

    @Test
    void aMergedCaseHandsItsMessagesToTheSurvivorAndPointsAtIt() {
        String topic = "Яма на проезжей части " + TestMessages.uniqueId();
        String otherTopic = "Разбитый асфальт " + TestMessages.uniqueId();
        Instant now = Instant.now().minus(Duration.ofMinutes(5));
        long firstMessage = CaseFixtures.post(MUNICIPALITY, topic, "Глубокая яма на Садовой у дома 12", now.minusSeconds(60));
        long survivor = CaseFixtures.caseOf(firstMessage);
        long secondMessage = CaseFixtures.post(MUNICIPALITY, otherTopic, "На Садовой у дома 12 провал асфальта", now);
        long merged = CaseFixtures.caseOf(secondMessage);
        assertThat(merged).isNotEqualTo(survivor);

        JsonPath answer = given().contentType(ContentType.JSON).body("{\"into\":" + survivor + "}")
                .when().post("/api/v1/cases/" + merged + "/merge").then().statusCode(200).extract().jsonPath();
        assertThat(answer.getString("status")).isEqualTo("merged");
        assertThat(answer.getLong("mergedInto")).isEqualTo(survivor);
        assertThat(answer.getInt("messageCount")).isZero();
        assertThat(answer.getBoolean("overdue")).isFalse();

        JsonPath kept = given().when().get("/api/v1/cases/" + survivor).then().statusCode(200).extract().jsonPath();
        assertThat(kept.getInt("case.messageCount")).isEqualTo(2);
        assertThat(kept.getList("messages.id", Long.class)).containsExactly(firstMessage, secondMessage);
        assertThat(kept.getList("events.action", String.class)).containsExactly("opened", "assigned", "merged_in");
        assertThat(kept.getString("events[2].detail")).isEqualTo("case " + merged + ", messages moved: 1");
        JsonPath gone = given().when().get("/api/v1/cases/" + merged).then().statusCode(200).extract().jsonPath();
        assertThat(gone.getList("messages")).isEmpty();
        assertThat(gone.getList("events.action", String.class)).containsExactly("opened", "assigned", "merge");
        assertThat(gone.getString("events[2].to")).isEqualTo("merged");

        JsonPath audit = given().when().get("/api/v1/audit?action=case.merge&target=case:" + merged)
                .then().statusCode(200).extract().jsonPath();
        assertThat(audit.getList("items")).hasSize(1);
        assertThat(audit.getString("items[0].after"))
                .isEqualTo("{\"status\":\"merged\",\"mergedInto\":\"" + survivor + "\",\"messagesMoved\":\"1\"}");

        given().when().get("/api/v1/cases?status=merged&municipality=" + MUNICIPALITY + "&size=200")
                .then().statusCode(200).body("items.find { it.id == " + merged + " }.mergedInto", equalTo((int) survivor));
        JsonPath rate = given().when().get("/api/v1/cases/repeat-rate?by=topic").then().statusCode(200).extract().jsonPath();
        assertThat(rate.getList("items.key", String.class)).contains(topic).doesNotContain(otherTopic);

        given().contentType(ContentType.JSON).body("{\"into\":" + survivor + "}")
                .when().post("/api/v1/cases/" + merged + "/merge").then().statusCode(409)
                .body(equalTo(ProblemBodies.conflict("Обращение № " + merged + " уже объединено с № " + survivor)));
        given().contentType(ContentType.JSON).body("{\"into\":" + merged + "}")
                .when().post("/api/v1/cases/" + survivor + "/merge").then().statusCode(409)
                .body(equalTo(ProblemBodies.conflict("Обращение № " + merged + " уже объединено с № " + survivor
                        + ": объединяйте с ним")));
        given().contentType(ContentType.JSON).body("{\"into\":" + survivor + "}")
                .when().post("/api/v1/cases/" + survivor + "/merge").then().statusCode(409)
                .body(equalTo(ProblemBodies.conflict("Обращение № " + survivor + " нельзя объединить с самим собой")));
        given().contentType(ContentType.JSON).body("{\"into\":999999999}")
                .when().post("/api/v1/cases/" + survivor + "/merge").then().statusCode(404)
                .body(equalTo(ProblemBodies.notFound("Нет обращения № 999999999")));
        given().contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/cases/" + survivor + "/merge").then().statusCode(400)
                .body(equalTo(ProblemBodies.invalid("into", "обязательное поле, не пустое")));
    }

    @Test
    void aMessageSplitOffOpensACaseOfItsOwnAndTheOnlyMessageStays() {
        String topic = "Не вывозят мусор " + TestMessages.uniqueId();
        Instant now = Instant.now().minus(Duration.ofMinutes(5));
        long first = CaseFixtures.post(MUNICIPALITY, topic, "Во дворе дома 7 не вывозят мусор, контейнеры переполнены", now.minusSeconds(60));
        long caseId = CaseFixtures.caseOf(first);
        long second = CaseFixtures.post(MUNICIPALITY, topic, "Контейнеры во дворе дома 7 переполнены, мусор не вывозят", now);
        assertThat(CaseFixtures.caseOf(second)).isEqualTo(caseId);

        JsonPath fresh = given().contentType(ContentType.JSON).body("{\"message\":" + first + "}")
                .when().post("/api/v1/cases/" + caseId + "/split").then().statusCode(200).extract().jsonPath();
        long newCase = fresh.getLong("id");
        assertThat(newCase).isNotEqualTo(caseId);
        assertThat(fresh.getString("status")).isEqualTo("assigned");
        assertThat(fresh.getString("topic")).isEqualTo(topic);
        assertThat(fresh.getString("municipality")).isEqualTo(MUNICIPALITY);
        assertThat(fresh.getInt("messageCount")).isEqualTo(1);
        assertThat(fresh.getString("summary")).isEqualTo("Во дворе дома 7 не вывозят мусор, контейнеры переполнены");

        JsonPath left = given().when().get("/api/v1/cases/" + caseId).then().statusCode(200).extract().jsonPath();
        assertThat(left.getInt("case.messageCount")).isEqualTo(1);
        assertThat(left.getString("case.summary")).isEqualTo("Контейнеры во дворе дома 7 переполнены, мусор не вывозят");
        assertThat(left.getList("messages.id", Long.class)).containsExactly(second);
        assertThat(left.getList("events.action", String.class)).containsExactly("opened", "assigned", "message_joined", "split");
        assertThat(left.getString("events[3].detail")).isEqualTo("message " + first + " to case " + newCase);
        JsonPath opened = given().when().get("/api/v1/cases/" + newCase).then().statusCode(200).extract().jsonPath();
        assertThat(opened.getList("messages.id", Long.class)).containsExactly(first);
        assertThat(opened.getList("events.action", String.class)).containsExactly("opened", "assigned");
        assertThat(opened.getString("events[0].detail")).isEqualTo("message " + first + ", split from case " + caseId);
        assertThat(given().when().get("/api/v1/audit?action=case.split&target=case:" + caseId)
                .then().statusCode(200).extract().jsonPath().getString("items[0].after"))
                .isEqualTo("{\"message\":\"" + first + "\",\"newCase\":\"" + newCase + "\",\"messages\":\"1\"}");

        given().contentType(ContentType.JSON).body("{\"message\":" + second + "}")
                .when().post("/api/v1/cases/" + caseId + "/split").then().statusCode(409)
                .body(equalTo(ProblemBodies.conflict("Это единственное сообщение обращения № " + caseId
                        + ": выделять его не из чего")));
        given().contentType(ContentType.JSON).body("{\"message\":" + first + "}")
                .when().post("/api/v1/cases/" + caseId + "/split").then().statusCode(404)
                .body(equalTo(ProblemBodies.notFound("В обращении № " + caseId + " нет сообщения № " + first)));
        assertThat(List.of(caseId, newCase)).doesNotHaveDuplicates();
    }
}
