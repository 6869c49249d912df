// Opbouw in eigen werk on the case screen (issue 26, seed 000: re-integration in own work "voortzetten en uitbreiden
// conform het advies van de bedrijfsarts"): the werkgever's opbouwschema (periods of hours per week and tasks), the
// hours worked per week (werkgever or the employee himself), the changes that ask for spoor 1 to be assessed again,
// and a read-only section with the schedule and the recorded weeks for every party that reads the case.
import { el, date, dateTime, send, getJsonOrNull, isoFromDutch, addDays, todayIso, roleLabel, ApiError } from './api.js';
import { section, field, dateInput, actionForm, value, numberOrNull } from './formulier.js';

const NO_MEDICAL = 'Geen medische gegevens.';
const CHANGE_KINDS = {
  BELASTBAARHEID: 'Belastbaarheid van de werknemer gewijzigd',
  ORGANISATIE: 'Organisatie gewijzigd',
  VACATURE: 'Nieuwe functie of vacature',
};

// ---- data: the schedule and the recorded weeks, fetched once per load of the case ---------------------------------

const loaded = new WeakMap();

function opbouw(view, api) {
  if (!loaded.has(view)) {
    loaded.set(view, Promise.all([getJsonOrNull(`${api}/work-resumption-schedule`),
      getJsonOrNull(`${api}/work-resumption-hours`)])
      .then(([schedule, hours]) => ({ schedule: schedule || { version: 0, periods: [] }, hours: hours || { weeks: [] } }))
      .catch(() => ({ schedule: { version: 0, periods: [] }, hours: { weeks: [] } })));
  }
  return loaded.get(view);
}

/** Hours as the Dutch write them: 7,5. */
const hours = number => (number === null || number === undefined ? '—' : String(number).replace('.', ','));
/** What a user types (7,5 or 7.5) as a number for the API; anything else as typed, so the API names it. */
const hoursOrNull = text => numberOrNull(text.replace(',', '.'));

function mondayOf(iso) {
  const day = new Date(iso + 'T12:00:00Z').getUTCDay();
  return addDays(iso, -((day + 6) % 7));
}

/** The ISO week number of the week that starts on the given Monday. */
function weekNumber(monday) {
  const thursday = new Date(addDays(monday, 3) + 'T12:00:00Z');
  const january4 = new Date(Date.UTC(thursday.getUTCFullYear(), 0, 4, 12)); // always in week 1
  const firstMonday = addDays(january4.toISOString().substring(0, 10), -((january4.getUTCDay() + 6) % 7));
  return Math.round((thursday - new Date(firstMonday + 'T12:00:00Z')) / (7 * 86400000) + 0.5);
}

/** The period a week belongs to: the one its Monday is in, else the one its Sunday is in (as the API plans it). */
function periodOfWeek(periods, monday) {
  const covers = day => period => period.from <= day && day <= period.to;
  return periods.find(covers(monday)) || periods.find(covers(addDays(monday, 6))) || null;
}

// ---- refusals: a period's rule at its own row ---------------------------------------------------------------------

/** Shows a violation at the input with exactly its name (a period's row); false when the form has no such input. */
function showAt(form, violation) {
  const input = form.querySelector(`[name="${CSS.escape(violation.field)}"]`);
  const holder = input && input.closest('.field');
  if (!holder) {
    return false;
  }
  const message = holder.querySelector('.field-error');
  message.textContent = violation.rule;
  message.hidden = false;
  input.setAttribute('aria-invalid', 'true');
  input.setAttribute('aria-describedby', message.id);
  return true;
}

/**
 * Sends; a refusal of a period's field (periods[1].to) is shown at that row's input here, the rest is passed on to
 * the shared form handling (which places a field by its name before the first '.' or '[').
 */
async function sending(form, request) {
  try {
    return await request();
  } catch (error) {
    if (!(error instanceof ApiError) || !error.problem.violations) {
      throw error;
    }
    const rest = error.problem.violations.filter(violation => !(violation.field.startsWith('periods')
      && showAt(form, violation)));
    throw new ApiError(error.status, {
      ...error.problem, violations: rest, field: undefined, rule: undefined,
      detail: rest.length ? error.problem.detail : null,
    });
  }
}

// ---- read-only: Opbouw in eigen werk -------------------------------------------------------------------------------

/** The schedule in force and the recorded weeks, for every party that reads the case; null without a schedule. */
export function opbouwSection(view, api) {
  if (!view.workResumption) {
    return null;
  }
  const target = section('opbouw', 'Opbouw in eigen werk', el('p', { class: 'muted' }, 'Laden…'));
  opbouw(view, api).then(({ schedule, hours: recorded }) => {
    target.replaceChildren(target.firstChild, ...opbouwContent(schedule, recorded));
  });
  return target;
}

