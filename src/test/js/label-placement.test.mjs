// Which municipalities get a label on the map: modules/label-placement.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clashes, labelRanking } from '../../main/resources/META-INF/resources/wall/modules/label-placement.mjs';

test('labels go to the highest values first; zero gets none', () => {
  const values = new Map([['a', 3], ['b', 0], ['c', 12], ['d', 3], ['e', 7.5]]);
  assert.deepEqual(labelRanking(values), ['c', 'e', 'a', 'd']);
});

test('a label clashes when it leaves the map or overlaps one already placed; touching is fine', () => {
  const placed = [{ x: 10, y: 10, w: 20, h: 10 }];
  assert.deepEqual([
    clashes({ x: 30, y: 10, w: 10, h: 10 }, placed, 100, 50),
    clashes({ x: 29, y: 19, w: 10, h: 10 }, placed, 100, 50),
    clashes({ x: 10, y: 20, w: 20, h: 10 }, placed, 100, 50),
    clashes({ x: -1, y: 30, w: 10, h: 10 }, placed, 100, 50),
    clashes({ x: 91, y: 30, w: 10, h: 10 }, placed, 100, 50),
    clashes({ x: 50, y: 41, w: 10, h: 10 }, placed, 100, 50),
    clashes({ x: 90, y: 40, w: 10, h: 10 }, [], 100, 50)
  ], [false, true, false, true, true, true, false]);
});
