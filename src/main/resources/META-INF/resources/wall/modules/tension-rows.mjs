/*
 * The tension list's rows from GET /api/v1/tension-points: only points with a score above zero are
 * tension points (a score of 0 is calm, whatever the answer lists); each row's place (the municipality's
 * short name, as on the map; «весь регион» for a region-wide series), what drives it, its figures in the wall's number format, and — for a series whose
 * baseline is still learning — the days left instead of the score. Pure: names and the learning state are
 * parameters.
 */

import { formatExpected, formatNumber, toCount } from './format.mjs';
import { learningText, pointLearningDays } from './learning.mjs';
import { WHOLE_REGION } from './alert-title.mjs';

const TRENDS = ['up', 'down', 'flat'];

/** The wall's short name of a municipality (as on the map and in the feed); the answer's name when the region does not know it. */
function shortName(names, id, answered) {
  const name = names.municipalityName(id);
  return name && name !== id ? name : (answered || id);
}

/**
 * Rows {municipality, score, learningDays, place, what, figures, trend} of the points with a score above
 * zero, in the answer's order. `names` has municipalityName(id) and categoryName(id); `learning` is the
 * heat map's Map id → days and `hasPicture` whether the wall holds one (learning.mjs pointLearningDays).
 */
export function tensionRows(points, names, learning, hasPicture) {
  return (Array.isArray(points) ? points : []).filter(p => p && (toCount(p.score) || 0) > 0).map(p => {
    const municipality = typeof p.municipality === 'string' && p.municipality ? p.municipality : null;
    const learningDays = pointLearningDays(p, learning, hasPicture);
    const category = p.categoryName || (p.category ? names.categoryName(p.category) : '');
    const expected = typeof p.expected === 'number' && Number.isFinite(p.expected) ? p.expected : null;
    const figures = [formatNumber(toCount(p.observed) || 0) + ' при норме ' + (expected !== null ? formatExpected(expected) : '—')];
    if (Array.isArray(p.topics)) {
      p.topics.slice(0, 2).forEach(t => {
        if (t && t.topic) {
          figures.push(t.topic + ' ' + formatNumber(toCount(t.observed) || 0));
        }
      });
    }
    return {
      municipality,
      score: Math.min(100, toCount(p.score)),
      learningDays,
      learning: learningDays === null ? null : learningText(learningDays),
      place: municipality ? shortName(names, municipality, p.municipalityName) : WHOLE_REGION,
      what: [category, p.topic].filter(Boolean).join(' — '),
      figures: figures.join(' · '),
      trend: TRENDS.includes(p.trend) ? p.trend : 'flat'
    };
  });
}
