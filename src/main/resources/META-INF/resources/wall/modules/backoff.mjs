/*
 * When to try again: exponential back-off with ±20 % jitter, so that walls that lost the same server do
 * not all knock at the same instant when it returns. Pure: the random source is a parameter.
 */

/** ms scaled by a random factor in [0.8, 1.2), rounded. */
export function jittered(ms, random = Math.random) {
  return Math.round(ms * (0.8 + random() * 0.4));
}

/** The wait before try number `attempt` (0 first): base × 2^attempt, at most max, jittered. */
export function backoffDelay(attempt, baseMs, maxMs, random = Math.random) {
  return jittered(Math.min(maxMs, baseMs * Math.pow(2, attempt)), random);
}
