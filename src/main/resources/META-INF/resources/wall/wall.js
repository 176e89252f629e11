/*
 * TSUR Pulse: the script of the interim video-wall page (/wall/).
 *
 * It loads the region's names (GET /api/v1/region), then keeps a live copy of the heat map, a count per
 * (municipality, category) in a rolling window, from the WebSocket /ws/heatmap?window=1h|24h|7d, and shows
 * it as a ranked "heat table" with a feed of recent changes. Plain browser JavaScript: no libraries, no
 * build step, no network access beyond this service.
 *
 * Protocol (see HeatmapFrames.java / HeatmapSocket.java on the server):
 *   - The server sends a snapshot first. A snapshot for the current window always replaces the whole state,
 *     even one with a lower seq, because a restarted server counts from 0 again.
 *   - A delta is applied only if its seq is last + 1. If seq <= last it is ignored (old or duplicate). If
 *     seq > last + 1 a delta was lost: the page sends {"type":"resync"}, counts it, and ignores deltas and
 *     heartbeats until the next snapshot.
 *   - A heartbeat carries the server's current seq. If it is greater than ours, the last delta was lost:
 *     resync. If it is equal, our data is confirmed current, which updates the freshness.
 *   - Frames for another window are ignored. They can still be in flight just after a switch
 *     ({"type":"subscribe"}).
 *   - Watchdogs: with no frame for 20 s (heartbeats come every 5 s), or no snapshot within 10 s of asking,
 *     the socket is dropped and reopened.
 *   - Reconnects use exponential backoff (about 1 s, 2 s, 4 s … up to 30 s, ±20 % jitter). The backoff is
 *     reset only when a snapshot arrives. While the socket gives no state (it is closed, or it is open with
 *     no snapshot after 2 s), GET /api/v1/heatmap is polled every 10 s as a fallback. A socket snapshot
 *     always wins over a REST answer.
 *
 * Rendering is batched with requestAnimationFrame: at most one render per frame, however many deltas arrive.
 * Data is written with textContent only, never innerHTML. Memory is bounded: the state is one Map of the
 * non-empty cells, the feed keeps 30 entries, and table rows exist only for the municipalities shown.
 *
 * For browser tests: window.wallState = {seq, window, connected, resyncs, cells, …}, where cells is a
 * Map from "<municipality id>|<category id>" to the count (empty cells are absent). Key elements carry
 * data-testid attributes, and table cells carry data-municipality / data-category / data-count.
 */
