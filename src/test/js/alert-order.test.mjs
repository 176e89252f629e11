// How the wall orders, groups and forgets alerts: modules/alert-order.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  alertOrder, alertsToDrop, arrangeAlerts, isSilenced, severityRank
} from '../../main/resources/META-INF/resources/wall/modules/alert-order.mjs';

const NOW = Date.parse('2026-02-01T12:00:00Z');
const minutesAgo = m => new Date(NOW - m * 60000).toISOString();

function alert(id, state, severity, updatedMinutesAgo, extra) {
  return { id, state, severity, updatedAt: minutesAgo(updatedMinutesAgo), ...extra };
}

test('severity ranks and silences', () => {
  assert.deepEqual(['critical', 'warning', 'info', 'page', undefined].map(severity => severityRank({ severity })), [0, 1, 2, 3, 3]);
  assert.deepEqual([
    isSilenced({ silencedUntil: minutesAgo(-5) }, NOW),
    isSilenced({ silencedUntil: minutesAgo(5) }, NOW),
    isSilenced({ silencedUntil: new Date(NOW).toISOString() }, NOW),
    isSilenced({ silencedUntil: null }, NOW),
    isSilenced({}, NOW)
  ], [true, false, false, false, false]);
});

test('firing before resolved, silenced after the rest, then by severity, then the newest change first', () => {
  const alerts = [
    alert('resolved-critical', 'resolved', 'critical', 1),
    alert('firing-info', 'firing', 'info', 1),
    alert('firing-critical-old', 'firing', 'critical', 30),
    alert('firing-critical-silenced', 'firing', 'critical', 0, { silencedUntil: minutesAgo(-60) }),
    alert('firing-warning', 'firing', 'warning', 2),
    alert('firing-critical-new', 'firing', 'critical', 3),
    alert('firing-critical-silence-over', 'firing', 'critical', 4, { silencedUntil: minutesAgo(1) }),
    alert('resolved-info', 'resolved', 'info', 0)
  ];
  assert.deepEqual(alerts.slice().sort(alertOrder(NOW)).map(a => a.id), [
    'firing-critical-new',
    'firing-critical-silence-over',
    'firing-critical-old',
    'firing-warning',
    'firing-info',
    'firing-critical-silenced',
    'resolved-critical',
    'resolved-info'
  ]);
});

test('children of a firing parent go under it; those of a parent that is not firing stand alone', () => {
  const alerts = [
    alert('group', 'firing', 'warning', 10),
    alert('case-1', 'firing', 'info', 5, { parent: 'group' }),
    alert('case-2', 'firing', 'critical', 6, { parent: 'group' }),
    alert('old-group', 'resolved', 'critical', 1),
    alert('case-3', 'firing', 'info', 2, { parent: 'old-group' }),
    alert('case-4', 'resolved', 'info', 1, { parent: 'group' }),
    alert('alone', 'firing', 'critical', 20)
  ];
  const arranged = arrangeAlerts(alerts, NOW);
  assert.deepEqual({
    top: arranged.top.map(a => a.id),
    children: Object.fromEntries(Array.from(arranged.children, ([parent, kids]) => [parent, kids.map(a => a.id)])),
    firing: arranged.firing
  }, {
    top: ['alone', 'group', 'case-3', 'old-group'],
    children: { group: ['case-2', 'case-1', 'case-4'] },
    firing: 5
  });
});

test('resolved alerts leave 10 minutes after they ended, and no more than the maximum are kept', () => {
  const keep = 10 * 60000;
  const alerts = [
    alert('ended-long-ago', 'resolved', 'critical', 1, { endsAt: minutesAgo(11) }),
    alert('ended-just-now', 'resolved', 'critical', 1, { endsAt: minutesAgo(2) }),
    alert('resolved-changed-long-ago', 'resolved', 'info', 30),
    alert('resolved-no-time', 'resolved', 'info', 0, { updatedAt: null }),
    alert('firing-1', 'firing', 'info', 3),
    alert('firing-2', 'firing', 'critical', 3),
    alert('firing-3', 'firing', 'warning', 3)
  ];
  assert.deepEqual(alertsToDrop(alerts, NOW, keep, 10), ['ended-long-ago', 'resolved-changed-long-ago']);
  assert.deepEqual(alertsToDrop(alerts, NOW, keep, 3), ['ended-long-ago', 'resolved-changed-long-ago', 'ended-just-now', 'resolved-no-time']);
  assert.deepEqual(alertsToDrop([], NOW, keep, 3), []);
});
