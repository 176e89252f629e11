/*
 * The learning state of municipalities (README «The control-room wall»): until a municipality's baseline
 * has enough history the detector scores it but raises no alert, and the wall says so — «обучение: ещё N
 * дн.» — instead of colouring it as a spike. The heat-map stream carries the days left (`learning`:
 * municipality id → whole days ≥ 1, in every snapshot, in a delta only when it changed, then whole); a
 * tension point carries its own `learningDays`. One source per screen: the stream's map wherever the
 * wall holds a heat-map picture, the point's own figure only for what the map cannot know. Pure: no DOM.
 */

import { formatNumber, toCount } from './format.mjs';

/** The `learning` field of a frame as a Map id → days (whole, ≥ 1); anything else in it is skipped. */
export function readLearning(value) {
  const learning = new Map();
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    Object.keys(value).forEach(id => {
      const days = toCount(value[id]);
      if (id && days !== null && days >= 1) {
        learning.set(id, days);
      }
    });
  }
  return learning;
}

/** What a municipality in learning shows instead of its score: «обучение: ещё 3 дн.». */
export function learningText(days) {
  return 'обучение: ещё ' + formatNumber(days) + ' дн.';
}

/**
 * The days left of a tension point's series: the heat map's figure for its municipality when the wall
 * holds a picture (`learning` its Map), else the point's own `learningDays` (null: not learning).
 */
export function pointLearningDays(point, learning, hasPicture) {
  const municipality = point && typeof point.municipality === 'string' ? point.municipality : null;
  if (municipality && hasPicture) {
    return learning.get(municipality) || null;
  }
  const days = toCount(point && point.learningDays);
  return days !== null && days >= 1 ? days : null;
}
