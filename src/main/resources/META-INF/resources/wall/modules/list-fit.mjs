/*
 * How many rows of a list the wall shows: as many whole rows as its panel has room for, so a taller
 * screen shows more of them rather than the same rows larger; when some are left out, a line saying how
 * many more there are takes the place of the last rows. The caller measures (rows' bottoms, the list's
 * bottom, the footer's height); the decisions are here. Pure: numbers in, numbers out.
 */

/** How many rows, from the first, end at or above `bottom` (rows given by their bottoms, top to bottom). */
export function rowsThatFit(bottoms, bottom) {
  let count = 0;
  while (count < bottoms.length && bottoms[count] <= bottom) {
    count++;
  }
  return count;
}

/**
 * Rows to show of `total` (of which the first bottoms.length are drawn): all when every one is drawn and
 * fits; else those that fit above a footer of `footerHeight` ("и ещё N"). Returns {shown, more}.
 */
export function rowsToShow(bottoms, bottom, footerHeight, total = bottoms.length) {
  const all = rowsThatFit(bottoms, bottom);
  if (all === bottoms.length && total <= bottoms.length) {
    return { shown: all, more: 0 };
  }
  const shown = rowsThatFit(bottoms, bottom - footerHeight);
  return { shown, more: total - shown };
}

/**
 * How many rows to draw (or ask a server for) so that a list of `height` is filled even by rows as short
 * as `shortestRow`, with one spare: at least `least`, at most `most`.
 */
export function rowsToDraw(height, shortestRow, least, most) {
  const room = shortestRow > 0 && Number.isFinite(height) ? Math.ceil(Math.max(0, height) / shortestRow) + 1 : least;
  return Math.min(most, Math.max(least, room));
}
