/*
 * The alerts panel (/ws/alerts): firing alerts first, by severity, a child of a firing parent under it,
 * acknowledgements and silences marked, resolved ones faded until they leave. /ws/alerts exists only with
 * the alerts core: while GET /api/v1/alerts answers 404 the panel says so and asks again later. Alert
 * items carry data-alert-id for browser tests.
 */

import { ALERTS_MAX, RESOLVED_KEEP_MS, SETTINGS } from './settings.mjs';
import { formatAge, parseTime } from './format.mjs';
import { alertsToDrop, arrangeAlerts, isSilenced } from './alert-order.mjs';
import { SequencedStream } from './stream.mjs';
import { clear, el, fitList, make, placeholder } from './dom.mjs';
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
    const limit = state.layout === 'laptop' ? 6 : 8;
    arranged.top.slice(0, limit).forEach(a => {
      const li = item(a, now);
      const kids = arranged.children.get(a.id) || [];
      if (kids.length) {
        const sub = make('ul', 'alert-children');
        kids.slice(0, 3).forEach(k => {
          sub.appendChild(make('li', 'alert-child', k.title || k.id));
        });
        if (kids.length > 3) {
          sub.appendChild(make('li', 'alert-child more', 'и ещё ' + (kids.length - 3)));
        }
        li.appendChild(sub);
      }
      el.alertList.appendChild(li);
    });
    fitList(el.alertList);
    el.alertsCount.textContent = arranged.firing ? String(arranged.firing) : '';
    if (!stream.hasState()) {
      placeholder(el.alertsPlaceholder, state.missing.alerts ? 'Оповещения пока недоступны' : 'Оповещения: подключение…');
    } else {
      placeholder(el.alertsPlaceholder, state.alerts.size ? null : 'Активных оповещений нет');
    }
  }

  function item(a, now) {
    const silenced = isSilenced(a, now);
    const li = make('li', 'alert severity-' + (SEVERITY_NAME[a.severity] ? a.severity : 'info') +
      (a.state === 'resolved' ? ' resolved' : '') + (silenced ? ' silenced' : '') + (a.fresh ? ' fresh' : ''));
    li.setAttribute('data-alert-id', a.id);
    li.setAttribute('data-state', String(a.state || ''));
    const head = make('div', 'alert-head');
    head.appendChild(make('span', 'alert-badge', a.state === 'resolved' ? 'решено' : (SEVERITY_NAME[a.severity] || 'инфо')));
    head.appendChild(make('span', 'alert-title', a.title || a.id));
    const since = parseTime(a.startsAt);
    if (since !== null) {
      head.appendChild(make('span', 'alert-age', formatAge(now - since)));
    }
    li.appendChild(head);
    if (a.summary) {
      li.appendChild(make('div', 'alert-summary', a.summary));
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