(function () {
  'use strict';

  // ------------------------------------------------------------------ settings

  var WINDOWS = {
    '1h': { total: 'Всего за 1 час' },
    '24h': { total: 'Всего за 24 часа' },
    '7d': { total: 'Всего за 7 дней' }
  };
  var DEFAULT_WINDOW = '1h';
  var UNKNOWN_ID = 'unknown';
  var UNKNOWN_NAME = 'не определено';
  var DEFAULT_ATTRIBUTION = '© OpenStreetMap contributors, ODbL 1.0';

  var SETTINGS = {
    maxRows: 25,            // rows of the heat table (fewer if they do not fit the screen)
    topCategories: 6,       // category columns besides «Всего»
    feedMax: 30,            // entries in «Последние изменения»
    backoffBaseMs: 1000,    // first reconnect delay
    backoffMaxMs: 30000,    // reconnect delay ceiling
    silenceMs: 20000,       // no frame for this long (server heartbeats every 5 s): reconnect
    snapshotTimeoutMs: 10000, // asked for a snapshot (connect, resync, subscribe) and none came: reconnect
    restFirstMs: 2000,      // first REST fallback poll after the socket is lost
    restPollMs: 10000,      // REST fallback poll period while the socket is down
    regionRetryMaxMs: 30000,
    fetchTimeoutMs: 8000,
    flashMs: 1600,          // highlight of changed cells
    freshWarnS: 15,         // freshness turns amber after this many seconds…
    freshStaleS: 60,        // …and red after this many
    longOutageMs: 60000,    // the connection dot turns red after this long without a socket
    errorShowMs: 30000      // how long a server error frame stays on screen
  };

  // Colour-blind-safe sequential scale: six stops of viridis, from dark violet (few) to yellow (many).
  var STOPS = [
    [68, 1, 84], [65, 68, 135], [42, 120, 142], [34, 168, 132], [122, 209, 81], [253, 231, 37]
  ];
  var DARK_TEXT = '#0a0d12';
  var LIGHT_TEXT = '#ffffff';

  var FLASH_UP = [
    { boxShadow: 'inset 0 0 0 0.24rem rgba(255,255,255,1)', filter: 'brightness(1.45)' },
    { boxShadow: 'inset 0 0 0 0 rgba(255,255,255,0)', filter: 'brightness(1)' }
  ];
  var FLASH_DOWN = [
    { boxShadow: 'inset 0 0 0 0.14rem rgba(255,255,255,0.55)' },
    { boxShadow: 'inset 0 0 0 0 rgba(255,255,255,0)' }
  ];

  // ------------------------------------------------------------------ page parameters and state

  var params = new URLSearchParams(location.search);
  var requestedWindow = params.get('window');
  var rowsParam = parseInt(params.get('rows'), 10);
  if (rowsParam >= 5 && rowsParam <= 60) {
    SETTINGS.maxRows = rowsParam;
  }

  // The application's root, taken from this script's own address (…/wall/wall.js → …/).
  var scriptSrc = (document.currentScript && document.currentScript.src) || location.href;
  var appBase = new URL('../', scriptSrc);

  /** Everything the page knows about the data; exposed as window.wallState for browser tests. */
  var state = {
    seq: null,              // sequence number of the state held (null before the first snapshot)
    window: WINDOWS[requestedWindow] ? requestedWindow : DEFAULT_WINDOW,
    connected: false,       // the WebSocket is open
    resyncs: 0,             // resync requests sent (gaps seen)
    cells: new Map(),       // "<m>|<c>" → count > 0
    awaitingSnapshot: true, // deltas and heartbeats are ignored until a snapshot arrives
    source: null,           // where the state came from: "ws", "rest" or null
    dataAt: null,           // ms since epoch: the `at` of the newest frame that confirmed the state
    lastFrameAt: null,      // ms since epoch (local clock) of the last frame received
    reconnects: 0,          // reconnects scheduled
    renders: 0,             // renders done (at most one per animation frame)
    feed: [],               // newest first: {id, m, c, diff, at}
    lastError: null         // the last server error message
  };
  window.wallState = state;

  var region = null;
  var muniById = new Map();
  var catById = new Map();
  var catOrder = new Map();
  var collator = new Intl.Collator('ru');
  var numberFormat = new Intl.NumberFormat('ru-RU');
  var timeFormat = makeTimeFormat(null);

  // ------------------------------------------------------------------ DOM

  function byTestId(id) {
    return document.querySelector('[data-testid="' + id + '"]');
  }

  var el = {
    regionName: byTestId('region-name'),
    clock: byTestId('clock'),
    connection: byTestId('connection-state'),
    connectionLabel: document.querySelector('[data-testid="connection-state"] .connection-label'),
    freshness: byTestId('freshness'),
    switcher: byTestId('window-switch'),
    totalLabel: byTestId('total-label'),
    total: byTestId('total-count'),
    table: byTestId('heat-table'),
    tableWrap: byTestId('table-wrap'),
    tableEmpty: byTestId('table-empty'),
    legendBar: byTestId('legend-bar'),
    rowsShown: byTestId('rows-shown'),
    feed: byTestId('change-feed'),
    feedEmpty: byTestId('feed-empty'),
    serverError: byTestId('server-error'),
    attribution: byTestId('attribution')
  };
  var thead = el.table.tHead;
  var tbody = el.table.tBodies[0];
  var headRow = thead.rows[0];
  var colgroup = document.createElement('colgroup');
  el.table.insertBefore(colgroup, thead);

  // ------------------------------------------------------------------ small helpers

  function makeTimeFormat(timeZone) {
    var options = { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' };
    if (timeZone) {
      try {
        return new Intl.DateTimeFormat('ru-RU', Object.assign({ timeZone: timeZone }, options));
      } catch (e) {
        // Unknown time zone in the region pack: fall back to the wall computer's own.
      }
    }
    return new Intl.DateTimeFormat('ru-RU', options);
  }

  function formatNumber(n) {
    return numberFormat.format(n);
  }

  function jittered(ms) {
    return Math.round(ms * (0.8 + Math.random() * 0.4));
  }

  function cellKey(cell) {
    if (!cell || typeof cell.m !== 'string' || typeof cell.c !== 'string' || !cell.m || !cell.c) {
      return null;
    }
    return cell.m + '|' + cell.c;
  }

  function toCount(value) {
    var n = Number(value);
    return Number.isFinite(n) && n >= 0 ? Math.floor(n) : null;
  }

  function toSeq(value) {
    var n = Number(value);
    return Number.isFinite(n) ? n : null;
  }

  function parseTime(value) {
    var t = typeof value === 'string' ? Date.parse(value) : NaN;
    return Number.isFinite(t) ? t : null;
  }

  function muniName(id) {
    var m = muniById.get(id);
    if (m) {
      return m.shortName || m.name || id;
    }
    return id === UNKNOWN_ID ? UNKNOWN_NAME : id;
  }

  function muniTitle(id) {
    var m = muniById.get(id);
    if (!m) {
      return muniName(id);
    }
    return m.district ? m.name + ' (' + m.district + ' р-н)' : m.name;
  }

  function catName(id) {
    var c = catById.get(id);
    return c && c.name ? c.name : id;
  }

  function catRank(id) {
    return catOrder.has(id) ? catOrder.get(id) : Number.MAX_SAFE_INTEGER;
  }

  function apiUrl(path) {
    return new URL(path, appBase).toString();
  }

  function wsUrl(windowLabel) {
    var scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    return scheme + '//' + location.host + appBase.pathname + 'ws/heatmap?window=' + encodeURIComponent(windowLabel);
  }

  function fetchJson(path) {
    var controller = typeof AbortController === 'function' ? new AbortController() : null;
    var timer = controller ? setTimeout(function () { controller.abort(); }, SETTINGS.fetchTimeoutMs) : 0;
    return fetch(apiUrl(path), {
      cache: 'no-store',
      headers: { Accept: 'application/json' },
      signal: controller ? controller.signal : undefined
    }).then(function (response) {
      if (!response.ok) {
        throw new Error('HTTP ' + response.status + ' for ' + path);
      }
      return response.json();
    }).finally(function () {
      clearTimeout(timer);
    });
  }

  // ------------------------------------------------------------------ colour scale

  function scaleColour(t) {
    var x = Math.min(1, Math.max(0, t)) * (STOPS.length - 1);
    var i = Math.min(STOPS.length - 2, Math.floor(x));
    var f = x - i;
    var a = STOPS[i];
    var b = STOPS[i + 1];
    return [0, 1, 2].map(function (k) { return Math.round(a[k] + (b[k] - a[k]) * f); });
  }

  function relativeLuminance(rgb) {
    var lin = rgb.map(function (v) {
      var s = v / 255;
      return s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2];
  }

  // 101 precomputed steps (0 %…100 % of the column maximum) with the text colour of better contrast.
  var PALETTE = (function () {
    var darkL = relativeLuminance([10, 13, 18]);
    var steps = [];
    for (var i = 0; i <= 100; i++) {
      var rgb = scaleColour(i / 100);
      var l = relativeLuminance(rgb);
      var onWhite = 1.05 / (l + 0.05);
      var onDark = (l + 0.05) / (darkL + 0.05);
      steps.push({ bg: 'rgb(' + rgb.join(',') + ')', fg: onWhite >= onDark ? LIGHT_TEXT : DARK_TEXT });
    }
    return steps;
  }());

  function paletteFor(n, max) {
    return PALETTE[Math.max(0, Math.min(100, Math.round((n / Math.max(1, max)) * 100)))];
  }

  el.legendBar.style.background = 'linear-gradient(to right, ' + STOPS.map(function (rgb, i) {
    return 'rgb(' + rgb.join(',') + ') ' + Math.round((i / (STOPS.length - 1)) * 100) + '%';
  }).join(', ') + ')';

  // ------------------------------------------------------------------ region (names)

  var regionAttempt = 0;

  function loadRegion() {
    fetchJson('api/v1/region').then(applyRegion).catch(function (error) {
      var delay = jittered(Math.min(SETTINGS.regionRetryMaxMs, 2000 * Math.pow(2, regionAttempt)));
      regionAttempt = Math.min(regionAttempt + 1, 10);
      console.warn('[wall] region not loaded, retry in ' + delay + ' ms:', error);
      setTimeout(loadRegion, delay);
    });
  }

  function applyRegion(body) {
    if (!body || !Array.isArray(body.municipalities) || !Array.isArray(body.categories)) {
      throw new Error('unexpected /api/v1/region body');
    }
    region = body;
    regionAttempt = 0;
    muniById.clear();
    catById.clear();
    catOrder.clear();
    body.municipalities.forEach(function (m) {
      if (m && m.id) {
        muniById.set(m.id, m);
      }
    });
    body.categories.forEach(function (c, i) {
      if (c && c.id) {
        catById.set(c.id, c);
        catOrder.set(c.id, i);
      }
    });
    el.regionName.textContent = body.name || body.id || 'Регион';
    document.title = 'TSUR Pulse — ' + (body.name || body.id);
    el.attribution.textContent = body.attribution || DEFAULT_ATTRIBUTION;
    timeFormat = makeTimeFormat(body.timeZone);
    columnsKey = null; // names changed: redraw the header and the rows
    tick(false);
    scheduleRender();
  }

  // ------------------------------------------------------------------ WebSocket

  var socket = null;
  var socketWindow = null;  // the window the server has for this socket (URL or last subscribe)
  var attempt = 0;
  var reconnectTimer = 0;
  var silenceTimer = 0;
  var snapshotTimer = 0;
  var restTimer = 0;
  var triedOnce = false;
  var disconnectedSince = Date.now();
  var generation = 0;       // bumped when the window changes or a socket snapshot arrives (guards REST answers)

  function socketOpen() {
    return socket !== null && socket.readyState === 1;
  }

  /** The socket is open and its snapshot has arrived: deltas keep the state current. */
  function socketLive() {
    return socketOpen() && !state.awaitingSnapshot;
  }

  function connect() {
    reconnectTimer = 0;
    if (socket) {
      return;
    }
    var ws;
    try {
      ws = new WebSocket(wsUrl(state.window));
    } catch (error) {
      console.warn('[wall] WebSocket unavailable:', error);
      triedOnce = true;
      scheduleReconnect();
      startRestPoll();
      updateConnection();
      return;
    }
    socket = ws;
    socketWindow = state.window;
    ws.onopen = function () {
      if (socket !== ws) {
        return;
      }
      state.connected = true;
      triedOnce = true;
      armSilence();
      if (socketWindow !== state.window) {
        // The window was switched while connecting.
        send({ type: 'subscribe', window: state.window });
        socketWindow = state.window;
      }
      expectSnapshot(); // the server sends one on connect; it replaces the state
      updateConnection();
    };
    ws.onmessage = function (event) {
      if (socket !== ws) {
        return;
      }
      state.lastFrameAt = Date.now();
      armSilence();
      if (typeof event.data === 'string') {
        onFrame(event.data);
      }
    };
    ws.onclose = function () {
      onSocketGone(ws);
    };
    ws.onerror = function () {
      // A close event always follows; reconnecting is handled there.
    };
  }

  /** Forgets the socket (closed by the server, by the network, or dropped by a watchdog) and plans a retry. */
  function onSocketGone(ws) {
    if (ws !== socket) {
      return;
    }
    ws.onopen = ws.onmessage = ws.onclose = ws.onerror = null;
    socket = null;
    socketWindow = null;
    if (state.connected) {
      disconnectedSince = Date.now();
    }
    state.connected = false;
    state.awaitingSnapshot = true;
    triedOnce = true;
    clearTimeout(silenceTimer);
    clearTimeout(snapshotTimer);
    scheduleReconnect();
    startRestPoll();
    updateConnection();
  }

  function dropSocket(reason) {
    var ws = socket;
    if (!ws) {
      return;
    }
    console.warn('[wall] dropping the socket: ' + reason);
    onSocketGone(ws);
    try {
      ws.close();
    } catch (e) {
      // already closed
    }
  }

  function scheduleReconnect() {
    if (reconnectTimer || socket) {
      return;
    }
    var ceiling = Math.min(SETTINGS.backoffMaxMs, SETTINGS.backoffBaseMs * Math.pow(2, attempt));
    var delay = Math.min(SETTINGS.backoffMaxMs, jittered(ceiling));
    attempt = Math.min(attempt + 1, 16);
    state.reconnects++;
    reconnectTimer = setTimeout(connect, delay);
  }

  function reconnectNow() {
    if (!socket && reconnectTimer) {
      clearTimeout(reconnectTimer);
      connect();
    }
  }

  function send(message) {
    if (!socketOpen()) {
      return false;
    }
    socket.send(JSON.stringify(message));
    return true;
  }

  function armSilence() {
    clearTimeout(silenceTimer);
    silenceTimer = setTimeout(function () {
      dropSocket('no frame for ' + SETTINGS.silenceMs + ' ms');
    }, SETTINGS.silenceMs);
  }

  /** From now on deltas wait for a snapshot; if none comes in time the socket is reopened. */
  function expectSnapshot() {
    state.awaitingSnapshot = true;
    startRestPoll(); // stopped by the snapshot, which normally comes within milliseconds
    clearTimeout(snapshotTimer);
    snapshotTimer = setTimeout(function () {
      if (state.awaitingSnapshot) {
        dropSocket('no snapshot within ' + SETTINGS.snapshotTimeoutMs + ' ms');
      }
    }, SETTINGS.snapshotTimeoutMs);
  }

  function requestResync(reason) {
    if (state.awaitingSnapshot) {
      return; // one request at a time: the snapshot will cover every gap seen meanwhile
    }
    if (!send({ type: 'resync' })) {
      return;
    }
    state.resyncs++;
    console.info('[wall] resync #' + state.resyncs + ': ' + reason);
    expectSnapshot();
    updateConnection();
  }

  // ------------------------------------------------------------------ frames

  function onFrame(text) {
    var frame;
    try {
      frame = JSON.parse(text);
    } catch (e) {
      return;
    }
    if (!frame || typeof frame !== 'object') {
      return;
    }
    switch (frame.type) {
      case 'snapshot':
        if (frame.window === state.window) {
          applySnapshot(frame, 'ws');
        }
        break;
      case 'delta':
        if (frame.window === state.window) {
          applyDelta(frame);
        }
        break;
      case 'heartbeat':
        if (frame.window === state.window) {
          applyHeartbeat(frame);
        }
        break;
      case 'error':
        showServerError(typeof frame.message === 'string' ? frame.message : 'ошибка');
        break;
      default:
        break;
    }
  }

  /** A snapshot (socket or REST) replaces the whole state. */
  function applySnapshot(frame, source) {
    var seq = toSeq(frame.seq);
    if (seq === null || !Array.isArray(frame.cells)) {
      return;
    }
    state.cells.clear();
    frame.cells.forEach(function (cell) {
      var key = cellKey(cell);
      var n = toCount(cell && cell.n);
      if (key !== null && n !== null && n > 0) {
        state.cells.set(key, n);
      }
    });
    state.seq = seq;
    state.source = source;
    if (source === 'ws') {
      state.awaitingSnapshot = false;
      clearTimeout(snapshotTimer);
      stopRestPoll();
      attempt = 0; // the server works: the next outage starts from the shortest delay
      generation++;
    }
    markFresh(frame.at);
    if (frame.region && region && frame.region !== region.id) {
      loadRegion(); // the service now runs another region
    }
    flashCells.clear(); // a snapshot is not a change
    flashRows.clear();
    scheduleRender();
  }

  function applyDelta(frame) {
    var seq = toSeq(frame.seq);
    if (seq === null || state.seq === null || state.awaitingSnapshot || seq <= state.seq) {
      return;
    }
    if (seq !== state.seq + 1) {
      requestResync('delta ' + seq + ' after ' + state.seq);
      return;
    }
    var at = parseTime(frame.at) || Date.now();
    var increases = [];
    (Array.isArray(frame.cells) ? frame.cells : []).forEach(function (cell) {
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
      if (n !== before) {
        var direction = n > before ? 1 : -1;
        flashCells.set(key, Math.max(direction, flashCells.get(key) || -1));
        flashRows.set(cell.m, Math.max(direction, flashRows.get(cell.m) || -1));
      }
      if (n > before) {
        increases.push({ m: cell.m, c: cell.c, diff: n - before, at: at });
      }
    });
    state.seq = seq;
    markFresh(frame.at);
    addToFeed(increases);
    scheduleRender();
  }

  function applyHeartbeat(frame) {
    var seq = toSeq(frame.seq);
    if (seq === null || state.seq === null || state.awaitingSnapshot) {
      return;
    }
    if (seq > state.seq) {
      requestResync('heartbeat ' + seq + ' ahead of ' + state.seq);
    } else if (seq === state.seq) {
      markFresh(frame.at);
    }
  }

  function markFresh(at) {
    state.dataAt = parseTime(at) || Date.now();
    updateFreshness();
  }

  /** Increases go to the feed (decreases are the window sliding past old messages, not news). */
  var feedCounter = 0;

  function addToFeed(increases) {
    if (increases.length === 0) {
      return;
    }
    increases.sort(function (a, b) { return a.diff - b.diff; }); // the biggest ends up on top
    increases.forEach(function (entry) {
      entry.id = ++feedCounter;
      state.feed.unshift(entry);
    });
    if (state.feed.length > SETTINGS.feedMax) {
      state.feed.length = SETTINGS.feedMax;
    }
  }

  function showServerError(message) {
    state.lastError = message;
    console.warn('[wall] server error: ' + message);
    el.serverError.textContent = 'Ошибка сервера: ' + message;
    el.serverError.title = message;
    el.serverError.hidden = false;
    clearTimeout(showServerError.timer);
    showServerError.timer = setTimeout(function () { el.serverError.hidden = true; }, SETTINGS.errorShowMs);
  }

  // ------------------------------------------------------------------ REST fallback

  function startRestPoll() {
    if (!restTimer) {
      restTimer = setTimeout(pollRest, SETTINGS.restFirstMs);
    }
  }

  function stopRestPoll() {
    clearTimeout(restTimer);
    restTimer = 0;
  }

  function pollRest() {
    restTimer = 0;
    if (socketLive()) {
      return;
    }
    var windowLabel = state.window;
    var asked = generation;
    fetchJson('api/v1/heatmap?window=' + encodeURIComponent(windowLabel)).then(function (body) {
      if (socketLive() || asked !== generation || windowLabel !== state.window) {
        return; // a socket snapshot came or the window changed meanwhile: this answer is outdated
      }
      if (body && body.type === 'snapshot' && body.window === windowLabel) {
        applySnapshot(body, 'rest');
      }
    }).catch(function (error) {
      console.warn('[wall] REST fallback failed:', error);
    }).then(function () {
      if (!socketLive() && !restTimer) {
        restTimer = setTimeout(pollRest, SETTINGS.restPollMs);
      }
    });
  }

  // ------------------------------------------------------------------ window switching

  function switchWindow(windowLabel) {
    if (!WINDOWS[windowLabel] || windowLabel === state.window) {
      return;
    }
    state.window = windowLabel;
    generation++;
    state.cells.clear();
    state.seq = null;
    state.source = null;
    state.dataAt = null;
    flashCells.clear();
    flashRows.clear();
    updateUrl();
    updateWindowButtons();
    if (socketOpen()) {
      send({ type: 'subscribe', window: windowLabel });
      socketWindow = windowLabel;
      expectSnapshot();
    } else if (!socket) {
      state.awaitingSnapshot = true;
      stopRestPoll();
      startRestPoll();
    }
    // While the socket is still connecting, onopen subscribes to the new window.
    updateFreshness();
    scheduleRender();
  }

  function updateUrl() {
    var url = new URL(location.href);
    url.searchParams.set('window', state.window);
    try {
      history.replaceState(null, '', url.toString());
    } catch (e) {
      // file:// or a sandboxed frame: the URL simply stays as it was
    }
  }

  function updateWindowButtons() {
    Array.prototype.forEach.call(el.switcher.querySelectorAll('button[data-window]'), function (button) {
      button.setAttribute('aria-pressed', String(button.dataset.window === state.window));
    });
    el.totalLabel.textContent = WINDOWS[state.window].total;
  }

  el.switcher.addEventListener('click', function (event) {
    var button = event.target.closest('button[data-window]');
    if (button) {
      switchWindow(button.dataset.window);
    }
  });

  // Keys 1 / 2 / 3 switch the window (for an operator's keyboard at the wall computer).
  document.addEventListener('keydown', function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) {
      return;
    }
    var byKey = { '1': '1h', '2': '24h', '3': '7d' };
    if (byKey[event.key]) {
      switchWindow(byKey[event.key]);
    }
  });

  // ------------------------------------------------------------------ status line (every second)

  function updateConnection() {
    var mode = state.connected ? 'connected' : (triedOnce ? 'reconnecting' : 'connecting');
    var labels = { connected: 'подключено', reconnecting: 'переподключение…', connecting: 'подключение…' };
    if (el.connection.dataset.state !== mode) {
      el.connection.dataset.state = mode;
      el.connectionLabel.textContent = labels[mode];
    }
    var long = !state.connected && Date.now() - disconnectedSince > SETTINGS.longOutageMs;
    el.connection.dataset.long = String(long);
    el.connection.dataset.resyncs = String(state.resyncs);
    el.connection.title = 'Ресинхронизаций: ' + state.resyncs + ', переподключений: ' + state.reconnects
      + (state.source === 'rest' ? '; данные получены запросом (резервный канал)' : '');
  }

  function updateFreshness() {
    if (state.dataAt === null) {
      el.freshness.textContent = 'данные: —';
      el.freshness.dataset.level = 'none';
      delete el.freshness.dataset.ageSeconds;
      return;
    }
    // A wall clock running ahead of the server would give a negative age: show 0.
    var age = Math.max(0, Math.round((Date.now() - state.dataAt) / 1000));
    var text;
    if (age < 120) {
      text = age + ' с назад';
    } else if (age < 7200) {
      text = Math.floor(age / 60) + ' мин назад';
    } else {
      text = Math.floor(age / 3600) + ' ч назад';
    }
    el.freshness.textContent = 'данные: ' + text;
    el.freshness.dataset.ageSeconds = String(age);
    el.freshness.dataset.level = age <= SETTINGS.freshWarnS ? 'ok' : (age <= SETTINGS.freshStaleS ? 'warn' : 'stale');
  }

  function tick(reschedule) {
    el.clock.textContent = timeFormat.format(new Date());
    updateFreshness();
    updateConnection();
    if (reschedule !== false) {
      setTimeout(tick, 1000 - (Date.now() % 1000) + 10); // on the second boundary
    }
  }

  // ------------------------------------------------------------------ rendering

  var renderQueued = false;
  var flashCells = new Map();   // "<m>|<c>" → +1 / -1 changed since the last render
  var flashRows = new Map();    // municipality → +1 / -1 (for its «Всего» cell)
  var columnsKey = null;        // the columns the header was built for
  var columns = [];
  var rowEls = new Map();       // municipality → {tr, rank, name, cells: Map(category → td), total}
  var feedEls = new Map();      // feed entry id → li
  var rowLimit = SETTINGS.maxRows;
  var needFit = true;

  function scheduleRender() {
    if (!renderQueued) {
      renderQueued = true;
      requestAnimationFrame(render);
    }
  }

  function render() {
    renderQueued = false;
    state.renders++;
    var model = buildModel();
    renderHeader(model.columns);
    renderRows(model);
    renderSummary(model);
    renderFeed();
    flashCells.clear();
    flashRows.clear();
    fitRows(model);
  }

  /** Totals per municipality and per category, the chosen columns and the column maxima. */
  function buildModel() {
    var byMuni = new Map();
    var catTotals = new Map();
    var grand = 0;
    state.cells.forEach(function (n, key) {
      var bar = key.indexOf('|');
      var m = key.slice(0, bar);
      var c = key.slice(bar + 1);
      var row = byMuni.get(m);
      if (!row) {
        row = { m: m, total: 0, counts: new Map() };
        byMuni.set(m, row);
      }
      row.total += n;
      row.counts.set(c, n);
      catTotals.set(c, (catTotals.get(c) || 0) + n);
      grand += n;
    });

    // Top categories by total; ties (and padding up to six, for a steady layout) follow the region's order.
    var candidates = Array.from(catTotals.keys());
    catOrder.forEach(function (i, id) {
      if (!catTotals.has(id)) {
        candidates.push(id);
      }
    });
    var chosen = candidates.sort(function (a, b) {
      return (catTotals.get(b) || 0) - (catTotals.get(a) || 0) || catRank(a) - catRank(b) || (a < b ? -1 : a > b ? 1 : 0);
    }).slice(0, SETTINGS.topCategories);

    var rows = Array.from(byMuni.values()).sort(function (a, b) {
      return b.total - a.total || collator.compare(muniName(a.m), muniName(b.m));
    });

    var colMax = new Map();
    chosen.forEach(function (c) { colMax.set(c, 0); });
    rows.forEach(function (row) {
      chosen.forEach(function (c) {
        var n = row.counts.get(c) || 0;
        if (n > colMax.get(c)) {
          colMax.set(c, n);
        }
      });
    });
    return {
      columns: chosen,
      rows: rows,
      colMax: colMax,
      totalMax: rows.length ? rows[0].total : 0,
      grand: grand
    };
  }

  function renderHeader(chosen) {
    var key = chosen.join('\n');
    if (key === columnsKey) {
      return;
    }
    columnsKey = key;
    columns = chosen;
    el.table.dataset.columns = chosen.join(' ');

    colgroup.replaceChildren();
    headRow.replaceChildren();
    addCol('c-rank');
    addCol('c-muni');
    headRow.appendChild(headCell('№', 'col-rank', null));
    headRow.appendChild(headCell('Муниципальное образование', 'col-muni', null));
    chosen.forEach(function (c) {
      addCol('c-cat');
      var th = headCell(catName(c), 'col-cat', c);
      th.dataset.category = c;
      headRow.appendChild(th);
    });
    addCol('c-total');
    headRow.appendChild(headCell('Всего', 'col-total', null));

    // Rows are rebuilt for the new columns.
    rowEls.forEach(function (row) { row.tr.remove(); });
    rowEls.clear();
    needFit = true;
  }

  function addCol(className) {
    var col = document.createElement('col');
    col.className = className;
    colgroup.appendChild(col);
  }

  function headCell(text, className, categoryId) {
    var th = document.createElement('th');
    th.scope = 'col';
    th.className = className;
    var span = document.createElement('span');
    span.className = 'col-name';
    span.textContent = text;
    th.title = categoryId ? text : '';
    th.appendChild(span);
    return th;
  }

  function createRow(m) {
    var tr = document.createElement('tr');
    tr.dataset.municipality = m;
    tr.dataset.testid = 'heat-row';
    var rank = document.createElement('td');
    rank.className = 'rank';
    var name = document.createElement('th');
    name.scope = 'row';
    name.className = 'muni';
    tr.appendChild(rank);
    tr.appendChild(name);
    var cells = new Map();
    columns.forEach(function (c) {
      var td = document.createElement('td');
      td.className = 'cell';
      td.dataset.municipality = m;
      td.dataset.category = c;
      cells.set(c, td);
      tr.appendChild(td);
    });
    var total = document.createElement('td');
    total.className = 'cell total';
    total.dataset.municipality = m;
    total.dataset.column = 'total';
    tr.appendChild(total);
    return { tr: tr, rank: rank, name: name, cells: cells, total: total, nameText: null };
  }

  function renderRows(model) {
    var visible = model.rows.slice(0, rowLimit);
    var shown = new Set(visible.map(function (row) { return row.m; }));
    rowEls.forEach(function (row, m) {
      if (!shown.has(m)) {
        row.tr.remove();
        rowEls.delete(m);
      }
    });
    visible.forEach(function (row, i) {
      var r = rowEls.get(row.m);
      if (!r) {
        r = createRow(row.m);
        rowEls.set(row.m, r);
      }
      setText(r.rank, String(i + 1));
      var name = muniName(row.m);
      if (r.nameText !== name) {
        r.nameText = name;
        r.name.textContent = name;
        r.name.title = muniTitle(row.m);
      }
      columns.forEach(function (c) {
        updateCell(r.cells.get(c), row.counts.get(c) || 0, model.colMax.get(c), flashCells.get(row.m + '|' + c));
      });
      updateCell(r.total, row.total, model.totalMax, flashRows.get(row.m));
      var here = tbody.children[i];
      if (here !== r.tr) {
        tbody.insertBefore(r.tr, here || null);
      }
    });
  }

  function setText(node, text) {
    if (node.textContent !== text) {
      node.textContent = text;
    }
  }

  function updateCell(td, n, max, flash) {
    if (td._n !== n || td._max !== max) {
      td._n = n;
      td._max = max;
      td.dataset.count = String(n);
      if (n > 0) {
        var colour = paletteFor(n, max);
        td.textContent = formatNumber(n);
        td.style.backgroundColor = colour.bg;
        td.style.color = colour.fg;
      } else {
        td.textContent = '·';
        td.style.backgroundColor = '';
        td.style.color = '';
      }
    }
    if (flash) {
      flashCell(td, flash);
    }
  }

  function flashCell(node, direction) {
    node.classList.add('changed');
    clearTimeout(node._flashTimer);
    node._flashTimer = setTimeout(function () {
      node.classList.remove('changed', 'flash-fallback');
    }, SETTINGS.flashMs);
    if (typeof node.animate === 'function') {
      if (node._flash) {
        node._flash.cancel();
      }
      node._flash = node.animate(direction > 0 ? FLASH_UP : FLASH_DOWN,
        { duration: SETTINGS.flashMs, easing: 'ease-out' });
    } else {
      node.classList.add('flash-fallback');
    }
  }

  function renderSummary(model) {
    var loading = state.seq === null;
    el.total.textContent = loading ? '—' : formatNumber(model.grand);
    el.total.dataset.count = loading ? '' : String(model.grand);
    if (model.rows.length > 0) {
      el.tableEmpty.hidden = true;
    } else {
      el.tableEmpty.hidden = false;
      el.tableEmpty.textContent = loading ? 'Загрузка данных…' : 'За выбранный период обращений нет';
    }
    var shown = Math.min(rowLimit, model.rows.length);
    el.rowsShown.textContent = model.rows.length > shown
      ? 'Показано ' + shown + ' из ' + model.rows.length + ' МО'
      : (model.rows.length ? 'МО с обращениями: ' + model.rows.length : '');
  }

  function renderFeed() {
    var ids = new Set();
    for (var i = state.feed.length - 1; i >= 0; i--) {
      var entry = state.feed[i];
      ids.add(entry.id);
      if (!feedEls.has(entry.id)) {
        var li = feedItem(entry);
        feedEls.set(entry.id, li);
        el.feed.insertBefore(li, el.feed.firstChild);
        if (typeof li.animate === 'function') {
          li.animate([{ backgroundColor: 'rgba(90,176,255,0.45)' }, { backgroundColor: 'rgba(90,176,255,0)' }],
            { duration: SETTINGS.flashMs * 1.5, easing: 'ease-out' });
        }
      }
    }
    feedEls.forEach(function (li, id) {
      if (!ids.has(id)) {
        li.remove();
        feedEls.delete(id);
      }
    });
    el.feedEmpty.hidden = state.feed.length > 0;
  }

  function feedItem(entry) {
    var li = document.createElement('li');
    li.dataset.testid = 'change-item';
    li.dataset.municipality = entry.m;
    li.dataset.category = entry.c;
    li.dataset.diff = String(entry.diff);

    var time = document.createElement('time');
    time.className = 'feed-time';
    time.dateTime = new Date(entry.at).toISOString();
    time.textContent = timeFormat.format(new Date(entry.at));

    var text = document.createElement('span');
    text.className = 'feed-text';
    var muni = document.createElement('span');
    muni.className = 'feed-muni';
    muni.textContent = muniName(entry.m);
    var sep = document.createElement('span');
    sep.className = 'feed-sep';
    sep.textContent = ' · ';
    var cat = document.createElement('span');
    cat.className = 'feed-cat';
    cat.textContent = catName(entry.c);
    text.appendChild(muni);
    text.appendChild(sep);
    text.appendChild(cat);
    text.title = muniTitle(entry.m) + ' · ' + catName(entry.c);

    var diff = document.createElement('span');
    diff.className = 'feed-diff';
    diff.textContent = '+' + formatNumber(entry.diff);

    li.appendChild(time);
    li.appendChild(text);
    li.appendChild(diff);
    return li;
  }

  /** Shows only as many rows as fit the panel (at most maxRows); measured once per layout change. */
  function fitRows(model) {
    var first = tbody.rows[0];
    if (!needFit || !first) {
      return;
    }
    needFit = false;
    var count = tbody.rows.length;
    var firstBox = first.getBoundingClientRect();
    var pitch = count > 1
      ? (tbody.rows[count - 1].getBoundingClientRect().top - firstBox.top) / (count - 1)
      : firstBox.height;
    var spacing = count > 1 ? Math.max(0, pitch - firstBox.height) : 0;
    var bottom = el.tableWrap.getBoundingClientRect().bottom;
    var fit = pitch > 0
      ? Math.max(1, Math.floor((bottom - firstBox.top - firstBox.height - spacing) / pitch) + 1)
      : SETTINGS.maxRows;
    var limit = Math.min(SETTINGS.maxRows, fit);
    if (limit !== rowLimit) {
      rowLimit = limit;
      if (count > limit || model.rows.length > count) {
        scheduleRender();
      }
    }
  }

  window.addEventListener('resize', function () {
    rowLimit = SETTINGS.maxRows;
    needFit = true;
    scheduleRender();
  });

  // ------------------------------------------------------------------ start

  window.addEventListener('online', reconnectNow);
  if (!WINDOWS[requestedWindow]) {
    updateUrl(); // no or unknown ?window=: show the one in use
  }
  updateWindowButtons();
  tick();
  scheduleRender();
  loadRegion();
  connect();
}());
