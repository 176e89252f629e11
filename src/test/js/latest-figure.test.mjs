// The dynamics panel's figure for "now": the heat map's while the map shows the last hour, else the last
// bucket named by its start: modules/latest-figure.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { latestFigure, latestText } from '../../main/resources/META-INF/resources/wall/modules/latest-figure.mjs';
import { timeFormats } from '../../main/resources/META-INF/resources/wall/modules/format.mjs';

const shortTime = timeFormats('Europe/Moscow').shortTime;
const totals = new Map([['spb-kolpino', 37]]);
const last = { at: '2026-12-02T11:00:00Z', observed: 1669 };

test('with the last hour on the map, the region\'s figure is the map\'s total and a municipality\'s its count', () => {
  assert.deepEqual([
    latestFigure({ window: '1h', hasPicture: true, target: null, totals, total: 1752 }, last, shortTime),
    latestFigure({ window: '1h', hasPicture: true, target: 'spb-kolpino', totals, total: 1752 }, last, shortTime),
    latestFigure({ window: '1h', hasPicture: true, target: 'spb-pushkin', totals, total: 1752 }, last, shortTime)
  ], [
    { label: 'за 1 час', value: 1752, source: 'heatmap' },
    { label: 'за 1 час', value: 37, source: 'heatmap' },
    { label: 'за 1 час', value: 0, source: 'heatmap' }
  ]);
});

test('otherwise the last bucket, named by its start, not as a last-hour total', () => {
  assert.deepEqual([
    latestFigure({ window: '24h', hasPicture: true, target: null, totals, total: 30000 }, last, shortTime),
    latestFigure({ window: '1h', hasPicture: false, target: null, totals, total: 0 }, last, shortTime),
    latestFigure({ window: '7d', hasPicture: true, target: null, totals, total: 0 }, { observed: 'x' }, shortTime)
  ], [
    { label: 'с 14:00', value: 1669, source: 'dynamics' },
    { label: 'с 14:00', value: 1669, source: 'dynamics' },
    { label: 'за последний час', value: 0, source: 'dynamics' }
  ]);
  assert.equal(latestText({ label: 'за 1 час', value: 1752 }), 'за 1 час: 1\u202f752');
});