function opbouwContent(schedule, recorded) {
  if (!schedule.version) {
    return [el('p', { class: 'empty' }, 'Er is nog geen opbouwschema.')];
  }
  const current = schedule.currentPeriod;
  const isCurrent = period => current && period.from === current.from;
  const parts = [
    el('p', { class: 'hint' }, `Versie ${schedule.version}, op advies van de bedrijfsarts van `
      + `${date(schedule.bedrijfsartsAdviceOn)}; vastgesteld op ${dateTime(schedule.setOn)} door ${schedule.setBy}.`
      + (schedule.earlierVersions.length ? ` Eerdere versies (${schedule.earlierVersions.length}) staan in het dossier.` : '')),
    el('table', { id: 'opbouw-perioden' },
      el('caption', {}, 'Opbouwschema'),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Periode'),
        el('th', { scope: 'col', class: 'num' }, 'Uren per week'), el('th', { scope: 'col' }, 'Taken'))),
      el('tbody', {}, schedule.periods.map(period => el('tr', {},
        el('th', { scope: 'row' }, `${date(period.from)} t/m ${date(period.to)}`,
          isCurrent(period) ? el('span', { class: 'badge ok' }, 'loopt nu') : null),
        el('td', { class: 'num' }, hours(period.hoursPerWeek)), el('td', {}, period.tasks))))),
  ];
  const weeks = recorded.weeks || [];
  parts.push(weeks.length === 0
    ? el('p', { class: 'empty' }, 'Er zijn nog geen gewerkte uren vastgelegd.')
    : el('table', { id: 'opbouw-uren' },
      el('caption', {}, 'Gewerkte uren per week'),
      el('thead', {}, el('tr', {}, ['Week', 'Van – tot en met', 'Gepland', 'Gewerkt', 'Vastgelegd door']
        .map(t => el('th', { scope: 'col', class: ['Gepland', 'Gewerkt'].includes(t) ? 'num' : null }, t)))),
      el('tbody', {}, [...weeks].reverse().map(week => el('tr', {},
        el('th', { scope: 'row' }, `Week ${weekNumber(week.weekFrom)}`),
        el('td', {}, `${date(week.weekFrom)} – ${date(week.weekTo)}`),
        el('td', { class: 'num' }, hours(week.plannedHours)), el('td', { class: 'num' }, hours(week.workedHours)),
        el('td', {}, `${week.recordedBy} (${roleLabel(week.role)})`)))),
      el('tfoot', {}, el('tr', {}, el('th', { scope: 'row', colspan: 2 }, 'Totaal'),
        el('td', { class: 'num' }, hours(recorded.totalPlanned)), el('td', { class: 'num' }, hours(recorded.totalWorked)),
        el('td', {})))));
  return parts;
}

// ---- action: opbouwschema (werkgever) ------------------------------------------------------------------------------

/** A period's row; values as the user sees them (Dutch dates, hours with a comma). */
function periodRow(index, shown) {
  const input = (name, attributes) => el('input', { id: `schema-${name}-${index}`, name: `periods[${index}].${name}`,
    type: 'text', ...attributes });
  const row = el('div', { class: 'period-row', 'data-period': index },
    field('Van', dateInput(`schema-from-${index}`, `periods[${index}].from`)),
    field('Tot en met', dateInput(`schema-to-${index}`, `periods[${index}].to`)),
    field('Uren per week', input('hoursPerWeek', { inputmode: 'decimal', size: 5 })),
    field('Taken', input('tasks', { maxlength: 1000 })),
    el('button', { type: 'button', class: 'link-button remove-period' }, 'Verwijderen',
      el('span', { class: 'visually-hidden' }, ` periode ${index + 1}`)));
  const inputs = row.querySelectorAll('input');
  ['from', 'to', 'hoursPerWeek', 'tasks'].forEach((name, i) => { inputs[i].value = (shown && shown[name]) || ''; });
  return row;
}

/** The rows as they are typed, in order. */
function readRows(rows) {
  return [...rows.querySelectorAll('.period-row')].map(row => {
    const [from, to, hoursPerWeek, tasks] = [...row.querySelectorAll('input')].map(input => input.value.trim());
    return { from, to, hoursPerWeek, tasks };
  });
}

/** Renders the rows numbered 0..n-1, so each field's name is the API's periods[i]. */
function renderRows(rows, shown) {
  rows.replaceChildren(...shown.map((values, index) => periodRow(index, values)));
  rows.querySelectorAll('.remove-period').forEach(button => { button.disabled = shown.length === 1; });
}

const shownPeriod = period => ({ from: date(period.from), to: date(period.to), hoursPerWeek: hours(period.hoursPerWeek),
  tasks: period.tasks });

