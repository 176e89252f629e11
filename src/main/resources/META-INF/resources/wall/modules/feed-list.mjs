/*
 * The live feed's list: newest first, each message once (a snapshot after a resync repeats what the wall
 * has), at most a fixed number kept. Pure: no DOM.
 */

/**
 * The feed after `messages` arrive (newest first, as the server sends them): those not already held go
 * on top, marked `fresh` (to flash) or not, and the list is cut to `max`. Returns {feed, added}; null when
 * `messages` is not a list.
 */
export function mergeFeed(feed, messages, fresh, max) {
  if (!Array.isArray(messages)) {
    return null;
  }
  const known = new Set(feed.map(m => m.id));
  const added = messages.filter(m => m && m.id !== undefined && !known.has(m.id));
  added.forEach(m => { m.fresh = fresh; });
  return { feed: added.concat(feed).slice(0, max), added };
}
