// Tasklist's own default sort is "created, newest first", hard-coded in its frontend (cam-tasklist-view-ctrl.js and
// cam-tasklist-sorting-choices.js) with no setting; it reads the sort from the page address (?sorting=...). Loaded
// through config.js (customScripts: ['scripts/spoorwijzer/termijn-sortering']) before Tasklist starts, this puts
// "legal due date, earliest first" in the address when none is chosen, so the list and its sort header agree.
// The seeded filters sort by due date themselves (identity/TasklistFilters); a sort a user picks orders the tasks
// that share a due date.
const DUE_DATE_FIRST = JSON.stringify([{sortBy: 'dueDate', sortOrder: 'asc'}]);

const hash = window.location.hash || '#/';
const queryStart = hash.indexOf('?');
const route = queryStart < 0 ? hash : hash.substring(0, queryStart);
const params = new URLSearchParams(queryStart < 0 ? '' : hash.substring(queryStart + 1));
if (!params.has('sorting')) {
  params.set('sorting', DUE_DATE_FIRST);
  window.history.replaceState(window.history.state, '',
    window.location.pathname + window.location.search + route + '?' + params.toString());
}

export default [];
