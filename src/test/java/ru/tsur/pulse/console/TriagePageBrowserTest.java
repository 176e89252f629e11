package ru.tsur.pulse.console;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import ru.tsur.pulse.support.BrowserTestBase;
import ru.tsur.pulse.support.CaseFixtures;
import ru.tsur.pulse.support.TestMessages;
import ru.tsur.pulse.support.WallBrowser;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The operator's triage in headless Chromium at the smallest desk screen (1366×768): logged in on the identity
 * provider's page as {@code operator}, the queue shows the flagged message; from the keyboard alone the operator
 * moves to it (j), opens the category choice (e), takes the next category, names the executor and sends (Enter);
 * the card says where it went, and the message's case is assigned to that executor.
 */
@QuarkusTest
class TriagePageBrowserTest extends BrowserTestBase {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = WallBrowser.start(1366, 768);
    }

    @Test
    void anOperatorTriagesAFlaggedMessageByKeyboardAndItsCaseGoesToTheChosenExecutor() throws IOException {
        String executor = "Аварийная служба " + TestMessages.uniqueId();
        CaseFixtures.knownExecutor(executor);
        String text = "Во дворе дома 3 на Садовой течёт крыша, вода в подъезде";
        long messageId = CaseFixtures.flaggedForTriage("spb-kolomna", text, true);
        long caseId = CaseFixtures.caseOf(messageId);
        String card = "document.querySelector('[data-testid=triage-item][data-message-id=\"" + messageId + "\"]')";

        browser.open(url("/console/triage"), "operator");
        browser.awaitTrue(card, WAIT, "the flagged message's card in the queue");
        assertThat(browser.text("document.querySelector('[data-testid=user]').textContent")).isEqualTo("operator");
        assertThat(browser.text(card + ".querySelector('[data-testid=triage-text]').textContent"))
                .isEqualTo(text);
        assertThat(browser.number(card + ".querySelectorAll('.candidates button').length")).isEqualTo(3);
        browser.screenshot(Path.of("target/screenshots/console-triage-1366x768.png"));

        Actions keys = new Actions(browser.driver());
        keys.sendKeys("j").perform();
        browser.awaitTrue("document.activeElement === " + card, WAIT, "j focuses the oldest card, ours");
        String before = browser.text(card + ".querySelector('[data-testid=triage-category]').value");
        keys.sendKeys("e").perform();
        browser.awaitTrue("document.activeElement === " + card + ".querySelector('[data-testid=triage-category]')", WAIT,
                "e opens the category choice");
        // Escape closes the executor field's suggestions (and leaves the field for the card); Enter then sends the form.
        keys.sendKeys(Keys.ARROW_DOWN).sendKeys(Keys.TAB).sendKeys(Keys.TAB).sendKeys(executor).sendKeys(Keys.ESCAPE)
                .sendKeys(Keys.ENTER).perform();

        String decided = "document.querySelector('[data-testid=triage-decided][data-message-id=\"" + messageId + "\"]')";
        browser.awaitTrue(decided, WAIT, "the card replaced by what the decision did");
        assertThat(browser.text(decided + ".querySelector('[data-testid=triage-decided-executor]').textContent"))
                .isEqualTo(executor);
        WebElement notice = browser.driver().findElement(By.cssSelector("[data-testid=notice]"));
        assertThat(notice.isDisplayed()).isFalse();
        given().when().get("/api/v1/cases/" + caseId).then().statusCode(200)
                .body("case.executor", equalTo(executor)).body("case.status", equalTo("assigned"));
        String after = given().when().get("/api/v1/cases/" + caseId).then().extract().jsonPath().getString("case.category");
        assertThat(after).isNotEqualTo(before);
    }
}
