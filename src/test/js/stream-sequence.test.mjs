// The sequence rules of the wall's sockets (snapshot, in-order frames, gaps, heartbeats, resync) and the
// reconnect back-off: modules/stream-sequence.mjs and modules/backoff.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Step, StreamSequence } from '../../main/resources/META-INF/resources/wall/modules/stream-sequence.mjs';
import { backoffDelay, jittered } from '../../main/resources/META-INF/resources/wall/modules/backoff.mjs';

/** Feeds the frames in order; returns each frame's step and the seq held after it. */
function run(sequence, frames, accepts) {
  return frames.map(frame => {
    const step = sequence.next(frame, accepts);
    return [step, sequence.seq];
  });
}

test('frames before the first snapshot are ignored, then frames apply only in order', () => {
  const sequence = new StreamSequence();
  assert.deepEqual(run(sequence, [
    { type: 'delta', seq: 4 },
    { type: 'heartbeat', seq: 4 },
    { type: 'snapshot', seq: 41 },
    { type: 'delta', seq: 42 },
    { type: 'delta', seq: 42 },
    { type: 'delta', seq: 40 },
    { type: 'heartbeat', seq: 42 },
    { type: 'heartbeat', seq: 41 },
    { type: 'delta', seq: 43 }
  ]), [
    [Step.IGNORE, null],
    [Step.IGNORE, null],
    [Step.SNAPSHOT, 41],
    [Step.CHANGE, 42],
    [Step.IGNORE, 42],
    [Step.IGNORE, 42],
    [Step.ALIVE, 42],
    [Step.ALIVE, 42],
    [Step.CHANGE, 43]
  ]);
  assert.equal(sequence.hasState(), true);
  assert.equal(sequence.awaitingSnapshot, false);
});

test('a gap calls for a resync and nothing applies until the next snapshot, even one with a lower seq', () => {
  const sequence = new StreamSequence();
  assert.deepEqual(run(sequence, [
    { type: 'snapshot', seq: 10 },
    { type: 'delta', seq: 12 },
    { type: 'delta', seq: 11 },
    { type: 'heartbeat', seq: 12 },
    { type: 'snapshot', seq: 3 },
    { type: 'delta', seq: 4 }
  ]), [
    [Step.SNAPSHOT, 10],
    [Step.RESYNC, 10],
    [Step.IGNORE, 10],
    [Step.IGNORE, 10],
    [Step.SNAPSHOT, 3],
    [Step.CHANGE, 4]
  ]);
});

test('a heartbeat ahead of the state held calls for a resync', () => {
  const sequence = new StreamSequence();
  assert.deepEqual(run(sequence, [
    { type: 'snapshot', seq: 7 },
    { type: 'heartbeat', seq: 8 },
    { type: 'delta', seq: 8 }
  ]), [
    [Step.SNAPSHOT, 7],
    [Step.RESYNC, 7],
    [Step.IGNORE, 7]
  ]);
  assert.equal(sequence.awaitingSnapshot, true);
});

test('error frames, frames without a number and a snapshot without seq', () => {
  const sequence = new StreamSequence();
  assert.deepEqual(run(sequence, [
    { type: 'snapshot' },
    { type: 'error', seq: 1 },
    { type: 'delta', seq: 'one' },
    { type: 'delta' },
    { type: 'delta', seq: '1' }
  ]), [
    [Step.SNAPSHOT, 0],
    [Step.IGNORE, 0],
    [Step.IGNORE, 0],
    [Step.IGNORE, 0],
    [Step.CHANGE, 1]
  ]);
});

test('frames the stream does not accept (another window) are ignored, snapshots included', () => {
  const sequence = new StreamSequence();
  const window24h = frame => frame.window === undefined || frame.window === '24h';
  assert.deepEqual(run(sequence, [
    { type: 'snapshot', window: '1h', seq: 5 },
    { type: 'snapshot', window: '24h', seq: 9 },
    { type: 'delta', window: '1h', seq: 10 },
    { type: 'heartbeat', window: '1h', seq: 30 },
    { type: 'delta', window: '24h', seq: 10 },
    { type: 'delta', seq: 11 }
  ], window24h), [
    [Step.IGNORE, null],
    [Step.SNAPSHOT, 9],
    [Step.IGNORE, 9],
    [Step.IGNORE, 9],
    [Step.CHANGE, 10],
    [Step.CHANGE, 11]
  ]);
});

test('after a snapshot is asked for (a switch of window, a new socket) frames wait for it', () => {
  const sequence = new StreamSequence();
  sequence.next({ type: 'snapshot', seq: 1 });
  sequence.awaitSnapshot();
  assert.deepEqual(run(sequence, [
    { type: 'delta', seq: 2 },
    { type: 'heartbeat', seq: 5 },
    { type: 'snapshot', seq: 20 },
    { type: 'delta', seq: 21 }
  ]), [
    [Step.IGNORE, 1],
    [Step.IGNORE, 1],
    [Step.SNAPSHOT, 20],
    [Step.CHANGE, 21]
  ]);
});

test('reconnects back off from 1 s to 30 s, each within ±20 %', () => {
  const attempts = [0, 1, 2, 3, 4, 5, 6, 10];
  assert.deepEqual(attempts.map(a => backoffDelay(a, 1000, 30000, () => 0.5)),
    [1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
  assert.deepEqual(attempts.map(a => backoffDelay(a, 1000, 30000, () => 0)),
    [800, 1600, 3200, 6400, 12800, 24000, 24000, 24000]);
  assert.deepEqual([0, 0.25, 0.999].map(r => jittered(2000, () => r)), [1600, 1800, 2399]);
});
