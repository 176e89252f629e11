/*
 * The forecast list's rows from GET /api/v1/prevention/forecast?order=rise: the municipality × category
 * pairs expected to rise most over their last 7 days, each with its place (the wall's short name), what
 * (the category), the expected week with its 80% interval, the last 7 days («было», short: the rows are one
 * line of figures) and the rise in messages. Only
 * pairs expected to get at least one message more than last week are rises: the API lists all in its
 * order, the wall keeps those. Pure: names are a parameter.
 */

import { formatExpected, formatNumber, toCount } from './format.mjs';
import { intervalText } from './forecast-picture.mjs';

/** Messages more than last week from which a pair is listed as rising. */
export const LEAST_RISE = 1;

/** The wall's short name of a municipality; the answer's name when the region does not know it. */
function shortName(names, id, answered) {
  const name = names.municipalityName(id);
  return name && name !== id ? name : (answered || id);
}

/**
 * Rows {municipality, category, place, what, expected, interval, lastWeek, rise} of the series rising by at
 * least LEAST_RISE messages, in the answer's order. `names` has municipalityName(id) and categoryName(id).
 */
export function forecastRows(series, names) {
  return (Array.isArray(series) ? series : []).filter(s => s && typeof s.municipality === 'string'
    && typeof s.rise === 'number' && Number.isFinite(s.rise) && s.rise >= LEAST_RISE
    && typeof s.expected === 'number' && Number.isFinite(s.expected)).map(s => {
    const lastWeek = toCount(s.lastWeek) || 0;
    return {
      municipality: s.municipality,
      category: typeof s.category === 'string' ? s.category : null,
      place: shortName(names, s.municipality, s.municipalityName),
      what: s.categoryName || (s.category ? names.categoryName(s.category) : ''),
      expected: 'ожидается ' + formatExpected(s.expected),
      interval: intervalText(toCount(s.low) || 0, toCount(s.high) || 0),
      lastWeek: 'было ' + formatNumber(lastWeek),
      rise: '+' + formatNumber(Math.round(s.rise))
    };
  });
}
