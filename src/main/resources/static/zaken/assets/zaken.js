import {
  header, getJson, el, date, STATUS, PHASE, sicknessWeek, ApiError, currentUser, send, isoFromDutch,
} from './api.js';

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

const REPORT_LABELS = { employeeId: 'Werknemer (gebruikersnaam)', employerId: 'Werkgever', firstSickDay: 'Eerste ziektedag' };

/** The werkgever's sick report: POST /api/cases, then the new case's id and its first step, with a link to it. */
function sickReportForm(me) {
  const employers = me.employers || [];
  if (!(me.roles || []).includes('Werkgever') || employers.length === 0) {
    return null;
  }
  const input = (id, name, attributes = {}) => el('input', { id, name, type: 'text', autocomplete: 'off', ...attributes });
  const fieldOf = (name, control) => el('div', { class: 'field', 'data-field': name },
    el('label', { for: control.id }, REPORT_LABELS[name]), control,
    el('p', { class: 'field-error', id: `${control.id}-fout`, hidden: true }));
  const employer = el('select', { id: 'melding-werkgever', name: 'employerId' },
    employers.map(e => el('option', { value: e.id }, e.name)));
  const form = el('form', { id: 'form-ziekmelding', novalidate: true },
    el('div', { class: 'form-error alert', role: 'alert', tabindex: '-1', hidden: true }),
    fieldOf('employeeId', input('melding-werknemer', 'employeeId', { size: 20 })),
    fieldOf('employerId', employer),
    fieldOf('firstSickDay', input('melding-datum', 'firstSickDay', { placeholder: 'dd-mm-jjjj', inputmode: 'numeric', size: 12 })),
    el('div', { class: 'buttons' }, el('button', { type: 'submit', class: 'primary' }, 'Ziekmelding vastleggen')));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    form.querySelectorAll('.field-error').forEach(p => { p.hidden = true; p.replaceChildren(); });
    const general = form.querySelector('.form-error');
    general.hidden = true;
    const body = {
      employeeId: form.elements.employeeId.value.trim(),
      employerId: form.elements.employerId.value,
      firstSickDay: isoFromDutch(form.elements.firstSickDay.value.trim()),
    };
    try {
      const opened = await send('POST', '/api/cases', body);
      const next = (opened.openTasks || []).filter(t => t.dueDate).sort((a, b) => a.dueDate.localeCompare(b.dueDate))[0];
      const region = document.getElementById('melding');
      region.replaceChildren(el('p', { class: 'success', id: 'geopend' },
        el('strong', {}, 'Vastgelegd. '), `Zaak ${opened.caseId} voor ${opened.employeeName || opened.employeeId}: `,
        next ? `de eerste stap is "${next.name}" (${next.role || 'werknemer'}), uiterlijk ${date(next.dueDate)}. `
          : 'alle wettelijke termijnen zijn berekend. ',
        el('a', { href: `/zaken/${encodeURIComponent(opened.caseId)}` }, 'Open de zaak')));
      form.reset();
      cases = await getJson('/api/cases?size=200');
      render();
    } catch (error) {
      const problem = error instanceof ApiError ? error.problem : {};
      const violations = problem.violations || (problem.field ? [{ field: problem.field, rule: problem.rule }] : []);
      const unplaced = [];
      violations.forEach(v => {
        const holder = form.querySelector(`[data-field="${v.field}"] .field-error`);
        if (holder) {
          holder.textContent = v.rule;
          holder.hidden = false;
        } else {
          unplaced.push(`${REPORT_LABELS[v.field] || v.field}: ${v.rule}`);
        }
      });
      general.replaceChildren(el('strong', {}, 'Niet vastgelegd. '), problem.detail || error.message,
        unplaced.length ? el('ul', {}, unplaced.map(text => el('li', {}, text))) : null);
      general.hidden = false;
      general.focus();
    }
  });
  return el('details', { class: 'action', id: 'actie-ziekmelding' }, el('summary', {}, 'Ziekmelding'), form);
}

async function start() {
  try {
    await header();
    const form = sickReportForm(await currentUser());
    if (form) {
      document.getElementById('ziekmelding').replaceChildren(form);
    }
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
