/*
 * The wall's fixed settings: the windows and metrics it offers (with their Russian names), what it keeps
 * and for how long, and its timers. One place for every number the modules share. Pure: no DOM.
 */

/** Heat-map windows the server keeps, with the words the wall puts after a count ("всего за 1 час"). */
export const WINDOWS = Object.freeze({ '1h': 'за 1 час', '24h': 'за 24 часа', '7d': 'за 7 дней' });

/** What can colour the map: the map title and the legend heading of each. */
export const METRICS = Object.freeze({
  tension: { title: 'Напряжённость', legend: 'Оценка напряжённости, 0–100' },
  count: { title: 'Число обращений', legend: 'Обращений' },
  percapita: { title: 'Обращений на 10 тыс. жителей', legend: 'На 10 тыс. жителей' },
  forecast: { title: 'Прогноз на 7 дней', legend: 'Ожидается обращений' }
});

/**
 * The views a rotating kiosk cycles through when the URL names none (metric:window). The forecast is the
 * next 7 days whatever the window: `forecast:7d` is its one view.
 */
export const DEFAULT_VIEWS = Object.freeze(['tension:24h', 'count:1h', 'count:24h', 'count:7d', 'forecast:7d']);

/** The municipality id the locator gives a message it could not place. */
export const UNKNOWN_ID = 'unknown';

/** Messages the feed keeps (newest first). */
export const FEED_MAX = 40;
/** Alerts the wall keeps at most. */
export const ALERTS_MAX = 300;
/** How long a resolved alert stays on the wall. */
export const RESOLVED_KEEP_MS = 10 * 60 * 1000;

export const SETTINGS = Object.freeze({
  backoffBaseMs: 1000,
  backoffMaxMs: 30000,
  silenceMs: 20000,
  snapshotTimeoutMs: 10000,
  fetchTimeoutMs: 8000,
  pollTensionMs: 15000,
  pollDeadlinesMs: 15000,
  pollDynamicsMs: 60000,
  pollForecastMs: 300000,
  recheckMissingMs: 30000,
  freshWarnS: 120,        // newest event older than this with no live socket: amber
  freshStaleS: 600,       // older than this: amber while live, red without a live socket
  flashMs: 2500
});

export function isWindow(label) {
  return typeof label === 'string' && Object.prototype.hasOwnProperty.call(WINDOWS, label);
}

export function isMetric(name) {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(METRICS, name);
}
