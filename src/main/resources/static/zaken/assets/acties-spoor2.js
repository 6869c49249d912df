// Spoor 2 on the case screen: what runs (in the summary) and starting it whenever it is due — early on the
// bedrijfsarts's or arbeidsdeskundige's conclusion, or again after a previous trajectory (POST /api/cases/{id}/spoor2).
import { el, send, getJsonOrNull, currentUser, date, todayIso } from './api.js';
import { field, actionForm, value } from './formulier.js';

const OCCASIONS = {
  VROEG: 'vroeg ingezet', NA_EJE: 'ingezet na de eerstejaarsevaluatie', HERSTART: 'opnieuw ingezet',
  DESKUNDIGENOORDEEL: 'ingezet na een deskundigenoordeel van UWV',
};
const EXECUTORS = { bureau: 'uitgevoerd door een re-integratiebureau', werkgever: 'uitgevoerd door de werkgever' };
const RESTART_AFTER = {
  PLAATSING_MISLUKT: 'De plaatsing is mislukt', LOONSANCTIE: 'UWV legde een loonsanctie op', OVERIG: 'Een andere reden',
};
const NOT_STARTED = 'niet gestart';

/** "vroeg ingezet op 03-02-2027, uitgevoerd door de werkgever" for the summary; null when spoor 2 never started. */
export function spoor2Summary(view) {
  const spoor2 = view.spoor2;
  if (!spoor2) {
    return null;
  }
  const executor = EXECUTORS[spoor2.executor] || 'de werkgever kiest nog wie het uitvoert';
  return el('span', {}, `${OCCASIONS[spoor2.occasion] || spoor2.occasion} op `,
    el('time', { datetime: spoor2.since }, date(spoor2.since)),
    `, ${executor}${view.spoor2Status === 'afgerond' ? '; het traject is beëindigd' : ''}`);
}

/** A group of radio buttons that shows a refusal of its field like field() does. */
function choice(id, name, legend, options, checked, hint) {
  return el('div', { class: 'field', 'data-field': name },
    el('fieldset', {}, el('legend', {}, legend), hint ? el('p', { class: 'hint', id: `${id}-hint` }, hint) : null,
      Object.entries(options).map(([key, text]) => el('label', { class: 'inline' },
        el('input', { type: 'radio', name, value: key, id: `${id}-${key.toLowerCase()}`, checked: key === checked }),
        ` ${text}`))),
    el('p', { class: 'field-error', id: `${id}-fout`, hidden: true }));
}

const chosen = (form, name) => {
  const input = form.querySelector(`input[name="${name}"]:checked`);
  return input ? input.value : null;
};

/**
 * Start spoor 2 now (seed 004: "Eerder mag dus ook"; seed 003: the werkgever may run it himself). The werkgever
 * starts early or again; the bedrijfsarts or arbeidsdeskundige of the case records his own early conclusion, and
 * the werkgever then chooses who runs it.
 */
