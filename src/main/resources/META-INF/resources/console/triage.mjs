/*
 * The triage page's keyboard and liveness: j/k (or arrows) move between cards, 1–3 choose the model's
 * n-th category and send, Enter sends what the form holds, e opens the category choice; after a decision
 * the next card takes the focus. The queue reloads when the feed brings messages — but not while the
 * operator is inside a card's form nor while a decision is on its way (then right after it) — a reload already
 * on its way when the operator went into a form is held back until they leave it —, the focused card keeps the
 * focus across the reload, and what a decision did stays shown.
 */

import { movedIndex, triageAction } from './triage-keys.mjs';

const queue = document.getElementById('triage-queue');
let focusedMessage = null;

function cards() {
  return Array.from(queue.querySelectorAll('[data-testid="triage-item"], [data-testid="triage-decided"]'));
}

function currentCard() {
  const active = document.activeElement;
  return active ? active.closest('article.item') : null;
}

function inField(target) {
  return target instanceof HTMLElement && target.matches('input, select, textarea');
}

function choose(card, key) {
  const button = card.querySelector('button[data-key="' + key + '"]');
  if (!button) {
    return;
  }
  const form = button.closest('form');
  form.querySelector('select[name="category"]').value = button.dataset.choose;
  const topic = form.querySelector('input[name="topic"]');
  topic.value = button.dataset.topic !== undefined ? button.dataset.topic : '';
  form.requestSubmit();
}

queue.addEventListener('click', event => {
  const button = event.target instanceof HTMLElement ? event.target.closest('button[data-choose]') : null;
  if (button) {
    choose(button.closest('article'), button.dataset.key);
  }
});

document.addEventListener('keydown', event => {
  if (event.ctrlKey || event.altKey || event.metaKey) {
    return;
  }
  const action = triageAction(event.key, inField(event.target));
  const card = currentCard();
  if (!action) {
    return;
  }
  if (action.act === 'leave-field') {
    if (card) {
      card.focus();
    }
    return;
  }
  if (action.act === 'move') {
    const all = cards();
    const next = all[movedIndex(all.indexOf(card), action.by, all.length)];
    if (next) {
      event.preventDefault();
      next.focus();
    }
    return;
  }
  if (!card || !card.querySelector('form')) {
    return;
  }
  if (action.act === 'choose') {
    event.preventDefault();
    choose(card, action.key);
  } else if (action.act === 'submit' && event.target === card) {
    event.preventDefault();
    card.querySelector('form').requestSubmit();
  } else if (action.act === 'edit') {
    event.preventDefault();
    card.querySelector('select[name="category"]').focus();
  }
});

// After a decision the card is replaced: the focus goes on to the next card still to decide.
let decidedMessage = null;
// Decisions on their way: a reload meanwhile would take away the card the answer is meant for.
let sending = 0;
let reloadWanted = false;
document.body.addEventListener('htmx:beforeRequest', event => {
  const form = event.detail.elt;
  if (form instanceof HTMLFormElement && queue.contains(form)) {
    decidedMessage = form.closest('article').dataset.messageId;
    sending++;
  }
});

document.body.addEventListener('htmx:afterRequest', event => {
  if (event.detail.elt instanceof HTMLFormElement && event.detail.elt.dataset.testid === 'triage-form') {
    sending = Math.max(0, sending - 1);
  }
});

// What a decision did stays on screen across reloads (the message has left the queue), until the page is left.
let keptDecisions = [];
document.body.addEventListener('htmx:beforeSwap', event => {
  if (event.detail.target !== queue) {
    return;
  }
  if (editing()) {
    // The reload was asked for before the operator went into a card's form and came back while they fill it
    // in: swapping now would take the form (and what they typed) away. Kept; reloaded once they leave it.
    event.detail.shouldSwap = false;
    reloadWanted = true;
    return;
  }
  keptDecisions = Array.from(queue.querySelectorAll('[data-testid="triage-decided"]'));
});

// A reload held back while the operator filled in a form comes once the focus leaves the queue's fields
// without a decision (a decision reloads after its answer, below).
queue.addEventListener('focusout', event => {
  const next = event.relatedTarget;
  if (reloadWanted && sending === 0 && !(inField(next) && queue.contains(next))) {
    reloadWanted = false;
    reloadQueue();
  }
});

document.body.addEventListener('htmx:afterSwap', event => {
  if (event.detail.target !== queue) {
    return;
  }
  keptDecisions.reverse().forEach(decided => {
    if (!queue.querySelector('[data-message-id="' + decided.dataset.messageId + '"]')) {
      queue.prepend(decided);
    }
  });
  keptDecisions = [];
});

document.body.addEventListener('htmx:afterSettle', event => {
  if (event.detail.target === queue) {
    const again = focusedMessage && queue.querySelector('[data-message-id="' + focusedMessage + '"]');
    if (again) {
      again.focus();
    }
    return;
  }
  if (!decidedMessage) {
    return;
  }
  const all = cards();
  const decided = all.findIndex(card => card.dataset.messageId === decidedMessage);
  decidedMessage = null;
  const next = all.slice(decided + 1).find(card => card.dataset.testid === 'triage-item');
  (next || all[decided] || queue).focus();
  if (reloadWanted && sending === 0) {
    reloadWanted = false;
    reloadQueue();
  }
});

// Live: new messages reload the queue, unless the operator is inside a form or a decision is on its way
// (then once it has come back).
function reloadQueue() {
  if (sending > 0) {
    reloadWanted = true;
    return;
  }
  const card = currentCard();
  focusedMessage = card && queue.contains(card) ? card.dataset.messageId : null;
  htmx.trigger(queue, 'pulse:refresh');
}

/** Whether the operator is inside a card's form. */
function editing() {
  return inField(document.activeElement) && queue.contains(document.activeElement);
}

document.body.addEventListener('pulse:feed', () => {
  if (editing()) {
    return;
  }
  reloadQueue();
});
