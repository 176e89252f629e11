package ru.tsur.pulse.pipeline;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the Kafka extension in the build but the default (in-process) binding, no broker anywhere: the service
 * is ready, and no readiness check names Kafka (the Kafka connector reports health only for channels bound to
 * it, and the Kafka client's own check is off by default), so a replica without Kafka is never taken out of
 * rotation for it. The ingest channels' in-process link is among the messaging checks and is up.
 */
@QuarkusTest
class InProcessBindingReadinessTest {

    @Inject
    Instance<BuildTimeBindingMarker> buildTimeMarker;

    @Test
    void theDefaultBindingIsReadyWithoutAnyBroker() {
        JsonPath health = given().when().get("/q/health/ready").then().statusCode(200).extract().jsonPath();
        assertThat(health.getString("status")).isEqualTo("UP");
        List<Map<String, Object>> checks = health.getList("checks");
        assertThat(checks).extracting(check -> String.valueOf(check.get("name")))
                .noneMatch(name -> name.toLowerCase(java.util.Locale.ROOT).contains("kafka"));
        assertThat(checks).allSatisfy(check -> assertThat(check.get("status")).as(String.valueOf(check)).isEqualTo("UP"));
    }

    @Test
    void theDefaultBuildHasNoBeanOfTheKafkaBuild() {
        assertThat(buildTimeMarker.isResolvable()).as("the default test profile's build did not see kafka-spike.binding=kafka")
                .isFalse();
    }
}
