/*
 * The sequence rules every socket of the wall follows (heat map, feed, alerts; README «Heat-map push
 * protocol»), apart from the socket itself so that they can be tested alone. Pure: no DOM, no timers.
 *
 * A snapshot replaces the state, even with a lower seq (a restarted server counts from 0 again); a frame is
 * applied only when its seq is the last one + 1; an older or repeated one is ignored; a gap, or a heartbeat
 * ahead of what we hold, calls for a resync, after which frames are ignored until the next snapshot. So are
 * frames before the first snapshot, error frames and frames the stream does not accept (another window).
 */

/** What a frame calls for. */
export const Step = Object.freeze({
  SNAPSHOT: 'snapshot', // replace the state with the frame's
  CHANGE: 'change',     // apply the frame's changes
  ALIVE: 'alive',       // a heartbeat in step: nothing to apply, the picture is confirmed
  RESYNC: 'resync',     // a gap: ask for a snapshot
  IGNORE: 'ignore'
});

export class StreamSequence {
  constructor() {
    /** The seq of the state held; null before the first snapshot. */
    this.seq = null;
    this.awaitingSnapshot = true;
  }

  hasState() {
    return this.seq !== null;
  }

  /** A snapshot was asked for (a new socket, a resync, a switch of window): frames wait for it. */
  awaitSnapshot() {
    this.awaitingSnapshot = true;
  }

  /** Decides what the frame calls for and moves the sequence accordingly; accepts(frame) may refuse frames. */
  next(frame, accepts = () => true) {
    const seq = Number(frame.seq);
    if (frame.type === 'snapshot') {
      if (!accepts(frame)) {
        return Step.IGNORE;
      }
      this.seq = Number.isFinite(seq) ? seq : 0;
      this.awaitingSnapshot = false;
      return Step.SNAPSHOT;
    }
    if (frame.type === 'error') {
      return Step.IGNORE;
    }
    if (this.awaitingSnapshot || !Number.isFinite(seq) || !accepts(frame)) {
      return Step.IGNORE;
    }
    if (frame.type === 'heartbeat') {
      if (seq > this.seq) {
        this.awaitingSnapshot = true;
        return Step.RESYNC;
      }
      return Step.ALIVE;
    }
    if (seq <= this.seq) {
      return Step.IGNORE;
    }
    if (seq !== this.seq + 1) {
      this.awaitingSnapshot = true;
      return Step.RESYNC;
    }
    this.seq = seq;
    return Step.CHANGE;
  }
}
