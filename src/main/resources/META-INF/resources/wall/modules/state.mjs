/*
 * The wall's one shared state: what the sockets and answers brought, what is selected, how the streams
 * fare. The modules read and change it; browser tests read it as window.wallState (set by wall.js), so its
 * field names stay stable.
 */

import { kioskParameters } from './kiosk.mjs';
import { latestEvent } from './status-rules.mjs';

/** The kiosk parameters of this page's URL. */
export const kiosk = kioskParameters(location.search);

export const state = {
  window: kiosk.window,
  metric: kiosk.metric,
  layout: null,
  region: null,
  regionMismatch: false,
  municipalities: 0,           // municipalities drawn on the map
  cells: new Map(),            // "<m>|<c>" → count > 0 (the heat map of the window)
  totals: new Map(),           // municipality → count in the window
  scores: new Map(),           // municipality → tension score 0–100 (absent = 0)
  scoresSeen: false,           // the server sends tension scores at all
  learning: new Map(),         // municipality → whole days its baseline still learns (absent = not learning)
  feed: [],                    // newest first, at most FEED_MAX
  alerts: new Map(),           // id → alert
  newestEventAt: null,         // ms: the newest event seen (a message received, a delta, an alert change)
  selected: kiosk.municipality,
  streams: {},                 // name → {connected, seq, resyncs, reconnects, snapshots, since}
  tensionAsked: 0,             // the limit of the last tension-points request (as many as the panel can show)
  forecast: null,              // the week ahead (forecast-picture.mjs): municipality → expected, interval, last week
  forecastRows: [],            // the forecast panel's rows (pairs expected to rise)
  renders: 0,
  missing: {}                  // endpoint → true while it answers 404
};

/** An event happened at `at` (ms, or null when unknown): the status bar's age of the newest event follows it. */
export function noteEvent(at) {
  state.newestEventAt = latestEvent(state.newestEventAt, at, Date.now());
}
