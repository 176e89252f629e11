/*
 * The tension points panel (GET /api/v1/tension-points, polled): score, place, trend, what drives it and
 * observed against expected. Until a municipality is picked by hand, the dynamics panel follows the top
 * point; a click on a point picks its municipality.
 */

import { formatDecimal, formatNumber, toCount } from './format.mjs';
import { tensionBadge } from './colour-scale.mjs';
import { clear, el, fitList, make, placeholder } from './dom.mjs';
import { fetchJson } from './session.mjs';
import { names } from './region.mjs';
import { CLASS_COLOURS } from './map.mjs';
import { loadDynamics } from './dynamics-panel.mjs';
import { current } from './polls.mjs';
import { state } from './state.mjs';

const TREND = { up: '▲', down: '▼', flat: '▶' };
const TREND_NAME = { up: 'растёт', down: 'снижается', flat: 'без изменений' };

/** `onSelect(id)`: a point's municipality was picked by hand. */
export function createTensionPanel({ onSelect }) {
  function load() {
    fetchJson('api/v1/tension-points?window=' + encodeURIComponent(state.window) + '&limit=8').then(current(render));
  }

  /** Draws an answer of GET /api/v1/tension-points ({status, body}). */
  function render(answer) {
    state.missing.tension = answer.status === 404;
    clear(el.tensionList);
    if (!answer.body || !Array.isArray(answer.body.points)) {
      state.tensionPoints = [];
      placeholder(el.tensionPlaceholder, answer.status === 404 ? 'Оценка напряжённости пока недоступна'
        : answer.status === 503 ? 'Оценка напряжённости готовится…' : 'Нет связи с сервисом, повтор…');
    } else {
      const points = answer.body.points;
      state.tensionPoints = points;
      points.forEach(p => { el.tensionList.appendChild(item(p)); });
      placeholder(el.tensionPlaceholder, points.length ? null : 'Всплесков нет — обстановка спокойная');
      fitList(el.tensionList);
    }
    if (!state.selectedByUser) {
      loadDynamics();
    }
  }

  function item(p) {
    const li = make('li', 'tension-item');
    li.setAttribute('data-municipality', String(p.municipality || ''));
    const score = toCount(p.score) || 0;
    const badge = make('span', 'tension-score', String(score));
    const colours = tensionBadge(score, CLASS_COLOURS);
    badge.style.background = colours.background;
    badge.style.color = colours.color;
    li.appendChild(badge);
    const body = make('div', 'tension-body');
    const head = make('div', 'tension-head');
    head.appendChild(make('span', 'tension-place', p.municipalityName || names.municipalityName(p.municipality)));
    const trend = make('span', 'trend trend-' + (TREND[p.trend] ? p.trend : 'flat'), TREND[p.trend] || TREND.flat);
    trend.title = TREND_NAME[p.trend] || '';
    head.appendChild(trend);
    body.appendChild(head);
    const what = [p.categoryName || names.categoryName(p.category), p.topic].filter(Boolean).join(' · ');
    if (what) {
      body.appendChild(make('div', 'tension-what', what));
    }
    const expected = Number(p.expected);
    body.appendChild(make('div', 'tension-numbers', formatNumber(toCount(p.observed) || 0) + ' при норме ' +
      (Number.isFinite(expected) ? formatDecimal(expected) : '—')));
    if (Array.isArray(p.topics) && p.topics.length) {
      body.appendChild(make('div', 'tension-topics', p.topics.slice(0, 2).map(t =>
        (t.topic || '') + ' ' + formatNumber(toCount(t.observed) || 0)).join(' · ')));
    }
    li.appendChild(body);
    li.addEventListener('click', () => {
      state.selectedByUser = true;
      onSelect(p.municipality);
    });
    return li;
  }

  return { load, render };
}
