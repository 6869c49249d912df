// Case screen actions of cooperation/ and employment/: measures for non-cooperation (take one, see those in force,
// end one when the werknemer cooperates again) and the vaststellingsovereenkomst, which ends the case.
import { send, el, date, isoFromDutch, ApiError } from './api.js';
import { section, field, dateInput, actionForm, value } from './formulier.js';

const MEASURE_KINDS = {
  WAARSCHUWING: { label: 'Waarschuwing', hint: 'Een schriftelijke waarschuwing: wat de werknemer moet doen en wat volgt als hij dat niet doet.' },
  OPSCHORTING_LOON: { label: 'Opschorting van het loon', hint: 'Het loon wordt ingehouden zolang hij redelijke controlevoorschriften niet naleeft en daarna nabetaald (BW 7:629 lid 6).' },
  STOPZETTING_LOON: { label: 'Stopzetting van het loon', hint: 'Geen recht op loon zolang hij zonder goede reden niet meewerkt aan zijn re-integratie (BW 7:629 lid 3).' },
};

const kindLabel = measure => (MEASURE_KINDS[measure.kind] || {}).label || measure.kindLabel || measure.kind;

/** The werkgever records a warning, opschorting or stopzetting with its ground and start (seed 004). */
export function cooperationMeasureForm(view, api) {
  const labels = { kind: 'Soort maatregel', ground: 'Grond', startDate: 'Ingangsdatum', reviewOn: 'Herbeoordelen op' };
  const kind = el('select', { id: 'maatregel-soort', name: 'kind' },
    Object.entries(MEASURE_KINDS).map(([key, kindOf]) => el('option', { value: key }, kindOf.label)));
  const kindHint = el('p', { class: 'hint', id: 'maatregel-soort-uitleg' });
  const waitingPeriodEnd = view.timeline ? view.timeline['einde-wachttijd'] : null;
  const details = actionForm('maatregel', 'Maatregel bij onvoldoende medewerking', [
    field(labels.kind, kind), kindHint,
    field(labels.ground, el('textarea', { id: 'maatregel-grond', name: 'ground', rows: 3, maxlength: 2000 }),
      'Welke afspraak of verplichting de werknemer niet nakwam en wat u van hem vroeg (10-2000 tekens). Geen medische gegevens.'),
    field(labels.startDate, dateInput('maatregel-ingang', 'startDate'),
      `Niet voor de eerste ziektedag, hoogstens 31 dagen vooruit${waitingPeriodEnd ? ` en uiterlijk ${date(waitingPeriodEnd)} (einde wachttijd)` : ''}.`),
    field(labels.reviewOn, dateInput('maatregel-herbeoordeling', 'reviewOn'),
      'Leeg laten: 14 dagen na de ingangsdatum. Na vandaag en hoogstens 91 dagen vooruit.'),
  ], 'Maatregel vastleggen', labels, async form => {
    const measure = await send('POST', `${api}/cooperation-measures`, {
      kind: value(form, 'kind'), ground: value(form, 'ground'), startDate: isoFromDutch(value(form, 'startDate')),
      reviewOn: isoFromDutch(value(form, 'reviewOn')),
    });
    return `${kindLabel(measure)} per ${date(measure.startDate)} staat als besluit in het dossier. `
      + `Op ${date(measure.reviewOn)} staat de taak 'Maatregel bij onvoldoende medewerking herbeoordelen' in uw takenlijst. `
      + 'Werkt de werknemer eerder weer mee, beëindig de maatregel dan hieronder bij "Maatregelen bij onvoldoende medewerking".';
  });
  const explain = () => { kindHint.textContent = MEASURE_KINDS[kind.value].hint; };
  kind.setAttribute('aria-describedby', kindHint.id);
  kind.addEventListener('change', explain);
  explain();
  return details;
}

/** The werkgever ends a measure: the werknemer cooperates again from the given day; its review task disappears. */
function endForm(api, measure, index) {
  const labels = { date: 'Werkt weer mee vanaf', explanation: 'Toelichting' };
  return actionForm(`maatregel-einde-${index}`, `Beëindigen: ${kindLabel(measure).toLowerCase()} van ${date(measure.startDate)}`, [
    field(labels.date, dateInput(`maatregel-einde-${index}-datum`, 'date'),
      `De eerste dag dat de werknemer weer meewerkt; niet voor ${date(measure.startDate)} en niet in de toekomst.`),
    field(labels.explanation, el('textarea', { id: `maatregel-einde-${index}-toelichting`, name: 'explanation', rows: 2, maxlength: 2000 }),
      'Optioneel, bijvoorbeeld welke afspraak hij weer nakomt. Geen medische gegevens.'),
  ], 'Maatregel beëindigen', labels, async form => {
    const ended = await send('POST', `${api}/cooperation-measures/${encodeURIComponent(measure.id)}/end`, {
      date: isoFromDutch(value(form, 'date')), explanation: value(form, 'explanation') || null,
    });
    return `${kindLabel(ended)} is beëindigd: de werknemer werkt weer mee vanaf ${date(ended.endedOn)}. `
      + 'Dat staat in het dossier; de herbeoordelingstaak is vervallen.';
  });
}

