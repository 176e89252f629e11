// The dynamics chart's geometry: modules/sparkline-shape.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sparklineShape } from '../../main/resources/META-INF/resources/wall/modules/sparkline-shape.mjs';

test('observed, expected and the upper band fitted to the box, the last hour marked', () => {
  // 104 × 48: x runs 2 … 102, y maps 0 … max (10) onto 45 … 5.
  const shape = sparklineShape([
    { observed: 0, expected: 2, upper: 5 },
    { observed: 10, expected: 4, upper: 8 },
    { observed: '5', expected: null, upper: 'x' }
  ], 104, 48);
  assert.deepEqual(shape, {
    band: '2.0,25.0 52.0,13.0 102.0,45.0 102.0,45.0 52.0,45.0 2.0,45.0',
    expected: '2.0,37.0 52.0,29.0 102.0,45.0',
    observed: '2.0,45.0 52.0,5.0 102.0,25.0',
    last: { cx: '102.0', cy: '25.0', r: 3 },
    latest: { observed: 5, expected: 0, upper: 0 }
  });
});

test('one point stands in the middle; values below 1 are drawn against 1', () => {
  const shape = sparklineShape([{ observed: 0.5, expected: 0.25, upper: 1 }], 100, 300);
  assert.deepEqual(shape, {
    band: '50.0,5.0 50.0,297.0',
    expected: '50.0,224.0',
    observed: '50.0,151.0',
    last: { cx: '50.0', cy: '151.0', r: 10 },
    latest: { observed: 0.5, expected: 0.25, upper: 1 }
  });
});
