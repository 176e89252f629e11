/*
 * How the wall orders and keeps alerts (README «The control-room wall»): firing before resolved, silenced
 * after the rest, then by severity, then the most recently changed first; a child of a firing parent is
 * shown under it; resolved alerts leave after a while and at most a fixed number are kept. Pure: the
 * current time is a parameter.
 */

import { parseTime } from './format.mjs';

const SEVERITY_RANK = { critical: 0, warning: 1, info: 2 };

/** 0 critical, 1 warning, 2 info, 3 anything else. */
export function severityRank(alert) {
  return Object.prototype.hasOwnProperty.call(SEVERITY_RANK, alert.severity) ? SEVERITY_RANK[alert.severity] : 3;
}

/** Whether the alert is silenced at `now` (ms). */
export function isSilenced(alert, now) {
  const until = parseTime(alert.silencedUntil);
  return until !== null && until > now;
}

/** The comparator of alerts at `now`. */
export function alertOrder(now) {
  return (a, b) => {
    const firing = (a.state === 'firing' ? 0 : 1) - (b.state === 'firing' ? 0 : 1);
    if (firing) {
      return firing;
    }
    const silenced = (isSilenced(a, now) ? 1 : 0) - (isSilenced(b, now) ? 1 : 0);
    if (silenced) {
      return silenced;
    }
    const severity = severityRank(a) - severityRank(b);
    if (severity) {
      return severity;
    }
    return (parseTime(b.updatedAt) || 0) - (parseTime(a.updatedAt) || 0);
  };
}

/**
 * The ids of alerts to forget at `now`: resolved ones that ended (or last changed) more than keepMs ago,
 * then, of the rest, those past the first `max` in display order.
 */
export function alertsToDrop(alerts, now, keepMs, max) {
  const drop = [];
  const kept = [];
  alerts.forEach(alert => {
    const ended = parseTime(alert.endsAt) || parseTime(alert.updatedAt);
    if (alert.state === 'resolved' && ended !== null && now - ended > keepMs) {
      drop.push(alert.id);
    } else {
      kept.push(alert);
    }
  });
  if (kept.length > max) {
    kept.sort(alertOrder(now)).slice(max).forEach(alert => drop.push(alert.id));
  }
  return drop;
}

/**
 * Alerts as the panel shows them: `top` in display order, the `children` of each firing parent (parent id
 * → its children in display order; a child of a parent that is not firing stands on its own), and how
 * many are `firing`.
 */
export function arrangeAlerts(alerts, now) {
  const order = alertOrder(now);
  const all = Array.from(alerts);
  const firingIds = new Set(all.filter(a => a.state === 'firing').map(a => a.id));
  const children = new Map();
  const top = [];
  all.forEach(alert => {
    if (alert.parent && firingIds.has(alert.parent)) {
      if (!children.has(alert.parent)) {
        children.set(alert.parent, []);
      }
      children.get(alert.parent).push(alert);
    } else {
      top.push(alert);
    }
  });
  top.sort(order);
  children.forEach(kids => kids.sort(order));
  return { top, children, firing: firingIds.size };
}
