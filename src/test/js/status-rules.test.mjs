// What the status bar says about the newest event and each socket: modules/status-rules.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { freshness, latestEvent, linkState } from '../../main/resources/META-INF/resources/wall/modules/status-rules.mjs';

const NOW = 1_800_000_000_000;

test('a socket is missing, live, connecting, or lost after 15 s down', () => {
  assert.deepEqual([
    linkState(true, true, NOW, NOW),
    linkState(false, true, NOW - 60000, NOW),
    linkState(false, false, NOW - 15000, NOW),
    linkState(false, false, NOW - 15001, NOW)
  ], ['missing', 'live', 'connecting', 'lost']);
});

test('the newest event only moves forward, and not to more than 5 s ahead of now', () => {
  assert.deepEqual([
    latestEvent(null, null, NOW),
    latestEvent(null, NOW - 1000, NOW),
    latestEvent(NOW - 1000, NOW - 2000, NOW),
    latestEvent(NOW - 1000, NOW + 5000, NOW),
    latestEvent(NOW - 1000, NOW + 5001, NOW)
  ], [null, NOW - 1000, NOW - 1000, NOW + 5000, NOW - 1000]);
});

test('old data is amber while a live socket vouches for it, red without one', () => {
  const at = seconds => NOW - seconds * 1000;
  assert.deepEqual([
    freshness(null, NOW, true, 120, 600),
    freshness(at(30), NOW, false, 120, 600),
    freshness(at(121), NOW, true, 120, 600),
    freshness(at(121), NOW, false, 120, 600),
    freshness(at(601), NOW, true, 120, 600),
    freshness(at(601), NOW, false, 120, 600),
    freshness(NOW + 3000, NOW, false, 120, 600)
  ], [
    { text: 'последнее событие: —', level: 'none' },
    { text: 'последнее событие 30 с назад', level: 'fresh' },
    { text: 'последнее событие 2 мин назад', level: 'fresh' },
    { text: 'последнее событие 2 мин назад', level: 'warn' },
    { text: 'последнее событие 10 мин назад', level: 'warn' },
    { text: 'последнее событие 10 мин назад', level: 'stale' },
    { text: 'последнее событие 0 с назад', level: 'fresh' }
  ]);
});
