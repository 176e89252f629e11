/*
 * What the status bar says: the age of the newest event and its colour level, and the state of each
 * socket. A quiet night is not a fault: while the heat-map socket is live (heartbeats vouch for the
 * picture) an old newest event is only amber; red means old data and no live socket. Pure: the current
 * time is a parameter.
 */

import { formatAge } from './format.mjs';

/** The status bar's words for a socket's state (its tooltip). */
export const LINK_TEXT = Object.freeze({ live: 'на связи', connecting: 'подключение', lost: 'нет связи', missing: 'недоступно' });

/** A socket's state: missing (not deployed), live (snapshot held), lost (down for over 15 s), else connecting. */
export function linkState(missing, live, downSince, now) {
  if (missing) {
    return 'missing';
  }
  if (live) {
    return 'live';
  }
  return now - downSince > 15000 ? 'lost' : 'connecting';
}

/** The newest event after one at `at` (ms or null) is seen; one more than 5 s in the future is not believed. */
export function latestEvent(newest, at, now) {
  if (at !== null && at <= now + 5000 && (newest === null || at > newest)) {
    return at;
  }
  return newest;
}

/** The freshness line {text, level}: level none, fresh, warn (amber) or stale (red); thresholds in seconds. */
export function freshness(newestAt, now, live, warnSeconds, staleSeconds) {
  if (newestAt === null) {
    return { text: 'последнее событие: —', level: 'none' };
  }
  const age = Math.max(0, now - newestAt);
  const level = age > staleSeconds * 1000 ? (live ? 'warn' : 'stale')
    : age > warnSeconds * 1000 && !live ? 'warn' : 'fresh';
  return { text: 'последнее событие ' + formatAge(age) + ' назад', level };
}
