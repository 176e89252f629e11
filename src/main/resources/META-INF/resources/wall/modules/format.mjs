/*
 * How the wall writes numbers, ages and times (Russian conventions), and how it reads numbers and times
 * out of frames it cannot trust to be well formed. Every number the wall shows is written here: one
 * format on the whole screen — a decimal comma and a narrow no-break space (U+202F) between thousands,
 * whatever space the browser's own Russian format puts there. Pure: no DOM.
 */

/** The one thousands separator of the wall: a narrow no-break space. */
export const THOUSANDS = '\u202f';

const numberFormat = new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 0 });
const decimalFormat = new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 1 });

/** Intl's Russian group separator (a no-break space, or a narrow one in newer data) → THOUSANDS. */
function grouped(text) {
  return text.replace(/[\u00a0\u202f\u2009 ]/g, THOUSANDS);
}

/** A whole number with Russian digit grouping: 12345 → "12 345" (narrow no-break space); fractions are rounded. */
export function formatNumber(n) {
  return grouped(numberFormat.format(n));
}

/** At most one decimal, Russian comma: 9.25 → "9,3"; 12345.6 → "12 345,6". */
export function formatDecimal(n) {
  return grouped(decimalFormat.format(n));
}

/**
 * An expected count (a norm, a threshold): at most one decimal, and a positive value too small for it is
 * «<0,1» rather than a norm of "0": 0.04 → "<0,1", 0.14 → "0,1", 0 → "0".
 */
export function formatExpected(n) {
  return n > 0 && n < 0.05 ? '<' + formatDecimal(0.1) : formatDecimal(n);
}

/** The Russian form of a word after a count n: plural(3, 'день', 'дня', 'дней') → 'дня'. */
export function plural(n, one, few, many) {
  const tens = Math.abs(n) % 100;
  const units = tens % 10;
  if (tens > 10 && tens < 20) {
    return many;
  }
  return units === 1 ? one : units >= 2 && units <= 4 ? few : many;
}

/** A value of a map metric as the legend and labels show it: per-capita rates keep a decimal, counts and scores none. */
export function formatValue(metric, value) {
  if (metric === 'percapita') {
    return formatDecimal(value);
  }
  return formatNumber(Math.round(value));
}

const AGE_UNITS = [[86400, 'дн'], [3600, 'ч'], [60, 'мин'], [1, 'с']];

/** A duration in its largest whole unit: 90 000 ms → "1 мин"; negative counts as 0. */
export function formatAge(ms) {
  const seconds = Math.max(0, Math.round(ms / 1000));
  for (let i = 0; i < AGE_UNITS.length; i++) {
    if (seconds >= AGE_UNITS[i][0] || i === AGE_UNITS.length - 1) {
      return formatNumber(Math.floor(seconds / AGE_UNITS[i][0])) + ' ' + AGE_UNITS[i][1];
    }
  }
  return '';
}

/**
 * The age a feed item shows: within a day how long ago; older (a replay, a late source) the day it was
 * written, in the region's zone, without the trailing "г.". `at` is ms or 0/NaN when unknown.
 */
export function feedAge(now, at, dayFormat) {
  if (!at) {
    return '';
  }
  return now - at < 86400000 ? formatAge(now - at) : dayFormat.format(new Date(at)).replace(/\s*г\.$/, '');
}

/** An ISO-8601 instant as ms since the epoch; null when absent or unreadable. */
export function parseTime(value) {
  const t = typeof value === 'string' ? Date.parse(value) : NaN;
  return Number.isFinite(t) ? t : null;
}

/** A count from a frame: a finite number ≥ 0, rounded down; null for anything else. */
export function toCount(value) {
  const n = Number(value);
  return Number.isFinite(n) && n >= 0 ? Math.floor(n) : null;
}

/**
 * The time formats of the wall in a time zone (undefined: the computer's own): the status bar's clock,
 * the short time (a silence's end, a spike's start), the day of an old feed message, and a day with its
 * time (a case's due time). An unknown zone throws RangeError.
 */
export function timeFormats(timeZone) {
  const zone = timeZone ? { timeZone } : {};
  return {
    clock: new Intl.DateTimeFormat('ru-RU', { ...zone, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }),
    shortTime: new Intl.DateTimeFormat('ru-RU', { ...zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
    day: new Intl.DateTimeFormat('ru-RU', { ...zone, day: 'numeric', month: 'short', year: 'numeric' }),
    dayTime: new Intl.DateTimeFormat('ru-RU', { ...zone, day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
  };
}
