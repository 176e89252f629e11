package ru.tsur.pulse.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import ru.tsur.pulse.domain.Region;
import ru.tsur.pulse.support.RegionLookup;
import ru.tsur.pulse.support.ScreenClient;
import ru.tsur.pulse.support.TestMessages;

import java.net.URL;
import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The shipped St Petersburg model at work: a resident's message without a category is classified by the
 * trained model, routed to an executor, masked for display, stored with all of it, and pushed in the
 * right heat-map cell; {@code /api/v1/classify} gives the same decision without storing anything.
 */
@QuarkusTest
class TrainedPipelineTest {

    private static final String TEXT = "Во дворе дома 12 по Садовой улице не убран снег, дворник не выходит уже неделю. "
            + "Звонила в ЖКС, телефон +7 921 000-00-00, ответа нет. Петрова Мария Ивановна";

    @Inject
    Region region;
    @Inject
    Pool pool;

    @TestHTTPResource("/")
    URL base;

    @Test
    void realMessageGetsTheTrainedCategoryAndExecutorOnTheStoredMessageAndInTheDelta() throws Exception {
        String landscaping = RegionLookup.categoryId(region, "Благоустройство");
        JsonPath decision = given().contentType(ContentType.JSON)
                .body("{\"text\":\"" + TEXT + "\",\"lat\":59.9263,\"lon\":30.3175}")
                .when().post("/api/v1/classify")
                .then().statusCode(200).body("category.id", equalTo(landscaping)).body("method", equalTo("model"))
                .extract().jsonPath();
        String executor = decision.getString("route.executor");
        String municipality = decision.getString("municipality.id");
        assertThat(executor).isNotBlank();
        assertThat(decision.getString("route.rule")).isNotBlank();
        assertThat(decision.getList("topCategories")).hasSize(3);
        assertThat(decision.getString("displayText")).doesNotContain("921").doesNotContain("Петрова")
                .contains("[телефон]").contains("[ФИО]");
        assertThat(municipality).isNotEqualTo("unknown");

        try (ScreenClient screen = ScreenClient.connect(base.getPort(), "/ws/heatmap?window=1h")) {
            JsonNode snapshot = screen.awaitType("snapshot", Duration.ofSeconds(10));
            long before = IngestPipelineTest.cellCount(snapshot, municipality, landscaping);
            String body = "{\"source\":\"portal\",\"externalId\":\"" + TestMessages.uniqueId() + "\",\"text\":\"" + TEXT
                    + "\",\"lat\":59.9263,\"lon\":30.3175}";
            long id = given().contentType(ContentType.JSON).body(body).when().post("/api/v1/messages")
                    .then().statusCode(202).extract().jsonPath().getLong("id");
            Row row = pool.preparedQuery("SELECT * FROM message WHERE id = $1").execute(Tuple.of(id))
                    .await().indefinitely().iterator().next();
            assertThat(row.getString("category_id")).isEqualTo(landscaping);
            assertThat(row.getString("classify_method")).isEqualTo("model");
            assertThat(row.getString("executor")).isEqualTo(executor);
            assertThat(row.getString("municipality_id")).isEqualTo(municipality);
            assertThat(row.getString("route_rule")).isEqualTo(decision.getString("route.rule"));
            assertThat(row.getString("display_text")).contains("[телефон]").doesNotContain("921 000");
            assertThat(row.getString("text")).contains("+7 921 000-00-00");
            screen.await(frame -> "delta".equals(frame.path("type").asText())
                    && IngestPipelineTest.cellCount(frame, municipality, landscaping) == before + 1, Duration.ofSeconds(10));
        }
    }

    @Test
    void classifyRefusesAMessageWithoutText() {
        given().contentType(ContentType.JSON).body("{\"lat\":59.9}")
                .when().post("/api/v1/classify")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.contains("text"));
    }
}
