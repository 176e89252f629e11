// The triage page's keys: console/triage-keys.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { movedIndex, triageAction } from '../../main/resources/META-INF/resources/console/triage-keys.mjs';

test('outside a field the keys move, choose the n-th candidate, send and edit; other keys do nothing', () => {
  assert.deepEqual(['j', 'ArrowDown', 'k', 'ArrowUp', '1', '3', 'Enter', 'e', '4', 'x'].map(key => triageAction(key, false)), [
    { act: 'move', by: 1 }, { act: 'move', by: 1 }, { act: 'move', by: -1 }, { act: 'move', by: -1 },
    { act: 'choose', key: 1 }, { act: 'choose', key: 3 }, { act: 'submit' }, { act: 'edit' }, null, null
  ]);
});

test('inside a field every key is the field\'s, but Escape leaves it', () => {
  assert.deepEqual(['1', 'j', 'Enter', 'Escape'].map(key => triageAction(key, true)),
    [null, null, null, { act: 'leave-field' }]);
});

test('moving is clamped to the cards there are and starts at an end when none is focused', () => {
  assert.deepEqual([movedIndex(0, 1, 3), movedIndex(2, 1, 3), movedIndex(0, -1, 3), movedIndex(-1, 1, 3),
    movedIndex(-1, -1, 3), movedIndex(-1, 1, 0)], [1, 2, 0, 0, 2, -1]);
});
