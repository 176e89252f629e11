/*
 * The live feed (/ws/feed): the newest residents' messages, already masked by the service, with their
 * age, municipality and category; a new one flashes. The list is redrawn at most once per animation frame
 * however many messages arrive, moving the existing items rather than rebuilding them; feed items carry
 * data-message-id for browser tests.
 */

import { FEED_MAX, SETTINGS } from './settings.mjs';
import { feedAge, parseTime } from './format.mjs';
import { mergeFeed } from './feed-list.mjs';
import { SequencedStream } from './stream.mjs';
import { clear, el, fitList, make, perAnimationFrame, placeholder } from './dom.mjs';
import { wsUrl } from './session.mjs';
import { names } from './region.mjs';
import { noteEvent, state } from './state.mjs';

/** `onState()`: the socket's state changed. */
export function createFeed({ onState }) {
  const stream = new SequencedStream('feed', {
    url: () => wsUrl('ws/feed'),
    snapshot(frame) {
      state.feed = [];
      add(frame.messages, false);
    },
    change(frame) {
      add(frame.messages, true);
    },
    onState
  });

  const scheduleRender = perAnimationFrame(render);

  function add(messages, fresh) {
    const merged = mergeFeed(state.feed, messages, fresh, FEED_MAX);
    if (!merged) {
      return;
    }
    merged.added.forEach(m => { noteEvent(parseTime(m.receivedAt)); });
    state.feed = merged.feed;
    scheduleRender();
  }

  function render() {
    const shown = new Map();
    Array.prototype.forEach.call(el.feed.children, li => {
      shown.set(li.getAttribute('data-message-id'), li);
    });
    const wanted = new Set(state.feed.map(m => String(m.id)));
    shown.forEach((li, id) => {
      if (!wanted.has(id)) {
        el.feed.removeChild(li);
      }
    });
    let previous = null;
    state.feed.forEach(m => {
      const li = shown.get(String(m.id)) || item(m);
      const expected = previous ? previous.nextSibling : el.feed.firstChild;
      if (li !== expected) {
        el.feed.insertBefore(li, expected);
      }
      previous = li;
    });
    placeholder(el.feedPlaceholder, state.feed.length ? null
      : (stream.hasState() ? 'Пока нет обращений' : 'Лента недоступна, подключение…'));
    updateAges();
    fitList(el.feed);
  }

  /** Draws every item again (after the region's names arrive, items drawn with bare ids get them). */
  function redraw() {
    clear(el.feed);
    render();
  }

  function item(m) {
    const li = make('li', 'feed-item' + (m.fresh ? ' fresh' : ''));
    li.setAttribute('data-message-id', String(m.id));
    li.setAttribute('data-municipality', String(m.municipality || ''));
    const meta = make('div', 'feed-meta');
    const age = make('span', 'feed-age');
    age.setAttribute('data-at', String(parseTime(m.createdAt) || ''));
    meta.appendChild(age);
    meta.appendChild(make('span', 'feed-place', names.municipalityName(m.municipality)));
    meta.appendChild(make('span', 'feed-category', names.categoryName(m.category)));
    li.appendChild(meta);
    li.appendChild(make('div', 'feed-text', m.text));
    if (m.fresh) {
      setTimeout(() => { li.classList.remove('fresh'); }, SETTINGS.flashMs);
    }
    return li;
  }

  /** Writes each item's age anew (every second). */
  function updateAges() {
    const now = Date.now();
    Array.prototype.forEach.call(el.feed.querySelectorAll('.feed-age'), node => {
      const text = feedAge(now, Number(node.getAttribute('data-at')), names.times.day);
      if (node.textContent !== text) {
        node.textContent = text;
      }
    });
  }

  return { stream, render, redraw, updateAges };
}
