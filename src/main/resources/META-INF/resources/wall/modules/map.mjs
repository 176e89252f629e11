/*
 * The map panel: the region's municipalities from GET /api/v1/region/boundaries, projected by d3-geo
 * (Mercator fitted to the panel), coloured by the metric in the window, with a legend, labels on the
 * municipalities that stand out most, the selected municipality outlined, and the window's total. A
 * municipality still learning its baseline is hatched instead of coloured by its tension score, says
 * «обучение: ещё N дн.» in its tooltip, and the legend explains the hatch. SVG paths carry
 * data-municipality, data-count, data-value and (learning) data-learning for browser tests. In the forecast
 * view (metric `forecast`) the map shows the messages expected in the next 7 days instead (state.forecast,
 * from the forecast panel's answer), on the count scale, whatever the window.
 */

import { METRICS, WINDOWS } from './settings.mjs';
import { backoffDelay } from './backoff.mjs';
import { formatNumber, formatValue } from './format.mjs';
import { classBreaks, classColours, fillFor, legendLabels, ZERO_FILL } from './colour-scale.mjs';
import { effectiveMetric, municipalityTooltip, municipalityView, totalCount } from './heat-picture.mjs';
import { forecastNote, forecastTooltip, forecastValue } from './forecast-picture.mjs';
import { clashes, labelRanking } from './label-placement.mjs';
import { clear, el, make, makeSvg, placeholder, remPixels } from './dom.mjs';
import { fetchJson } from './session.mjs';
import { names } from './region.mjs';
import { state } from './state.mjs';

const d3 = globalThis.d3;

/** The five class colours (viridis, colour-blind safe). */
export const CLASS_COLOURS = classColours(d3 && d3.interpolateViridis);

/** The fill of a municipality still learning its baseline (the pattern drawn in the map's defs). */
const LEARNING_FILL = 'url(#learning-hatch)';

/** The hatch of municipalities in learning: thin diagonal lines over the colour of zero. */
function learningPattern() {
  const defs = makeSvg('defs');
  const pattern = makeSvg('pattern', { id: 'learning-hatch', patternUnits: 'userSpaceOnUse', width: '8', height: '8', patternTransform: 'rotate(45)' });
  pattern.appendChild(makeSvg('rect', { width: '8', height: '8', fill: ZERO_FILL }));
  pattern.appendChild(makeSvg('line', { x1: '0', y1: '0', x2: '0', y2: '8', stroke: '#7d8da3', 'stroke-width': '3' }));
  defs.appendChild(pattern);
  return defs;
}

/**
 * d3-geo draws on the sphere, where a ring's winding says which side is inside; GeoJSON from OSM tools
 * follows the opposite (RFC 7946) convention. A polygon whose spherical area is over a hemisphere is
 * inside out: its rings are reversed so it covers the municipality, not the rest of the world.
 */
function rewound(feature) {
  const geometry = feature.geometry;
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates]
    : geometry.type === 'MultiPolygon' ? geometry.coordinates : [];
  const fixed = polygons.map(rings => {
    if (d3.geoArea({ type: 'Polygon', coordinates: rings }) > 2 * Math.PI) {
      return rings.map(ring => ring.slice().reverse());
    }
    return rings;
  });
  return {
    type: 'Feature',
    properties: feature.properties,
    geometry: geometry.type === 'Polygon' ? { type: 'Polygon', coordinates: fixed[0] } : { type: 'MultiPolygon', coordinates: fixed }
  };
}

/**
 * `hasPicture()`: whether the heat map has a snapshot (before it every municipality is drawn empty);
 * `onSelect(id)`: a municipality was clicked; `requestRender()`: schedule a render of the wall.
 */
