/*
 * Which key does what on the triage page — pure, tested with node --test. Keys typed into a field (the
 * category select, the topic or executor input) belong to the field, except Escape, which leaves it.
 */

export function triageAction(key, inField) {
  if (inField) {
    return key === 'Escape' ? { act: 'leave-field' } : null;
  }
  switch (key) {
    case 'j':
    case 'ArrowDown':
      return { act: 'move', by: 1 };
    case 'k':
    case 'ArrowUp':
      return { act: 'move', by: -1 };
    case '1':
    case '2':
    case '3':
      return { act: 'choose', key: Number(key) };
    case 'Enter':
      return { act: 'submit' };
    case 'e':
      return { act: 'edit' };
    default:
      return null;
  }
}

/** The index to focus after moving `by` from `current` among `count` cards (clamped; -1 when none). */
export function movedIndex(current, by, count) {
  if (count <= 0) {
    return -1;
  }
  if (current < 0) {
    return by > 0 ? 0 : count - 1;
  }
  return Math.min(count - 1, Math.max(0, current + by));
}
