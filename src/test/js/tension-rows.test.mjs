// The tension list's rows: score-0 points left out, places, figures, learning: modules/tension-rows.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tensionRows } from '../../main/resources/META-INF/resources/wall/modules/tension-rows.mjs';

const names = {
  municipalityName: id => ({ 'spb-kolpino': 'Колпино', 'spb-pushkin': 'Пушкин' }[id] || id),
  categoryName: id => ({ improvement: 'Благоустройство', roof: 'Кровля' }[id] || id)
};

test('points with a score of 0 (or none) are not tension points', () => {
  const rows = tensionRows([{ municipality: 'spb-kolpino', score: 0 }, { municipality: 'spb-pushkin', score: 12 },
    { municipality: 'spb-kolpino' }, null, { municipality: 'spb-kolpino', score: -3 }], names, new Map(), true);
  assert.deepEqual(rows.map(r => r.place + ' ' + r.score), ['Пушкин 12']);
  assert.deepEqual(tensionRows(undefined, names, new Map(), true), []);
});

test('a row: its place («весь регион» without a municipality), what drives it and its figures in Russian', () => {
  assert.deepEqual(tensionRows([
    { municipality: 'spb-kolpino', municipalityName: 'Колпино', category: 'improvement', categoryName: 'Благоустройство',
      topic: 'Наледь на тротуарах', score: 88, observed: 1752, expected: 9.25, trend: 'up',
      topics: [{ topic: 'Наледь на тротуарах', observed: 1230, expected: 6 }, { topic: 'Сосульки', observed: 7 }, { topic: 'Снег', observed: 2 }] },
    { municipality: null, municipalityName: null, category: 'roof', categoryName: null, topic: null, score: 140,
      observed: 12, expected: null, trend: 'sideways', topics: [] }
  ], names, new Map(), true), [
    { municipality: 'spb-kolpino', score: 88, learningDays: null, learning: null, place: 'Колпино',
      what: 'Благоустройство — Наледь на тротуарах', figures: '1\u202f752 при норме 9,3 · Наледь на тротуарах 1\u202f230 · Сосульки 7', trend: 'up' },
    { municipality: null, score: 100, learningDays: null, learning: null, place: 'весь регион', what: 'Кровля',
      figures: '12 при норме —', trend: 'flat' }
  ]);
});

test('a series still learning says how many days are left, from the heat map when the wall holds one', () => {
  const rows = tensionRows([
    { municipality: 'spb-kolpino', score: 40, observed: 5, expected: 1, learningDays: 9 },
    { municipality: 'spb-pushkin', score: 30, observed: 5, expected: 1, learningDays: 2 },
    { municipality: null, score: 20, observed: 5, expected: 1, learningDays: 4 }
  ], names, new Map([['spb-kolpino', 3]]), true);
  assert.deepEqual(rows.map(r => [r.place, r.learningDays, r.learning]), [
    ['Колпино', 3, 'обучение: ещё 3 дн.'],
    ['Пушкин', null, null],
    ['весь регион', 4, 'обучение: ещё 4 дн.']
  ]);
  assert.deepEqual(tensionRows([{ municipality: 'spb-pushkin', score: 30, learningDays: 2 }], names, new Map(), false)
    .map(r => r.learning), ['обучение: ещё 2 дн.']);
});

test('the place is the region\'s short name, the answer\'s name only for a municipality the region does not know', () => {
  assert.deepEqual(tensionRows([
    { municipality: 'spb-kolpino', municipalityName: 'город Колпино', score: 5, observed: 2, expected: 0.01 },
    { municipality: 'spb-new', municipalityName: 'посёлок Новый', score: 5, observed: 2, expected: 0 },
    { municipality: 'spb-other', score: 5, observed: 2 }
  ], names, new Map(), true).map(r => r.place + ': ' + r.figures),
  ['Колпино: 2 при норме <0,1', 'посёлок Новый: 2 при норме 0', 'spb-other: 2 при норме —']);
});
