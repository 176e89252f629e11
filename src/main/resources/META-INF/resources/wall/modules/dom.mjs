/*
 * The page's elements and the few DOM helpers every panel uses. Texts go in with textContent only, never
 * as HTML: whatever residents or the server wrote is shown, not run.
 */

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
  dynamicsTitle: byTestId('dynamics-title'),
  sparkline: byTestId('sparkline'),
  dynamicsLegend: byTestId('dynamics-legend'),
  dynamicsPlaceholder: byTestId('dynamics-placeholder'),
  alertList: byTestId('alert-list'),
  alertsCount: byTestId('alerts-count'),
  alertsPlaceholder: byTestId('alerts-placeholder'),
  deadlineBody: byTestId('deadline-table').tBodies[0],
  deadlineTable: byTestId('deadline-table'),
  deadlinesPlaceholder: byTestId('deadlines-placeholder'),
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

/**
 * Hides the items of a list that would be cut by the bottom edge of the list (or of the panel around a
 * table body): a wall shows whole items only.
 */
export function fitList(list, panel) {
  const items = list.children;
  for (let i = 0; i < items.length; i++) {
    items[i].hidden = false;
  }
  const bottom = panel
    ? panel.getBoundingClientRect().bottom - parseFloat(getComputedStyle(panel).paddingBottom) + 1
    : list.getBoundingClientRect().bottom + 1;
  for (let j = 0; j < items.length; j++) {
    if (items[j].getBoundingClientRect().bottom > bottom) {
      for (let k = j; k < items.length; k++) {
        items[k].hidden = true;
      }
      break;
    }
  }
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
