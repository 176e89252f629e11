/*
 * The tension points panel (GET /api/v1/tension-points, polled): score, place, trend, what drives it and
 * observed against expected (rows from tension-rows.mjs: only points with a score above zero; a series
 * still learning its baseline shows «обучение: ещё N дн.» and a hatched badge instead of its score). As
 * many rows as the panel has room for, the answer asked for enough to fill it. Until a municipality is
 * picked by hand, the dynamics panel follows the top point; a click on a point picks its municipality.
 */

import { formatNumber } from './format.mjs';
import { tensionBadge } from './colour-scale.mjs';
import { tensionRows } from './tension-rows.mjs';
import { rowsToDraw } from './list-fit.mjs';
import { clear, el, fitList, make, placeholder, remPixels } from './dom.mjs';
import { fetchJson } from './session.mjs';
import { names } from './region.mjs';
import { CLASS_COLOURS } from './map.mjs';
import { loadDynamics } from './dynamics-panel.mjs';
import { current } from './polls.mjs';
import { state } from './state.mjs';

const TREND = { up: '▲', down: '▼', flat: '▶' };
const TREND_NAME = { up: 'растёт', down: 'снижается', flat: 'без изменений' };

/** `onSelect(id)`: a point's municipality was picked by hand; `hasPicture()`: the heat map holds a snapshot. */
export function createTensionPanel({ onSelect, hasPicture }) {
  let answer = null;

  function load() {
    // Rows are at least two lines high: ask for enough to fill the panel (score-0 points are left out here too).
    const limit = rowsToDraw(el.tensionList.parentNode.clientHeight, 2.2 * remPixels(), 10, 100);
    state.tensionAsked = limit;
    fetchJson('api/v1/tension-points?window=' + encodeURIComponent(state.window) + '&limit=' + limit).then(current(render));
  }

  /** Draws an answer of GET /api/v1/tension-points ({status, body}). */
  function render(next) {
    answer = next;
    state.missing.tension = answer.status === 404;
    clear(el.tensionList);
    if (!answer.body || !Array.isArray(answer.body.points)) {
      state.tensionPoints = [];
      el.tensionMore.hidden = true;
      placeholder(el.tensionPlaceholder, answer.status === 404 ? 'Оценка напряжённости пока недоступна'
        : answer.status === 503 ? 'Оценка напряжённости готовится…' : 'Нет связи с сервисом, повтор…');
    } else {
      const rows = tensionRows(answer.body.points, names, state.learning, hasPicture());
      state.tensionPoints = rows;
      rows.forEach(row => { el.tensionList.appendChild(item(row)); });
      placeholder(el.tensionPlaceholder, rows.length ? null : 'Всплесков нет — обстановка спокойная');
      fit();
    }
    if (!state.selectedByUser) {
      loadDynamics();
    }
  }

  /** Shows the rows that fit (after a render or a resize). */
  function fit() {
    fitList(el.tensionList, { footer: el.tensionMore, moreText: n => 'и ещё ' + formatNumber(n) });
  }

  /** Draws the last answer again (the heat map's learning state changed). */
  function redraw() {
    if (answer) {
      render(answer);
    }
  }

  function item(row) {
    const li = make('li', 'tension-item' + (row.learning ? ' learning' : ''));
    li.setAttribute('data-municipality', row.municipality || '');
    const badge = make('span', 'tension-score', row.learning ? '' : formatNumber(row.score));
    if (row.learning) {
      li.setAttribute('data-learning', String(row.learningDays));
      badge.title = row.learning;
    } else {
      const colours = tensionBadge(row.score, CLASS_COLOURS);
      badge.style.background = colours.background;
      badge.style.color = colours.color;
    }
    li.appendChild(badge);
    const body = make('div', 'tension-body');
    const head = make('div', 'tension-head');
    head.appendChild(make('span', 'tension-place', row.place));
    if (row.what) {
      head.appendChild(make('span', 'tension-what', row.what));
    }
    const trend = make('span', 'trend trend-' + row.trend, TREND[row.trend]);
    trend.title = TREND_NAME[row.trend];
    head.appendChild(trend);
    body.appendChild(head);
    const numbers = make('div', 'tension-numbers');
    if (row.learning) {
      const learning = make('span', 'tension-learning', row.learning);
      learning.setAttribute('data-testid', 'tension-learning');
      numbers.appendChild(learning);
    }
    numbers.appendChild(make('span', 'tension-figures', row.figures));
    body.appendChild(numbers);
    li.appendChild(body);
    li.addEventListener('click', () => {
      if (row.municipality) {
        state.selectedByUser = true;
        onSelect(row.municipality);
      }
    });
    return li;
  }

  return { load, render, redraw, fit };
}
