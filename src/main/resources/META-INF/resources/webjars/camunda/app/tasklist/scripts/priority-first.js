// Tasklist sorts a list by its own choice, not the filter's: newest first unless the address says
// otherwise. A consultant should see the most urgent check first, so a list opened without an
// order of its own is sorted by task priority (urgent 100 ... low 25), then by due time. An order
// the user picks is kept in the address and left alone.
const PRIORITY_FIRST = JSON.stringify([
  { sortBy: 'priority', sortOrder: 'desc' },
  { sortBy: 'dueDate', sortOrder: 'asc' }
]);

function sortPriorityFirst() {
  const hash = window.location.hash || '#/';
  if (!hash.startsWith('#/') || hash.includes('sorting=')) {
    return;
  }
  const separator = hash.includes('?') ? '&' : '?';
  window.location.replace(
    window.location.pathname +
      window.location.search +
      hash +
      separator +
      'sorting=' +
      encodeURIComponent(PRIORITY_FIRST)
  );
}

sortPriorityFirst();
window.addEventListener('hashchange', sortPriorityFirst);

export default [];
