/*
 * The alerts panel (/ws/alerts): firing alerts first, by severity, a child of a firing parent under it,
 * acknowledgements and silences marked, resolved ones faded until they leave. Each row leads with what
 * tells it apart — the place and the category or case, in full (alert-title.mjs) — with the generic words,
 * the severity and the wall's own figures on a small line beneath; as many rows as the panel has room
 * for, then «и ещё N». /ws/alerts exists only with the alerts core: while GET /api/v1/alerts answers 404
 * the panel says so and asks again later. Alert items carry data-alert-id (and their parts data-testid)
 * for browser tests.
 */

import { ALERTS_MAX, RESOLVED_KEEP_MS, SETTINGS } from './settings.mjs';
import { formatAge, formatNumber, parseTime } from './format.mjs';
import { alertsToDrop, arrangeAlerts, isSilenced } from './alert-order.mjs';
import { alertFigures, alertTitle, childName, childrenLabel } from './alert-title.mjs';
import { rowsToDraw } from './list-fit.mjs';
import { SequencedStream } from './stream.mjs';
import { clear, el, fitList, make, placeholder, remPixels } from './dom.mjs';
import { fetchJson, wsUrl } from './session.mjs';
import { names } from './region.mjs';
import { noteEvent, state } from './state.mjs';

const SEVERITY_NAME = { critical: 'критично', warning: 'внимание', info: 'инфо' };

/** `onState()`: the socket's state (or the alerts core's presence) changed. */
export function createAlerts({ onState }) {
  const stream = new SequencedStream('alerts', {
    url: () => wsUrl('ws/alerts'),
    snapshot(frame) {
      state.alerts.clear();
      upsert(frame.alerts, false);
    },
    change(frame) {
      upsert(frame.alerts, true);
      noteEvent(parseTime(frame.at));
    },
    onState
  });

  function upsert(list, fresh) {
    (Array.isArray(list) ? list : []).forEach(a => {
      if (a && typeof a.id === 'string') {
        a.fresh = fresh;
        state.alerts.set(a.id, a);
      }
    });
    prune();
    render();
  }

  /** Resolved alerts stay a while, then go; the wall never holds more than ALERTS_MAX. */
  function prune() {
    alertsToDrop(state.alerts.values(), Date.now(), RESOLVED_KEEP_MS, ALERTS_MAX).forEach(id => { state.alerts.delete(id); });
  }

  function render() {
    const now = Date.now();
    const arranged = arrangeAlerts(state.alerts.values(), now);
    clear(el.alertList);
    // Rows are at least two lines high: enough are drawn to fill the panel, the rest only counted.
    const drawn = rowsToDraw(el.alertList.parentNode.clientHeight, 2.2 * remPixels(), 8, 80);
    arranged.top.slice(0, drawn).forEach(a => {
      el.alertList.appendChild(item(a, now, arranged.children.get(a.id) || []));
    });
    el.alertsCount.textContent = arranged.firing ? formatNumber(arranged.firing) : '';
    if (!stream.hasState()) {
      placeholder(el.alertsPlaceholder, state.missing.alerts ? 'Оповещения пока недоступны' : 'Оповещения: подключение…');
    } else {
      placeholder(el.alertsPlaceholder, state.alerts.size ? null : 'Активных оповещений нет');
    }
    // After the placeholder: a placeholder still shown would take room from the rows.
    fitList(el.alertList, { footer: el.alertsMore, total: arranged.top.length, moreText: n => 'и ещё ' + formatNumber(n) });
  }

  function item(a, now, kids) {
    const silenced = isSilenced(a, now);
    const li = make('li', 'alert severity-' + (SEVERITY_NAME[a.severity] ? a.severity : 'info') +
      (a.state === 'resolved' ? ' resolved' : '') + (silenced ? ' silenced' : '') + (a.fresh ? ' fresh' : ''));
    li.setAttribute('data-alert-id', a.id);
    li.setAttribute('data-state', String(a.state || ''));
    const title = alertTitle(a, names);
    const head = make('div', 'alert-head');
    const heading = make('div', 'alert-title');
    heading.setAttribute('data-testid', 'alert-title');
    if (title.place) {
      const place = make('span', 'alert-place', title.place);
      place.setAttribute('data-testid', 'alert-place');
      heading.appendChild(place);
    }
    const subject = make('span', 'alert-subject', title.subject);
    subject.setAttribute('data-testid', 'alert-subject');
    heading.appendChild(subject);
    head.appendChild(heading);
    const since = parseTime(a.startsAt);
    if (since !== null) {
      head.appendChild(make('span', 'alert-age', formatAge(now - since)));
    }
    li.appendChild(head);
    const line = make('div', 'alert-line');
    line.appendChild(make('span', 'alert-badge', a.state === 'resolved' ? 'решено' : (SEVERITY_NAME[a.severity] || 'инфо')));
    if (title.lead) {
      line.appendChild(make('span', 'alert-lead', title.lead));
    }
    const figures = alertFigures(a, names.times);
    if (figures) {
      line.appendChild(make('span', 'alert-summary', figures));
    }
    li.appendChild(line);
    if (kids.length) {
      const sub = make('div', 'alert-children');
      sub.appendChild(make('span', 'alert-children-count', childrenLabel(a, kids.length)));
      sub.appendChild(make('span', 'alert-children-names', kids.slice(0, 12).map(k => childName(k, names)).join(', ') + (kids.length > 12 ? '…' : '')));
      li.appendChild(sub);
    }
    const marks = [];
    if (a.acknowledgedBy) {
      marks.push('принято: ' + a.acknowledgedBy);
    }
    if (silenced) {
      marks.push('заглушено до ' + names.times.shortTime.format(new Date(parseTime(a.silencedUntil))) + (a.silenceReason ? ' — ' + a.silenceReason : ''));
    }
    if (marks.length) {
      li.appendChild(make('div', 'alert-marks', marks.join(' · ')));
    }
    return li;
  }

  /** Asks the REST list first: a 404 means no alerts core, so no socket either; asked again later. */
  function start() {
    fetchJson('api/v1/alerts?state=firing').then(answer => {
      if (answer.status === 404) {
        state.missing.alerts = true;
        render();
        onState();
        setTimeout(start, SETTINGS.recheckMissingMs);
        return;
      }
      state.missing.alerts = false;
      stream.start();
    });
  }

  return { stream, render, prune, start };
}
