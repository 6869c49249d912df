// Spoor 2 as it happens, on the case screen: a found job or placement reported at once, the employee's refusal of an
// offer he considers not suitable, the executor's sessions, trainings and agency registrations, and the list of those
// activities. Each action is offered only when the case's `actions` list names it (the server decides who may).
import { el, send, getJsonOrNull, date, dateTime, isoFromDutch, todayIso, roleLabel } from './api.js';
import { section, field, dateInput, actionForm, value, numberOrNull } from './formulier.js';

const NO_MEDICAL = 'Geen medische gegevens.';
const ACTIVITY_KINDS = {
  GESPREK: 'Gesprek', TRAINING: 'Training', INSCHRIJVING_UITZENDBUREAU: 'Inschrijving uitzendbureau',
};
const PLACEMENT_KINDS = { ARBEIDSOVEREENKOMST: 'Arbeidsovereenkomst', DETACHERING: 'Detachering' };

/** A group of radio buttons that shows its refusal like any field (name = the API's field). */
function radios(id, name, legend, options, hint) {
  return el('div', { class: 'field', 'data-field': name },
    el('fieldset', { 'aria-describedby': hint ? `${id}-hint` : null }, el('legend', {}, legend),
      hint ? el('p', { class: 'hint', id: `${id}-hint` }, hint) : null,
      Object.entries(options).map(([key, text]) => el('label', { class: 'inline' },
        el('input', { type: 'radio', name, value: key, id: `${id}-${key.toLowerCase()}` }), ` ${text}`))),
    el('p', { class: 'field-error', id: `${id}-fout`, hidden: true }));
}

const chosen = (form, name) => {
  const input = form.querySelector(`input[name="${name}"]:checked`);
  return input ? input.value : null;
};

const todayDutch = () => date(todayIso());

/** The employee, the bureau of his trajectory or the werkgever running spoor 2 himself reports a found job. */
export function placementReportForm(view, api) {
  const labels = {
    employer: 'Nieuwe werkgever (of inlener)', function: 'Functie', kind: 'Vorm', startDate: 'Startdatum',
    hoursPerWeek: 'Uren per week',
  };
  const end = view.timeline ? view.timeline['einde-wachttijd'] : null;
  return actionForm('plaatsing-melden', 'Plaatsing melden (spoor 2)', [
    el('p', { class: 'hint' }, 'Meld een gevonden baan of plaatsing zodra die er is. De bedrijfsarts toetst direct of het werk passend en duurzaam is; u wacht niet op de volgende voortgangsrapportage.'),
    field(labels.employer, el('input', { id: 'plaatsing-melden-werkgever', name: 'employer', type: 'text', maxlength: 200, size: 50 })),
    field(labels.function, el('input', { id: 'plaatsing-melden-functie', name: 'function', type: 'text', maxlength: 200, size: 50 })),
    radios('plaatsing-melden-vorm', 'kind', labels.kind, PLACEMENT_KINDS,
      'Bij een detachering werkt de werknemer bij de inlener en blijft hij in dienst.'),
    field(labels.startDate, dateInput('plaatsing-melden-start', 'startDate'),
      end ? `Uiterlijk ${date(end)}, het einde van de wachttijd.` : null),
    field(labels.hoursPerWeek, el('input', { id: 'plaatsing-melden-uren', name: 'hoursPerWeek', type: 'text', inputmode: 'numeric', size: 4 }),
      '1 tot 60 uur.'),
  ], 'Plaatsing melden', labels, async form => {
    const body = {
      employer: value(form, 'employer'), function: value(form, 'function'), kind: chosen(form, 'kind'),
      startDate: isoFromDutch(value(form, 'startDate')), hoursPerWeek: numberOrNull(value(form, 'hoursPerWeek')),
    };
    await send('POST', `${api}/spoor2/placement-reports`, body);
    return `De plaatsing als ${body.function} bij ${body.employer} per ${date(body.startDate)} is gemeld. `
      + 'De bedrijfsarts toetst nu of het werk passend en duurzaam is (taak Passendheid toetsen, binnen 5 werkdagen).';
  });
}

