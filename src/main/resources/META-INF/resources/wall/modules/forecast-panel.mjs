/*
 * The forecast view's panel and data (GET /api/v1/prevention/forecast?order=rise, polled): «Прогноз на 7
 * дней» lists the municipality × category pairs expected to rise most over their last 7 days (rows from
 * forecast-rows.mjs: the rise, the expected week with its 80% interval, the last 7 days), and the answer's
 * municipality totals colour the map (forecast-picture.mjs, kept in state.forecast). The panel takes the
 * tension panel's place while the map shows the forecast metric; a click on a row picks its municipality.
 */

import { forecastNote, forecastPicture } from './forecast-picture.mjs';
import { forecastRows } from './forecast-rows.mjs';
import { clear, el, fitList, make, placeholder } from './dom.mjs';
import { formatNumber } from './format.mjs';
import { fetchJson } from './session.mjs';
import { names } from './region.mjs';
import { current } from './polls.mjs';
import { state } from './state.mjs';

/** Series asked for: the rises are kept from them, and a panel shows fewer. */
const ASKED = 60;

/** `onSelect(id)`: a row's municipality was picked by hand; `requestRender()`: the map is to be drawn again. */
export function createForecastPanel({ onSelect, requestRender }) {
  function load() {
    fetchJson('api/v1/prevention/forecast?order=rise&limit=' + ASKED).then(current(render));
  }

  /** Draws an answer of GET /api/v1/prevention/forecast ({status, body}) and hands its picture to the map. */
  function render(answer) {
    state.missing.forecast = answer.status === 404;
    const picture = answer.body ? forecastPicture(answer.body) : null;
    if (picture || !state.forecast) {
      state.forecast = picture;
    }
    clear(el.forecastList);
    el.forecastNote.textContent = [forecastNote(state.forecast), 'где ждать роста'].filter(Boolean).join(' · ');
    if (!picture) {
      state.forecastRows = [];
      el.forecastMore.hidden = true;
      placeholder(el.forecastPlaceholder, answer.status === 404 ? 'Прогноз пока недоступен'
        : answer.status === 503 ? 'Прогноз готовится…' : 'Нет связи с сервисом, повтор…');
    } else {
      const rows = forecastRows(answer.body.series, names);
      state.forecastRows = rows;
      rows.forEach(row => { el.forecastList.appendChild(item(row)); });
      placeholder(el.forecastPlaceholder, rows.length ? null : 'Роста обращений не ожидается');
      fit();
    }
    requestRender();
  }

  /** Shows the rows that fit (after a render or a resize). */
  function fit() {
    fitList(el.forecastList, { footer: el.forecastMore, moreText: n => 'и ещё ' + formatNumber(n) });
  }

  /** The forecast panel in the tension panel's place while the map shows the forecast, and back. */
  function show(shown) {
    if (el.forecastPanel.hidden === shown) {
      el.forecastPanel.hidden = !shown;
      el.tensionPanel.hidden = shown;
      if (shown) {
        fit();
      }
    }
  }

  function item(row) {
    const li = make('li', 'tension-item forecast-item');
    li.setAttribute('data-municipality', row.municipality);
    li.setAttribute('data-category', row.category || '');
    li.appendChild(make('span', 'tension-score forecast-rise', row.rise));
    const body = make('div', 'tension-body');
    const head = make('div', 'tension-head');
    head.appendChild(make('span', 'tension-place', row.place));
    head.appendChild(make('span', 'tension-what', row.what));
    body.appendChild(head);
    body.appendChild(make('div', 'tension-numbers', row.expected + ' (' + row.interval + ') · ' + row.lastWeek));
    li.appendChild(body);
    li.addEventListener('click', () => {
      state.selectedByUser = true;
      onSelect(row.municipality);
    });
    return li;
  }

  return { load, render, fit, show };
}
