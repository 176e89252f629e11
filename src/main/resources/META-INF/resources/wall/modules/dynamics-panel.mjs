/*
 * The dynamics panel (GET /api/v1/dynamics, 48 h, hourly): observed counts, the expected baseline and its
 * upper band, for the selected municipality, else the top tension point, else the whole region. Its
 * figure for "now" comes from the heat map while the map shows the last hour, so it is the map's own
 * (latest-figure.mjs); it is written again whenever the heat map changes.
 */

import { formatExpected } from './format.mjs';
import { latestFigure, latestText } from './latest-figure.mjs';
import { totalCount } from './heat-picture.mjs';
import { learningText } from './learning.mjs';
import { sparklineShape } from './sparkline-shape.mjs';
import { clear, el, make, makeSvg, placeholder } from './dom.mjs';
import { fetchJson } from './session.mjs';
import { names } from './region.mjs';
import { current } from './polls.mjs';
import { state } from './state.mjs';

let hasPicture = () => false;   // whether the heat map holds a snapshot (set by wall.js)
let shown = null;                 // {target, last}: what the chart shows, for its figure of "now"

/** `picture()`: whether the heat map holds a snapshot. */
export function connectDynamics(picture) {
  hasPicture = picture;
}

function dynamicsTarget() {
  if (state.selected) {
    return state.selected;
  }
  const points = state.tensionPoints || [];
  return points.length && points[0].municipality ? points[0].municipality : null;
}

export function loadDynamics() {
  const target = dynamicsTarget();
  const to = new Date();
  const from = new Date(to.getTime() - 48 * 3600 * 1000);
  const query = 'step=1h&from=' + encodeURIComponent(from.toISOString()) + '&to=' + encodeURIComponent(to.toISOString()) +
    (target ? '&municipality=' + encodeURIComponent(target) : '');
  el.dynamicsTitle.textContent = 'Динамика, 48 ч · ' + (target ? names.municipalityName(target) : 'весь регион');
  fetchJson('api/v1/dynamics?' + query).then(current(answer => {
    state.missing.dynamics = answer.status === 404;
    if (!answer.body || !Array.isArray(answer.body.points) || !answer.body.points.length) {
      shown = null;
      clear(el.sparkline);
      clear(el.dynamicsLegend);
      placeholder(el.dynamicsPlaceholder, answer.status === 404 ? 'Динамика пока недоступна'
        : answer.status === 503 ? 'Динамика готовится…' : answer.body ? 'Нет данных за 48 ч' : 'Нет связи с сервисом, повтор…');
      return;
    }
    showDynamics(answer.body.points, target);
  }));
}

/** Draws the points of a dynamics answer for `target` (a municipality id, or null for the region): the observed line, the expected baseline dashed, the upper bound as a band. */
export function showDynamics(points, target = dynamicsTarget()) {
  placeholder(el.dynamicsPlaceholder, null);
  clear(el.sparkline);
  const box = el.sparkline.getBoundingClientRect();
  const width = Math.max(100, Math.floor(box.width));
  const height = Math.max(40, Math.floor(box.height));
  el.sparkline.setAttribute('viewBox', '0 0 ' + width + ' ' + height);
  const shape = sparklineShape(points, width, height);
  el.sparkline.appendChild(makeSvg('polygon', { 'class': 'spark-band', points: shape.band }));
  el.sparkline.appendChild(makeSvg('polyline', { 'class': 'spark-expected', points: shape.expected }));
  el.sparkline.appendChild(makeSvg('polyline', { 'class': 'spark-observed', points: shape.observed }));
  el.sparkline.appendChild(makeSvg('circle', { 'class': 'spark-last', cx: shape.last.cx, cy: shape.last.cy, r: shape.last.r }));
  shown = { target, last: points[points.length - 1], latest: shape.latest };
  clear(el.dynamicsLegend);
  const observed = make('span', 'legend-observed');
  observed.setAttribute('data-testid', 'dynamics-latest');
  el.dynamicsLegend.appendChild(observed);
  el.dynamicsLegend.appendChild(make('span', 'legend-expected', 'норма ' + formatExpected(shape.latest.expected)));
  el.dynamicsLegend.appendChild(make('span', 'legend-upper', 'порог ' + formatExpected(shape.latest.upper)));
  const learning = make('span', 'legend-learning');
  learning.setAttribute('data-testid', 'dynamics-learning');
  el.dynamicsLegend.appendChild(learning);
  renderDynamicsFigure();
}

/** Writes the figure of "now" (and the learning state of the target) again: after a chart and after every heat-map change. */
export function renderDynamicsFigure() {
  const observed = el.dynamicsLegend.querySelector('.legend-observed');
  if (!shown || !observed) {
    return;
  }
  const figure = latestFigure({ window: state.window, hasPicture: hasPicture(), target: shown.target, totals: state.totals,
    total: totalCount(state) }, shown.last, names.times.shortTime);
  const text = latestText(figure);
  if (observed.textContent !== text) {
    observed.textContent = text;
  }
  observed.setAttribute('data-source', figure.source);
  const learning = el.dynamicsLegend.querySelector('.legend-learning');
  const days = shown.target ? state.learning.get(shown.target) : undefined;
  learning.textContent = days ? learningText(days) : '';
  learning.hidden = !days;
}
