import { header, getJson, el, date, STATUS, PHASE, sicknessWeek, ApiError } from './api.js';

let cases = [];

function row(view) {
  const name = view.employeeName || view.employeeId || `Zaak ${view.caseId}`;
  const week = view.status === 'CLOSED' ? null : sicknessWeek(view.firstSickDay);
  return el('tr', {},
    el('th', { scope: 'row' }, el('a', { href: `/zaken/${encodeURIComponent(view.caseId)}` }, name)),
    el('td', {}, view.employerName || view.employerId),
    el('td', {}, el('span', { class: `badge status-${(view.status || '').toLowerCase()}` },
      STATUS[view.status] || view.status)),
    el('td', {}, PHASE[view.phase] || view.phase || '—'),
    el('td', {}, date(view.firstSickDay)),
    el('td', { class: 'num' }, week ?? '—'),
    el('td', {}, view.nextDeadline ? date(view.nextDeadline) : '—',
      view.overdue ? el('span', { class: 'badge late' }, 'verstreken') : null));
}

function render() {
  const query = document.getElementById('zoek').value.trim().toLowerCase();
  const shown = cases.filter(view => !query
    || (view.employeeName || view.employeeId || '').toLowerCase().includes(query));
  const target = document.getElementById('lijst');
  if (shown.length === 0) {
    target.replaceChildren(el('p', { class: 'empty' }, cases.length === 0
      ? 'Er zijn geen zaken die u mag inzien.' : 'Geen zaak gevonden met deze naam.'));
    return;
  }
  target.replaceChildren(el('table', { class: 'cases' },
    el('caption', { class: 'visually-hidden' }, 'Verzuimzaken'),
    el('thead', {}, el('tr', {},
      ['Werknemer', 'Werkgever', 'Status', 'Fase', 'Eerste ziektedag', 'Ziekteweek', 'Volgende termijn']
        .map(title => el('th', { scope: 'col' }, title)))),
    el('tbody', {}, shown.map(row))));
}

async function start() {
  try {
    await header();
    cases = await getJson('/api/cases?size=200');
    document.getElementById('zoek').addEventListener('input', render);
    render();
  } catch (error) {
    const text = error instanceof ApiError && error.status === 403
      ? 'U mag geen zaken inzien.' : 'De zaken konden niet worden geladen. Probeer het later opnieuw.';
    document.getElementById('lijst').replaceChildren(el('p', { class: 'alert' }, text));
  }
}

start();