export function scheduleForm(view, api) {
  const labels = { bedrijfsartsAdviceOn: 'Advies van de bedrijfsarts van', periods: 'Perioden' };
  const end = view.timeline ? view.timeline['einde-wachttijd'] : null;
  const rows = el('div', { class: 'period-rows' });
  renderRows(rows, [null]);
  const add = el('button', { type: 'button', class: 'secondary', id: 'schema-periode-toevoegen' }, 'Periode toevoegen');
  const periods = el('div', { class: 'field', 'data-field': 'periods' },
    el('fieldset', { name: 'periods', id: 'schema-perioden', 'aria-describedby': 'schema-perioden-hint' },
      el('legend', {}, labels.periods),
      el('p', { class: 'hint', id: 'schema-perioden-hint' }, 'Elke periode begint de dag na het einde van de vorige'
        + (end ? `; de laatste eindigt uiterlijk op ${date(end)}, het einde van de wachttijd` : '')
        + '. Uren per week: 0 tot en met de contracturen. Taken in functionele termen. ' + NO_MEDICAL),
      el('p', { class: 'field-error', id: 'schema-perioden-fout', hidden: true }),
      rows),
    add);
  const details = actionForm('opbouwschema', 'Opbouwschema vastleggen of wijzigen', [
    field(labels.bedrijfsartsAdviceOn, dateInput('schema-advies', 'bedrijfsartsAdviceOn'),
      'De dag van het advies van de bedrijfsarts waarop dit schema berust.'),
    periods,
  ], 'Opbouwschema vastleggen', labels, async form => {
    const body = {
      bedrijfsartsAdviceOn: isoFromDutch(value(form, 'bedrijfsartsAdviceOn')),
      periods: readRows(rows).map(row => ({ from: isoFromDutch(row.from), to: isoFromDutch(row.to),
        hoursPerWeek: hoursOrNull(row.hoursPerWeek), tasks: row.tasks })),
    };
    const saved = await sending(form, () => send('PUT', `${api}/work-resumption-schedule`, body));
    const first = saved.periods[0];
    const last = saved.periods[saved.periods.length - 1];
    return `Opbouwschema versie ${saved.version}: ${saved.periods.length} `
      + `${saved.periods.length === 1 ? 'periode' : 'perioden'} van ${date(first.from)} t/m ${date(last.to)}. `
      + (saved.version > 1 ? 'De vorige versie blijft in het dossier. ' : '')
      + 'Zolang het schema loopt, evalueert de werkgever de voortgang regelmatig (standaard elke twee weken; '
      + 'de eerstvolgende evaluatie staat bij de open taken).';
  });
  const form = details.querySelector('form');
  add.addEventListener('click', () => {
    const typed = readRows(rows);
    const previousEnd = isoFromDutch(typed[typed.length - 1].to);
    const next = /^\d{4}-\d{2}-\d{2}$/.test(previousEnd || '') ? date(addDays(previousEnd, 1)) : '';
    renderRows(rows, [...typed, { from: next }]);
    rows.lastChild.querySelector(next ? 'input[name$=".to"]' : 'input').focus();
  });
  rows.addEventListener('click', event => {
    const button = event.target.closest('.remove-period');
    if (!button) {
      return;
    }
    const index = Number(button.closest('.period-row').getAttribute('data-period'));
    const typed = readRows(rows).filter((_, i) => i !== index);
    renderRows(rows, typed);
    add.focus();
  });
  opbouw(view, api).then(({ schedule }) => {
    if (schedule.version && !form.dataset.touched) {
      form.elements.bedrijfsartsAdviceOn.value = date(schedule.bedrijfsartsAdviceOn);
      renderRows(rows, schedule.periods.map(shownPeriod));
    }
  });
  form.addEventListener('input', () => { form.dataset.touched = 'true'; }, { once: true });
  return details;
}

// ---- action: gewerkte uren (werkgever or werknemer) ----------------------------------------------------------------

