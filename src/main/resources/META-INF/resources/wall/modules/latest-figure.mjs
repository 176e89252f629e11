/*
 * The dynamics panel's figure for "now", from one source per screen: while the map shows the last hour
 * (window 1 h, a heat-map picture held), the heat map's count for the panel's target — the region's total
 * is then the very figure beside the map, a municipality's the one its shape carries — so two last-hour
 * totals cannot disagree; otherwise the chart's last hourly bucket, named by its start («с 14:00»), a
 * figure of another kind than the map's 24-hour or 7-day total. Pure: the time format is a parameter.
 */

import { formatNumber, parseTime, toCount } from './format.mjs';

/**
 * {label, value, source} for `view` {window, hasPicture, target (municipality id or null), totals (Map id →
 * count), total} and the chart's `last` point {at, observed}; source is 'heatmap' or 'dynamics'.
 */
export function latestFigure(view, last, shortTime) {
  if (view.window === '1h' && view.hasPicture) {
    const value = view.target ? (view.totals.get(view.target) || 0) : view.total;
    return { label: 'за 1 час', value, source: 'heatmap' };
  }
  const at = parseTime(last && last.at);
  return {
    label: at === null ? 'за последний час' : 'с ' + shortTime.format(new Date(at)),
    value: toCount(last && last.observed) || 0,
    source: 'dynamics'
  };
}

/** The figure as the legend writes it: «за 1 час: 1 752». */
export function latestText(figure) {
  return figure.label + ': ' + formatNumber(figure.value);
}
