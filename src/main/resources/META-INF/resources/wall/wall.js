/*
 * TSUR Pulse: the script of the control-room wall (/wall/).
 *
 * What it shows and where the data comes from:
 *   - map: a choropleth of the region's municipalities (GET /api/v1/region/boundaries, drawn with d3-geo),
 *     coloured by tension score, message count or count per 10 000 residents in the selected window, from
 *     the heat map over /ws/heatmap (snapshot, then deltas; cells {m,c,n,t}, municipality scores {m,t});
 *   - tension points (GET /api/v1/tension-points), dynamics of one municipality (GET /api/v1/dynamics),
 *     deadlines by executor (GET /api/v1/deadlines/summary): polled;
 *   - alerts over /ws/alerts (snapshot, then changes), the live feed over /ws/feed (snapshot, then new messages);
 *   - a status bar: clock, age of the newest event, state of each socket.
 * An endpoint that answers 404 (not deployed yet) gives a Russian placeholder and is asked again later.
 *
 * Streams (heat map, feed, alerts) share one behaviour (SequencedStream): a snapshot replaces the state
 * (even with a lower seq: a restarted server counts from 0 again); a frame is applied only when its seq is
 * last + 1; a gap (or a heartbeat ahead of us) sends {"type":"resync"} and frames are ignored until the next
 * snapshot; no frame for 20 s (heartbeats come every 5 s) or no snapshot within 10 s drops the socket;
 * reconnects back off exponentially (1 s … 30 s, ±20 % jitter), reset by a snapshot.
 *
 * Every text from residents and from the server is written with textContent (never innerHTML). Memory is
 * bounded: the heat map is one Map of non-empty cells (municipalities × categories), the feed keeps
 * FEED_MAX messages, alerts at most ALERTS_MAX, and the DOM holds one element per shown item.
 *
 * For browser tests: window.wallState (see `state` below); SVG paths carry data-municipality, data-count
 * and data-value; feed items data-message-id; alerts data-alert-id; deadline rows data-executor.
 */