/** Only once an opbouwschema exists (the API refuses hours without one). */
export function hoursForm(view, api) {
  if (!view.workResumption) {
    return null;
  }
  const labels = { week: 'Week', workedHours: 'Gewerkte uren' };
  const week = el('select', { id: 'uren-week', name: 'week' });
  const planned = el('p', { class: 'hint', id: 'uren-gepland', 'aria-live': 'polite' });
  const weekField = field(labels.week, week);
  weekField.insertBefore(planned, week.nextSibling);
  week.setAttribute('aria-describedby', 'uren-gepland');
  let schedule = { periods: [] };
  let recorded = new Map();
  const showPlanned = () => {
    const period = week.value ? periodOfWeek(schedule.periods, week.value) : null;
    const earlier = recorded.get(week.value);
    planned.textContent = period
      ? `Gepland: ${hours(period.hoursPerWeek)} uur (periode ${date(period.from)} t/m ${date(period.to)}: ${period.tasks}).`
        + (earlier ? ` Al vastgelegd: ${hours(earlier.workedHours)} uur; opnieuw vastleggen is een correctie.` : '')
      : 'Nog geen week van het opbouwschema is begonnen.';
  };
  week.addEventListener('change', showPlanned);
  const details = actionForm('uren', 'Gewerkte uren vastleggen', [
    weekField,
    field(labels.workedHours, el('input', { id: 'uren-gewerkt', name: 'workedHours', type: 'text', inputmode: 'decimal',
      size: 5 }), 'De uren die in die week echt zijn gewerkt, bijvoorbeeld 7,5. Hoogstens de contracturen.'),
  ], 'Uren vastleggen', labels, async form => {
    const body = { week: value(form, 'week') || null, workedHours: hoursOrNull(value(form, 'workedHours')) };
    const entry = await sending(form, () => send('POST', `${api}/work-resumption-hours`, body));
    const content = entry.content || {};
    return `Week ${weekNumber(content.weekVan)} (${date(content.weekVan)} t/m ${date(content.weekTot)}): `
      + `${hours(content.gewerkteUren)} van ${hours(content.geplandeUren)} geplande uren gewerkt`
      + `${content.correctie ? ' (correctie; de vorige registratie blijft in het dossier)' : ''}. `
      + 'De evaluatie van de voortgang neemt de laatst vastgelegde week over.';
  });
  opbouw(view, api).then(data => {
    schedule = data.schedule;
    recorded = new Map((data.hours.weeks || []).map(w => [w.weekFrom, w]));
    const today = todayIso();
    const options = [];
    if (schedule.periods.length) {
      const last = schedule.periods[schedule.periods.length - 1].to;
      for (let monday = mondayOf(schedule.periods[0].from); monday <= today && monday <= last;
        monday = addDays(monday, 7)) {
        const done = recorded.get(monday);
        options.unshift(el('option', { value: monday }, `Week ${weekNumber(monday)}: ${date(monday)} t/m `
          + `${date(addDays(monday, 6))}${done ? ` (vastgelegd: ${hours(done.workedHours)} uur)` : ''}`));
      }
    }
    week.replaceChildren(...options);
    week.disabled = options.length === 0;
    showPlanned();
  });
  return details;
}

// ---- action: wijziging voor spoor 1 (werkgever; bedrijfsarts: belastbaarheid) ------------------------------------

export function spoor1ChangeForm(view, api) {
  const allowed = view.actions || [];
  const kinds = allowed.includes('spoor1Change') ? Object.keys(CHANGE_KINDS) : ['BELASTBAARHEID'];
  const labels = { kind: 'Wat is er veranderd?', description: 'Omschrijving', date: 'Datum van de wijziging' };
  return actionForm('spoor1-wijziging', 'Wijziging voor spoor 1 melden', [
    field(labels.kind, el('select', { id: 'wijziging-soort', name: 'kind' },
      kinds.map(kind => el('option', { value: kind }, CHANGE_KINDS[kind]))),
    kinds.length === 1 ? 'De bedrijfsarts meldt een gewijzigde belastbaarheid; de werkgever meldt ook wijzigingen in de'
      + ' organisatie en nieuwe functies of vacatures.' : 'De werkgever beoordeelt daarna opnieuw of er passend werk'
      + ' in de eigen organisatie is.'),
    field(labels.description, el('textarea', { id: 'wijziging-omschrijving', name: 'description', rows: 3,
      maxlength: 4000 }), `Wat er veranderde, in functionele termen (minstens 10 tekens). ${NO_MEDICAL}`),
    field(labels.date, dateInput('wijziging-datum', 'date'), 'De dag van de wijziging; niet in de toekomst.'),
  ], 'Wijziging melden', labels, async form => {
    const body = { kind: value(form, 'kind'), description: value(form, 'description'),
      date: isoFromDutch(value(form, 'date')) };
    const entry = await sending(form, () => send('POST', `${api}/spoor1-changes`, body));
    const content = entry.content || {};
    return `${CHANGE_KINDS[body.kind]} staat in het dossier. De werkgever beoordeelt de mogelijkheden in spoor 1 `
      + `opnieuw (taak 'Mogelijkheden spoor 1 opnieuw beoordelen', uiterlijk ${date(content.herbeoordelingUiterlijk)}); `
      + 'ziet hij geen passend werk, dan onderbouwt hij dat.'
      + (content.reintegratiebureauGeinformeerd ? ' Het re-integratiebureau van spoor 2 heeft een taak gekregen om de'
        + ' gewijzigde belastbaarheid te verwerken.' : '');
  });
}