export function createMapPanel({ hasPicture, onSelect, requestRender }) {
  const map = {
    features: [],          // GeoJSON features with ids
    paths: new Map(),      // municipality id → SVG path
    labels: null,          // <g> of labels
    selection: null,       // <path> outlining the selected municipality
    path: null,            // d3.geoPath with the fitted projection
    width: 0,
    height: 0,
    centroids: new Map(),  // municipality id → [x, y]
    titles: new Map(),     // municipality id → {node, name, text}: the tooltip of its shape
    labelKey: null
  };
  const lastColours = new Map();
  let legendKey = null;

  function loadBoundaries(attempt) {
    fetchJson('api/v1/region/boundaries').then(answer => {
      if (!answer.body || !Array.isArray(answer.body.features)) {
        placeholder(el.mapPlaceholder, 'Границы муниципалитетов недоступны, повтор…');
        setTimeout(() => { loadBoundaries(attempt + 1); }, backoffDelay(attempt, 2000, 30000));
        return;
      }
      if (!d3 || typeof d3.geoPath !== 'function') {
        placeholder(el.mapPlaceholder, 'Библиотека карты не загружена');
        return;
      }
      map.features = answer.body.features.filter(f => f && f.properties && f.properties.id && f.geometry).map(rewound);
      placeholder(el.mapPlaceholder, null);
      draw();
    });
  }

  /** Fits the projection to the panel and draws every municipality afresh (at start and after a resize). */
  function draw() {
    const box = el.mapWrap.getBoundingClientRect();
    const width = Math.max(200, Math.floor(box.width));
    const height = Math.max(200, Math.floor(box.height));
    if (!map.features.length) {
      return;
    }
    map.width = width;
    map.height = height;
    const collection = { type: 'FeatureCollection', features: map.features };
    const pad = Math.round(Math.min(width, height) * 0.03);
    const projection = d3.geoMercator().fitExtent([[pad, pad], [width - pad, height - pad]], collection);
    map.path = d3.geoPath(projection);
    el.map.setAttribute('viewBox', '0 0 ' + width + ' ' + height);
    el.map.setAttribute('width', width);
    el.map.setAttribute('height', height);
    clear(el.map);
    map.paths.clear();
    map.centroids.clear();
    map.titles.clear();
    el.map.appendChild(learningPattern());
    const shapes = makeSvg('g', { 'class': 'shapes' });
    map.features.forEach(feature => {
      const id = feature.properties.id;
      const node = makeSvg('path', { d: map.path(feature) || '', 'class': 'municipality', 'data-municipality': id });
      const title = makeSvg('title');
      title.textContent = names.fullName(id) || feature.properties.name || id;
      node.appendChild(title);
      map.titles.set(id, { node: title, name: title.textContent, text: title.textContent });
      node.addEventListener('click', () => { onSelect(id); });
      shapes.appendChild(node);
      map.paths.set(id, node);
      map.centroids.set(id, map.path.centroid(feature));
    });
    el.map.appendChild(shapes);
    map.selection = makeSvg('path', { 'class': 'selected-outline', d: '' });
    el.map.appendChild(map.selection);
    map.labels = makeSvg('g', { 'class': 'labels' });
    el.map.appendChild(map.labels);
    state.municipalities = map.paths.size;
    lastColours.clear();
    requestRender();
  }

  /** The window's total, then the colours, title, note, legend, labels and selection of the map. */
  function render() {
    if (state.metric === 'forecast') {
      renderForecast();
      return;
    }
    el.totalLabel.textContent = 'всего ' + WINDOWS[state.window];
    el.total.textContent = hasPicture() ? formatNumber(totalCount(state)) : '—';
    if (!map.paths.size) {
      return;
    }
    const metric = effectiveMetric(state.metric, state.scoresSeen, names.perCapitaAvailable());
    let max = 0;
    const values = new Map();
    const views = new Map();
    map.paths.forEach((node, id) => {
      const view = municipalityView(state, metric, id, names.population(id));
      views.set(id, view);
      values.set(id, view.value);
      if (view.value > max) {
        max = view.value;
      }
    });
    const breaks = classBreaks(metric, max);
    let learning = 0;
    map.paths.forEach((node, id) => {
      const view = views.get(id);
      const fill = !hasPicture() ? ZERO_FILL : view.learning ? LEARNING_FILL : fillFor(view.value, breaks, CLASS_COLOURS);
      if (lastColours.get(id) !== fill) {
        node.setAttribute('fill', fill);
        lastColours.set(id, fill);
      }
      const count = String(state.totals.get(id) || 0);
      if (node.getAttribute('data-count') !== count) {
        node.setAttribute('data-count', count);
      }
      node.setAttribute('data-value', String(Math.round(view.value * 10) / 10));
      if (view.learningDays !== null) {
        node.setAttribute('data-learning', String(view.learningDays));
        learning++;
      } else if (node.hasAttribute('data-learning')) {
        node.removeAttribute('data-learning');
      }
      setTooltip(id, metric, view);
    });
    el.mapTitle.textContent = METRICS[metric].title + ' ' + WINDOWS[state.window];
    let note = '';
    if (state.metric === 'tension' && metric !== 'tension') {
      note = 'Оценка напряжённости пока не поступает — показано число обращений';
    } else if (state.metric === 'percapita' && metric !== 'percapita') {
      note = 'Нет данных о населении — показано число обращений';
    }
    el.mapNote.textContent = note;
    renderLegend(metric, breaks, metric === 'tension' && learning > 0);
    renderLabels(metric, values);
    renderSelection();
  }

  /** The forecast view: the messages expected in the next 7 days per municipality (forecast-picture.mjs). */
  function renderForecast() {
    const picture = state.forecast;
    el.totalLabel.textContent = 'ожидается за 7 дней';
    el.total.textContent = picture ? formatNumber(Math.round(picture.total)) : '—';
    if (!map.paths.size) {
      return;
    }
    let max = 0;
    const values = new Map();
    map.paths.forEach((node, id) => {
      const value = forecastValue(picture, id);
      values.set(id, value);
      max = Math.max(max, value);
    });
    const breaks = classBreaks('count', max);
    map.paths.forEach((node, id) => {
      const value = values.get(id);
      const fill = picture ? fillFor(value, breaks, CLASS_COLOURS) : ZERO_FILL;
      if (lastColours.get(id) !== fill) {
        node.setAttribute('fill', fill);
        lastColours.set(id, fill);
      }
      node.setAttribute('data-value', String(Math.round(value * 10) / 10));
      if (node.hasAttribute('data-learning')) {
        node.removeAttribute('data-learning');
      }
      const title = map.titles.get(id);
      const shown = title ? forecastTooltip(title.name, picture, id) : null;
      if (title && title.text !== shown) {
        title.node.textContent = shown;
        title.text = shown;
      }
    });
    el.mapTitle.textContent = METRICS.forecast.title;
    el.mapNote.textContent = picture ? forecastNote(picture) : 'Прогноз загружается…';
    renderLegend('forecast', breaks, false, 'count');
    renderLabels('forecast', values);
    renderSelection();
  }

  /** The tooltip of a municipality's shape: its name and what it shows («обучение: ещё N дн.» while learning). */
  function setTooltip(id, metric, view) {
    const title = map.titles.get(id);
    if (!title) {
      return;
    }
    const shown = municipalityTooltip(title.name, metric, METRICS[metric].title, view, hasPicture());
    if (title.text !== shown) {
      title.node.textContent = shown;
      title.text = shown;
    }
  }

  /** The legend of a metric; `scale`: the metric whose class labels it uses (the forecast: counts'). */
  function renderLegend(metric, breaks, learning, scale = metric) {
    const key = metric + '|' + breaks.join(',') + '|' + learning;
    if (key === legendKey) {
      return;
    }
    legendKey = key;
    const labels = legendLabels(scale, breaks);
    clear(el.legend);
    el.legend.appendChild(make('span', 'legend-title', METRICS[metric].legend + ':'));
    el.legend.appendChild(legendItem(ZERO_FILL, labels.zero));
    labels.classes.forEach((label, i) => {
      el.legend.appendChild(legendItem(CLASS_COLOURS[i], label));
    });
    if (learning) {
      const item = legendItem(null, 'обучение: оценки ещё нет');
      item.setAttribute('data-testid', 'legend-learning');
      item.firstChild.classList.add('learning');
      el.legend.appendChild(item);
    }
  }

  function legendItem(colour, label) {
    const item = make('span', 'legend-item');
    const swatch = make('span', 'swatch');
    if (colour) {
      swatch.style.background = colour;
    }
    item.appendChild(swatch);
    item.appendChild(make('span', null, label));
    return item;
  }

  /** Labels for the municipalities that stand out most, skipping any that would overlap one already placed. */
  function renderLabels(metric, values) {
    const ranked = labelRanking(values);
    // As many labels as the map's area has room for (one per ~180 square rem): a larger screen names more.
    const rem = remPixels();
    const wanted = Math.min(30, Math.max(6, Math.round(map.width * map.height / (rem * rem * 180))));
    const key = metric + '|' + ranked.slice(0, wanted).map(id => id + ':' + formatValue(metric, values.get(id))).join(',');
    if (key === map.labelKey) {
      return;
    }
    map.labelKey = key;
    clear(map.labels);
    const placed = [];
    for (let i = 0; i < ranked.length && placed.length < wanted; i++) {
      const id = ranked[i];
      const at = map.centroids.get(id);
      if (!at || !Number.isFinite(at[0])) {
        continue;
      }
      const group = makeSvg('g', { 'class': 'label', 'data-municipality': id, transform: 'translate(' + at[0].toFixed(1) + ',' + at[1].toFixed(1) + ')' });
      const name = makeSvg('text', { 'class': 'label-name', y: '-0.15em' });
      name.textContent = names.municipalityName(id);
      const value = makeSvg('text', { 'class': 'label-value', y: '1.05em' });
      value.textContent = formatValue(metric, values.get(id));
      group.appendChild(name);
      group.appendChild(value);
      map.labels.appendChild(group);
      const box = group.getBBox();
      const rect = { x: at[0] + box.x, y: at[1] + box.y, w: box.width, h: box.height };
      if (clashes(rect, placed, map.width, map.height)) {
        map.labels.removeChild(group);
      } else {
        placed.push(rect);
      }
    }
  }

  function renderSelection() {
    if (!map.selection) {
      return;
    }
    const feature = state.selected ? map.features.find(f => f.properties.id === state.selected) : null;
    map.selection.setAttribute('d', feature ? (map.path(feature) || '') : '');
  }

  return { loadBoundaries, draw, render, renderSelection };
}
