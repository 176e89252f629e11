package ru.tsur.pulse.wall;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.tsur.pulse.domain.Category;
import ru.tsur.pulse.domain.Municipality;
import ru.tsur.pulse.domain.Region;
import ru.tsur.pulse.support.BrowserTestBase;
import ru.tsur.pulse.support.WallBrowser;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wall's own code in a real Chromium, fed frames and answers in the shapes of the shared contracts
 * (heat-map scores, tension points, dynamics, deadline summary) after detaching it from the live service:
 * the choropleth follows tension scores, the panels show every field they promise, the deadline panel
 * flashes only what grew, and a simulated day of deltas leaves memory and the DOM where they were.
 */
@QuarkusTest
class WallPanelsBrowserTest extends BrowserTestBase {

    /** Heat-map deltas in a day at one per 100 ms tick (the default {@code pulse.push.tick}). */
    private static final int DAY_OF_DELTAS = 24 * 3600 * 10;

    @Inject
    Region region;

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = WallBrowser.start(1920, 1080);
    }

    @BeforeEach
    void openDetachedWall() {
        browser.open(url("/wall/?metric=tension&window=24h"));
        browser.awaitTrue("window.wallState && wallState.municipalities > 0 && wallState.streams.heatmap.snapshots > 0",
                Duration.ofSeconds(20), "the wall did not load");
        browser.script("wallHooks.detach();");
    }

    private String fill(String municipality) {
        return browser.text("document.querySelector('path.municipality[data-municipality=\"" + municipality
                + "\"]').getAttribute('fill')");
    }

    @Test
    void tensionScoresColourTheMapAndAScoreOfZeroClearsIt() {
        String hot = region.municipalities().get(0).id();
        String mild = region.municipalities().get(1).id();
        String calm = region.municipalities().get(2).id();
        // Renders are batched per animation frame and the live snapshot before detach() may already have set
        // the same title, so wait for a render that comes after the fed frame before reading colours. The
        // count is read in the same script as the frame is fed: a render queued earlier could otherwise run
        // between two scripts, before the frame, and pass for the one after it.
        long rendersBefore = ((Number) browser.script("var before = wallState.renders;"
                + " wallHooks.heatFrame({type:'snapshot', window:'24h', seq:500, at:new Date().toISOString(),"
                + " cells:[{m:arguments[0], c:'x', n:3}], scores:[{m:arguments[0], t:88}, {m:arguments[1], t:10}]});"
                + " return before;", hot, mild)).longValue();
        browser.awaitTrue("wallState.renders > " + rendersBefore, Duration.ofSeconds(5), "the fed snapshot was not rendered");
        assertThat(browser.text("document.querySelector('[data-testid=map-title]').textContent"))
                .isEqualTo("Напряжённость за 24 часа");
        String top = browser.text("d3.interpolateViridis(1)");
        String bottom = browser.text("d3.interpolateViridis(0.12)");
        assertThat(fill(hot)).isEqualTo(top);
        assertThat(fill(mild)).isEqualTo(bottom);
        assertThat(fill(calm)).isEqualTo("#1b2331");
        assertThat(browser.text("document.querySelector('[data-testid=map-note]').textContent")).isEmpty();
        assertThat(browser.text("document.querySelector('[data-testid=legend]').textContent"))
                .startsWith("Оценка напряжённости, 0–100:").contains("80+");
        assertThat(browser.text("document.querySelector('.label[data-municipality=\"" + hot + "\"] .label-value').textContent"))
                .isEqualTo("88");

        browser.script("wallHooks.heatFrame({type:'delta', window:'24h', seq:501, at:new Date().toISOString(),"
                + " cells:[], scores:[{m:arguments[0], t:0}]});", hot);
        browser.await(page -> "#1b2331".equals(fill(hot)), Duration.ofSeconds(5), "a score of 0 did not clear the colour");
        assertThat(fill(mild)).isEqualTo(bottom);
    }

    @Test
    @SuppressWarnings("unchecked")
    void tensionListAndDynamicsShowWhatTheContractsCarry() {
        browser.script("wallHooks.tension({status:200, body:{window:'24h', at:new Date().toISOString(), points:["
                + "{municipality:'spb-kolpino', municipalityName:'Колпино', category:'improvement', categoryName:'Благоустройство',"
                + " topic:'Наледь на тротуарах', score:88, observed:37, expected:9.2, trend:'up', since:new Date().toISOString(),"
                + " topics:[{topic:'Наледь на тротуарах', observed:30, expected:6}, {topic:'Сосульки', observed:7, expected:3.2}], alertId:null},"
                + "{municipality:'spb-nevskiy-okrug', municipalityName:'Невский округ', category:null, categoryName:null,"
                + " topic:null, score:41, observed:12, expected:6, trend:'down', since:null, topics:[], alertId:null}]}});");
        List<Object> items = (List<Object>) browser.script("return Array.from(document.querySelectorAll('[data-testid=tension-list] li'))"
                + ".map(li => li.innerText.replace(/\\s+/g, ' ').trim());");
        assertThat(items).containsExactly(
                "88 Колпино Благоустройство — Наледь на тротуарах ▲ 37 при норме 9,2 · Наледь на тротуарах 30 · Сосульки 7",
                "41 Невский округ ▼ 12 при норме 6");
        assertThat(browser.text("document.querySelector('[data-testid=tension-placeholder]').hidden")).isEqualTo("true");

        browser.script("wallHooks.tension({status:200, body:{window:'24h', points:[]}});");
        assertThat(browser.text("document.querySelector('[data-testid=tension-placeholder]').textContent"))
                .isEqualTo("Всплесков нет — обстановка спокойная");
        browser.script("wallHooks.tension({status:404, body:null});");
        assertThat(browser.text("document.querySelector('[data-testid=tension-placeholder]').textContent"))
                .isEqualTo("Оценка напряжённости пока недоступна");

        browser.script("var points = []; for (var i = 0; i < 48; i++) points.push({at: new Date(Date.now() - (47 - i) * 3600e3)"
                + ".toISOString(), observed: i === 47 ? 14 : 3, expected: 2.5, upper: 5.1}); wallHooks.dynamics(points);");
        assertThat(browser.number("document.querySelector('.spark-observed').getAttribute('points').split(' ').length"))
                .isEqualTo(48);
        // The 24-hour map holds no last-hour total: the chart's last bucket is named by its start.
        assertThat(browser.text("document.querySelector('[data-testid=dynamics-legend]').textContent"))
                .matches("с \\d{2}:\\d{2}: 14норма 2,5порог 5,1");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDeadlinePanelFlashesOnlyCountsThatGrew() {
        String first = "wallHooks.deadlines({status:200, body:{at:new Date().toISOString(), executors:["
                + "{executor:'Жилкомсервис №1', overdue:2, atRisk:1, open:10},"
                + "{executor:'ГУП «Водоканал»', overdue:0, atRisk:3, open:5}]}});";
        browser.script(first);
        List<Object> rows = (List<Object>) browser.script("return Array.from(document.querySelectorAll('[data-testid=deadline-table] tbody tr'))"
                + ".map(tr => Array.from(tr.cells).map(td => td.textContent).join('|') + '|' + (tr.dataset.new || ''));");
        assertThat(rows).containsExactly("Жилкомсервис №1|2|1|10|", "ГУП «Водоканал»|0|3|5|");

        browser.script(first.replace("overdue:2, atRisk:1", "overdue:3, atRisk:1"));
        assertThat(newRows()).isEqualTo(Map.of("Жилкомсервис №1", "overdue"));
        assertThat(browser.number("document.querySelectorAll('[data-testid=deadline-table] td.flash').length")).isEqualTo(1);

        browser.script(first.replace("overdue:2, atRisk:1", "overdue:3, atRisk:1").replace("atRisk:3", "atRisk:4"));
        assertThat(newRows()).isEqualTo(Map.of("ГУП «Водоканал»", "at-risk"));

        browser.script(first.replace("overdue:2, atRisk:1", "overdue:1, atRisk:0"));
        assertThat(newRows()).as("counts that fell do not flash").isEmpty();

        browser.script("wallHooks.deadlines({status:404, body:null});");
        assertThat(browser.text("document.querySelector('[data-testid=deadlines-placeholder]').textContent"))
                .isEqualTo("Сведения о сроках пока недоступны");
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> newRows() {
        return (Map<String, String>) browser.script("var rows = {}; document.querySelectorAll("
                + "'[data-testid=deadline-table] tbody tr[data-new]').forEach(tr => rows[tr.dataset.executor] = tr.dataset.new);"
                + " return rows;");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aDayOfDeltasAndMessagesLeavesMemoryAndTheDomBounded() {
        List<String> municipalities = region.municipalities().stream().map(Municipality::id).toList();
        List<String> categories = region.categories().stream().map(Category::id).toList();
        Map<String, Object> result = (Map<String, Object>) browser.script("""
                const [ms, cs, total] = arguments;
                return (async () => {
                let seq = 1000, feedSeq = 500, id = 1e9, random = 7;
                const next = () => (random = (random * 16807) % 2147483647);
                wallHooks.heatFrame({type:'snapshot', window:'24h', seq, at:new Date().toISOString(), cells:[], scores:[]});
                wallHooks.feedFrame({type:'snapshot', seq:feedSeq, at:new Date().toISOString(), messages:[]});
                const frame = () => new Promise(resolve => requestAnimationFrame(() => setTimeout(resolve, 0)));
                const heap = () => { gc(); gc(); return performance.memory.usedJSHeapSize; };
                async function run(deltas) {
                  for (let done = 0; done < deltas; done += 1000) {
                    const at = new Date().toISOString();
                    for (let i = 0; i < Math.min(1000, deltas - done); i++) {
                      const cells = [];
                      for (let k = 0; k < 4; k++) cells.push({m: ms[next() % ms.length], c: cs[next() % cs.length], n: next() % 40});
                      wallHooks.heatFrame({type:'delta', window:'24h', seq: ++seq, at, cells,
                                           scores:[{m: ms[next() % ms.length], t: next() % 101}]});
                      if (i % 20 === 0) {
                        wallHooks.feedFrame({type:'messages', seq: ++feedSeq, at, messages:[{id: ++id, createdAt: at,
                          receivedAt: at, municipality: ms[next() % ms.length], category: cs[next() % cs.length], topic: null,
                          text: 'Обращение ' + id}]});
                      }
                    }
                    await frame();
                  }
                }
                await run(Math.floor(total / 10));
                const early = {heap: heap(), nodes: document.getElementsByTagName('*').length};
                await run(total - Math.floor(total / 10));
                await new Promise(resolve => setTimeout(resolve, 3000));
                const late = {heap: heap(), nodes: document.getElementsByTagName('*').length};
                return {earlyHeap: early.heap, lateHeap: late.heap, earlyNodes: early.nodes, lateNodes: late.nodes,
                        heatSeq: wallState.streams.heatmap.seq, feedSeq: wallState.streams.feed.seq,
                        resyncs: wallState.streams.heatmap.resyncs + wallState.streams.feed.resyncs,
                        cells: wallState.cells.size, feed: wallState.feed.length,
                        feedItems: document.querySelectorAll('[data-testid=feed] li').length};
                })();
                """, municipalities, categories, DAY_OF_DELTAS);
        long earlyHeap = ((Number) result.get("earlyHeap")).longValue();
        long lateHeap = ((Number) result.get("lateHeap")).longValue();
        System.out.printf("wall memory over a day of deltas: heap %.1f MB after 10%%, %.1f MB after 100%%; DOM %s → %s nodes%n",
                earlyHeap / 1e6, lateHeap / 1e6, result.get("earlyNodes"), result.get("lateNodes"));

        assertThat(((Number) result.get("heatSeq")).longValue()).as("every delta applied in order").isEqualTo(1000L + DAY_OF_DELTAS);
        assertThat(((Number) result.get("resyncs")).longValue()).isZero();
        assertThat(((Number) result.get("cells")).longValue()).isLessThanOrEqualTo((long) municipalities.size() * categories.size());
        assertThat(((Number) result.get("feed")).longValue()).isEqualTo(40);
        assertThat(((Number) result.get("feedItems")).longValue()).isEqualTo(40);
        assertThat(lateHeap - earlyHeap).as("heap growth from 10%% to 100%% of a day").isLessThan(3_000_000);
        assertThat(Math.abs(((Number) result.get("lateNodes")).longValue() - ((Number) result.get("earlyNodes")).longValue()))
                .as("DOM size").isLessThanOrEqualTo(40);
    }
}
