// The deadlines panel's rows and what grew since the previous answer: modules/deadline-rows.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deadlineGrowth, deadlineMemory, deadlineRows } from '../../main/resources/META-INF/resources/wall/modules/deadline-rows.mjs';

test('rows are normalised and the worst come first, then by name', () => {
  assert.deepEqual(deadlineRows([
    { executor: 'Водоканал', overdue: 0, atRisk: 3, open: 5 },
    { executor: 'ЖА Колпино', overdue: 2, atRisk: 1, open: 10 },
    { executor: null, overdue: 2, atRisk: 1, open: 12 },
    { executor: 'Б', overdue: 0, atRisk: 3, open: 5 },
    { executor: 'А', overdue: '0', atRisk: 3, open: 5 },
    { executor: 'Без чисел' },
    null,
    'not a row'
  ]), [
    { executor: '', overdue: 2, atRisk: 1, open: 12 },
    { executor: 'ЖА Колпино', overdue: 2, atRisk: 1, open: 10 },
    { executor: 'А', overdue: 0, atRisk: 3, open: 5 },
    { executor: 'Б', overdue: 0, atRisk: 3, open: 5 },
    { executor: 'Водоканал', overdue: 0, atRisk: 3, open: 5 },
    { executor: 'Без чисел', overdue: 0, atRisk: 0, open: 0 }
  ]);
});

test('only counts that grew since the previous answer are new; nothing is new in the first answer', () => {
  const before = deadlineMemory(deadlineRows([
    { executor: 'ЖА Колпино', overdue: 2, atRisk: 1, open: 10 },
    { executor: 'Водоканал', overdue: 0, atRisk: 3, open: 5 }
  ]));
  assert.deepEqual(Object.fromEntries(before), { 'ЖА Колпино': { overdue: 2, atRisk: 1 }, 'Водоканал': { overdue: 0, atRisk: 3 } });
  const now = deadlineRows([
    { executor: 'ЖА Колпино', overdue: 3, atRisk: 0, open: 10 },
    { executor: 'Водоканал', overdue: 0, atRisk: 4, open: 5 },
    { executor: 'Новый', overdue: 1, atRisk: 0, open: 1 },
    { executor: 'Спокойный', overdue: 0, atRisk: 0, open: 2 }
  ]);
  assert.deepEqual(now.map(r => [r.executor, deadlineGrowth(r, before)]), [
    ['ЖА Колпино', { overdue: true, atRisk: false }],
    ['Новый', { overdue: true, atRisk: false }],
    ['Водоканал', { overdue: false, atRisk: true }],
    ['Спокойный', { overdue: false, atRisk: false }]
  ]);
  assert.deepEqual(now.map(r => deadlineGrowth(r, null)), now.map(() => ({ overdue: false, atRisk: false })));
});