export function spoor2StartForm(view, api) {
  const labels = {
    occasion: 'Wanneer', restartAfter: 'Waarom eindigde het vorige traject?', concludedBy: 'Conclusie van',
    situationalIncapacity: 'Situatieve arbeidsongeschiktheid', reason: 'Reden', executor: 'Wie voert spoor 2 uit?',
    bureau: 'Re-integratiebureau',
  };
  const notStarted = view.spoor2Status === NOT_STARTED;
  const fields = [
    choice('spoor2-aanleiding', 'occasion', labels.occasion, {
      VROEG: 'Eerder dan de eerstejaarsevaluatie: het eigen werk komt niet terug',
      HERSTART: 'Opnieuw: een nieuw traject na een vorig traject',
    }, notStarted ? 'VROEG' : 'HERSTART', notStarted
      ? 'In deze zaak liep nog geen spoor 2-traject.'
      : 'Er liep al een spoor 2-traject; een lopend traject wordt eerst beëindigd.'),
    field(labels.restartAfter, el('select', { id: 'spoor2-herstart', name: 'restartAfter' },
      el('option', { value: '' }, '—'),
      Object.entries(RESTART_AFTER).map(([key, text]) => el('option', { value: key }, text)))),
    field(labels.concludedBy, el('select', { id: 'spoor2-conclusie', name: 'concludedBy' },
      el('option', { value: '' }, '—'), el('option', { value: 'bedrijfsarts' }, 'De bedrijfsarts'),
      el('option', { value: 'arbeidsdeskundige' }, 'De arbeidsdeskundige')),
    'Wie concludeerde dat het eigen werk (ook aangepast) niet terugkomt.'),
    choice('spoor2-situatief', 'situationalIncapacity', labels.situationalIncapacity,
      { true: 'Ja', false: 'Nee' }, null,
      'Belemmert terugkeer naar de eigen werkgever het herstel, bijvoorbeeld door een arbeidsconflict?'),
    field(labels.reason, el('textarea', { id: 'spoor2-reden', name: 'reason', rows: 3, maxlength: 4000 }),
      'Waarom spoor 2 nu start, in functionele termen (minstens 10 tekens). Geen medische gegevens.'),
    choice('spoor2-uitvoerder', 'executor', labels.executor,
      { bureau: 'Een re-integratiebureau', werkgever: 'De werkgever zelf, zonder bureau' }, 'bureau'),
    field(labels.bureau, el('select', { id: 'spoor2-bureau', name: 'bureau' }, el('option', { value: '' }, '—'))),
  ];
  let expert = false;
  const details = actionForm('spoor2', 'Spoor 2 inzetten', fields, 'Spoor 2 inzetten', labels, async form => {
    const occasion = chosen(form, 'occasion');
    const body = { occasion, reason: value(form, 'reason') };
    if (occasion === 'HERSTART') {
      body.restartAfter = value(form, 'restartAfter') || null;
    } else {
      body.concludedBy = value(form, 'concludedBy') || null;
      const situational = chosen(form, 'situationalIncapacity');
      body.situationalIncapacity = situational === null ? null : situational === 'true';
    }
    if (!expert) {
      body.executor = chosen(form, 'executor');
      if (body.executor === 'bureau') {
        body.bureau = value(form, 'bureau') || null;
      }
    }
    const updated = await send('POST', `${api}/spoor2`, body);
    const since = updated && updated.spoor2 ? updated.spoor2.since : todayIso();
    const start = occasion === 'HERSTART'
      ? `Het vorige traject is beëindigd; een nieuw spoor 2-traject loopt vanaf ${date(since)}. `
      : `Spoor 2 is ingezet op ${date(since)}. `;
    if (expert) {
      return `${start}De werkgever kiest nu wie het traject uitvoert (taak 'Uitvoerder spoor 2 kiezen').`;
    }
    return start + (body.executor === 'werkgever'
      ? 'De werkgever voert het traject zelf uit: de taken van het re-integratiebureau staan bij de werkgever, met dezelfde rapportages en termijnen.'
      : 'Het re-integratiebureau beoordeelt nu de aanmelding en stelt daarna met de werknemer een trajectplan op.');
  });
  const form = details.querySelector('form');
  const show = (name, shown) => {
    form.querySelector(`[data-field="${name}"]`).hidden = !shown;
  };
  const sync = () => {
    const early = chosen(form, 'occasion') !== 'HERSTART';
    show('restartAfter', !early);
    show('concludedBy', early);
    show('situationalIncapacity', early);
    show('executor', !expert);
    show('bureau', !expert && chosen(form, 'executor') === 'bureau');
  };
  form.querySelectorAll('input[type=radio]').forEach(radio => radio.addEventListener('change', sync));
  sync();
  currentUser().then(me => {
    const groups = me.groups || [];
    const own = ['bedrijfsarts', 'arbeidsdeskundige'].find(role => groups.includes(role));
    expert = Boolean(own) && !groups.includes('werkgever');
    if (expert) {
      // He records his own conclusion, early; the werkgever chooses who runs it.
      form.querySelector('[data-field="occasion"]').hidden = true;
      form.elements.concludedBy.value = own;
      form.elements.concludedBy.disabled = true;
    } else {
      getJsonOrNull(`${api}/spoor2/bureaus`).then(bureaus => (bureaus || []).forEach(bureau =>
        form.elements.bureau.append(el('option', { value: bureau.id }, bureau.name)))).catch(() => {});
    }
    sync();
  });
  return details;
}
