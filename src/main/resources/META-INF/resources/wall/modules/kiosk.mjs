/*
 * The kiosk parameters of the wall's URL (README «The control-room wall»): which window and metric it
 * opens with, its layout, the region it is meant for, a preselected municipality, and the rotation of
 * views. Read here once, so every module sees the same, already checked values. Pure: no DOM.
 */
import { DEFAULT_VIEWS, isMetric, isWindow } from './settings.mjs';
import { formatNumber } from './format.mjs';

/** The parameters of a query string ("?window=7d&…"); an empty value counts as absent. */
export function kioskParameters(search) {
  const params = new URLSearchParams(search);
  const param = name => {
    const value = params.get(name);
    return value === null || value === '' ? null : value;
  };
  return {
    window: isWindow(param('window')) ? param('window') : '24h',
    metric: isMetric(param('metric')) ? param('metric') : 'tension',
    layout: param('layout'),
    region: param('region'),
    municipality: param('municipality'),
    rotate: param('rotate'),
    views: param('views')
  };
}

/** The layout: the one asked for if it is known, else laptop below 1700 CSS pixels of width, else wall. */
export function chooseLayout(requested, width) {
  if (requested === 'wall' || requested === 'laptop') {
    return requested;
  }
  return width < 1700 ? 'laptop' : 'wall';
}

/**
 * The rotation asked for: every `rotate` seconds (at least 5) the next of `views` ("metric:window,…";
 * unknown ones dropped). Null when there is nothing to rotate (no period, or fewer than two views).
 */
export function rotationPlan(rotate, views) {
  const seconds = Number(rotate);
  if (!Number.isFinite(seconds) || seconds < 5) {
    return null;
  }
  const chosen = (views || DEFAULT_VIEWS.join(',')).split(',').map(view => {
    const parts = view.trim().split(':');
    return { metric: parts[0], window: parts[1] };
  }).filter(view => isMetric(view.metric) && isWindow(view.window));
  return chosen.length < 2 ? null : { views: chosen, periodMs: seconds * 1000 };
}

/** The status bar's line about the rotation: "вид 2 из 4 · смена через 17 с". */
export function rotationText(index, count, msLeft) {
  return 'вид ' + formatNumber(index + 1) + ' из ' + formatNumber(count) + ' · смена через ' + formatNumber(Math.max(0, Math.ceil(msLeft / 1000))) + ' с';
}
