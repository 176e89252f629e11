/*
 * The deadlines panel (GET /api/v1/deadlines/summary, polled): overdue, at risk and open cases by
 * executor, the worst first, as many as the panel has room for, then «и ещё N исполнителей»; only a count
 * that grew since the previous answer flashes. Rows carry data-executor (and data-new when something
 * grew) for browser tests.
 */

import { formatNumber, plural } from './format.mjs';
import { deadlineGrowth, deadlineMemory, deadlineRows } from './deadline-rows.mjs';
import { clear, el, fitList, make, placeholder } from './dom.mjs';
import { fetchJson } from './session.mjs';
import { current } from './polls.mjs';
import { state } from './state.mjs';

/** Rows drawn at most; those the panel has no room for are hidden and counted. */
const DRAWN = 80;

let previous = null;  // the counts of the previous answer (null before the first)
let total = 0;        // executors in the last answer

export function loadDeadlines() {
  fetchJson('api/v1/deadlines/summary').then(current(renderDeadlines));
}

/** The next answer counts as a first one again: nothing flashes. */
export function forgetDeadlines() {
  previous = null;
}

/** Draws an answer of GET /api/v1/deadlines/summary ({status, body}). */
export function renderDeadlines(answer) {
  state.missing.deadlines = answer.status === 404;
  if (!answer.body || !Array.isArray(answer.body.executors)) {
    clear(el.deadlineBody);
    el.deadlineTable.hidden = true;
    el.deadlinesMore.hidden = true;
    placeholder(el.deadlinesPlaceholder, answer.status === 404 ? 'Сведения о сроках пока недоступны' : 'Нет связи с сервисом, повтор…');
    return;
  }
  const rows = deadlineRows(answer.body.executors);
  const before = previous;
  previous = deadlineMemory(rows);
  clear(el.deadlineBody);
  rows.slice(0, DRAWN).forEach(r => {
    const grew = deadlineGrowth(r, before);
    const tr = make('tr');
    tr.setAttribute('data-executor', r.executor);
    tr.appendChild(make('td', 'executor', r.executor || 'исполнитель не назначен'));
    const overdue = make('td', 'overdue' + (r.overdue > 0 ? ' nonzero' : ''), formatNumber(r.overdue));
    const atRisk = make('td', 'at-risk' + (r.atRisk > 0 ? ' nonzero' : ''), formatNumber(r.atRisk));
    if (grew.overdue) {
      overdue.classList.add('flash');
      tr.setAttribute('data-new', 'overdue');
    }
    if (grew.atRisk) {
      atRisk.classList.add('flash');
      tr.setAttribute('data-new', tr.hasAttribute('data-new') ? 'overdue at-risk' : 'at-risk');
    }
    tr.appendChild(overdue);
    tr.appendChild(atRisk);
    tr.appendChild(make('td', 'open', formatNumber(r.open)));
    el.deadlineBody.appendChild(tr);
  });
  el.deadlineTable.hidden = rows.length === 0;
  placeholder(el.deadlinesPlaceholder, rows.length ? null : 'Открытых обращений с контролем срока нет');
  total = rows.length;
  fitDeadlines();
}

/** Shows the rows that fit the panel (after a render or a resize). */
export function fitDeadlines() {
  if (el.deadlineTable.hidden) {
    el.deadlinesMore.hidden = true;
    return;
  }
  fitList(el.deadlineBody, { panel: el.deadlineTable.parentNode, footer: el.deadlinesMore, total,
    moreText: n => 'и ещё ' + formatNumber(n) + ' ' + plural(n, 'исполнитель', 'исполнителя', 'исполнителей') });
}
