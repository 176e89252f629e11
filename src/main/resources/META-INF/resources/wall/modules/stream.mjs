/*
 * One WebSocket of the wall (heat map, feed, alerts) with the protocol's snapshot, sequence and resync
 * (the rules themselves are in stream-sequence.mjs) and its own watchdogs: no frame for 20 s (heartbeats
 * come every 5 s) or no snapshot within 10 s of asking drops the socket; reconnects back off exponentially
 * (1 s … 30 s, ±20 % jitter), reset by a snapshot. Each stream's figures are in state.streams[name].
 */

import { SETTINGS } from './settings.mjs';
import { backoffDelay } from './backoff.mjs';
import { Step, StreamSequence } from './stream-sequence.mjs';
import { accessToken } from './session.mjs';
import { state } from './state.mjs';

export class SequencedStream {
  /**
   * `handlers`: url() → the URL to open; accept(frame) → false to ignore a frame (optional); snapshot(frame);
   * change(frame) for every in-order frame that is not a heartbeat; onState() after every change of state.
   */
  constructor(name, handlers) {
    this.name = name;
    this.handlers = handlers;
    this.socket = null;
    this.sequence = new StreamSequence();
    this.attempt = 0;
    this.timers = {};
    this.stopped = true;
    this.connecting = false;
    this.info = { connected: false, seq: null, resyncs: 0, reconnects: 0, snapshots: 0, since: Date.now() };
    state.streams[name] = this.info;
  }

  start() {
    this.stopped = false;
    this.connect();
  }

  stop() {
    this.stopped = true;
    this.drop();
    clearTimeout(this.timers.reconnect);
  }

  hasState() {
    return this.sequence.hasState();
  }

  get awaitingSnapshot() {
    return this.sequence.awaitingSnapshot;
  }

  /** Connected and holding a snapshot: the picture is live. */
  isLive() {
    return this.info.connected && !this.sequence.awaitingSnapshot;
  }

  connect() {
    if (this.socket || this.stopped || this.connecting) {
      return;
    }
    this.connecting = true;
    accessToken().then(token => {
      this.connecting = false;
      if (this.socket || this.stopped) {
        return;
      }
      if (!token) {
        this.scheduleReconnect();
        return;
      }
      this.open(token);
    });
  }

  /**
   * Opens the socket with the bearer token in the subprotocol list — the only header a browser lets a page
   * set on a WebSocket; the service turns it into the Authorization header. The server closes the socket
   * when the token expires (code 4401); the reconnect then fetches a fresh one.
   */
  open(token) {
    let ws;
    try {
      ws = new WebSocket(this.handlers.url(), ['bearer-token-carrier',
        encodeURIComponent('quarkus-http-upgrade#Authorization#Bearer ' + token)]);
    } catch (error) {
      this.scheduleReconnect();
      return;
    }
    this.socket = ws;
    this.sequence.awaitSnapshot();
    ws.onopen = () => {
      if (this.socket !== ws) {
        return;
      }
      this.info.connected = true;
      this.armSilence();
      this.expectSnapshot();
      this.changed();
    };
    ws.onmessage = event => {
      if (this.socket !== ws || typeof event.data !== 'string') {
        return;
      }
      this.armSilence();
      let frame;
      try {
        frame = JSON.parse(event.data);
      } catch (e) {
        return;
      }
      if (frame && typeof frame === 'object') {
        this.onFrame(frame);
      }
    };
    ws.onclose = () => {
      if (this.socket === ws) {
        this.socket = null;
        this.lost();
      }
    };
    ws.onerror = () => {
      // onclose follows.
    };
  }

  /** One frame from the socket (or from a browser test): applied, asked again for, or ignored. */
  onFrame(frame) {
    const step = this.sequence.next(frame, this.handlers.accept);
    if (step === Step.SNAPSHOT) {
      this.attempt = 0;
      clearTimeout(this.timers.snapshot);
      this.info.snapshots++;
      this.info.seq = this.sequence.seq;
      this.handlers.snapshot(frame);
      this.changed();
    } else if (step === Step.CHANGE) {
      this.info.seq = this.sequence.seq;
      this.handlers.change(frame);
      this.changed();
    } else if (step === Step.ALIVE) {
      this.changed();
    } else if (step === Step.RESYNC) {
      this.info.resyncs++;
      if (this.send({ type: 'resync' })) {
        this.expectSnapshot();
      }
    }
  }

  send(message) {
    if (this.socket && this.socket.readyState === 1) {
      this.socket.send(JSON.stringify(message));
      return true;
    }
    return false;
  }

  /** Asks for something that answers with a snapshot (e.g. switching the heat-map window). */
  request(message) {
    this.sequence.awaitSnapshot();
    if (this.send(message)) {
      this.expectSnapshot();
    }
  }

  expectSnapshot() {
    clearTimeout(this.timers.snapshot);
    this.timers.snapshot = setTimeout(() => {
      if (this.sequence.awaitingSnapshot) {
        this.drop();
      }
    }, SETTINGS.snapshotTimeoutMs);
  }

  armSilence() {
    clearTimeout(this.timers.silence);
    this.timers.silence = setTimeout(() => { this.drop(); }, SETTINGS.silenceMs);
  }

  /** Closes the socket from our side (watchdog); a reconnect follows. */
  drop() {
    const ws = this.socket;
    if (ws) {
      this.socket = null;
      try {
        ws.close();
      } catch (e) {
        // Already closing.
      }
      this.lost();
    }
  }

  lost() {
    clearTimeout(this.timers.silence);
    clearTimeout(this.timers.snapshot);
    if (this.info.connected) {
      this.info.since = Date.now();
    }
    this.info.connected = false;
    this.sequence.awaitSnapshot();
    this.scheduleReconnect();
    this.changed();
  }

  scheduleReconnect() {
    if (this.stopped) {
      return;
    }
    clearTimeout(this.timers.reconnect);
    const delay = backoffDelay(this.attempt, SETTINGS.backoffBaseMs, SETTINGS.backoffMaxMs);
    this.attempt = Math.min(this.attempt + 1, 10);
    this.info.reconnects++;
    this.timers.reconnect = setTimeout(() => { this.connect(); }, delay);
  }

  changed() {
    if (this.handlers.onState) {
      this.handlers.onState();
    }
  }
}
