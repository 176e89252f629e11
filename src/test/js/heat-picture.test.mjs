// The heat map as the wall holds it, changed by snapshots and deltas, and the values that colour the map:
// modules/heat-picture.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  applyDelta, applySnapshot, effectiveMetric, metricValue, municipalityTooltip, municipalityView, totalCount
} from '../../main/resources/META-INF/resources/wall/modules/heat-picture.mjs';

function emptyPicture() {
  return { cells: new Map(), totals: new Map(), scores: new Map(), scoresSeen: false, learning: new Map() };
}

function seen(picture) {
  return {
    cells: Object.fromEntries(picture.cells),
    totals: Object.fromEntries(picture.totals),
    scores: Object.fromEntries(picture.scores),
    scoresSeen: picture.scoresSeen,
    total: totalCount(picture)
  };
}

test('a snapshot sets the cells, totals and scores; malformed cells and scores are skipped', () => {
  const picture = emptyPicture();
  applySnapshot(picture, {
    cells: [{ m: 'a', c: 'x', n: 3 }, { m: 'a', c: 'y', n: 2 }, { m: 'b', c: 'x', n: 0 }, { m: 'c', c: 'x', n: '5' },
      { m: 1, c: 'x', n: 1 }, { m: 'd', c: 'x', n: -1 }, { m: 'e', n: 4 }, null],
    scores: [{ m: 'a', t: 88 }, { m: 'b', t: 140 }, { m: 'c', t: 0 }, { m: 'd' }, null]
  });
  assert.deepEqual(seen(picture), {
    cells: { 'a|x': 3, 'a|y': 2, 'c|x': 5 },
    totals: { a: 5, c: 5 },
    scores: { a: 88, b: 100 },
    scoresSeen: true,
    total: 10
  });
});

test('a delta changes only its cells (0 empties one) and scores (0 removes one); a snapshot starts over', () => {
  const picture = emptyPicture();
  applySnapshot(picture, { cells: [{ m: 'a', c: 'x', n: 3 }, { m: 'a', c: 'y', n: 2 }, { m: 'c', c: 'x', n: 5 }], scores: [{ m: 'a', t: 88 }, { m: 'b', t: 40 }] });
  applyDelta(picture, { cells: [{ m: 'a', c: 'x', n: 0 }, { m: 'c', c: 'x', n: 7 }, { m: 'b', c: 'z', n: 1 }], scores: [{ m: 'a', t: 0 }] });
  assert.deepEqual(seen(picture), {
    cells: { 'a|y': 2, 'c|x': 7, 'b|z': 1 },
    totals: { a: 2, c: 7, b: 1 },
    scores: { b: 40 },
    scoresSeen: true,
    total: 10
  });
  applySnapshot(picture, { cells: [] });
  assert.deepEqual(seen(picture), { cells: {}, totals: {}, scores: {}, scoresSeen: true, total: 0 });
});

test('frames without scores do not say the server sends scores', () => {
  const picture = emptyPicture();
  applySnapshot(picture, { cells: [{ m: 'a', c: 'x', n: 1 }] });
  applyDelta(picture, { cells: 'not a list', scores: 'not a list' });
  assert.deepEqual(seen(picture), { cells: { 'a|x': 1 }, totals: { a: 1 }, scores: {}, scoresSeen: false, total: 1 });
});

test('the metric shown falls back to counts without scores or populations', () => {
  assert.deepEqual([
    effectiveMetric('tension', false, true),
    effectiveMetric('tension', true, false),
    effectiveMetric('percapita', true, false),
    effectiveMetric('percapita', false, true),
    effectiveMetric('count', false, false)
  ], ['count', 'tension', 'count', 'percapita', 'count']);
});

test('a municipality\'s value: its score, its count or its count per 10 000 residents', () => {
  const picture = emptyPicture();
  applySnapshot(picture, { cells: [{ m: 'a', c: 'x', n: 20 }], scores: [{ m: 'a', t: 88 }] });
  assert.deepEqual([
    metricValue(picture, 'tension', 'a', 0),
    metricValue(picture, 'tension', 'z', 0),
    metricValue(picture, 'count', 'a', 0),
    metricValue(picture, 'count', 'z', 0),
    metricValue(picture, 'percapita', 'a', 40000),
    metricValue(picture, 'percapita', 'a', 0)
  ], [88, 0, 20, 0, 5, 0]);
});

test('learning comes whole with every snapshot; a delta replaces it only when it carries it', () => {
  const picture = emptyPicture();
  applySnapshot(picture, { cells: [], scores: [], learning: { a: 3, b: 1 } });
  const afterSnapshot = Object.fromEntries(picture.learning);
  applyDelta(picture, { cells: [{ m: 'a', c: 'x', n: 1 }] });
  const afterPlainDelta = Object.fromEntries(picture.learning);
  applyDelta(picture, { cells: [], learning: { b: 2, c: 14 } });
  const afterLearningDelta = Object.fromEntries(picture.learning);
  applyDelta(picture, { cells: [], learning: {} });
  const afterEmptied = Object.fromEntries(picture.learning);
  applySnapshot(picture, { cells: [], learning: { d: 5 } });
  applySnapshot(picture, { cells: [] });
  assert.deepEqual([afterSnapshot, afterPlainDelta, afterLearningDelta, afterEmptied, Object.fromEntries(picture.learning)],
    [{ a: 3, b: 1 }, { a: 3, b: 1 }, { b: 2, c: 14 }, {}, {}]);
});

test('a municipality in learning is not coloured by its score, only in the tension metric', () => {
  const picture = emptyPicture();
  applySnapshot(picture, { cells: [{ m: 'a', c: 'x', n: 20 }, { m: 'b', c: 'x', n: 4 }], scores: [{ m: 'a', t: 88 }, { m: 'b', t: 50 }], learning: { a: 3 } });
  assert.deepEqual([
    municipalityView(picture, 'tension', 'a', 0),
    municipalityView(picture, 'count', 'a', 0),
    municipalityView(picture, 'tension', 'b', 0),
    municipalityView(picture, 'tension', 'z', 0)
  ], [
    { value: 0, learningDays: 3, learning: true },
    { value: 20, learningDays: 3, learning: false },
    { value: 50, learningDays: null, learning: false },
    { value: 0, learningDays: null, learning: false }
  ]);
});

test('a shape\'s tooltip says «обучение: ещё N дн.» instead of a score while learning', () => {
  const picture = emptyPicture();
  applySnapshot(picture, { cells: [{ m: 'a', c: 'x', n: 1234 }], scores: [{ m: 'a', t: 88 }, { m: 'b', t: 40 }], learning: { a: 3 } });
  assert.deepEqual([
    municipalityTooltip('Колпино', 'tension', 'Напряжённость', municipalityView(picture, 'tension', 'a', 0), true),
    municipalityTooltip('Колпино', 'count', 'Число обращений', municipalityView(picture, 'count', 'a', 0), true),
    municipalityTooltip('Пушкин', 'tension', 'Напряжённость', municipalityView(picture, 'tension', 'b', 0), true),
    municipalityTooltip('Пушкин', 'tension', 'Напряжённость', municipalityView(picture, 'tension', 'b', 0), false)
  ], [
    'Колпино — обучение: ещё 3 дн.',
    'Колпино — число обращений: 1\u202f234 (обучение: ещё 3 дн.)',
    'Пушкин — напряжённость: 40',
    'Пушкин'
  ]);
});
