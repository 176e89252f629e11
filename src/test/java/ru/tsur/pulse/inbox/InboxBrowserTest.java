package ru.tsur.pulse.inbox;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import ru.tsur.pulse.support.BrowserTestBase;
import ru.tsur.pulse.support.CaseFixtures;
import ru.tsur.pulse.support.PageSession;
import ru.tsur.pulse.support.TestMessages;
import ru.tsur.pulse.support.WallBrowser;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The executor's inbox in a real headless Chromium at 1366×768, logged in through the identity provider's
 * page: executor-zhks1 finds a case of its own in the inbox, opens it, accepts it, types an «отписка» (the
 * check warns in Russian before anything is sent), replaces it with a proper answer (the warning goes), sends
 * and resolves — every step through htmx parts with the session's bearer token, no refusal in the notice
 * line — and the case's history names each step; executor-zhks2 opening the same case's page gets the 404
 * page, as for a case that does not exist. Screenshots of both pages go to {@code target/screenshots/}.
 */
@QuarkusTest
class InboxBrowserTest extends BrowserTestBase {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = WallBrowser.start(1366, 768);
    }

    private static String text(String testId) {
        return browser.text("(document.querySelector('[data-testid=" + testId + "]') || {}).textContent");
    }

    private static String flat(String text) {
        return text == null ? null : text.replaceAll("\\s+", " ").strip();
    }

    private static void awaitStatus(String status) {
        browser.awaitTrue("document.querySelector('#case[data-status=" + status + "]')", WAIT, "the case did not become " + status);
    }

    @Test
    void anExecutorAcceptsIsWarnedOfABrushOffAnswersProperlyAndResolvesAndAnotherExecutorGetsNotFound() throws Exception {
        String code = TestMessages.uniqueId().replaceAll("[^a-z]", "").substring(0, 6);
        long caseId = CaseFixtures.assignedCase("spb-kolpino", InboxPartsTest.KOLPINO,
                "Течёт крыша над квартирой на последнем этаже, подъезд 2 " + code);

        browser.open(url("/executor"), "executor-zhks1");
        browser.awaitTrue("document.getElementById('case-link-" + caseId + "')", WAIT, "the inbox does not list the case");
        assertThat(browser.text("document.title")).isEqualTo("Входящие — ЦУР Пульс");
        String line = flat(browser.text("document.querySelector('tr[data-case=\"" + caseId + "\"]').textContent"));
        assertThat(line).matches("№ " + caseId + " назначено осталось \\d+ (ч|ч \\d+ мин|мин) рабочего времени ответ до \\d\\d\\.\\d\\d\\.\\d{4} \\d\\d:\\d\\d; "
                + "решение до \\d\\d\\.\\d\\d\\.\\d{4} \\d\\d:\\d\\d город Колпино Протечка кровли \\S+ "
                + "Течёт крыша над квартирой на последнем этаже, подъезд 2 " + code);
        assertThat(flat(text("scorecard"))).matches("Показатели за период Исполнитель" + InboxPartsTest.KOLPINO
                + " Место среди исполнителей\\d+ из \\d+ Обращений\\d+ Первый ответ в срок(\\d+ % \\(\\d+ из \\d+\\)|пока не по чему судить)"
                + " Медиана первого ответа \\(рабочие часы\\)(\\d+,\\d ч|ответов ещё не было) Открыто снова\\d+ % Повторные обращения\\d+ %"
                + " Ответы с пометками проверки\\d+ Обновлено \\d\\d\\.\\d\\d\\.\\d{4} \\d\\d:\\d\\d");
        browser.screenshot(SCREENSHOTS.resolve("executor-inbox-1366x768.png"));

        browser.driver().findElement(By.id("case-link-" + caseId)).click();
        awaitStatus("assigned");
        assertThat(browser.text("document.title")).isEqualTo("Обращение № " + caseId + " — ЦУР Пульс");
        browser.driver().findElement(By.cssSelector("[data-testid=accept]")).click();
        awaitStatus("in_progress");
        assertThat(text("done")).isEqualTo("Обращение принято в работу");

        WebElement answer = browser.driver().findElement(By.id("answer-text"));
        answer.sendKeys(TestMessages.brushOff());
        browser.awaitTrue("document.querySelector('[data-testid=answer-warning]')", WAIT, "no warning for a brush-off");
        assertThat(flat(text("answer-warning"))).isEqualTo("похоже на отписку: нет срока и действия "
                + "нет ни срока, ни действия: не сказано, что сделано или будет сделано и когда "
                + "Ответ с пометками можно отправить, но понадобится второе подтверждение.");
        browser.screenshot(SCREENSHOTS.resolve("executor-case-1366x768.png"));

        answer.clear();
        String proper = TestMessages.properAnswer();
        answer.sendKeys(proper);
        browser.awaitTrue("document.querySelector('[data-testid=answer-ok]')", WAIT, "the warning stayed for a proper answer");
        assertThat(text("answer-ok")).isEqualTo("Замечаний к ответу нет.");
        browser.driver().findElement(By.cssSelector("[data-testid=send-answer]")).click();
        awaitStatus("answered");
        assertThat(text("done")).isEqualTo("Ответ отправлен");
        assertThat(flat(text("answer"))).endsWith(proper + " Замечаний проверки нет.");

        browser.driver().findElement(By.cssSelector("[data-testid=resolve]")).click();
        awaitStatus("resolved");
        assertThat(text("done")).isEqualTo("Обращение решено");
        assertThat(text("status")).isEqualTo("решено");
        assertThat(browser.text("document.getElementById('notice').hidden + ''")).isEqualTo("true");
        @SuppressWarnings("unchecked")
        List<String> events = (List<String>) browser.script("return Array.from(document.querySelectorAll('[data-testid=events] li'))"
                + ".map(item => item.textContent.replace(/\\s+/g, ' ').trim().replace(/^\\S+ \\S+ /, ''));");
        assertThat(events).containsExactly(
                "intake: открыто — message " + events.get(0).substring(events.get(0).lastIndexOf(' ') + 1),
                "routing: назначено маршрутизацией — " + events.get(1).substring(events.get(1).indexOf(" — ") + 3),
                "pulse-test: переназначено — " + InboxPartsTest.KOLPINO,
                "executor-zhks1: принято в работу",
                "executor-zhks1: дан ответ — " + proper,
                "executor-zhks1: решено");

        // Another executor: the case's page is the 404 page, word for word the one of a case that does not exist.
        PageSession other = PageSession.login(url("/executor/cases/" + caseId), "executor-zhks2");
        HttpResponse<String> page = other.landing();
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("<p data-testid=\"missing\">Нет обращения № " + caseId + "</p>")
                .doesNotContain("Течёт крыша").doesNotContain(proper);
        HttpResponse<String> missing = other.get(url("/executor/cases/999999999"));
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body().replace("999999999", String.valueOf(caseId))).isEqualTo(page.body());
        try (WallBrowser second = WallBrowser.start(1366, 768)) {
            second.open(url("/executor/cases/" + caseId), "executor-zhks2");
            second.awaitTrue("document.querySelector('[data-testid=missing]')", WAIT, "no 404 page for another executor's case");
            assertThat(second.text("document.querySelector('[data-testid=missing]').textContent")).isEqualTo("Нет обращения № " + caseId);
            assertThat(second.text("document.title")).isEqualTo("Не найдено — ЦУР Пульс");
        }
    }
}
