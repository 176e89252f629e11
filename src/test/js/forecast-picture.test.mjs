// The forecast view's picture and words: modules/forecast-picture.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  forecastNote, forecastPeriod, forecastPicture, forecastTooltip, forecastValue, intervalText
} from '../../main/resources/META-INF/resources/wall/modules/forecast-picture.mjs';

const ANSWER = {
  firstDay: '2026-12-04', lastDay: '2026-12-10', learning: false, learningDaysLeft: null,
  municipalities: [
    { municipality: 'spb-kolpino', municipalityName: 'город Колпино', expected: 12.44, median: 12, low: 8, high: 17, lastWeek: 9 },
    { municipality: 'spb-pushkin', expected: 0.5, low: 0, high: 1, lastWeek: 1234 },
    { municipality: '', expected: 3 }, { municipality: 'spb-bad', expected: -1 }, { municipality: 'spb-nan', expected: 'много' }, null
  ]
};

test('a picture holds the municipalities with a usable expected count, and their sum', () => {
  const picture = forecastPicture(ANSWER);
  assert.deepEqual([...picture.municipalities.entries()], [
    ['spb-kolpino', { expected: 12.44, low: 8, high: 17, lastWeek: 9 }],
    ['spb-pushkin', { expected: 0.5, low: 0, high: 1, lastWeek: 1234 }]
  ]);
  assert.equal(picture.total, 12.94);
  assert.deepEqual([picture.firstDay, picture.lastDay, picture.learningDays], ['2026-12-04', '2026-12-10', null]);
  assert.equal(forecastPicture({ series: [] }), null);
  assert.equal(forecastPicture(null), null);
  assert.equal(forecastPicture({ municipalities: [], firstDay: '4 декабря', learning: true, learningDaysLeft: 3 }).firstDay, null);
  assert.equal(forecastPicture({ municipalities: [], learning: true, learningDaysLeft: 3 }).learningDays, 3);
});

test('the map value is the expected count, 0 without a forecast', () => {
  const picture = forecastPicture(ANSWER);
  assert.deepEqual([forecastValue(picture, 'spb-kolpino'), forecastValue(picture, 'spb-other'), forecastValue(null, 'spb-kolpino')],
    [12.44, 0, 0]);
});

test('the week in Russian, within a month and across months', () => {
  assert.equal(forecastPeriod('2026-12-04', '2026-12-10'), '4–10 декабря');
  assert.equal(forecastPeriod('2026-12-28', '2027-01-03'), '28 декабря – 3 января');
  assert.equal(forecastPeriod(null, '2026-12-10'), '');
});

test('intervals, tooltips and the note, numbers in the wall format', () => {
  assert.deepEqual([intervalText(8, 17), intervalText(0, 0), intervalText(1200, 1500)], ['8–17', '0', '1\u202f200–1\u202f500']);
  const picture = forecastPicture(ANSWER);
  assert.equal(forecastTooltip('город Колпино', picture, 'spb-kolpino'),
    'город Колпино — ожидается 12,4 (8–17), за прошлые 7 дней 9');
  assert.equal(forecastTooltip('город Пушкин', picture, 'spb-pushkin'),
    'город Пушкин — ожидается 0,5 (0–1), за прошлые 7 дней 1\u202f234');
  assert.equal(forecastTooltip('посёлок Тярлево', picture, 'spb-tyarlevo'), 'посёлок Тярлево');
  assert.equal(forecastNote(picture), '4–10 декабря');
  assert.equal(forecastNote(forecastPicture({ ...ANSWER, learning: true, learningDaysLeft: 5 })),
    '4–10 декабря · обучение: ещё 5 дн. — прогноз приблизительный');
  assert.equal(forecastNote(null), '');
});
