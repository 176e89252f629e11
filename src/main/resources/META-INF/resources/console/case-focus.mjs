/*
 * The case page's panel is replaced after every action (htmx swaps #case): the keyboard would otherwise be
 * left on the document's start, so focus goes to the panel's heading, which names the case and its new status
 * (read out by screen readers), and the next Tab continues inside the case.
 */
document.body.addEventListener('htmx:afterSettle', event => {
  const target = event.detail.elt;
  if (target && target.id === 'case') {
    const title = document.getElementById('case-title');
    if (title) {
      title.focus();
    }
  }
});
