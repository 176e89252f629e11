/*
 * Which municipalities get a label on the map: the ones that stand out most, as many as the layout has
 * room for, skipping any whose label would leave the map or overlap one already placed. Pure: the size of
 * a label is measured by the caller.
 */

/** Municipalities with a value above zero, highest first (ties keep their order). */
export function labelRanking(values) {
  const ranked = [];
  values.forEach((v, id) => {
    if (v > 0) {
      ranked.push(id);
    }
  });
  return ranked.sort((a, b) => values.get(b) - values.get(a));
}

/** Whether a label's box {x, y, w, h} leaves the map of width × height or overlaps one of `placed`. */
export function clashes(rect, placed, width, height) {
  return rect.x < 0 || rect.y < 0 || rect.x + rect.w > width || rect.y + rect.h > height ||
    placed.some(p => rect.x < p.x + p.w && p.x < rect.x + rect.w && rect.y < p.y + p.h && p.y < rect.y + rect.h);
}