(function () {
  'use strict';

  // ------------------------------------------------------------------ settings

  var WINDOWS = { '1h': 'за 1 час', '24h': 'за 24 часа', '7d': 'за 7 дней' };
  var METRICS = {
    tension: { title: 'Напряжённость', legend: 'Оценка напряжённости, 0–100' },
    count: { title: 'Число обращений', legend: 'Обращений' },
    percapita: { title: 'Обращений на 10 тыс. жителей', legend: 'На 10 тыс. жителей' }
  };
  var DEFAULT_VIEWS = ['tension:24h', 'count:1h', 'count:24h', 'count:7d'];
  var UNKNOWN_ID = 'unknown';
  var FEED_MAX = 40;
  var ALERTS_MAX = 300;
  var RESOLVED_KEEP_MS = 10 * 60 * 1000;
  var SETTINGS = {
    backoffBaseMs: 1000,
    backoffMaxMs: 30000,
    silenceMs: 20000,
    snapshotTimeoutMs: 10000,
    fetchTimeoutMs: 8000,
    pollTensionMs: 15000,
    pollDeadlinesMs: 15000,
    pollDynamicsMs: 60000,
    recheckMissingMs: 30000,
    freshWarnS: 120,        // newest event older than this with no live socket: amber
    freshStaleS: 600,       // older than this: amber while live, red without a live socket
    flashMs: 2500
  };
  // Fixed classes for the tension score: calm is dark, a spike is unmistakable (viridis, colour-blind safe).
  var TENSION_BREAKS = [20, 40, 60, 80];
  var ZERO_FILL = '#1b2331';

  // ------------------------------------------------------------------ parameters

  var params = new URLSearchParams(location.search);
  function param(name) {
    var value = params.get(name);
    return value === null || value === '' ? null : value;
  }

  var state = {
    window: WINDOWS[param('window')] ? param('window') : '24h',
    metric: METRICS[param('metric')] ? param('metric') : 'tension',
    layout: null,
    region: null,
    regionMismatch: false,
    municipalities: 0,           // municipalities drawn on the map
    cells: new Map(),            // "<m>|<c>" → count > 0 (the heat map of the window)
    totals: new Map(),           // municipality → count in the window
    scores: new Map(),           // municipality → tension score 0–100 (absent = 0)
    scoresSeen: false,           // the server sends tension scores at all
    feed: [],                    // newest first, at most FEED_MAX
    alerts: new Map(),           // id → alert
    newestEventAt: null,         // ms: the newest event seen (a message received, a delta, an alert change)
    selected: param('municipality'),
    streams: {},                 // name → {connected, seq, resyncs, reconnects, snapshots}
    renders: 0,
    missing: {}                  // endpoint → true while it answers 404
  };
  window.wallState = state;

  var scriptSrc = (document.currentScript && document.currentScript.src) || location.href;
  var appBase = new URL('../', scriptSrc);

  // ------------------------------------------------------------------ helpers

  function byTestId(id) {
    return document.querySelector('[data-testid="' + id + '"]');
  }

  function make(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text !== undefined && text !== null) {
      node.textContent = String(text);
    }
    return node;
  }

  var SVG_NS = 'http://www.w3.org/2000/svg';
  function makeSvg(tag, attributes) {
    var node = document.createElementNS(SVG_NS, tag);
    Object.keys(attributes || {}).forEach(function (key) {
      node.setAttribute(key, attributes[key]);
    });
    return node;
  }

  function clear(node) {
    while (node.firstChild) {
      node.removeChild(node.firstChild);
    }
  }

  var numberFormat = new Intl.NumberFormat('ru-RU');
  var decimalFormat = new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 1 });
  function formatNumber(n) {
    return numberFormat.format(n);
  }

  function jittered(ms) {
    return Math.round(ms * (0.8 + Math.random() * 0.4));
  }

  function parseTime(value) {
    var t = typeof value === 'string' ? Date.parse(value) : NaN;
    return Number.isFinite(t) ? t : null;
  }

  function toCount(value) {
    var n = Number(value);
    return Number.isFinite(n) && n >= 0 ? Math.floor(n) : null;
  }

  function apiUrl(path) {
    return new URL(path, appBase).toString();
  }

  function wsUrl(path) {
    var scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    return scheme + '//' + location.host + appBase.pathname + path;
  }

  /**
   * The page's bearer token, taken from its login session (GET /wall/session): the APIs and the sockets
   * accept bearer tokens only, never the session cookie, so no other site can act with it. Asked again a
   * minute before it expires. An expired session (499, 401) reloads the page, which runs the login again —
   * without anyone at the keyboard while the identity provider's session lives (a kiosk).
   */
  var session = { token: null, expiresAt: 0, pending: null, user: null };
  function accessToken() {
    if (session.token && session.expiresAt - Date.now() / 1000 > 60) {
      return Promise.resolve(session.token);
    }
    if (session.pending) {
      return session.pending;
    }
    session.pending = fetch(apiUrl('wall/session'), {
      cache: 'no-store', credentials: 'same-origin', redirect: 'manual',
      headers: { Accept: 'application/json', 'X-Requested-With': 'JavaScript' }
    }).then(function (response) {
      if (response.status === 499 || response.status === 401 || response.type === 'opaqueredirect') {
        loginAgain();
        return null;
      }
      if (!response.ok) {
        return null;
      }
      return response.json().then(function (body) {
        session.token = typeof body.accessToken === 'string' ? body.accessToken : null;
        session.expiresAt = Number(body.expiresAt) || 0;
        session.user = typeof body.user === 'string' ? body.user : null;
        return session.token;
      });
    }).catch(function () { return null; }).finally(function () { session.pending = null; });
    return session.pending;
  }

  /** Reloads to log in again, at most once a minute (a provider that is down must not make the page spin). */
  function loginAgain() {
    var last = Number(sessionStorage.getItem('pulse.login.at')) || 0;
    if (Date.now() - last > 60000) {
      sessionStorage.setItem('pulse.login.at', String(Date.now()));
      location.reload();
    }
  }

  /** GET JSON; resolves to {status, body}; body is null unless 2xx. */
  function fetchJson(path) {
    return accessToken().then(function (token) {
      if (!token) {
        return { status: 401, body: null };
      }
      return fetchJsonWith(path, token);
    });
  }

  function fetchJsonWith(path, token) {
    var controller = new AbortController();
    var timer = setTimeout(function () { controller.abort(); }, SETTINGS.fetchTimeoutMs);
    return fetch(apiUrl(path), {
      cache: 'no-store', signal: controller.signal,
      headers: { Accept: 'application/json, application/geo+json', Authorization: 'Bearer ' + token }
    })
      .then(function (response) {
        if (!response.ok) {
          return { status: response.status, body: null };
        }
        return response.json().then(function (body) { return { status: response.status, body: body }; });
      })
      .catch(function () { return { status: 0, body: null }; })
      .finally(function () { clearTimeout(timer); });
  }

  var agoUnits = [[86400, 'дн'], [3600, 'ч'], [60, 'мин'], [1, 'с']];
  function formatAge(ms) {
    var seconds = Math.max(0, Math.round(ms / 1000));
    for (var i = 0; i < agoUnits.length; i++) {
      if (seconds >= agoUnits[i][0] || i === agoUnits.length - 1) {
        return Math.floor(seconds / agoUnits[i][0]) + ' ' + agoUnits[i][1];
      }
    }
    return '';
  }

  function noteEvent(at) {
    if (at !== null && at <= Date.now() + 5000 && (state.newestEventAt === null || at > state.newestEventAt)) {
      state.newestEventAt = at;
    }
  }

  // ------------------------------------------------------------------ DOM

  var el = {
    body: document.body,
    regionName: byTestId('region-name'),
    clock: byTestId('clock'),
    rotation: byTestId('rotation'),
    freshness: byTestId('freshness'),
    banner: byTestId('banner'),
    windowSwitch: byTestId('window-switch'),
    metricSwitch: byTestId('metric-switch'),
    totalLabel: byTestId('total-label'),
    total: byTestId('total-count'),
    mapTitle: byTestId('map-title'),
    mapNote: byTestId('map-note'),
    mapWrap: byTestId('map-wrap'),
    map: byTestId('map'),
    mapPlaceholder: byTestId('map-placeholder'),
    legend: byTestId('legend'),
    attribution: byTestId('attribution'),
    tensionList: byTestId('tension-list'),
    tensionPlaceholder: byTestId('tension-placeholder'),
    dynamicsTitle: byTestId('dynamics-title'),
    sparkline: byTestId('sparkline'),
    dynamicsLegend: byTestId('dynamics-legend'),
    dynamicsPlaceholder: byTestId('dynamics-placeholder'),
    alertList: byTestId('alert-list'),
    alertsCount: byTestId('alerts-count'),
    alertsPlaceholder: byTestId('alerts-placeholder'),
    deadlineBody: byTestId('deadline-table').tBodies[0],
    deadlineTable: byTestId('deadline-table'),
    deadlinesPlaceholder: byTestId('deadlines-placeholder'),
    feed: byTestId('feed'),
    feedPlaceholder: byTestId('feed-placeholder')
  };

  function placeholder(node, text) {
    if (text) {
      node.textContent = text;
      node.hidden = false;
    } else {
      node.hidden = true;
    }
  }

  /**
   * Hides the items of a list that would be cut by the bottom edge of the list (or of the panel around a
   * table body): a wall shows whole items only.
   */
  function fitList(list, panel) {
    var items = list.children;
    for (var i = 0; i < items.length; i++) {
      items[i].hidden = false;
    }
    var bottom = panel
      ? panel.getBoundingClientRect().bottom - parseFloat(getComputedStyle(panel).paddingBottom) + 1
      : list.getBoundingClientRect().bottom + 1;
    for (var j = 0; j < items.length; j++) {
      if (items[j].getBoundingClientRect().bottom > bottom) {
        for (var k = j; k < items.length; k++) {
          items[k].hidden = true;
        }
        break;
      }
    }
  }

  function showBanner(text) {
    el.banner.textContent = text || '';
    el.banner.hidden = !text;
  }

  // ------------------------------------------------------------------ layout

  function chooseLayout() {
    var requested = param('layout');
    var layout = requested === 'wall' || requested === 'laptop'
      ? requested
      : (window.innerWidth < 1700 ? 'laptop' : 'wall');
    if (layout !== state.layout) {
      state.layout = layout;
      el.body.setAttribute('data-layout', layout);
      return true;
    }
    return false;
  }

  // ------------------------------------------------------------------ region and names

  var muniById = new Map();
  var catById = new Map();
  var timeFormat = new Intl.DateTimeFormat('ru-RU', { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
  var shortTimeFormat = new Intl.DateTimeFormat('ru-RU', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  var dayFormat = new Intl.DateTimeFormat('ru-RU', { day: 'numeric', month: 'short', year: 'numeric' });

  function muniName(id) {
    var m = muniById.get(id);
    if (m) {
      return m.shortName || m.name || id;
    }
    return id === UNKNOWN_ID ? 'не определено' : (id || '—');
  }

  function catName(id) {
    var c = catById.get(id);
    return c && c.name ? c.name : (id || '');
  }

  function perCapitaAvailable() {
    var known = 0;
    var total = 0;
    muniById.forEach(function (m, id) {
      if (id !== UNKNOWN_ID) {
        total++;
        if (m.population > 0) {
          known++;
        }
      }
    });
    return total > 0 && known === total;
  }

  function loadRegion(attempt) {
    fetchJson('api/v1/region').then(function (answer) {
      if (!answer.body || !Array.isArray(answer.body.municipalities)) {
        var delay = jittered(Math.min(30000, 2000 * Math.pow(2, attempt || 0)));
        setTimeout(function () { loadRegion((attempt || 0) + 1); }, delay);
        return;
      }
      applyRegion(answer.body);
    });
  }

  function applyRegion(body) {
    state.region = body.id;
    muniById.clear();
    catById.clear();
    body.municipalities.forEach(function (m) {
      if (m && m.id) {
        muniById.set(m.id, m);
      }
    });
    (body.categories || []).forEach(function (c) {
      if (c && c.id) {
        catById.set(c.id, c);
      }
    });
    el.regionName.textContent = body.name || body.id;
    document.title = 'TSUR Pulse — ' + (body.name || body.id);
    if (body.attribution) {
      el.attribution.textContent = body.attribution;
    }
    if (body.timeZone) {
      try {
        timeFormat = new Intl.DateTimeFormat('ru-RU', { timeZone: body.timeZone, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
        shortTimeFormat = new Intl.DateTimeFormat('ru-RU', { timeZone: body.timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
        dayFormat = new Intl.DateTimeFormat('ru-RU', { timeZone: body.timeZone, day: 'numeric', month: 'short', year: 'numeric' });
      } catch (e) {
        // An unknown zone in the pack: the wall computer's own zone is used.
      }
    }
    var wanted = param('region');
    state.regionMismatch = wanted !== null && wanted !== body.id;
    showBanner(state.regionMismatch
      ? 'Стена настроена на регион «' + wanted + '», а сервис обслуживает «' + (body.name || body.id) + '». Показан регион сервиса.'
      : null);
    var percapita = el.metricSwitch.querySelector('[data-metric="percapita"]');
    // Per-capita needs every municipality's population in the region pack; without it the choice is hidden.
    percapita.hidden = !perCapitaAvailable();
    clear(el.feed); // feed items drawn before the names were known are drawn again with them
    renderFeed();
    loadBoundaries(0);
    scheduleRender();
    startPolls();
  }

  // ------------------------------------------------------------------ map

  var map = {
    features: [],          // GeoJSON features with ids
    paths: new Map(),      // municipality id → SVG path
    labels: null,          // <g> of labels
    path: null,            // d3.geoPath with the fitted projection
    width: 0,
    height: 0,
    centroids: new Map(),  // municipality id → [x, y]
    areas: new Map()       // municipality id → projected area (px²), to label big shapes first
  };

  function loadBoundaries(attempt) {
    fetchJson('api/v1/region/boundaries').then(function (answer) {
      if (!answer.body || !Array.isArray(answer.body.features)) {
        placeholder(el.mapPlaceholder, 'Границы муниципалитетов недоступны, повтор…');
        setTimeout(function () { loadBoundaries(attempt + 1); }, jittered(Math.min(30000, 2000 * Math.pow(2, attempt))));
        return;
      }
      if (typeof d3 === 'undefined' || typeof d3.geoPath !== 'function') {
        placeholder(el.mapPlaceholder, 'Библиотека карты не загружена');
        return;
      }
      map.features = answer.body.features.filter(function (f) {
        return f && f.properties && f.properties.id && f.geometry;
      }).map(rewound);
      placeholder(el.mapPlaceholder, null);
      drawMap();
    });
  }

  /**
   * d3-geo draws on the sphere, where a ring's winding says which side is inside; GeoJSON from OSM tools
   * follows the opposite (RFC 7946) convention. A polygon whose spherical area is over a hemisphere is
   * inside out: its rings are reversed so it covers the municipality, not the rest of the world.
   */
  function rewound(feature) {
    var geometry = feature.geometry;
    var polygons = geometry.type === 'Polygon' ? [geometry.coordinates]
      : geometry.type === 'MultiPolygon' ? geometry.coordinates : [];
    var fixed = polygons.map(function (rings) {
      if (d3.geoArea({ type: 'Polygon', coordinates: rings }) > 2 * Math.PI) {
        return rings.map(function (ring) { return ring.slice().reverse(); });
      }
      return rings;
    });
    return {
      type: 'Feature',
      properties: feature.properties,
      geometry: geometry.type === 'Polygon' ? { type: 'Polygon', coordinates: fixed[0] } : { type: 'MultiPolygon', coordinates: fixed }
    };
  }

  function drawMap() {
    var box = el.mapWrap.getBoundingClientRect();
    var width = Math.max(200, Math.floor(box.width));
    var height = Math.max(200, Math.floor(box.height));
    if (!map.features.length) {
      return;
    }
    map.width = width;
    map.height = height;
    var collection = { type: 'FeatureCollection', features: map.features };
    var pad = Math.round(Math.min(width, height) * 0.03);
    var projection = d3.geoMercator().fitExtent([[pad, pad], [width - pad, height - pad]], collection);
    map.path = d3.geoPath(projection);
    el.map.setAttribute('viewBox', '0 0 ' + width + ' ' + height);
    el.map.setAttribute('width', width);
    el.map.setAttribute('height', height);
    clear(el.map);
    map.paths.clear();
    map.centroids.clear();
    map.areas.clear();
    var shapes = makeSvg('g', { 'class': 'shapes' });
    map.features.forEach(function (feature) {
      var id = feature.properties.id;
      var node = makeSvg('path', { d: map.path(feature) || '', 'class': 'municipality', 'data-municipality': id });
      var title = makeSvg('title');
      title.textContent = (muniById.get(id) || {}).name || feature.properties.name || id;
      node.appendChild(title);
      node.addEventListener('click', function () { select(id); });
      shapes.appendChild(node);
      map.paths.set(id, node);
      map.centroids.set(id, map.path.centroid(feature));
      map.areas.set(id, map.path.area(feature));
    });
    el.map.appendChild(shapes);
    map.selection = makeSvg('path', { 'class': 'selected-outline', d: '' });
    el.map.appendChild(map.selection);
    map.labels = makeSvg('g', { 'class': 'labels' });
    el.map.appendChild(map.labels);
    state.municipalities = map.paths.size;
    lastColours.clear();
    scheduleRender();
  }

  // ------------------------------------------------------------------ colour scales

  function valueOf(id) {
    if (state.metric === 'tension') {
      return state.scores.get(id) || 0;
    }
    var count = state.totals.get(id) || 0;
    if (state.metric === 'percapita') {
      var m = muniById.get(id);
      return m && m.population > 0 ? count * 10000 / m.population : 0;
    }
    return count;
  }

  /** The effective metric: tension falls back to counts while the server sends no scores. */
  function effectiveMetric() {
    if (state.metric === 'tension' && !state.scoresSeen) {
      return 'count';
    }
    if (state.metric === 'percapita' && !perCapitaAvailable()) {
      return 'count';
    }
    return state.metric;
  }

  /** The largest of 1, 2, 2.5, 5 × 10^k not above raw: class widths that read well and let the maximum reach the top class. */
  function niceStep(raw) {
    var power = Math.pow(10, Math.floor(Math.log10(Math.max(raw, 1e-9))));
    var scaled = raw / power;
    var nice = scaled >= 5 ? 5 : scaled >= 2.5 ? 2.5 : scaled >= 2 ? 2 : 1;
    return nice * power;
  }

  /**
   * Lower bounds of the classes above the first (four breaks, five classes) for the metric and the data.
   * Counts start at 1 (zero has its own colour); a class holds [break, next break).
   */
  function classBreaks(metric, max) {
    if (metric === 'tension') {
      return TENSION_BREAKS;
    }
    if (metric === 'count') {
      // The widest nice class that still lets the maximum reach the top class (1 + 4 steps ≤ max).
      var step = Math.max(1, Math.floor(niceStep((Math.max(max, 5) - 1) / 4)));
      return [1, 2, 3, 4].map(function (k) { return 1 + k * step; });
    }
    var stepRate = niceStep(Math.max(max, 0.5) / 5);
    return [1, 2, 3, 4].map(function (k) { return +(k * stepRate).toFixed(3); });
  }

  var CLASS_COLOURS = [0.12, 0.34, 0.56, 0.78, 1].map(function (t) {
    return typeof d3 !== 'undefined' && d3.interpolateViridis ? d3.interpolateViridis(t) : '#888';
  });

  function classOf(value, breaks) {
    for (var i = 0; i < breaks.length; i++) {
      if (value < breaks[i]) {
        return i;
      }
    }
    return breaks.length;
  }

  function fillFor(value, breaks) {
    return value <= 0 ? ZERO_FILL : CLASS_COLOURS[classOf(value, breaks)];
  }

  function formatValue(metric, value) {
    if (metric === 'percapita') {
      return decimalFormat.format(value);
    }
    return formatNumber(Math.round(value));
  }

  // ------------------------------------------------------------------ rendering (batched per animation frame)

  var renderPending = false;
  var lastColours = new Map();
  var legendKey = null;

  function scheduleRender() {
    if (!renderPending) {
      renderPending = true;
      requestAnimationFrame(render);
    }
  }

  function render() {
    renderPending = false;
    state.renders++;
    renderHeader();
    renderMap();
  }

  function renderHeader() {
    Array.prototype.forEach.call(el.windowSwitch.querySelectorAll('button'), function (b) {
      b.setAttribute('aria-pressed', String(b.getAttribute('data-window') === state.window));
    });
    Array.prototype.forEach.call(el.metricSwitch.querySelectorAll('button'), function (b) {
      b.setAttribute('aria-pressed', String(b.getAttribute('data-metric') === state.metric));
    });
    var total = 0;
    state.totals.forEach(function (n) { total += n; });
    el.totalLabel.textContent = 'всего ' + WINDOWS[state.window];
    el.total.textContent = heat.hasState() ? formatNumber(total) : '—';
  }

  function renderMap() {
    if (!map.paths.size) {
      return;
    }
    var metric = effectiveMetric();
    var max = 0;
    var values = new Map();
    map.paths.forEach(function (node, id) {
      var v = metric === state.metric ? valueOf(id) : (state.totals.get(id) || 0);
      values.set(id, v);
      if (v > max) {
        max = v;
      }
    });
    var breaks = classBreaks(metric, max);
    map.paths.forEach(function (node, id) {
      var v = values.get(id);
      var fill = heat.hasState() ? fillFor(v, breaks) : ZERO_FILL;
      if (lastColours.get(id) !== fill) {
        node.setAttribute('fill', fill);
        lastColours.set(id, fill);
      }
      var count = String(state.totals.get(id) || 0);
      if (node.getAttribute('data-count') !== count) {
        node.setAttribute('data-count', count);
      }
      node.setAttribute('data-value', String(Math.round(v * 10) / 10));
    });
    el.mapTitle.textContent = METRICS[metric].title + ' ' + WINDOWS[state.window];
    var note = '';
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
    var key = metric + '|' + breaks.join(',');
    if (key === legendKey) {
      return;
    }
    legendKey = key;
    clear(el.legend);
    el.legend.appendChild(make('span', 'legend-title', METRICS[metric].legend + ':'));
    var zero = make('span', 'legend-item');
    var zeroSwatch = make('span', 'swatch');
    zeroSwatch.style.background = ZERO_FILL;
    zero.appendChild(zeroSwatch);
    zero.appendChild(make('span', null, metric === 'tension' ? '0' : 'нет'));
    el.legend.appendChild(zero);
    var lower = metric === 'tension' ? 1 : (metric === 'count' ? 1 : 0);
    for (var i = 0; i <= breaks.length; i++) {
      var item = make('span', 'legend-item');
      var swatch = make('span', 'swatch');
      swatch.style.background = CLASS_COLOURS[i];
      item.appendChild(swatch);
      var from = i === 0 ? lower : breaks[i - 1];
      var label;
      if (i === breaks.length) {
        label = formatValue(metric, from) + '+';
      } else if (metric === 'percapita') {
        label = formatValue(metric, from) + '–' + formatValue(metric, breaks[i]);
      } else {
        label = breaks[i] - 1 <= from ? formatValue(metric, from) : formatValue(metric, from) + '–' + formatValue(metric, breaks[i] - 1);
      }
      item.appendChild(make('span', null, label));
      el.legend.appendChild(item);
    }
  }

  /** Labels for the municipalities that stand out most, skipping any that would overlap one already placed. */
  function renderLabels(metric, values) {
    var ranked = [];
    values.forEach(function (v, id) {
      if (v > 0) {
        ranked.push(id);
      }
    });
    ranked.sort(function (a, b) { return values.get(b) - values.get(a); });
    var wanted = state.layout === 'laptop' ? 6 : 10;
    var key = metric + '|' + ranked.slice(0, wanted).map(function (id) { return id + ':' + formatValue(metric, values.get(id)); }).join(',');
    if (key === map.labelKey) {
      return;
    }
    map.labelKey = key;
    clear(map.labels);
    var placed = [];
    for (var i = 0; i < ranked.length && placed.length < wanted; i++) {
      var id = ranked[i];
      var at = map.centroids.get(id);
      if (!at || !Number.isFinite(at[0])) {
        continue;
      }
      var group = makeSvg('g', { 'class': 'label', 'data-municipality': id, transform: 'translate(' + at[0].toFixed(1) + ',' + at[1].toFixed(1) + ')' });
      var name = makeSvg('text', { 'class': 'label-name', y: '-0.15em' });
      name.textContent = muniName(id);
      var value = makeSvg('text', { 'class': 'label-value', y: '1.05em' });
      value.textContent = formatValue(metric, values.get(id));
      group.appendChild(name);
      group.appendChild(value);
      map.labels.appendChild(group);
      var box = group.getBBox();
      var rect = { x: at[0] + box.x, y: at[1] + box.y, w: box.width, h: box.height };
      var clash = rect.x < 0 || rect.y < 0 || rect.x + rect.w > map.width || rect.y + rect.h > map.height ||
        placed.some(function (p) {
          return rect.x < p.x + p.w && p.x < rect.x + rect.w && rect.y < p.y + p.h && p.y < rect.y + rect.h;
        });
      if (clash) {
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
    var feature = state.selected ? map.features.find(function (f) { return f.properties.id === state.selected; }) : null;
    map.selection.setAttribute('d', feature ? (map.path(feature) || '') : '');
  }

  function select(id) {
    state.selected = state.selected === id ? null : id;
    renderSelection();
    loadDynamics();
  }

  // ------------------------------------------------------------------ sequenced streams

  /**
   * One WebSocket stream with snapshots, sequence numbers, resync and reconnect. `handlers`:
   * url() → the URL to open; snapshot(frame); change(frame) for every in-order non-heartbeat frame;
   * onState() after every state change; changeTypes: the frame types that carry changes.
   */
  function SequencedStream(name, handlers) {
    this.name = name;
    this.handlers = handlers;
    this.socket = null;
    this.seq = null;
    this.awaitingSnapshot = true;
    this.attempt = 0;
    this.timers = {};
    this.stopped = true;
    this.info = { connected: false, seq: null, resyncs: 0, reconnects: 0, snapshots: 0, since: Date.now() };
    state.streams[name] = this.info;
  }

  SequencedStream.prototype.start = function () {
    this.stopped = false;
    this.connect();
  };

  SequencedStream.prototype.stop = function () {
    this.stopped = true;
    this.drop();
    clearTimeout(this.timers.reconnect);
  };

  SequencedStream.prototype.hasState = function () {
    return this.seq !== null;
  };

  SequencedStream.prototype.connect = function () {
    var self = this;
    if (self.socket || self.stopped) {
      return;
    }
    if (self.connecting) {
      return;
    }
    self.connecting = true;
    accessToken().then(function (token) {
      self.connecting = false;
      if (self.socket || self.stopped) {
        return;
      }
      if (!token) {
        self.scheduleReconnect();
        return;
      }
      self.open(token);
    });
  };

  /**
   * Opens the socket with the bearer token in the subprotocol list — the only header a browser lets a page
   * set on a WebSocket; the service turns it into the Authorization header. The server closes the socket
   * when the token expires (code 4401); the reconnect then fetches a fresh one.
   */
  SequencedStream.prototype.open = function (token) {
    var self = this;
    var ws;
    try {
      ws = new WebSocket(self.handlers.url(), ['bearer-token-carrier',
        encodeURIComponent('quarkus-http-upgrade#Authorization#Bearer ' + token)]);
    } catch (error) {
      self.scheduleReconnect();
      return;
    }
    self.socket = ws;
    self.awaitingSnapshot = true;
    ws.onopen = function () {
      if (self.socket !== ws) {
        return;
      }
      self.info.connected = true;
      self.armSilence();
      self.expectSnapshot();
      self.changed();
    };
    ws.onmessage = function (event) {
      if (self.socket !== ws || typeof event.data !== 'string') {
        return;
      }
      self.armSilence();
      var frame;
      try {
        frame = JSON.parse(event.data);
      } catch (e) {
        return;
      }
      if (frame && typeof frame === 'object') {
        self.onFrame(frame);
      }
    };
    ws.onclose = function () {
      if (self.socket === ws) {
        self.socket = null;
        self.lost();
      }
    };
    ws.onerror = function () {
      // onclose follows.
    };
  };

  SequencedStream.prototype.onFrame = function (frame) {
    var seq = Number(frame.seq);
    if (frame.type === 'snapshot') {
      if (this.handlers.accept && !this.handlers.accept(frame)) {
        return;
      }
      this.seq = Number.isFinite(seq) ? seq : 0;
      this.awaitingSnapshot = false;
      this.attempt = 0;
      clearTimeout(this.timers.snapshot);
      this.info.snapshots++;
      this.info.seq = this.seq;
      this.handlers.snapshot(frame);
      this.changed();
      return;
    }
    if (frame.type === 'error') {
      return;
    }
    if (this.awaitingSnapshot || !Number.isFinite(seq) || (this.handlers.accept && !this.handlers.accept(frame))) {
      return;
    }
    if (frame.type === 'heartbeat') {
      if (seq > this.seq) {
        this.resync();
      } else {
        this.changed();
      }
      return;
    }
    if (seq <= this.seq) {
      return;
    }
    if (seq !== this.seq + 1) {
      this.resync();
      return;
    }
    this.seq = seq;
    this.info.seq = seq;
    this.handlers.change(frame);
    this.changed();
  };

  SequencedStream.prototype.send = function (message) {
    if (this.socket && this.socket.readyState === 1) {
      this.socket.send(JSON.stringify(message));
      return true;
    }
    return false;
  };

  SequencedStream.prototype.resync = function () {
    this.info.resyncs++;
    this.awaitingSnapshot = true;
    if (this.send({ type: 'resync' })) {
      this.expectSnapshot();
    }
  };

  /** Asks for something that answers with a snapshot (e.g. switching the heat-map window). */
  SequencedStream.prototype.request = function (message) {
    this.awaitingSnapshot = true;
    if (this.send(message)) {
      this.expectSnapshot();
    }
  };

  SequencedStream.prototype.expectSnapshot = function () {
    var self = this;
    clearTimeout(self.timers.snapshot);
    self.timers.snapshot = setTimeout(function () {
      if (self.awaitingSnapshot) {
        self.drop();
      }
    }, SETTINGS.snapshotTimeoutMs);
  };

  SequencedStream.prototype.armSilence = function () {
    var self = this;
    clearTimeout(self.timers.silence);
    self.timers.silence = setTimeout(function () { self.drop(); }, SETTINGS.silenceMs);
  };

  /** Closes the socket from our side (watchdog); a reconnect follows. */
  SequencedStream.prototype.drop = function () {
    var ws = this.socket;
    if (ws) {
      this.socket = null;
      try {
        ws.close();
      } catch (e) {
        // Already closing.
      }
      this.lost();
    }
  };

  SequencedStream.prototype.lost = function () {
    clearTimeout(this.timers.silence);
    clearTimeout(this.timers.snapshot);
    if (this.info.connected) {
      this.info.since = Date.now();
    }
    this.info.connected = false;
    this.awaitingSnapshot = true;
    this.scheduleReconnect();
    this.changed();
  };

  SequencedStream.prototype.scheduleReconnect = function () {
    var self = this;
    if (self.stopped) {
      return;
    }
    clearTimeout(self.timers.reconnect);
    var delay = jittered(Math.min(SETTINGS.backoffMaxMs, SETTINGS.backoffBaseMs * Math.pow(2, self.attempt)));
    self.attempt = Math.min(self.attempt + 1, 10);
    self.info.reconnects++;
    self.timers.reconnect = setTimeout(function () { self.connect(); }, delay);
  };

  SequencedStream.prototype.changed = function () {
    if (this.handlers.onState) {
      this.handlers.onState();
    }
    renderLinks();
  };

  // ------------------------------------------------------------------ heat map stream

  function cellKey(cell) {
    return cell && typeof cell.m === 'string' && typeof cell.c === 'string' ? cell.m + '|' + cell.c : null;
  }

  function applyCell(cell) {
    var key = cellKey(cell);
    var n = toCount(cell && cell.n);
    if (key === null || n === null) {
      return;
    }
    var before = state.cells.get(key) || 0;
    if (n > 0) {
      state.cells.set(key, n);
    } else {
      state.cells.delete(key);
    }
    var total = (state.totals.get(cell.m) || 0) + n - before;
    if (total > 0) {
      state.totals.set(cell.m, total);
    } else {
      state.totals.delete(cell.m);
    }
  }

  function applyScores(scores) {
    if (!Array.isArray(scores)) {
      return;
    }
    state.scoresSeen = true;
    scores.forEach(function (score) {
      var t = toCount(score && score.t);
      if (score && typeof score.m === 'string' && t !== null) {
        if (t > 0) {
          state.scores.set(score.m, Math.min(100, t));
        } else {
          state.scores.delete(score.m);
        }
      }
    });
  }

  var heat = new SequencedStream('heatmap', {
    url: function () { return wsUrl('ws/heatmap?window=' + encodeURIComponent(state.window)); },
    accept: function (frame) { return frame.window === undefined || frame.window === state.window; },
    snapshot: function (frame) {
      state.cells.clear();
      state.totals.clear();
      state.scores.clear();
      (Array.isArray(frame.cells) ? frame.cells : []).forEach(applyCell);
      applyScores(frame.scores);
      scheduleRender();
    },
    change: function (frame) {
      (Array.isArray(frame.cells) ? frame.cells : []).forEach(applyCell);
      applyScores(frame.scores);
      noteEvent(parseTime(frame.at));
      scheduleRender();
    }
  });

  function setWindow(windowLabel) {
    if (!WINDOWS[windowLabel] || windowLabel === state.window) {
      return;
    }
    state.window = windowLabel;
    heat.request({ type: 'subscribe', window: windowLabel });
    scheduleRender();
    loadTension();
  }

  function setMetric(metric) {
    if (!METRICS[metric]) {
      return;
    }
    state.metric = metric;
    scheduleRender();
  }

  // ------------------------------------------------------------------ feed stream

  var feed = new SequencedStream('feed', {
    url: function () { return wsUrl('ws/feed'); },
    snapshot: function (frame) {
      state.feed = [];
      addFeed(frame.messages, false);
    },
    change: function (frame) {
      addFeed(frame.messages, true);
    }
  });

  function addFeed(messages, fresh) {
    if (!Array.isArray(messages)) {
      return;
    }
    var known = new Set(state.feed.map(function (m) { return m.id; }));
    var incoming = messages.filter(function (m) { return m && m.id !== undefined && !known.has(m.id); });
    incoming.forEach(function (m) {
      m.fresh = fresh;
      noteEvent(parseTime(m.receivedAt));
    });
    state.feed = incoming.concat(state.feed).slice(0, FEED_MAX);
    scheduleFeedRender();
  }

  var feedRenderPending = false;

  /** At most one feed render per animation frame, however many messages arrive. */
  function scheduleFeedRender() {
    if (!feedRenderPending) {
      feedRenderPending = true;
      requestAnimationFrame(function () {
        feedRenderPending = false;
        renderFeed();
      });
    }
  }

  function renderFeed() {
    var shown = new Map();
    Array.prototype.forEach.call(el.feed.children, function (li) {
      shown.set(li.getAttribute('data-message-id'), li);
    });
    var wanted = new Set(state.feed.map(function (m) { return String(m.id); }));
    shown.forEach(function (li, id) {
      if (!wanted.has(id)) {
        el.feed.removeChild(li);
      }
    });
    var previous = null;
    state.feed.forEach(function (m) {
      var id = String(m.id);
      var li = shown.get(id);
      if (!li) {
        li = feedItem(m);
      }
      var expected = previous ? previous.nextSibling : el.feed.firstChild;
      if (li !== expected) {
        el.feed.insertBefore(li, expected);
      }
      previous = li;
    });
    placeholder(el.feedPlaceholder, state.feed.length ? null
      : (feed.hasState() ? 'Пока нет обращений' : 'Лента недоступна, подключение…'));
    updateAges();
    fitList(el.feed);
  }

  function feedItem(m) {
    var li = make('li', 'feed-item' + (m.fresh ? ' fresh' : ''));
    li.setAttribute('data-message-id', String(m.id));
    li.setAttribute('data-municipality', String(m.municipality || ''));
    var meta = make('div', 'feed-meta');
    var age = make('span', 'feed-age');
    age.setAttribute('data-at', String(parseTime(m.createdAt) || ''));
    meta.appendChild(age);
    meta.appendChild(make('span', 'feed-place', muniName(m.municipality)));
    meta.appendChild(make('span', 'feed-category', catName(m.category)));
    li.appendChild(meta);
    li.appendChild(make('div', 'feed-text', m.text));
    if (m.fresh) {
      setTimeout(function () { li.classList.remove('fresh'); }, SETTINGS.flashMs);
    }
    return li;
  }

  function updateAges() {
    var now = Date.now();
    Array.prototype.forEach.call(el.feed.querySelectorAll('.feed-age'), function (node) {
      var at = Number(node.getAttribute('data-at'));
      // Within a day: how long ago; older (a replay, a late source): the date it was written.
      var text = !at ? '' : now - at < 86400000 ? formatAge(now - at) : dayFormat.format(new Date(at)).replace(/\s*г\.$/, '');
      if (node.textContent !== text) {
        node.textContent = text;
      }
    });
  }

  // ------------------------------------------------------------------ alerts stream

  var SEVERITY_RANK = { critical: 0, warning: 1, info: 2 };
  var SEVERITY_NAME = { critical: 'критично', warning: 'внимание', info: 'инфо' };

  var alerts = new SequencedStream('alerts', {
    url: function () { return wsUrl('ws/alerts'); },
    snapshot: function (frame) {
      state.alerts.clear();
      upsertAlerts(frame.alerts, false);
    },
    change: function (frame) {
      upsertAlerts(frame.alerts, true);
      noteEvent(parseTime(frame.at));
    }
  });

  function upsertAlerts(list, fresh) {
    (Array.isArray(list) ? list : []).forEach(function (a) {
      if (a && typeof a.id === 'string') {
        a.fresh = fresh;
        state.alerts.set(a.id, a);
      }
    });
    pruneAlerts();
    renderAlerts();
  }

  /** Resolved alerts stay a while, then go; the map never holds more than ALERTS_MAX. */
  function pruneAlerts() {
    var now = Date.now();
    state.alerts.forEach(function (a, id) {
      var ended = parseTime(a.endsAt) || parseTime(a.updatedAt);
      if (a.state === 'resolved' && ended !== null && now - ended > RESOLVED_KEEP_MS) {
        state.alerts.delete(id);
      }
    });
    if (state.alerts.size > ALERTS_MAX) {
      var ordered = Array.from(state.alerts.values()).sort(alertOrder);
      ordered.slice(ALERTS_MAX).forEach(function (a) { state.alerts.delete(a.id); });
    }
  }

  function alertOrder(a, b) {
    var firing = (a.state === 'firing' ? 0 : 1) - (b.state === 'firing' ? 0 : 1);
    if (firing) {
      return firing;
    }
    var silenced = (isSilenced(a) ? 1 : 0) - (isSilenced(b) ? 1 : 0);
    if (silenced) {
      return silenced;
    }
    var severity = severityRank(a) - severityRank(b);
    if (severity) {
      return severity;
    }
    return (parseTime(b.updatedAt) || 0) - (parseTime(a.updatedAt) || 0);
  }

  function severityRank(a) {
    return Object.prototype.hasOwnProperty.call(SEVERITY_RANK, a.severity) ? SEVERITY_RANK[a.severity] : 3;
  }

  function isSilenced(a) {
    var until = parseTime(a.silencedUntil);
    return until !== null && until > Date.now();
  }

  function renderAlerts() {
    clear(el.alertList);
    var all = Array.from(state.alerts.values());
    var firingIds = new Set(all.filter(function (a) { return a.state === 'firing'; }).map(function (a) { return a.id; }));
    var children = new Map();
    var top = [];
    all.forEach(function (a) {
      if (a.parent && firingIds.has(a.parent)) {
        if (!children.has(a.parent)) {
          children.set(a.parent, []);
        }
        children.get(a.parent).push(a);
      } else {
        top.push(a);
      }
    });
    top.sort(alertOrder);
    var limit = state.layout === 'laptop' ? 6 : 8;
    top.slice(0, limit).forEach(function (a) {
      var li = alertItem(a);
      var kids = (children.get(a.id) || []).sort(alertOrder);
      if (kids.length) {
        var sub = make('ul', 'alert-children');
        kids.slice(0, 3).forEach(function (k) {
          sub.appendChild(make('li', 'alert-child', k.title || k.id));
        });
        if (kids.length > 3) {
          sub.appendChild(make('li', 'alert-child more', 'и ещё ' + (kids.length - 3)));
        }
        li.appendChild(sub);
      }
      el.alertList.appendChild(li);
    });
    fitList(el.alertList);
    var firing = firingIds.size;
    el.alertsCount.textContent = firing ? String(firing) : '';
    if (!alerts.hasState()) {
      placeholder(el.alertsPlaceholder, state.missing.alerts ? 'Оповещения пока недоступны' : 'Оповещения: подключение…');
    } else {
      placeholder(el.alertsPlaceholder, all.length ? null : 'Активных оповещений нет');
    }
  }

  function alertItem(a) {
    var li = make('li', 'alert severity-' + (SEVERITY_NAME[a.severity] ? a.severity : 'info') +
      (a.state === 'resolved' ? ' resolved' : '') + (isSilenced(a) ? ' silenced' : '') + (a.fresh ? ' fresh' : ''));
    li.setAttribute('data-alert-id', a.id);
    li.setAttribute('data-state', String(a.state || ''));
    var head = make('div', 'alert-head');
    head.appendChild(make('span', 'alert-badge', a.state === 'resolved' ? 'решено' : (SEVERITY_NAME[a.severity] || 'инфо')));
    head.appendChild(make('span', 'alert-title', a.title || a.id));
    var since = parseTime(a.startsAt);
    if (since !== null) {
      head.appendChild(make('span', 'alert-age', formatAge(Date.now() - since)));
    }
    li.appendChild(head);
    if (a.summary) {
      li.appendChild(make('div', 'alert-summary', a.summary));
    }
    var marks = [];
    if (a.acknowledgedBy) {
      marks.push('принято: ' + a.acknowledgedBy);
    }
    if (isSilenced(a)) {
      marks.push('заглушено до ' + shortTimeFormat.format(new Date(parseTime(a.silencedUntil))) + (a.silenceReason ? ' — ' + a.silenceReason : ''));
    }
    if (marks.length) {
      li.appendChild(make('div', 'alert-marks', marks.join(' · ')));
    }
    return li;
  }

  /** /ws/alerts exists only with the alerts core: ask the REST list first, and again later while it is missing. */
  function startAlerts() {
    fetchJson('api/v1/alerts?state=firing').then(function (answer) {
      if (answer.status === 404) {
        state.missing.alerts = true;
        renderAlerts();
        renderLinks();
        setTimeout(startAlerts, SETTINGS.recheckMissingMs);
        return;
      }
      state.missing.alerts = false;
      alerts.start();
    });
  }

  // ------------------------------------------------------------------ polled panels

  function loadTension() {
    fetchJson('api/v1/tension-points?window=' + encodeURIComponent(state.window) + '&limit=8').then(current(renderTension));
  }

  /** Draws the answer of GET /api/v1/tension-points ({status, body}). */
  function renderTension(answer) {
    state.missing.tension = answer.status === 404;
    clear(el.tensionList);
    if (!answer.body || !Array.isArray(answer.body.points)) {
      state.tensionPoints = [];
      placeholder(el.tensionPlaceholder, answer.status === 404 ? 'Оценка напряжённости пока недоступна'
        : answer.status === 503 ? 'Оценка напряжённости готовится…' : 'Нет связи с сервисом, повтор…');
      if (!state.selectedByUser) {
        loadDynamics();
      }
      return;
    }
    var points = answer.body.points;
    state.tensionPoints = points;
    points.forEach(function (p, index) {
      el.tensionList.appendChild(tensionItem(p, index));
    });
    placeholder(el.tensionPlaceholder, points.length ? null : 'Всплесков нет — обстановка спокойная');
    fitList(el.tensionList);
    if (!state.selectedByUser) {
      loadDynamics();
    }
  }

  var TREND = { up: '▲', down: '▼', flat: '▶' };
  var TREND_NAME = { up: 'растёт', down: 'снижается', flat: 'без изменений' };

  function tensionItem(p, index) {
    var li = make('li', 'tension-item');
    li.setAttribute('data-municipality', String(p.municipality || ''));
    var score = toCount(p.score) || 0;
    var badge = make('span', 'tension-score', String(score));
    badge.style.background = score > 0 ? CLASS_COLOURS[classOf(score, TENSION_BREAKS)] : ZERO_FILL;
    badge.style.color = score >= 60 ? '#0b0f16' : '#ffffff';
    li.appendChild(badge);
    var body = make('div', 'tension-body');
    var head = make('div', 'tension-head');
    head.appendChild(make('span', 'tension-place', p.municipalityName || muniName(p.municipality)));
    var trend = make('span', 'trend trend-' + (TREND[p.trend] ? p.trend : 'flat'), TREND[p.trend] || TREND.flat);
    trend.title = TREND_NAME[p.trend] || '';
    head.appendChild(trend);
    body.appendChild(head);
    var what = [p.categoryName || catName(p.category), p.topic].filter(Boolean).join(' · ');
    if (what) {
      body.appendChild(make('div', 'tension-what', what));
    }
    var expected = Number(p.expected);
    body.appendChild(make('div', 'tension-numbers', formatNumber(toCount(p.observed) || 0) + ' при норме ' +
      (Number.isFinite(expected) ? decimalFormat.format(expected) : '—')));
    if (Array.isArray(p.topics) && p.topics.length) {
      body.appendChild(make('div', 'tension-topics', p.topics.slice(0, 2).map(function (t) {
        return (t.topic || '') + ' ' + formatNumber(toCount(t.observed) || 0);
      }).join(' · ')));
    }
    li.appendChild(body);
    li.addEventListener('click', function () {
      state.selectedByUser = true;
      select(p.municipality);
    });
    return li;
  }

  function dynamicsTarget() {
    if (state.selected) {
      return state.selected;
    }
    var points = state.tensionPoints || [];
    return points.length && points[0].municipality ? points[0].municipality : null;
  }

  function loadDynamics() {
    var target = dynamicsTarget();
    var to = new Date();
    var from = new Date(to.getTime() - 48 * 3600 * 1000);
    var query = 'step=1h&from=' + encodeURIComponent(from.toISOString()) + '&to=' + encodeURIComponent(to.toISOString()) +
      (target ? '&municipality=' + encodeURIComponent(target) : '');
    el.dynamicsTitle.textContent = 'Динамика, 48 ч · ' + (target ? muniName(target) : 'весь регион');
    fetchJson('api/v1/dynamics?' + query).then(current(function (answer) {
      state.missing.dynamics = answer.status === 404;
      if (!answer.body || !Array.isArray(answer.body.points) || !answer.body.points.length) {
        clear(el.sparkline);
        clear(el.dynamicsLegend);
        placeholder(el.dynamicsPlaceholder, answer.status === 404 ? 'Динамика пока недоступна'
          : answer.status === 503 ? 'Динамика готовится…' : answer.body ? 'Нет данных за 48 ч' : 'Нет связи с сервисом, повтор…');
        return;
      }
      placeholder(el.dynamicsPlaceholder, null);
      drawSparkline(answer.body.points);
    }));
  }

  /** Observed counts as a line, the expected baseline dashed, the upper bound as a band. */
  function drawSparkline(points) {
    clear(el.sparkline);
    var box = el.sparkline.getBoundingClientRect();
    var width = Math.max(100, Math.floor(box.width));
    var height = Math.max(40, Math.floor(box.height));
    el.sparkline.setAttribute('viewBox', '0 0 ' + width + ' ' + height);
    var values = points.map(function (p) {
      return { observed: Number(p.observed) || 0, expected: Number(p.expected) || 0, upper: Number(p.upper) || 0 };
    });
    var max = Math.max(1, d3.max(values, function (v) { return Math.max(v.observed, v.upper, v.expected); }));
    var x = function (i) { return values.length < 2 ? width / 2 : (i / (values.length - 1)) * (width - 4) + 2; };
    var y = function (v) { return height - 3 - (v / max) * (height - 8); };
    var band = values.map(function (v, i) { return x(i).toFixed(1) + ',' + y(v.upper).toFixed(1); });
    var base = values.map(function (v, i) { return x(i).toFixed(1) + ',' + y(0).toFixed(1); }).reverse();
    el.sparkline.appendChild(makeSvg('polygon', { 'class': 'spark-band', points: band.concat(base).join(' ') }));
    el.sparkline.appendChild(makeSvg('polyline', { 'class': 'spark-expected', points: values.map(function (v, i) { return x(i).toFixed(1) + ',' + y(v.expected).toFixed(1); }).join(' ') }));
    el.sparkline.appendChild(makeSvg('polyline', { 'class': 'spark-observed', points: values.map(function (v, i) { return x(i).toFixed(1) + ',' + y(v.observed).toFixed(1); }).join(' ') }));
    var last = values[values.length - 1];
    el.sparkline.appendChild(makeSvg('circle', { 'class': 'spark-last', cx: x(values.length - 1).toFixed(1), cy: y(last.observed).toFixed(1), r: Math.max(3, height / 30) }));
    clear(el.dynamicsLegend);
    el.dynamicsLegend.appendChild(make('span', 'legend-observed', 'факт за последний час: ' + formatNumber(Math.round(last.observed))));
    el.dynamicsLegend.appendChild(make('span', 'legend-expected', 'норма ' + decimalFormat.format(last.expected)));
    el.dynamicsLegend.appendChild(make('span', 'legend-upper', 'порог ' + decimalFormat.format(last.upper)));
  }

  var deadlineSeen = null;  // executor → {overdue, atRisk} of the previous answer (null before the first)

  function loadDeadlines() {
    fetchJson('api/v1/deadlines/summary').then(current(renderDeadlines));
  }

  /** Draws the answer of GET /api/v1/deadlines/summary ({status, body}); flashes only counts that grew. */
  function renderDeadlines(answer) {
    state.missing.deadlines = answer.status === 404;
    if (!answer.body || !Array.isArray(answer.body.executors)) {
      clear(el.deadlineBody);
      el.deadlineTable.hidden = true;
      placeholder(el.deadlinesPlaceholder, answer.status === 404 ? 'Сведения о сроках пока недоступны' : 'Нет связи с сервисом, повтор…');
      return;
    }
    // Cases with no executor yet form a line of their own (executor null in the summary).
    var rows = answer.body.executors.filter(function (e) { return e && typeof e === 'object'; }).map(function (e) {
      return { executor: e.executor ? String(e.executor) : '', overdue: toCount(e.overdue) || 0, atRisk: toCount(e.atRisk) || 0, open: toCount(e.open) || 0 };
    });
    rows.sort(function (a, b) {
      return b.overdue - a.overdue || b.atRisk - a.atRisk || b.open - a.open || (a.executor < b.executor ? -1 : a.executor > b.executor ? 1 : 0);
    });
    var limit = state.layout === 'laptop' ? 6 : 9;
    var previous = deadlineSeen;
    deadlineSeen = new Map();
    rows.forEach(function (r) { deadlineSeen.set(r.executor, { overdue: r.overdue || 0, atRisk: r.atRisk || 0 }); });
    clear(el.deadlineBody);
    rows.slice(0, limit).forEach(function (r) {
      var before = previous ? previous.get(r.executor) : null;
      var tr = make('tr');
      tr.setAttribute('data-executor', r.executor);
      tr.appendChild(make('td', 'executor', r.executor || 'исполнитель не назначен'));
      var overdue = make('td', 'overdue' + ((r.overdue || 0) > 0 ? ' nonzero' : ''), formatNumber(r.overdue || 0));
      var atRisk = make('td', 'at-risk' + ((r.atRisk || 0) > 0 ? ' nonzero' : ''), formatNumber(r.atRisk || 0));
      // Only what is new flashes: a count that grew since the previous answer (nothing on the first one).
      if (previous && (r.overdue || 0) > (before ? before.overdue : 0)) {
        overdue.classList.add('flash');
        tr.setAttribute('data-new', 'overdue');
      }
      if (previous && (r.atRisk || 0) > (before ? before.atRisk : 0)) {
        atRisk.classList.add('flash');
        tr.setAttribute('data-new', tr.hasAttribute('data-new') ? 'overdue at-risk' : 'at-risk');
      }
      tr.appendChild(overdue);
      tr.appendChild(atRisk);
      tr.appendChild(make('td', 'open', formatNumber(r.open || 0)));
      el.deadlineBody.appendChild(tr);
    });
    el.deadlineTable.hidden = rows.length === 0;
    placeholder(el.deadlinesPlaceholder, rows.length ? null : 'Открытых обращений с контролем срока нет');
    fitList(el.deadlineBody, el.deadlineTable.parentNode);
  }

  var pollsStarted = false;
  var pollTimers = [];
  var pollGeneration = 0;   // bumped by wallHooks.detach(): answers to earlier requests are dropped

  /** Wraps a render of a polled answer so that it is skipped if the page was detached meanwhile. */
  function current(render) {
    var generation = pollGeneration;
    return function (answer) {
      if (generation === pollGeneration) {
        render(answer);
      }
    };
  }
  function startPolls() {
    if (pollsStarted) {
      return;
    }
    pollsStarted = true;
    loadTension();
    loadDeadlines();
    pollTimers.push(setInterval(loadTension, SETTINGS.pollTensionMs));
    pollTimers.push(setInterval(loadDeadlines, SETTINGS.pollDeadlinesMs));
    pollTimers.push(setInterval(loadDynamics, SETTINGS.pollDynamicsMs));
  }

  // ------------------------------------------------------------------ status bar

  var LINK_TEXT = { live: 'на связи', connecting: 'подключение', lost: 'нет связи', missing: 'недоступно' };

  function renderLinks() {
    [['heatmap', heat], ['feed', feed], ['alerts', alerts]].forEach(function (pair) {
      var node = byTestId('link-' + pair[0]);
      var stream = pair[1];
      var linkState;
      if (pair[0] === 'alerts' && state.missing.alerts) {
        linkState = 'missing';
      } else if (stream.info.connected && !stream.awaitingSnapshot) {
        linkState = 'live';
      } else if (Date.now() - stream.info.since > 15000) {
        linkState = 'lost';
      } else {
        linkState = 'connecting';
      }
      if (node.getAttribute('data-state') !== linkState) {
        node.setAttribute('data-state', linkState);
        node.title = LINK_TEXT[linkState];
      }
    });
  }

  function tickClock() {
    el.clock.textContent = timeFormat.format(new Date());
    var text;
    var level;
    if (state.newestEventAt === null) {
      text = 'последнее событие: —';
      level = 'none';
    } else {
      var age = Math.max(0, Date.now() - state.newestEventAt);
      text = 'последнее событие ' + formatAge(age) + ' назад';
      // A quiet night is not a fault: while the sockets are live (heartbeats confirm the picture) an old
      // newest event is only amber; red means old data and no live socket to vouch for it.
      var live = heat.info.connected && !heat.awaitingSnapshot;
      level = age > SETTINGS.freshStaleS * 1000 ? (live ? 'warn' : 'stale') : age > SETTINGS.freshWarnS * 1000 && !live ? 'warn' : 'fresh';
    }
    if (el.freshness.textContent !== text) {
      el.freshness.textContent = text;
    }
    el.freshness.setAttribute('data-level', level);
    updateAges();
    renderLinks();
    tickRotation();
  }

  // ------------------------------------------------------------------ kiosk rotation

  var rotation = null;

  function setupRotation() {
    var seconds = Number(param('rotate'));
    if (!Number.isFinite(seconds) || seconds < 5) {
      return;
    }
    var views = (param('views') || DEFAULT_VIEWS.join(',')).split(',').map(function (v) {
      var parts = v.trim().split(':');
      return { metric: parts[0], window: parts[1] };
    }).filter(function (v) { return METRICS[v.metric] && WINDOWS[v.window]; });
    if (views.length < 2) {
      return;
    }
    rotation = { views: views, index: 0, periodMs: seconds * 1000, nextAt: Date.now() + seconds * 1000 };
    applyView(views[0]);
    el.rotation.hidden = false;
  }

  function applyView(view) {
    setMetric(view.metric);
    setWindow(view.window);
  }

  function tickRotation() {
    if (!rotation) {
      return;
    }
    if (Date.now() >= rotation.nextAt) {
      rotation.index = (rotation.index + 1) % rotation.views.length;
      rotation.nextAt = Date.now() + rotation.periodMs;
      applyView(rotation.views[rotation.index]);
    }
    el.rotation.textContent = 'вид ' + (rotation.index + 1) + ' из ' + rotation.views.length + ' · смена через ' +
      Math.max(0, Math.ceil((rotation.nextAt - Date.now()) / 1000)) + ' с';
    state.view = rotation.index;
  }

  // ------------------------------------------------------------------ hooks for browser tests

  /**
   * Browser tests drive the page's own code with frames and answers in the shapes of the contracts:
   * detach() stops the sockets and polls (and drops answers still on their way), so what the test feeds in
   * is all the page sees.
   */
  window.wallHooks = {
    detach: function () {
      heat.stop();
      feed.stop();
      alerts.stop();
      pollTimers.forEach(clearInterval);
      pollTimers = [];
      pollGeneration++;
      deadlineSeen = null; // the next answer is a first one again: nothing flashes
    },
    heatFrame: function (frame) { heat.onFrame(frame); },
    feedFrame: function (frame) { feed.onFrame(frame); },
    alertsFrame: function (frame) { alerts.onFrame(frame); },
    tension: function (answer) {
      state.selectedByUser = true; // the test's tension points do not reload the dynamics panel
      renderTension(answer);
    },
    deadlines: renderDeadlines,
    dynamics: function (points) {
      placeholder(el.dynamicsPlaceholder, null);
      drawSparkline(points);
    }
  };

  // ------------------------------------------------------------------ start

  el.windowSwitch.addEventListener('click', function (event) {
    var button = event.target.closest('button[data-window]');
    if (button) {
      rotation = null;
      el.rotation.hidden = true;
      setWindow(button.getAttribute('data-window'));
    }
  });
  el.metricSwitch.addEventListener('click', function (event) {
    var button = event.target.closest('button[data-metric]');
    if (button && !button.disabled) {
      rotation = null;
      el.rotation.hidden = true;
      setMetric(button.getAttribute('data-metric'));
    }
  });

  var resizeTimer = 0;
  window.addEventListener('resize', function () {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(function () {
      chooseLayout();
      drawMap();
      loadDynamics();
      [el.feed, el.alertList, el.tensionList].forEach(function (list) { fitList(list); });
      fitList(el.deadlineBody, el.deadlineTable.parentNode);
    }, 200);
  });

  chooseLayout();
  setupRotation();
  renderHeader();
  renderFeed();
  renderAlerts();
  loadRegion(0);
  heat.start();
  feed.start();
  startAlerts();
  tickClock();
  setInterval(tickClock, 1000);
  setInterval(pruneAlerts, 60000);
}());
