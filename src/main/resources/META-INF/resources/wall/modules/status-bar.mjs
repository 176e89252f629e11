/*
 * The status bar: the pressed window and metric buttons, the clock in the region's time zone, the age of
 * the newest event (amber, red when old and no live socket vouches for the picture) and the state of each
 * socket (на связи / подключение / нет связи / недоступно).
 */

import { SETTINGS } from './settings.mjs';
import { freshness, LINK_TEXT, linkState } from './status-rules.mjs';
import { byTestId, el } from './dom.mjs';
import { names } from './region.mjs';
import { state } from './state.mjs';

export function renderSwitches() {
  el.windowSwitch.querySelectorAll('button').forEach(b => {
    b.setAttribute('aria-pressed', String(b.getAttribute('data-window') === state.window));
  });
  el.metricSwitch.querySelectorAll('button').forEach(b => {
    b.setAttribute('aria-pressed', String(b.getAttribute('data-metric') === state.metric));
  });
}

/** `streams`: socket name (heatmap, feed, alerts) → its SequencedStream. */
export function renderLinks(streams) {
  const now = Date.now();
  Object.keys(streams).forEach(name => {
    const node = byTestId('link-' + name);
    const stream = streams[name];
    const shown = linkState(name === 'alerts' && state.missing.alerts, stream.isLive(), stream.info.since, now);
    if (node.getAttribute('data-state') !== shown) {
      node.setAttribute('data-state', shown);
      node.title = LINK_TEXT[shown];
    }
  });
}

/** The clock and the freshness line; `live`: the heat-map socket holds a live picture. */
export function renderClock(live) {
  const now = Date.now();
  el.clock.textContent = names.times.clock.format(new Date(now));
  const line = freshness(state.newestEventAt, now, live, SETTINGS.freshWarnS, SETTINGS.freshStaleS);
  if (el.freshness.textContent !== line.text) {
    el.freshness.textContent = line.text;
  }
  el.freshness.setAttribute('data-level', line.level);
}
