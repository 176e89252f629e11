// The learning state of municipalities: days left from frames and tension points, and its words:
// modules/learning.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { learningText, pointLearningDays, readLearning } from '../../main/resources/META-INF/resources/wall/modules/learning.mjs';

test('a frame\'s learning map keeps whole days of at least one; anything else is skipped', () => {
  assert.deepEqual([
    Object.fromEntries(readLearning({ a: 3, b: '2', c: 0, d: -1, e: 'soon', f: 4.7, g: null })),
    Object.fromEntries(readLearning(null)),
    Object.fromEntries(readLearning([1, 2])),
    Object.fromEntries(readLearning('a'))
  ], [{ a: 3, b: 2, f: 4 }, {}, {}, {}]);
});

test('the words a municipality in learning shows', () => {
  assert.deepEqual([learningText(1), learningText(14), learningText(1200)],
    ['обучение: ещё 1 дн.', 'обучение: ещё 14 дн.', 'обучение: ещё 1\u202f200 дн.']);
});

test('a point\'s days left: the heat map\'s for its municipality when the wall holds a picture, else its own', () => {
  const learning = new Map([['a', 3]]);
  assert.deepEqual([
    pointLearningDays({ municipality: 'a', learningDays: 5 }, learning, true),
    pointLearningDays({ municipality: 'b', learningDays: 5 }, learning, true),
    pointLearningDays({ municipality: 'b', learningDays: 5 }, learning, false),
    pointLearningDays({ municipality: null, learningDays: 2 }, learning, true),
    pointLearningDays({ municipality: null, learningDays: null }, learning, true),
    pointLearningDays({ municipality: 'b', learningDays: 0 }, learning, false),
    pointLearningDays({ municipality: 'b' }, learning, false)
  ], [3, null, 5, 2, null, null, null]);
});
