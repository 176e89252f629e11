/*
 * The page's elements and the few DOM helpers every panel uses. Texts go in with textContent only, never
 * as HTML: whatever residents or the server wrote is shown, not run.
 */

import { rowsToShow } from './list-fit.mjs';

export function byTestId(id) {
  return document.querySelector('[data-testid="' + id + '"]');
}

/** The elements of index.html the modules write to. */
export const el = {
  body: document.body,
  regionName: byTestId('region-name'),
  clock: byTestId('clock'),
  rotation: byTestId('rotation'),
  freshness: byTestId('freshness'),
  banner: byTestId('banner'),
  windowSwitch: byTestId('window-switch'),
  metricSwitch: byTestId('metric-switch'),
  totalLabel: byTestId('total-label'),
  total: byTestId('total-count'),
  mapTitle: byTestId('map-title'),
  mapNote: byTestId('map-note'),
  mapWrap: byTestId('map-wrap'),
  map: byTestId('map'),
  mapPlaceholder: byTestId('map-placeholder'),
  legend: byTestId('legend'),
  attribution: byTestId('attribution'),
  tensionList: byTestId('tension-list'),
  tensionPlaceholder: byTestId('tension-placeholder'),
  tensionMore: byTestId('tension-more'),
  tensionPanel: byTestId('tension-panel'),
  forecastPanel: byTestId('forecast-panel'),
  forecastNote: byTestId('forecast-note'),
  forecastList: byTestId('forecast-list'),
  forecastMore: byTestId('forecast-more'),
  forecastPlaceholder: byTestId('forecast-placeholder'),
  dynamicsTitle: byTestId('dynamics-title'),
  sparkline: byTestId('sparkline'),
  dynamicsLegend: byTestId('dynamics-legend'),
  dynamicsPlaceholder: byTestId('dynamics-placeholder'),
  alertList: byTestId('alert-list'),
  alertsCount: byTestId('alerts-count'),
  alertsPlaceholder: byTestId('alerts-placeholder'),
  alertsMore: byTestId('alerts-more'),
  deadlineBody: byTestId('deadline-table').tBodies[0],
  deadlineTable: byTestId('deadline-table'),
  deadlinesPlaceholder: byTestId('deadlines-placeholder'),
  deadlinesMore: byTestId('deadlines-more'),
  feed: byTestId('feed'),
  feedPlaceholder: byTestId('feed-placeholder')
};

/** An HTML element with an optional class and text (set as textContent). */
export function make(tag, className, text) {
  const node = document.createElement(tag);
  if (className) {
    node.className = className;
  }
  if (text !== undefined && text !== null) {
    node.textContent = String(text);
  }
  return node;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** An SVG element with attributes. */
export function makeSvg(tag, attributes) {
  const node = document.createElementNS(SVG_NS, tag);
  Object.keys(attributes || {}).forEach(key => {
    node.setAttribute(key, attributes[key]);
  });
  return node;
}

export function clear(node) {
  while (node.firstChild) {
    node.removeChild(node.firstChild);
  }
}

/** Shows a panel's placeholder with the text, or hides it when there is none. */
export function placeholder(node, text) {
  if (text) {
    node.textContent = text;
    node.hidden = false;
  } else {
    node.hidden = true;
  }
}

/** The height of one rem in pixels (type follows the screen: see wall.css). */
export function remPixels() {
  return parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
}

/**
 * Shows as many whole items of a list as its panel has room for and hides the rest (list-fit.mjs decides
 * from the measured bottoms): a wall shows whole items only, and a taller screen more of them. Options:
 * `panel` — measure against this element's inner bottom (a table body in its panel) instead of the list's;
 * `footer` — an element shown under the list, with `moreText(n)`, when items are left out (`total` counts
 * the items there are, drawn or not; by default the drawn ones).
 */
export function fitList(list, options = {}) {
  const { panel, footer, total, moreText } = options;
  const items = list.children;
  for (let i = 0; i < items.length; i++) {
    items[i].hidden = false;
  }
  let footerHeight = 0;
  if (footer) {
    footer.textContent = moreText(Math.max(1, (total === undefined ? items.length : total)));
    footer.hidden = false;
    const style = getComputedStyle(footer);
    footerHeight = footer.getBoundingClientRect().height + parseFloat(style.marginTop) + parseFloat(style.marginBottom);
    footer.hidden = true;
  }
  const bottom = panel
    ? panel.getBoundingClientRect().bottom - parseFloat(getComputedStyle(panel).paddingBottom) + 1
    : list.getBoundingClientRect().bottom + 1;
  const bottoms = Array.from(items, item => item.getBoundingClientRect().bottom);
  const fit = rowsToShow(bottoms, bottom, footerHeight, total === undefined ? items.length : total);
  for (let k = fit.shown; k < items.length; k++) {
    items[k].hidden = true;
  }
  if (footer && fit.more > 0) {
    footer.textContent = moreText(fit.more);
    footer.hidden = false;
  }
  return fit;
}

export function showBanner(text) {
  el.banner.textContent = text || '';
  el.banner.hidden = !text;
}

/** A function that runs `draw` at the next animation frame, once however often it is called before then. */
export function perAnimationFrame(draw) {
  let pending = false;
  return function schedule() {
    if (!pending) {
      pending = true;
      requestAnimationFrame(() => {
        pending = false;
        draw();
      });
    }
  };
}
