package ru.tsur.pulse.console;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;
import ru.tsur.pulse.support.BrowserTestBase;
import ru.tsur.pulse.support.TestMessages;
import ru.tsur.pulse.support.WallBrowser;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The measures page in headless Chromium at 1366×768, logged in as {@code operator}: the page's form is filled
 * and sent from the keyboard (Enter in the title field), the answer says the measure is saved, its row is in
 * the table with «рано судить» (no time has passed since it), and the API lists it as the operator's. Then a
 * measure with three weeks of history after it reads «стало меньше» with its effect and interval.
 */
@QuarkusTest
class MeasurePageBrowserTest extends BrowserTestBase {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = WallBrowser.start(1366, 768);
    }

    @Test
    void aMeasureEnteredOnThePageIsSavedAndListed() throws IOException {
        String title = "Новый график уборки " + TestMessages.uniqueId().substring(0, 8);
        browser.open(url("/console/measures"), "operator");
        browser.awaitTrue("document.querySelector('[data-testid=measure-form]')", WAIT, "the measure form");
        new Select(browser.driver().findElement(By.cssSelector("[data-testid=measure-municipality]"))).selectByValue("spb-kolpino");
        new Select(browser.driver().findElement(By.cssSelector("[data-testid=measure-category]"))).selectByValue("improvement");
        browser.driver().findElement(By.cssSelector("[data-testid=measure-topic]")).sendKeys("Уборка дворов");
        browser.driver().findElement(By.cssSelector("[data-testid=measure-title]")).sendKeys(title, Keys.ENTER);

        browser.awaitTrue("document.querySelector('[data-testid=measure-entered]')", WAIT, "the saved notice");
        String row = "[...document.querySelectorAll('[data-testid=measure-row]')].find(r => r.textContent.includes('"
                + title + "'))";
        browser.awaitTrue(row, WAIT, "the measure's row");
        assertThat(browser.text(row + ".querySelector('[data-testid=measure-verdict]').textContent"))
                .matches("рано судить: прошло [01] дн\\. из 14");
        assertThat(browser.text("document.querySelector('[data-testid=measure-entered]').textContent"))
                .matches("Мера № \\d+ сохранена\\.");
        browser.screenshot(Path.of("target/screenshots/console-measures-1366x768.png"));

        // A measure with history: Kolomna 16 messages in the 8 weeks before, 2 in the 3 weeks after; Avtovo,
        // Balkansky and Gavan 8 before and 8 after each: expected 16, observed 2, the whole interval below 1.
        String topic = "Мусор у контейнеров " + TestMessages.uniqueId();
        Instant taken = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofDays(21));
        for (int week = -8; week < 0; week++) {
            Instant at = taken.plus(Duration.ofDays(7L * week + 3));
            post("spb-kolomna", topic, at);
            post("spb-kolomna", topic, at.plus(Duration.ofHours(1)));
            for (String control : List.of("spb-avtovo", "spb-balkanskiy", "spb-gavan")) {
                post(control, topic, at);
            }
        }
        for (int day : new int[] {2, 9}) {
            post("spb-kolomna", topic, taken.plus(Duration.ofDays(day)));
        }
        for (int message = 0; message < 8; message++) {
            for (String control : List.of("spb-avtovo", "spb-balkanskiy", "spb-gavan")) {
                post(control, topic, taken.plus(Duration.ofDays(1 + 2L * message)));
            }
        }
        String judged = "Контейнерные площадки с навесами " + TestMessages.uniqueId().substring(0, 8);
        given().contentType(ContentType.JSON).body("""
                {"title":"%s","municipality":"spb-kolomna","category":"improvement","topic":"%s","takenAt":"%s",\
                "idempotencyKey":"%s"}""".formatted(judged, topic, taken, TestMessages.uniqueId()))
                .when().post("/api/v1/prevention/measures").then().statusCode(201);
        browser.open(url("/console/measures"), "operator");
        String judgedRow = "[...document.querySelectorAll('[data-testid=measure-row]')].find(r => r.textContent.includes('"
                + judged + "'))";
        browser.awaitTrue(judgedRow, WAIT, "the judged measure's row");
        browser.script(judgedRow + ".scrollIntoView({block: 'center'});");
        assertThat(browser.text(judgedRow + ".querySelector('[data-testid=measure-verdict]').textContent")).isEqualTo("стало меньше");
        assertThat(browser.text(judgedRow + ".querySelector('[data-testid=measure-effect]').textContent"))
                .isEqualTo("−88%от −97% до −40%");
        assertThat(browser.text(judgedRow + ".querySelector('[data-testid=measure-expected]').textContent")).isEqualTo("16,0");
        browser.screenshot(Path.of("target/screenshots/console-measures-judged-1366x768.png"));

        assertThat(given().queryParam("municipality", "spb-kolpino").when().get("/api/v1/prevention/measures")
                .then().statusCode(200).extract().jsonPath().getList("measures.findAll { it.title == '" + title
                        + "' }.createdBy", String.class)).containsExactly("operator");
    }

    private static void post(String municipality, String topic, Instant createdAt) {
        given().contentType(ContentType.JSON).body("""
                {"source":"portal","externalId":"%s","createdAt":"%s","text":"Контейнеры переполнены, мусор вокруг",\
                "municipality":"%s","category":"improvement","topic":"%s"}""".formatted(TestMessages.uniqueId(),
                createdAt, municipality, topic)).when().post("/api/v1/messages").then().statusCode(202);
    }
}
