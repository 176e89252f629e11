/*
 * The dynamics panel's chart as SVG geometry: the observed counts as a line, the expected baseline as a
 * second line, the upper bound as a band down to zero, and a dot on the last hour, fitted to
 * width × height. Pure: returns the attribute strings.
 */

/** `points` [{observed, expected, upper}] (non-empty) → {band, expected, observed, last: {cx, cy, r}, latest}. */
export function sparklineShape(points, width, height) {
  const values = points.map(p => ({ observed: Number(p.observed) || 0, expected: Number(p.expected) || 0, upper: Number(p.upper) || 0 }));
  const max = values.reduce((top, v) => Math.max(top, v.observed, v.upper, v.expected), 1);
  const x = i => (values.length < 2 ? width / 2 : (i / (values.length - 1)) * (width - 4) + 2);
  const y = v => height - 3 - (v / max) * (height - 8);
  const line = pick => values.map((v, i) => x(i).toFixed(1) + ',' + y(pick(v)).toFixed(1)).join(' ');
  const base = values.map((v, i) => x(i).toFixed(1) + ',' + y(0).toFixed(1)).reverse();
  const upper = values.map((v, i) => x(i).toFixed(1) + ',' + y(v.upper).toFixed(1));
  const latest = values[values.length - 1];
  return {
    band: upper.concat(base).join(' '),
    expected: line(v => v.expected),
    observed: line(v => v.observed),
    last: { cx: x(values.length - 1).toFixed(1), cy: y(latest.observed).toFixed(1), r: Math.max(3, height / 30) },
    latest
  };
}