/** The employee refuses an offer of work he considers not suitable (seed 004). */
export function offerRefusalForm(view, api) {
  const labels = { offer: 'Aanbod (werkgever en functie)', date: 'Datum van de weigering', reason: 'Waarom vindt u het werk niet passend?' };
  const day = dateInput('weigering-datum', 'date');
  day.value = todayDutch();
  return actionForm('aanbod-weigeren', 'Aanbod weigeren als niet passend', [
    el('p', { class: 'hint' }, 'U hoeft geen werk te aanvaarden dat niet passend is. Uw werkgever beoordeelt uw weigering; hij kan UWV om een deskundigenoordeel over passende arbeid vragen.'),
    field(labels.offer, el('input', { id: 'weigering-aanbod', name: 'offer', type: 'text', maxlength: 200, size: 50 })),
    field(labels.date, day, 'Vandaag ingevuld; pas aan als u eerder weigerde. Niet in de toekomst.'),
    field(labels.reason, el('textarea', { id: 'weigering-reden', name: 'reason', rows: 3, maxlength: 4000 }),
      `Bijvoorbeeld reistijd, werktijden of het soort werk. ${NO_MEDICAL}`),
  ], 'Weigering vastleggen', labels, async form => {
    const body = { offer: value(form, 'offer'), date: isoFromDutch(value(form, 'date')), reason: value(form, 'reason') };
    await send('POST', `${api}/spoor2/offer-refusals`, body);
    return `Uw weigering van "${body.offer}" staat in het dossier. Uw werkgever beoordeelt haar binnen 5 werkdagen `
      + '(taak Weigering passende arbeid beoordelen): hij aanvaardt haar, of vraagt UWV om een deskundigenoordeel.';
  });
}

/** The bureau of the trajectory (or the werkgever running spoor 2 himself) records what happened. */
export function activityForm(view, api) {
  const labels = { kind: 'Soort', date: 'Datum', description: 'Wat er gebeurde' };
  const day = dateInput('activiteit-datum', 'date');
  day.value = todayDutch();
  return actionForm('activiteit', 'Spoor 2-activiteit vastleggen', [
    field(labels.kind, el('select', { id: 'activiteit-soort', name: 'kind' },
      Object.entries(ACTIVITY_KINDS).map(([key, text]) => el('option', { value: key }, text)))),
    field(labels.date, day, 'Vandaag ingevuld; pas aan als het eerder was. Niet in de toekomst.'),
    field(labels.description, el('textarea', { id: 'activiteit-omschrijving', name: 'description', rows: 3, maxlength: 2000 }),
      `Wat is besproken, geoefend of geregeld, en wat is afgesproken. ${NO_MEDICAL}`),
  ], 'Activiteit vastleggen', labels, async form => {
    const body = { kind: value(form, 'kind'), date: isoFromDutch(value(form, 'date')), description: value(form, 'description') };
    await send('POST', `${api}/spoor2/activities`, body);
    return `${ACTIVITY_KINDS[body.kind] || body.kind} van ${date(body.date)} staat in het dossier en in de lijst `
      + 'Activiteiten spoor 2; het telt mee in de volgende voortgangsrapportage.';
  });
}

/** Read-only: the spoor 2 activities of the case, the newest first, for every party that reads the case. */
export async function spoor2Activities(view, api) {
  if (view.spoor2Status === 'niet gestart') {
    return null;
  }
  const list = await getJsonOrNull(`${api}/spoor2/activities`).catch(() => null);
  if (list === null || (list.length === 0 && view.spoor2Status !== 'lopend')) {
    return null;
  }
  const rows = [...list].reverse();
  return section('activiteiten-spoor2', 'Activiteiten spoor 2',
    el('p', { class: 'hint' }, 'Gesprekken, trainingen en inschrijvingen bij uitzendbureaus van het spoor 2-traject.'),
    rows.length === 0 ? el('p', { class: 'empty' }, 'Er zijn nog geen activiteiten vastgelegd.')
      : el('table', {},
        el('thead', {}, el('tr', {}, ['Datum', 'Soort', 'Wat er gebeurde', 'Vastgelegd door'].map(t => el('th', { scope: 'col' }, t)))),
        el('tbody', {}, rows.map(activity => el('tr', {},
          el('td', {}, date(activity.date)),
          el('td', {}, ACTIVITY_KINDS[activity.kind] || activity.kind || '—'),
          el('td', {}, activity.description || '—'),
          el('td', {}, `${activity.recordedBy || '—'} (${roleLabel(activity.role)}), ${dateTime(activity.recordedAt)}`))))));
}
