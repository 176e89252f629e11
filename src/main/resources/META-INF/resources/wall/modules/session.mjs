/*
 * How the page talks to the service: the bearer token from its login session, JSON answers of the APIs,
 * and the URLs of the APIs and sockets (relative to where the service serves the wall).
 *
 * The token comes from GET /wall/session: the APIs and the sockets accept bearer tokens only, never the
 * session cookie, so no other site can act with it. It is asked again a minute before it expires. An
 * expired session (499, 401) reloads the page, which runs the login again — without anyone at the keyboard
 * while the identity provider's session lives (a kiosk).
 */

import { SETTINGS } from './settings.mjs';

// This file is <base>/wall/modules/session.mjs: the service's root is two folders up.
const appBase = new URL('../../', import.meta.url);

export function apiUrl(path) {
  return new URL(path, appBase).toString();
}

export function wsUrl(path) {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return scheme + '//' + location.host + appBase.pathname + path;
}

const session = { token: null, expiresAt: 0, pending: null, user: null };

/** The token held now when it is good for another minute, else null: for hooks that cannot wait (htmx's). */
export function heldToken() {
  return session.token && session.expiresAt - Date.now() / 1000 > 60 ? session.token : null;
}

/** Resolves to the page's bearer token, or null when there is none now. */
export function accessToken() {
  if (session.token && session.expiresAt - Date.now() / 1000 > 60) {
    return Promise.resolve(session.token);
  }
  if (session.pending) {
    return session.pending;
  }
  session.pending = fetch(apiUrl('wall/session'), {
    cache: 'no-store', credentials: 'same-origin', redirect: 'manual',
    headers: { Accept: 'application/json', 'X-Requested-With': 'JavaScript' }
  }).then(response => {
    if (response.status === 499 || response.status === 401 || response.type === 'opaqueredirect') {
      loginAgain();
      return null;
    }
    if (!response.ok) {
      return null;
    }
    return response.json().then(body => {
      session.token = typeof body.accessToken === 'string' ? body.accessToken : null;
      session.expiresAt = Number(body.expiresAt) || 0;
      session.user = typeof body.user === 'string' ? body.user : null;
      return session.token;
    });
  }).catch(() => null).finally(() => { session.pending = null; });
  return session.pending;
}

/** Reloads to log in again, at most once a minute (a provider that is down must not make the page spin). */
function loginAgain() {
  const last = Number(sessionStorage.getItem('pulse.login.at')) || 0;
  if (Date.now() - last > 60000) {
    sessionStorage.setItem('pulse.login.at', String(Date.now()));
    location.reload();
  }
}

/** GET JSON with the page's token; resolves to {status, body}: body is null unless 2xx, status 0 when nothing answered. */
export function fetchJson(path) {
  return accessToken().then(token => {
    if (!token) {
      return { status: 401, body: null };
    }
    return fetchJsonWith(path, token);
  });
}

function fetchJsonWith(path, token) {
  const controller = new AbortController();
  const timer = setTimeout(() => { controller.abort(); }, SETTINGS.fetchTimeoutMs);
  return fetch(apiUrl(path), {
    cache: 'no-store', signal: controller.signal,
    headers: { Accept: 'application/json, application/geo+json', Authorization: 'Bearer ' + token }
  })
    .then(response => {
      if (!response.ok) {
        return { status: response.status, body: null };
      }
      return response.json().then(body => ({ status: response.status, body }));
    })
    .catch(() => ({ status: 0, body: null }))
    .finally(() => { clearTimeout(timer); });
}
