/*
 * How the wall writes numbers, ages and times (Russian conventions), and how it reads numbers and times
 * out of frames it cannot trust to be well formed. Pure: no DOM.
 */

const numberFormat = new Intl.NumberFormat('ru-RU');
const decimalFormat = new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 1 });

/** A whole number with Russian digit grouping: 12345 → "12 345". */
export function formatNumber(n) {
  return numberFormat.format(n);
}

/** At most one decimal, Russian comma: 9.25 → "9,3". */
export function formatDecimal(n) {
  return decimalFormat.format(n);
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
      return Math.floor(seconds / AGE_UNITS[i][0]) + ' ' + AGE_UNITS[i][1];
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
 * The three time formats of the wall in a time zone (undefined: the computer's own): the status bar's
 * clock, the short time of a silence's end, the day of an old feed message. An unknown zone throws
 * RangeError.
 */
export function timeFormats(timeZone) {
  const zone = timeZone ? { timeZone } : {};
  return {
    clock: new Intl.DateTimeFormat('ru-RU', { ...zone, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }),
    shortTime: new Intl.DateTimeFormat('ru-RU', { ...zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
    day: new Intl.DateTimeFormat('ru-RU', { ...zone, day: 'numeric', month: 'short', year: 'numeric' })
  };
}
