// The forecast list's rows: rises only, places, figures in Russian: modules/forecast-rows.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forecastRows } from '../../main/resources/META-INF/resources/wall/modules/forecast-rows.mjs';

const names = {
  municipalityName: id => ({ 'spb-kolpino': 'Колпино', 'spb-pushkin': 'Пушкин' }[id] || id),
  categoryName: id => ({ improvement: 'Благоустройство', roof: 'Кровля' }[id] || id)
};

test('a row: short place, category, expected week with its interval, last week and the rise', () => {
  assert.deepEqual(forecastRows([
    { municipality: 'spb-kolpino', municipalityName: 'город Колпино', category: 'improvement', categoryName: 'Благоустройство',
      expected: 1412.4, median: 1410, low: 1200, high: 1650, lastWeek: 1100, rise: 312.4 },
    { municipality: 'spb-new', municipalityName: 'посёлок Новый', category: 'roof', categoryName: null,
      expected: 3.04, low: 1, high: 5, lastWeek: 2, rise: 1.04 }
  ], names), [
    { municipality: 'spb-kolpino', category: 'improvement', place: 'Колпино', what: 'Благоустройство',
      expected: 'ожидается 1\u202f412,4', interval: '1\u202f200–1\u202f650', lastWeek: 'было 1\u202f100', rise: '+312' },
    { municipality: 'spb-new', category: 'roof', place: 'посёлок Новый', what: 'Кровля',
      expected: 'ожидается 3', interval: '1–5', lastWeek: 'было 2', rise: '+1' }
  ]);
});

test('only pairs expected to rise by a message or more are listed, in the answer\'s order', () => {
  const rows = forecastRows([
    { municipality: 'spb-pushkin', category: 'roof', expected: 10, low: 6, high: 14, lastWeek: 4, rise: 6 },
    { municipality: 'spb-kolpino', category: 'roof', expected: 4.5, low: 2, high: 7, lastWeek: 4, rise: 0.5 },
    { municipality: 'spb-kolpino', category: 'improvement', expected: 2, low: 0, high: 4, lastWeek: 9, rise: -7 },
    { municipality: 'spb-kolpino', category: 'improvement', expected: 'много', rise: 3 },
    { category: 'roof', expected: 5, rise: 5 }, null
  ], names);
  assert.deepEqual(rows.map(r => r.place + ' ' + r.what + ' ' + r.rise), ['Пушкин Кровля +6']);
  assert.deepEqual(forecastRows(undefined, names), []);
});
