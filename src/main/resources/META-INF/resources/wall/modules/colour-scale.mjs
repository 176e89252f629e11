/*
 * The map's colour classes: five viridis classes (colour-blind safe) and a colour of its own for zero;
 * fixed breaks for the tension score, breaks that read well and let the maximum reach the top class for
 * counts and rates; the legend's labels and the tension list's badge colours. Pure: no DOM.
 */

import { formatValue } from './format.mjs';

/** Lower bounds of the tension classes above the first: calm is dark, a spike is unmistakable. */
export const TENSION_BREAKS = Object.freeze([20, 40, 60, 80]);
/** The fill of a municipality with nothing (and of every one before the first snapshot). */
export const ZERO_FILL = '#1b2331';

const CLASS_POSITIONS = [0.12, 0.34, 0.56, 0.78, 1];

/** The five class colours from a colour ramp (d3.interpolateViridis); grey when the ramp is missing. */
export function classColours(interpolate) {
  return CLASS_POSITIONS.map(t => (typeof interpolate === 'function' ? interpolate(t) : '#888'));
}

/** The largest of 1, 2, 2.5, 5 × 10^k not above raw: class widths that read well and let the maximum reach the top class. */
export function niceStep(raw) {
  const power = Math.pow(10, Math.floor(Math.log10(Math.max(raw, 1e-9))));
  const scaled = raw / power;
  const nice = scaled >= 5 ? 5 : scaled >= 2.5 ? 2.5 : scaled >= 2 ? 2 : 1;
  return nice * power;
}

/**
 * Lower bounds of the classes above the first (four breaks, five classes) for the metric and the largest
 * value shown. Counts start at 1 (zero has its own colour); a class holds [break, next break).
 */
export function classBreaks(metric, max) {
  if (metric === 'tension') {
    return TENSION_BREAKS.slice();
  }
  if (metric === 'count') {
    // The widest nice class that still lets the maximum reach the top class (1 + 4 steps ≤ max).
    const step = Math.max(1, Math.floor(niceStep((Math.max(max, 5) - 1) / 4)));
    return [1, 2, 3, 4].map(k => 1 + k * step);
  }
  const stepRate = niceStep(Math.max(max, 0.5) / 5);
  return [1, 2, 3, 4].map(k => +(k * stepRate).toFixed(3));
}

/** The class (0–4) of a value. */
export function classOf(value, breaks) {
  for (let i = 0; i < breaks.length; i++) {
    if (value < breaks[i]) {
      return i;
    }
  }
  return breaks.length;
}

/** The fill of a value: zero's own colour, else its class's. */
export function fillFor(value, breaks, colours) {
  return value <= 0 ? ZERO_FILL : colours[classOf(value, breaks)];
}

/** The legend's labels: the zero entry and one per class ("1", "2–4", "17+"; rates "0,5–1"). */
export function legendLabels(metric, breaks) {
  const lower = metric === 'tension' || metric === 'count' ? 1 : 0;
  const classes = [];
  for (let i = 0; i <= breaks.length; i++) {
    const from = i === 0 ? lower : breaks[i - 1];
    if (i === breaks.length) {
      classes.push(formatValue(metric, from) + '+');
    } else if (metric === 'percapita') {
      classes.push(formatValue(metric, from) + '–' + formatValue(metric, breaks[i]));
    } else {
      classes.push(breaks[i] - 1 <= from ? formatValue(metric, from) : formatValue(metric, from) + '–' + formatValue(metric, breaks[i] - 1));
    }
  }
  return { zero: metric === 'tension' ? '0' : 'нет', classes };
}

/** The badge of a tension score in the tension list: its class's colour, dark text on the light classes. */
export function tensionBadge(score, colours) {
  return {
    background: score > 0 ? colours[classOf(score, TENSION_BREAKS)] : ZERO_FILL,
    color: score >= 60 ? '#0b0f16' : '#ffffff'
  };
}
