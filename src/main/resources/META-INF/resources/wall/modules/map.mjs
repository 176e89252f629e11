/*
 * The map panel: the region's municipalities from GET /api/v1/region/boundaries, projected by d3-geo
 * (Mercator fitted to the panel), coloured by the metric in the window, with a legend, labels on the
 * municipalities that stand out most, the selected municipality outlined, and the window's total. SVG
 * paths carry data-municipality, data-count and data-value for browser tests.
 */

import { METRICS, WINDOWS } from './settings.mjs';
import { backoffDelay } from './backoff.mjs';
import { formatNumber, formatValue } from './format.mjs';
import { classBreaks, classColours, fillFor, legendLabels, ZERO_FILL } from './colour-scale.mjs';
import { effectiveMetric, metricValue, totalCount } from './heat-picture.mjs';
import { clashes, labelRanking } from './label-placement.mjs';
import { clear, el, make, makeSvg, placeholder } from './dom.mjs';
import { fetchJson } from './session.mjs';
import { names } from './region.mjs';
import { state } from './state.mjs';

const d3 = globalThis.d3;

/** The five class colours (viridis, colour-blind safe). */
export const CLASS_COLOURS = classColours(d3 && d3.interpolateViridis);

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
    const shapes = makeSvg('g', { 'class': 'shapes' });
    map.features.forEach(feature => {
      const id = feature.properties.id;
      const node = makeSvg('path', { d: map.path(feature) || '', 'class': 'municipality', 'data-municipality': id });
      const title = makeSvg('title');
      title.textContent = names.fullName(id) || feature.properties.name || id;
      node.appendChild(title);
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
    el.totalLabel.textContent = 'всего ' + WINDOWS[state.window];
    el.total.textContent = hasPicture() ? formatNumber(totalCount(state)) : '—';
    if (!map.paths.size) {
      return;
    }
    const metric = effectiveMetric(state.metric, state.scoresSeen, names.perCapitaAvailable());
    let max = 0;
    const values = new Map();
    map.paths.forEach((node, id) => {
      const v = metricValue(state, metric, id, names.population(id));
      values.set(id, v);
      if (v > max) {
        max = v;
      }
    });
    const breaks = classBreaks(metric, max);
    map.paths.forEach((node, id) => {
      const v = values.get(id);
      const fill = hasPicture() ? fillFor(v, breaks, CLASS_COLOURS) : ZERO_FILL;
      if (lastColours.get(id) !== fill) {
        node.setAttribute('fill', fill);
        lastColours.set(id, fill);
      }
      const count = String(state.totals.get(id) || 0);
      if (node.getAttribute('data-count') !== count) {
        node.setAttribute('data-count', count);
      }
      node.setAttribute('data-value', String(Math.round(v * 10) / 10));
    });
    el.mapTitle.textContent = METRICS[metric].title + ' ' + WINDOWS[state.window];
    let note = '';
    if (state.metric === 'tension' && metric !== 'tension') {
      note = 'Оценка напряжённости пока не поступает — показано число обращений';
    } else if (state.metric === 'percapita' && metric !== 'percapita') {
      note = 'Нет данных о населении — показано число обращений';
    }
    el.mapNote.textContent = note;
    renderLegend(metric, breaks);
    renderLabels(metric, values);
    renderSelection();
  }

  function renderLegend(metric, breaks) {
    const key = metric + '|' + breaks.join(',');
    if (key === legendKey) {
      return;
    }
    legendKey = key;
    const labels = legendLabels(metric, breaks);
    clear(el.legend);
    el.legend.appendChild(make('span', 'legend-title', METRICS[metric].legend + ':'));
    el.legend.appendChild(legendItem(ZERO_FILL, labels.zero));
    labels.classes.forEach((label, i) => {
      el.legend.appendChild(legendItem(CLASS_COLOURS[i], label));
    });
  }

  function legendItem(colour, label) {
    const item = make('span', 'legend-item');
    const swatch = make('span', 'swatch');
    swatch.style.background = colour;
    item.appendChild(swatch);
    item.appendChild(make('span', null, label));
    return item;
  }

  /** Labels for the municipalities that stand out most, skipping any that would overlap one already placed. */
  function renderLabels(metric, values) {
    const ranked = labelRanking(values);
    const wanted = state.layout === 'laptop' ? 6 : 10;
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
