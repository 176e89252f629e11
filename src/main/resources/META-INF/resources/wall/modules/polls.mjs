/*
 * The panels that are polled rather than pushed (tension points, deadlines, dynamics) share their timers
 * here, so that a browser test can stop them all and drop the answers still on their way: what the test
 * feeds in is then all the page sees.
 */

const timers = [];
let generation = 0;   // bumped by stopPolls(): answers to earlier requests are dropped

/** Wraps the render of a polled answer so that it is skipped if the polls were stopped meanwhile. */
export function current(render) {
  const asked = generation;
  return answer => {
    if (asked === generation) {
      render(answer);
    }
  };
}

/** Runs `task` every `ms` until stopPolls(). */
export function every(task, ms) {
  timers.push(setInterval(task, ms));
}

export function stopPolls() {
  timers.forEach(clearInterval);
  timers.length = 0;
  generation++;
}