/** The measures in force, for every party that reads the case; the werkgever can end each. */
export function cooperationMeasures(view, api) {
  const measures = view.cooperationMeasures || [];
  if (measures.length === 0) {
    return null;
  }
  const mayEnd = (view.actions || []).includes('cooperationMeasure');
  return section('maatregelen', 'Maatregelen bij onvoldoende medewerking',
    el('p', { class: 'hint' }, 'Deze maatregelen gelden nu. Een maatregel eindigt zodra de werknemer weer meewerkt;',
      ' de werkgever legt dat vast.'),
    el('table', {},
      el('thead', {}, el('tr', {}, ['Maatregel', 'Grond', 'Sinds', 'Herbeoordelen op'].map(t => el('th', { scope: 'col' }, t)))),
      el('tbody', {}, measures.map(measure => el('tr', {},
        el('th', { scope: 'row' }, kindLabel(measure)), el('td', {}, measure.ground || '—'),
        el('td', { class: 'date' }, date(measure.startDate)), el('td', { class: 'date' }, date(measure.reviewOn)))))),
    mayEnd ? measures.map((measure, index) => endForm(api, measure, index)) : null);
}

/** The werkgever records a vaststellingsovereenkomst both parties signed: the employment, and the case, end. */
export function settlementForm(view, api) {
  const labels = {
    signedOn: 'Ondertekend op', employmentEndDate: 'Laatste dag van het dienstverband', explanation: 'Wat is afgesproken',
    confirmed: 'Bevestiging',
  };
  const waitingPeriodEnd = view.timeline ? view.timeline['einde-wachttijd'] : null;
  const confirmed = el('div', { class: 'field check', 'data-field': 'confirmed' },
    el('input', { id: 'vso-bevestigd', name: 'confirmed', type: 'checkbox' }),
    el('label', { for: 'vso-bevestigd' }, 'Ik begrijp dat het dienstverband en deze zaak hiermee eindigen.'),
    el('p', { class: 'field-error', id: 'vso-bevestigd-fout', hidden: true }));
  return actionForm('vso', 'Vaststellingsovereenkomst (einde dienstverband)', [
    el('div', { class: 'warning', role: 'note' },
      el('strong', {}, 'Let op: hiermee eindigt de zaak. '),
      'Het dienstverband eindigt op de afgesproken dag en de zaak wordt afgesloten met de reden vaststellingsovereenkomst. ',
      'Is de werknemer dan nog ziek, dan volgt de ziek-uit-dienstmelding bij UWV. ',
      'Een werknemer die zelf instemt met het einde van zijn dienstverband loopt het risico zijn Ziektewet-uitkering te verliezen. ',
      'Niet mogelijk zolang een loonsanctie loopt.'),
    field(labels.signedOn, dateInput('vso-ondertekend', 'signedOn'),
      'De dag waarop werkgever en werknemer allebei tekenden; niet in de toekomst.'),
    field(labels.employmentEndDate, dateInput('vso-einde', 'employmentEndDate'),
      `Niet voor de dag van ondertekening${waitingPeriodEnd ? `; uiterlijk ${date(waitingPeriodEnd)}, het einde van de wachttijd` : ''}.`),
    field(labels.explanation, el('textarea', { id: 'vso-toelichting', name: 'explanation', rows: 3, maxlength: 1000 }),
      'Kort wat is afgesproken (hoogstens 1000 tekens). Geen medische gegevens.'),
    confirmed,
  ], 'Vaststellingsovereenkomst vastleggen', labels, async form => {
    if (!form.elements.confirmed.checked) {
      throw new ApiError(400, { violations: [{ field: 'confirmed', rule: 'Vink aan dat u begrijpt dat de zaak hiermee eindigt.' }] });
    }
    const body = {
      signedOn: isoFromDutch(value(form, 'signedOn')), employmentEndDate: isoFromDutch(value(form, 'employmentEndDate')),
      explanation: value(form, 'explanation'),
    };
    await send('POST', `${api}/settlement`, body);
    return `De vaststellingsovereenkomst staat als besluit in het dossier. Het dienstverband eindigt op ${date(body.employmentEndDate)}; `
      + 'is de werknemer dan nog ziek, dan staat de ziek-uit-dienstmelding als taak klaar. Daarna wordt de zaak afgesloten.';
  });
}
