package ru.tsur.pulse.console.cases;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import ru.tsur.pulse.support.BrowserTestBase;
import ru.tsur.pulse.support.CaseFixtures;
import ru.tsur.pulse.support.TestMessages;
import ru.tsur.pulse.support.WallBrowser;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator's case console in headless Chromium at 1366×768, logged in through Keycloak as {@code operator}:
 * merging two cases on the case page leaves the merged one pointing at the survivor; a rejected case is sent to
 * the suggested executor with one click in the rejected queue; screenshots of the list, a case and the queue
 * go to {@code target/screenshots/}.
 */
@QuarkusTest
class CaseConsoleBrowserTest extends BrowserTestBase {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String MUNICIPALITY = "spb-kolomna";
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = WallBrowser.start(1366, 768);
    }

    @Test
    void anOperatorMergesTwoCasesOnTheCasePageAndTheMergedOnePointsAtTheSurvivor() throws IOException {
        Instant now = Instant.now().minus(Duration.ofMinutes(5));
        long survivor = CaseFixtures.caseOf(CaseFixtures.post(MUNICIPALITY, "Протечка кровли " + TestMessages.uniqueId(),
                "Течёт крыша над квартирой 45 в доме 9 по Садовой", now.minusSeconds(60)));
        long merged = CaseFixtures.caseOf(CaseFixtures.post(MUNICIPALITY, "Протекает крыша " + TestMessages.uniqueId(),
                "Дом 9 по Садовой: после дождя с потолка на 5 этаже капает вода", now));

        browser.open(url("/console/cases/" + merged), "operator");
        browser.awaitTrue("document.querySelector('[data-testid=merge] input[name=into]')", WAIT, "the merge form");
        browser.screenshot(SCREENSHOTS.resolve("console-case.png"));
        WebElement into = browser.driver().findElement(By.cssSelector("[data-testid=merge] input[name=into]"));
        into.sendKeys(Long.toString(survivor));
        browser.driver().findElement(By.cssSelector("[data-testid=merge] button[type=submit]")).click();
        browser.awaitTrue("document.querySelector('[data-testid=merged-into]')", WAIT, "the merged case pointing at the survivor");

        assertThat(browser.text("document.querySelector('[data-testid=merged-into]').textContent.replace(/\\s+/g, ' ').trim()"))
                .isEqualTo("Объединено с обращением № " + survivor + ": его сообщения теперь там.");
        assertThat(browser.text("document.querySelector('[data-testid=merged-into] a').getAttribute('href')"))
                .isEqualTo("/console/cases/" + survivor);
        assertThat(browser.text("document.querySelector('[data-testid=status]').textContent")).isEqualTo("объединено");
        assertThat(browser.text("document.activeElement.id")).isEqualTo("case-title");
        assertThat(browser.text("document.getElementById('notice').hidden + ''")).isEqualTo("true");
        given().when().get("/api/v1/cases/" + survivor).then().statusCode(200)
                .body("case.messageCount", org.hamcrest.Matchers.equalTo(2));

        browser.open(url("/console/cases?status=merged&municipality=" + MUNICIPALITY), "operator");
        assertThat(browser.text("document.querySelector('tr[data-case=\"" + merged + "\"] td:nth-child(2)').textContent.replace(/\\s+/g, ' ').trim()"))
                .isEqualTo("объединено → № " + survivor);
        browser.open(url("/console/cases"), "operator");
        browser.screenshot(SCREENSHOTS.resolve("console-cases.png"));
    }

    @Test
    void aRejectedCaseIsSentToTheSuggestedExecutorWithOneClick() throws IOException {
        long caseId = CaseFixtures.caseOf(CaseFixtures.post(MUNICIPALITY, "Не убран снег " + TestMessages.uniqueId(),
                "Во дворе дома 14 по Гороховой не убран снег, не пройти", Instant.now().minus(Duration.ofMinutes(5))));
        String rejectedBy = given().contentType(ContentType.JSON).body("{\"reason\":\"двор не на нашем балансе\"}")
                .when().post("/api/v1/cases/" + caseId + "/reject").then().statusCode(200)
                .extract().jsonPath().getString("executor");

        browser.open(url("/console/rejected"), "operator");
        String row = "document.getElementById('rejected-" + caseId + "')";
        browser.awaitTrue(row, WAIT, "the rejected case in the queue");
        assertThat(browser.text(row + ".querySelector('td:nth-child(5)').textContent.trim()")).isEqualTo("двор не на нашем балансе");
        assertThat(browser.text(row + ".querySelector('td:nth-child(4)').textContent")).startsWith(rejectedBy);
        String suggested = browser.text(row + ".querySelector('input[name=executor]').value");
        assertThat(suggested).isNotBlank().isNotEqualTo(rejectedBy);
        assertThat(browser.text(row + ".querySelector('button').textContent.trim()")).isEqualTo("Отправить: " + suggested);
        browser.screenshot(SCREENSHOTS.resolve("console-rejected.png"));

        browser.driver().findElement(By.cssSelector("#rejected-" + caseId + " button")).click();
        browser.awaitTrue(row + " && " + row + ".dataset.sent === 'true'", WAIT, "the row saying where the case went");
        assertThat(browser.text(row + ".querySelector('[role=status]').textContent.trim()"))
                .isEqualTo("Отправлено исполнителю: " + suggested);
        given().when().get("/api/v1/cases/" + caseId).then().statusCode(200)
                .body("case.status", org.hamcrest.Matchers.equalTo("assigned"))
                .body("case.executor", org.hamcrest.Matchers.equalTo(suggested))
                .body("events.action[-1]", org.hamcrest.Matchers.equalTo("reassign"));
    }
}
