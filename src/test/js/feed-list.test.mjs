// The live feed's list: newest first, each message once, bounded: modules/feed-list.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mergeFeed } from '../../main/resources/META-INF/resources/wall/modules/feed-list.mjs';

const message = id => ({ id, text: 'Обращение ' + id });

test('new messages go on top, marked fresh or not; repeats and messages without an id are dropped', () => {
  const first = mergeFeed([], [message(3), message(2), message(1)], false, 40);
  assert.deepEqual(first, {
    feed: [{ id: 3, text: 'Обращение 3', fresh: false }, { id: 2, text: 'Обращение 2', fresh: false }, { id: 1, text: 'Обращение 1', fresh: false }],
    added: [{ id: 3, text: 'Обращение 3', fresh: false }, { id: 2, text: 'Обращение 2', fresh: false }, { id: 1, text: 'Обращение 1', fresh: false }]
  });
  const second = mergeFeed(first.feed, [message(5), message(3), null, { text: 'без id' }, message(4)], true, 40);
  assert.deepEqual(second.feed.map(m => [m.id, m.fresh]), [[5, true], [4, true], [3, false], [2, false], [1, false]]);
  assert.deepEqual(second.added.map(m => m.id), [5, 4]);
});

test('the list is cut to the maximum, the oldest leave', () => {
  const feed = mergeFeed([], [message(2), message(1)], false, 3).feed;
  assert.deepEqual(mergeFeed(feed, [message(4), message(3)], true, 3).feed.map(m => m.id), [4, 3, 2]);
});

test('anything but a list changes nothing', () => {
  assert.equal(mergeFeed([message(1)], undefined, true, 40), null);
});
