/*
 * The heat-map socket (/ws/heatmap?window=…): a snapshot of the window's cells and tension scores, then
 * deltas, kept in the wall's state; frames of another window (before a switch is answered) are ignored.
 */

import { SequencedStream } from './stream.mjs';
import { applyDelta, applySnapshot } from './heat-picture.mjs';
import { parseTime } from './format.mjs';
import { wsUrl } from './session.mjs';
import { noteEvent, state } from './state.mjs';

/** `onPicture()`: the heat map changed; `onState()`: the socket's state changed. */
export function createHeatStream({ onPicture, onState }) {
  return new SequencedStream('heatmap', {
    url: () => wsUrl('ws/heatmap?window=' + encodeURIComponent(state.window)),
    accept: frame => frame.window === undefined || frame.window === state.window,
    snapshot(frame) {
      applySnapshot(state, frame);
      onPicture();
    },
    change(frame) {
      applyDelta(state, frame);
      noteEvent(parseTime(frame.at));
      onPicture();
    },
    onState
  });
}
