/*
 * The deadlines panel's rows from GET /api/v1/deadlines/summary: one per executor (cases with no executor
 * yet form a row of their own), the worst first, and which of their counts grew since the previous
 * answer — only those flash, so an operator's eye goes to what is new. Pure: no DOM.
 */

import { toCount } from './format.mjs';

/** Rows {executor, overdue, atRisk, open} ordered by overdue, at risk, open (most first), then by name. */
export function deadlineRows(executors) {
  const rows = executors.filter(e => e && typeof e === 'object').map(e => ({
    executor: e.executor ? String(e.executor) : '',
    overdue: toCount(e.overdue) || 0,
    atRisk: toCount(e.atRisk) || 0,
    open: toCount(e.open) || 0
  }));
  return rows.sort((a, b) =>
    b.overdue - a.overdue || b.atRisk - a.atRisk || b.open - a.open || (a.executor < b.executor ? -1 : a.executor > b.executor ? 1 : 0));
}

/** What the next answer is compared with: executor → {overdue, atRisk}. */
export function deadlineMemory(rows) {
  return new Map(rows.map(r => [r.executor, { overdue: r.overdue, atRisk: r.atRisk }]));
}

/** Which counts of the row grew since `previous` (a memory; null for the first answer, when nothing is new). */
export function deadlineGrowth(row, previous) {
  if (!previous) {
    return { overdue: false, atRisk: false };
  }
  const before = previous.get(row.executor);
  return {
    overdue: row.overdue > (before ? before.overdue : 0),
    atRisk: row.atRisk > (before ? before.atRisk : 0)
  };
}
