/*
 * The forecast view's picture from GET /api/v1/prevention/forecast (README «The week ahead»): the messages
 * each municipality is expected to get in the next 7 days (all categories, with the 80% interval and the
 * last 7 days), the region's total, the week's dates and the learning state, read defensively; and the
 * words the map and the list put around them. The map is coloured by the expected count, not by its ratio
 * to last week: on the count scale the forecast view reads like the 7-day count view beside it in the
 * rotation, and a ratio over a few messages (one last week, three expected) would light up the quietest
 * municipalities; the rise is what the panel lists. Pure: no DOM.
 */

import { formatExpected, formatNumber, toCount } from './format.mjs';
import { learningText } from './learning.mjs';

const MONTHS = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];

function finite(value) {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : null;
}

/**
 * The picture of an answer body: {municipalities: Map id → {expected, low, high, lastWeek}, total (the
 * municipalities' expected summed), firstDay, lastDay ("YYYY-MM-DD" or null), learningDays (null once
 * learned)}; null for a body that is not a forecast.
 */
export function forecastPicture(body) {
  if (!body || !Array.isArray(body.municipalities)) {
    return null;
  }
  const municipalities = new Map();
  let total = 0;
  body.municipalities.forEach(area => {
    const expected = area ? finite(area.expected) : null;
    if (!area || typeof area.municipality !== 'string' || !area.municipality || expected === null) {
      return;
    }
    municipalities.set(area.municipality, {
      expected,
      low: toCount(area.low) || 0,
      high: toCount(area.high) || 0,
      lastWeek: toCount(area.lastWeek) || 0
    });
    total += expected;
  });
  const day = value => (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null);
  const learningDays = body.learning === true ? (toCount(body.learningDaysLeft) || null) : null;
  return { municipalities, total, firstDay: day(body.firstDay), lastDay: day(body.lastDay), learningDays };
}

/** The week in Russian: «4–10 декабря», «28 декабря – 3 января»; '' when a date is missing. */
export function forecastPeriod(firstDay, lastDay) {
  if (!firstDay || !lastDay) {
    return '';
  }
  const [, fromMonth, fromDay] = firstDay.split('-').map(Number);
  const [, toMonth, toDay] = lastDay.split('-').map(Number);
  if (fromMonth === toMonth) {
    return fromDay + '–' + toDay + ' ' + MONTHS[toMonth - 1];
  }
  return fromDay + ' ' + MONTHS[fromMonth - 1] + ' – ' + toDay + ' ' + MONTHS[toMonth - 1];
}

/** The map's value of a municipality: its expected messages, 0 when the forecast has none for it. */
export function forecastValue(picture, id) {
  const area = picture && picture.municipalities.get(id);
  return area ? area.expected : 0;
}

/** An interval «8–17» (one number when both ends are equal). */
export function intervalText(low, high) {
  return low === high ? formatNumber(low) : formatNumber(low) + '–' + formatNumber(high);
}

/**
 * The tooltip of a municipality's shape in the forecast view: «город Колпино — ожидается 12,4 (8–17), за
 * прошлые 7 дней 9»; the name alone without a forecast for it.
 */
export function forecastTooltip(name, picture, id) {
  const area = picture && picture.municipalities.get(id);
  if (!area) {
    return name;
  }
  return name + ' — ожидается ' + formatExpected(area.expected) + ' (' + intervalText(area.low, area.high)
    + '), за прошлые 7 дней ' + formatNumber(area.lastWeek);
}

/** The note under the map's title: the week, and while the baselines learn, that the forecast is a first guess. */
export function forecastNote(picture) {
  if (!picture) {
    return '';
  }
  const period = forecastPeriod(picture.firstDay, picture.lastDay);
  const learning = picture.learningDays ? learningText(picture.learningDays) + ' — прогноз приблизительный' : '';
  return [period, learning].filter(Boolean).join(' · ');
}
