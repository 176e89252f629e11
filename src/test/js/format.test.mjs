// Numbers, ages and times as the wall writes them (Russian conventions): modules/format.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  feedAge, formatAge, formatDecimal, formatExpected, formatNumber, formatValue, parseTime, plural, THOUSANDS, timeFormats, toCount
} from '../../main/resources/META-INF/resources/wall/modules/format.mjs';

const NNBSP = '\u202f';

test('numbers are grouped with a narrow no-break space, decimals take a comma and at most one digit', () => {
  assert.deepEqual([formatNumber(0), formatNumber(999), formatNumber(1234567), formatNumber(1669.6), formatDecimal(9.25),
    formatDecimal(2.5), formatDecimal(6), formatDecimal(12345.67), formatDecimal(0.04)],
  ['0', '999', `1${NNBSP}234${NNBSP}567`, `1${NNBSP}670`, '9,3', '2,5', '6', `12${NNBSP}345,7`, '0']);
  assert.equal(THOUSANDS, NNBSP);
});

test('a metric value: rates keep a decimal, counts and scores are rounded', () => {
  assert.deepEqual([formatValue('percapita', 12.345), formatValue('percapita', 0.5), formatValue('count', 1234.5), formatValue('tension', 87.4)],
    ['12,3', '0,5', `1${NNBSP}235`, '87']);
});

test('an age is written in its largest whole unit', () => {
  assert.deepEqual([-5000, 0, 499, 59000, 60000, 3599000, 3600000, 86399000, 86400000, 3 * 86400000 + 5000]
    .map(formatAge), ['0 с', '0 с', '0 с', '59 с', '1 мин', '59 мин', '1 ч', '23 ч', '1 дн', '3 дн']);
  assert.equal(formatAge(1500 * 86400000), `1${NNBSP}500 дн`);
});

test('a feed item shows how long ago within a day, else the day in the region\'s zone', () => {
  const now = Date.parse('2026-03-10T12:00:00Z');
  const day = timeFormats('Europe/Moscow').day;
  assert.deepEqual([
    feedAge(now, 0, day),
    feedAge(now, NaN, day),
    feedAge(now, now - 90000, day),
    feedAge(now, now - 86399000, day),
    feedAge(now, Date.parse('2026-03-08T22:30:00Z'), day)
  ], ['', '', '1 мин', '23 ч', '9 мар. 2026']);
});

test('times and counts out of frames: anything unreadable is null', () => {
  assert.deepEqual(['2026-01-01T00:00:00Z', '2026-01-01T03:00:00+03:00', 'yesterday', 1767225600000, null, undefined].map(parseTime),
    [1767225600000, 1767225600000, null, null, null, null]);
  assert.deepEqual([3, '12', 4.9, 0, -1, 'x', null, Infinity, NaN].map(toCount),
    [3, 12, 4, 0, null, null, 0, null, null]);
});

test('the wall\'s clock, silence end and day in a region\'s zone; an unknown zone is refused', () => {
  const formats = timeFormats('Asia/Yekaterinburg');
  const at = new Date('2026-01-01T21:05:07Z');
  assert.deepEqual([formats.clock.format(at), formats.shortTime.format(at), formats.day.format(at), formats.dayTime.format(at)],
    ['02:05:07', '02:05', '2 янв. 2026 г.', '2 янв., 02:05']);
  assert.throws(() => timeFormats('Mars/Olympus_Mons'), RangeError);
});

test('the Russian form of a word after a count', () => {
  assert.deepEqual([0, 1, 2, 4, 5, 11, 12, 14, 21, 22, 25, 101, 111, 1002].map(n => plural(n, 'день', 'дня', 'дней')),
    ['дней', 'день', 'дня', 'дня', 'дней', 'дней', 'дней', 'дней', 'день', 'дня', 'дней', 'день', 'дней', 'дня']);
});

test('an expected count too small for one decimal is «<0,1», not a norm of 0', () => {
  assert.deepEqual([0, 0.01, 0.049, 0.05, 0.14, 2.46, 1234.5].map(formatExpected),
    ['0', '<0,1', '<0,1', '0,1', '0,1', '2,5', `1${NNBSP}234,5`]);
});
