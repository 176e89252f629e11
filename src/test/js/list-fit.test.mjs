// How many rows of a list fit its panel, with the "и ещё N" line when some are left out: modules/list-fit.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rowsThatFit, rowsToDraw, rowsToShow } from '../../main/resources/META-INF/resources/wall/modules/list-fit.mjs';

test('rows fit while their bottom is at or above the list\'s', () => {
  const bottoms = [40, 80, 120, 160];
  assert.deepEqual([rowsThatFit(bottoms, 39), rowsThatFit(bottoms, 40), rowsThatFit(bottoms, 159), rowsThatFit(bottoms, 1000),
    rowsThatFit([], 100)], [0, 1, 3, 4, 0]);
});

test('a taller list shows more of the same rows', () => {
  const bottoms = Array.from({ length: 60 }, (unused, i) => 30 * (i + 1));
  assert.deepEqual([rowsToShow(bottoms, 300, 30, 170), rowsToShow(bottoms, 600, 30, 170)],
    [{ shown: 9, more: 161 }, { shown: 19, more: 151 }]);
});

test('the footer is needed only when rows are left out, drawn or not', () => {
  assert.deepEqual([
    rowsToShow([30, 60, 90], 90, 30),
    rowsToShow([30, 60, 90], 89, 30),
    rowsToShow([30, 60, 90], 200, 30, 5),
    rowsToShow([50, 100, 130], 110, 25)
  ], [{ shown: 3, more: 0 }, { shown: 1, more: 2 }, { shown: 3, more: 2 }, { shown: 1, more: 2 }]);
});

test('rows to draw fill the height with one spare, within bounds', () => {
  assert.deepEqual([rowsToDraw(1000, 40, 8, 100), rowsToDraw(100, 40, 8, 100), rowsToDraw(100000, 40, 8, 100),
    rowsToDraw(NaN, 40, 8, 100), rowsToDraw(500, 0, 8, 100)], [26, 8, 100, 8, 8]);
});
