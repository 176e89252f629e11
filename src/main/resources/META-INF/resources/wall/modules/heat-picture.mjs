/*
 * The heat map as the wall holds it: non-empty cells (municipality × category → count), the total per
 * municipality, each municipality's tension score and the municipalities still learning their baseline,
 * changed by snapshots and deltas of /ws/heatmap, and what a municipality shows in the metric that
 * colours the map. Pure: works on a plain object {cells, totals, scores, scoresSeen, learning} (the wall's
 * state).
 */

import { formatValue, toCount } from './format.mjs';
import { learningText, readLearning } from './learning.mjs';

function cellKey(cell) {
  return cell && typeof cell.m === 'string' && typeof cell.c === 'string' ? cell.m + '|' + cell.c : null;
}

/** Sets one cell's count (0 empties it) and moves its municipality's total by the difference; malformed cells are skipped. */
export function applyCell(picture, cell) {
  const key = cellKey(cell);
  const n = toCount(cell && cell.n);
  if (key === null || n === null) {
    return;
  }
  const before = picture.cells.get(key) || 0;
  if (n > 0) {
    picture.cells.set(key, n);
  } else {
    picture.cells.delete(key);
  }
  const total = (picture.totals.get(cell.m) || 0) + n - before;
  if (total > 0) {
    picture.totals.set(cell.m, total);
  } else {
    picture.totals.delete(cell.m);
  }
}

/** Sets municipalities' scores (capped at 100; 0 removes one). Any list, even empty, says the server sends scores. */
export function applyScores(picture, scores) {
  if (!Array.isArray(scores)) {
    return;
  }
  picture.scoresSeen = true;
  scores.forEach(score => {
    const t = toCount(score && score.t);
    if (score && typeof score.m === 'string' && t !== null) {
      if (t > 0) {
        picture.scores.set(score.m, Math.min(100, t));
      } else {
        picture.scores.delete(score.m);
      }
    }
  });
}

/** A snapshot: the picture becomes the frame's cells, scores and learning (none when it names none). */
export function applySnapshot(picture, frame) {
  picture.cells.clear();
  picture.totals.clear();
  picture.scores.clear();
  picture.learning = new Map();
  applyDelta(picture, frame);
}

/** A delta: the frame's changed cells and scores; its learning, when it carries one, replaces the whole. */
export function applyDelta(picture, frame) {
  (Array.isArray(frame.cells) ? frame.cells : []).forEach(cell => applyCell(picture, cell));
  applyScores(picture, frame.scores);
  if (Object.prototype.hasOwnProperty.call(frame, 'learning')) {
    picture.learning = readLearning(frame.learning);
  }
}

/** Messages in the window over all municipalities. */
export function totalCount(picture) {
  let total = 0;
  picture.totals.forEach(n => { total += n; });
  return total;
}

/**
 * The metric the map really shows: tension falls back to counts while the server sends no scores,
 * per-capita while the region pack lacks a population.
 */
export function effectiveMetric(metric, scoresSeen, perCapitaAvailable) {
  if (metric === 'tension' && !scoresSeen) {
    return 'count';
  }
  if (metric === 'percapita' && !perCapitaAvailable) {
    return 'count';
  }
  return metric;
}

/** A municipality's value in a metric: its score, its count, or its count per 10 000 of `population`. */
export function metricValue(picture, metric, id, population) {
  if (metric === 'tension') {
    return picture.scores.get(id) || 0;
  }
  const count = picture.totals.get(id) || 0;
  if (metric === 'percapita') {
    return population > 0 ? count * 10000 / population : 0;
  }
  return count;
}

/**
 * What a municipality shows on the map: {value, learningDays, learning}. A municipality still learning
 * its baseline is not coloured by its tension score (learning: true, value 0: hatched, no label); its
 * counts are real and colour it as any other's. learningDays is its days left, or null.
 */
export function municipalityView(picture, metric, id, population) {
  const learningDays = (picture.learning && picture.learning.get(id)) || null;
  const learning = metric === 'tension' && learningDays !== null;
  return { value: learning ? 0 : metricValue(picture, metric, id, population), learningDays, learning };
}

/**
 * The tooltip of a municipality's shape for `view` (municipalityView): its name and what it shows —
 * «обучение: ещё N дн.» instead of a score while learning, else the metric's value (and, beside counts, the
 * learning state). `metricTitle` names the metric («Напряжённость»); `hasPicture` false: the name alone.
 */
export function municipalityTooltip(name, metric, metricTitle, view, hasPicture) {
  if (!hasPicture) {
    return name;
  }
  if (view.learning) {
    return name + ' — ' + learningText(view.learningDays);
  }
  return name + ' — ' + metricTitle.toLowerCase() + ': ' + formatValue(metric, view.value)
    + (view.learningDays !== null ? ' (' + learningText(view.learningDays) + ')' : '');
}
