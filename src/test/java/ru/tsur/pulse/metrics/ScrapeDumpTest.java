package ru.tsur.pulse.metrics;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import ru.tsur.pulse.support.TestMessages;

import java.nio.file.Files;
import java.nio.file.Path;

import static io.restassured.RestAssured.given;

@QuarkusTest
class ScrapeDumpTest {
    @Test
    void dump() throws Exception {
        given().contentType(ContentType.JSON).body(TestMessages.at(TestMessages.uniqueId(), 59.75, 30.589, null, "Во дворе не убран снег"))
                .post("/api/v1/messages").then().statusCode(202);
        Thread.sleep(1500);
        Files.writeString(Path.of("target/scrape.txt"), given().get("/q/metrics").asString());
        Files.writeString(Path.of("target/business.txt"), given().get("/api/v1/metrics/municipalities").asString());
    }
}
