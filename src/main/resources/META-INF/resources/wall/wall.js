/*
 * TSUR Pulse: the start-up of the control-room wall (/wall/), an ES module loaded by index.html after the
 * d3 scripts. It builds the panels from the modules in modules/, connects them, and starts the sockets,
 * the polls and the clock.
 *
 * What the wall shows and where the data comes from:
 *   - map: a choropleth of the region's municipalities (GET /api/v1/region/boundaries, drawn with d3-geo),
 *     coloured by tension score, message count or count per 10 000 residents in the selected window, from
 *     the heat map over /ws/heatmap (snapshot, then deltas; cells {m,c,n,t}, municipality scores {m,t},
 *     municipalities still learning their baseline {id: days}, hatched instead of coloured by score);
 *   - the forecast view (metric `forecast`): the map coloured by the messages expected in the next 7 days and,
 *     in the tension panel's place, the pairs expected to rise most (GET /api/v1/prevention/forecast, polled);
 *   - tension points (GET /api/v1/tension-points), dynamics of one municipality (GET /api/v1/dynamics),
 *     deadlines by executor (GET /api/v1/deadlines/summary): polled;
 *   - alerts over /ws/alerts (snapshot, then changes), the live feed over /ws/feed (snapshot, then new messages);
 *   - a status bar: clock, age of the newest event, state of each socket.
 * An endpoint that answers 404 (not deployed yet) gives a Russian placeholder and is asked again later.
 * The three sockets share one behaviour (modules/stream.mjs, rules in modules/stream-sequence.mjs).
 *
 * Every text from residents and from the server is written with textContent (never innerHTML). Memory is
 * bounded: the heat map is one Map of non-empty cells (municipalities × categories), the feed keeps
 * FEED_MAX messages, alerts at most ALERTS_MAX, and the DOM holds one element per shown item.
 *
 * Lists show as many whole rows as their panels have room for (modules/list-fit.mjs), so a larger screen
 * shows more rows, not the same rows larger; every number goes through modules/format.mjs.
 *
 * For browser tests: window.wallState (modules/state.mjs) and window.wallHooks (below); SVG paths carry
 * data-municipality, data-count, data-value and data-learning; feed items data-message-id; alerts
 * data-alert-id; tension rows data-municipality and data-learning; deadline rows data-executor.
 */

import { SETTINGS } from './modules/settings.mjs';
import { chooseLayout } from './modules/kiosk.mjs';
import { kiosk, state } from './modules/state.mjs';
import { el, fitList, perAnimationFrame } from './modules/dom.mjs';
import { loadRegion } from './modules/region.mjs';
import { createHeatStream } from './modules/heatmap.mjs';
import { createFeed } from './modules/feed.mjs';
import { createAlerts } from './modules/alerts.mjs';
import { createMapPanel } from './modules/map.mjs';
import { createViews } from './modules/views.mjs';
import { createTensionPanel } from './modules/tension-panel.mjs';
import { createForecastPanel } from './modules/forecast-panel.mjs';
import { connectDynamics, loadDynamics, renderDynamicsFigure, showDynamics } from './modules/dynamics-panel.mjs';
import { fitDeadlines, forgetDeadlines, loadDeadlines, renderDeadlines } from './modules/deadlines-panel.mjs';
import { every, stopPolls } from './modules/polls.mjs';
import { renderClock, renderLinks, renderSwitches } from './modules/status-bar.mjs';

window.wallState = state;

// ------------------------------------------------------------------ the panels, connected

const streams = {};
const linksChanged = () => renderLinks(streams);

const heat = createHeatStream({ onPicture: () => scheduleRender(), onState: linksChanged });
const feed = createFeed({ onState: linksChanged });
const alerts = createAlerts({ onState: linksChanged });
streams.heatmap = heat;
streams.feed = feed.stream;
streams.alerts = alerts.stream;

const hasPicture = () => heat.hasState();
const mapPanel = createMapPanel({ hasPicture, onSelect: select, requestRender: () => scheduleRender() });
const tension = createTensionPanel({ onSelect: select, hasPicture });
const forecast = createForecastPanel({ onSelect: select, requestRender: () => scheduleRender() });
const views = createViews({ heat, requestRender: () => scheduleRender(), windowChanged: tension.load });
connectDynamics(hasPicture);

let learningShown = state.learning;

/**
 * The status bar's switches, the map and the dynamics panel's figure of "now" (both read the heat map),
 * redrawn at most once per animation frame; the tension list again when the learning state changed.
 */
const scheduleRender = perAnimationFrame(() => {
  state.renders++;
  renderSwitches();
  forecast.show(state.metric === 'forecast');
  mapPanel.render();
  renderDynamicsFigure();
  if (state.learning !== learningShown) {
    learningShown = state.learning;
    tension.redraw();
  }
});

/** Picks a municipality for the dynamics panel (again: unpicks it) and outlines it on the map. */
function select(id) {
  state.selected = state.selected === id ? null : id;
  mapPanel.renderSelection();
  loadDynamics();
}

function applyLayout() {
  const layout = chooseLayout(kiosk.layout, window.innerWidth);
  if (layout !== state.layout) {
    state.layout = layout;
    el.body.setAttribute('data-layout', layout);
  }
}

let pollsStarted = false;

function startPolls() {
  if (pollsStarted) {
    return;
  }
  pollsStarted = true;
  tension.load();
  forecast.load();
  loadDeadlines();
  every(tension.load, SETTINGS.pollTensionMs);
  every(forecast.load, SETTINGS.pollForecastMs);
  every(loadDeadlines, SETTINGS.pollDeadlinesMs);
  every(loadDynamics, SETTINGS.pollDynamicsMs);
}

/** Once the region is known: feed items get its names, the map its boundaries, the polled panels start. */
function regionLoaded() {
  feed.redraw();
  mapPanel.loadBoundaries(0);
  scheduleRender();
  startPolls();
}

function tick() {
  renderClock(heat.isLive());
  feed.updateAges();
  linksChanged();
  views.tickRotation();
}

// ------------------------------------------------------------------ hooks for browser tests

/**
 * Browser tests drive the page's own code with frames and answers in the shapes of the contracts:
 * detach() stops the sockets and polls (and drops answers still on their way), so what the test feeds in
 * is all the page sees.
 */
window.wallHooks = {
  detach() {
    heat.stop();
    feed.stream.stop();
    alerts.stream.stop();
    stopPolls();
    forgetDeadlines();
  },
  heatFrame: frame => heat.onFrame(frame),
  feedFrame: frame => feed.stream.onFrame(frame),
  alertsFrame: frame => alerts.stream.onFrame(frame),
  tension(answer) {
    state.selectedByUser = true; // the test's tension points do not reload the dynamics panel
    tension.render(answer);
  },
  forecast: forecast.render,
  deadlines: renderDeadlines,
  dynamics: showDynamics
};

// ------------------------------------------------------------------ start

views.listen();

let resizeTimer = 0;
window.addEventListener('resize', () => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(() => {
    applyLayout();
    mapPanel.draw();
    loadDynamics();
    fitList(el.feed);
    alerts.render();
    tension.fit();
    forecast.fit();
    fitDeadlines();
  }, 200);
});

applyLayout();
views.startRotation();
renderSwitches();
mapPanel.render();
feed.render();
alerts.render();
loadRegion(regionLoaded);
heat.start();
feed.stream.start();
alerts.start();
tick();
setInterval(tick, 1000);
setInterval(alerts.prune, 60000);
