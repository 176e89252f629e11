/*
 * What every page for people (the operator console, the executor inbox) shares: its htmx requests carry
 * the login session's bearer token (the parts under <page>/parts/ accept bearer tokens only, never the
 * session cookie, so no other site can act with it); a refused request shows the problem's own words in
 * the page's notice line; and the live streams the page names in <body data-streams="alerts feed"> (the
 * wall's own sequenced sockets) turn each change into a DOM event, `pulse:alerts` or `pulse:feed`, that a
 * part names in its hx-trigger to reload itself.
 */

import { accessToken, heldToken, wsUrl } from '../wall/modules/session.mjs';
import { SequencedStream } from '../wall/modules/stream.mjs';
import { problemText } from './problem-text.mjs';

const notice = document.getElementById('notice');

function show(text) {
  if (!notice) {
    return;
  }
  notice.textContent = text;
  notice.hidden = !text;
}

// A request without a good token waits for one (asked from the session), then goes.
document.body.addEventListener('htmx:confirm', event => {
  if (heldToken()) {
    return;
  }
  event.preventDefault();
  accessToken().then(token => {
    if (token) {
      event.detail.issueRequest(true);
    }
  });
});

document.body.addEventListener('htmx:configRequest', event => {
  const token = heldToken();
  if (token) {
    event.detail.headers.Authorization = 'Bearer ' + token;
  }
});

document.body.addEventListener('htmx:beforeRequest', () => { show(''); });

document.body.addEventListener('htmx:responseError', event => {
  const xhr = event.detail.xhr;
  if (xhr.status === 401) {
    location.reload();
    return;
  }
  show(problemText(xhr.status, xhr.getResponseHeader('Content-Type'), xhr.responseText));
});

document.body.addEventListener('htmx:sendError', () => {
  show('Сервис не отвечает: действие не выполнено, повторите позже');
});

// Live parts: each stream named by the page reloads the parts that listen to it, at most once a second.
const streams = (document.body.dataset.streams || '').split(' ').filter(Boolean);
for (const name of streams) {
  let pending = null;
  const changed = () => {
    if (pending) {
      return;
    }
    pending = setTimeout(() => {
      pending = null;
      document.body.dispatchEvent(new CustomEvent('pulse:' + name));
    }, 1000);
  };
  new SequencedStream(name, { url: () => wsUrl('ws/' + name), snapshot: changed, change: changed, onState: () => {} })
    .start();
}

// Keep a token at hand so that htmx's hooks rarely wait.
accessToken();
setInterval(accessToken, 30000);
