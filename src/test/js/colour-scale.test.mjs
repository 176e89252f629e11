// The map's colour classes, their breaks and legend, and the tension badges: modules/colour-scale.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  classBreaks, classColours, classOf, fillFor, legendLabels, niceStep, tensionBadge, TENSION_BREAKS, ZERO_FILL
} from '../../main/resources/META-INF/resources/wall/modules/colour-scale.mjs';

const COLOURS = classColours(t => 'viridis(' + t + ')');

test('five class colours from the ramp, grey without one', () => {
  assert.deepEqual(COLOURS, ['viridis(0.12)', 'viridis(0.34)', 'viridis(0.56)', 'viridis(0.78)', 'viridis(1)']);
  assert.deepEqual(classColours(undefined), ['#888', '#888', '#888', '#888', '#888']);
});

test('nice steps are the largest 1, 2, 2.5 or 5 × 10^k not above the raw step', () => {
  assert.deepEqual([1, 2.4, 2.5, 4.99, 5, 9.9, 10, 240, 750].map(niceStep), [1, 2, 2.5, 2.5, 5, 5, 10, 200, 500]);
});

test('breaks: fixed for tension, whole classes from 1 for counts, nice rates for per-capita', () => {
  assert.deepEqual({
    tension: classBreaks('tension', 3),
    countEmpty: classBreaks('count', 0),
    count17: classBreaks('count', 17),
    count100: classBreaks('count', 100),
    count1000: classBreaks('count', 1000),
    rate37: classBreaks('percapita', 37.5),
    rate3: classBreaks('percapita', 3)
  }, {
    tension: [20, 40, 60, 80],
    countEmpty: [2, 3, 4, 5],
    count17: [3, 5, 7, 9],
    count100: [21, 41, 61, 81],
    count1000: [201, 401, 601, 801],
    rate37: [5, 10, 15, 20],
    rate3: [0.5, 1, 1.5, 2]
  });
});

test('a value falls in [break, next break); zero and below have a colour of their own', () => {
  assert.deepEqual([0, 19, 20, 79.9, 80, 100].map(v => classOf(v, TENSION_BREAKS)), [0, 0, 1, 3, 4, 4]);
  assert.deepEqual([-1, 0, 1, 20, 88].map(v => fillFor(v, TENSION_BREAKS, COLOURS)),
    [ZERO_FILL, ZERO_FILL, 'viridis(0.12)', 'viridis(0.34)', 'viridis(1)']);
});

test('legend labels per metric', () => {
  assert.deepEqual({
    tension: legendLabels('tension', [20, 40, 60, 80]),
    count: legendLabels('count', [3, 5, 7, 9]),
    countNarrow: legendLabels('count', [2, 3, 4, 5]),
    rate: legendLabels('percapita', [0.5, 1, 1.5, 2])
  }, {
    tension: { zero: '0', classes: ['1–19', '20–39', '40–59', '60–79', '80+'] },
    count: { zero: 'нет', classes: ['1–2', '3–4', '5–6', '7–8', '9+'] },
    countNarrow: { zero: 'нет', classes: ['1', '2', '3', '4', '5+'] },
    rate: { zero: 'нет', classes: ['0–0,5', '0,5–1', '1–1,5', '1,5–2', '2+'] }
  });
});

test('tension badges: the score\'s class colour, dark text from 60 on', () => {
  assert.deepEqual([0, 59, 60, 100].map(score => tensionBadge(score, COLOURS)), [
    { background: ZERO_FILL, color: '#ffffff' },
    { background: 'viridis(0.56)', color: '#ffffff' },
    { background: 'viridis(0.78)', color: '#0b0f16' },
    { background: 'viridis(1)', color: '#0b0f16' }
  ]);
});
