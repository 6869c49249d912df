import {
  header, getJson, getJsonOrNull, send, el, date, dateTime, isoFromDutch, addDays, sicknessWeek, roleLabel,
  tasklistLink, STATUS, PHASE, ApiError,
} from './api.js';
import {
  section, field, dateInput, actionForm, value, numberOrNull, reloadWith,
} from './formulier.js';
import { placementReportForm, offerRefusalForm, activityForm, spoor2Activities } from './acties-practice.js';
import { cooperationMeasureForm, cooperationMeasures, settlementForm } from './acties-cooperation.js';
import { opbouwSection, scheduleForm, hoursForm, spoor1ChangeForm } from './acties-opbouw.js';
import { spoor2Summary, spoor2StartForm } from './acties-spoor2.js';

const caseId = decodeURIComponent(window.location.pathname.split('/').filter(Boolean)[1] || '');
const api = `/api/cases/${encodeURIComponent(caseId)}`;
const root = document.getElementById('zaak');
let view = null;
let me = null;

const MILESTONES = {
  'ziekmelding-bedrijfsarts': 'Ziekmelding aan bedrijfsarts', 'eerstejaarsevaluatie-venster': 'Eerstejaarsevaluatie (vanaf)', 'probleemanalyse': 'Probleemanalyse',
  'plan-van-aanpak': 'Plan van aanpak', 'ziekmelding-uwv': 'Ziekmelding bij UWV (42e week)',
  'eerstejaarsevaluatie': 'Eerstejaarsevaluatie', 'spoor-2-start': 'Uiterste start spoor 2',
  'deskundigenoordeel-inspanningen': 'Deskundigenoordeel inspanningen', 'eindevaluatie': 'Eindevaluatie en actueel oordeel',
  'wia-aanvraag': 'WIA-aanvraag en re-integratieverslag', 'einde-wachttijd': 'Einde wachttijd',
};
const ENTRY_TYPES = {
  TIMELINE_COMPUTED: 'Termijnen berekend', TIMELINE_UPDATED: 'Termijnen bijgewerkt', TASK_COMPLETED: 'Stap afgerond',
  DEADLINE_MISSED: 'Termijn overschreden', DECISION: 'Besluit', CASE_CLOSED: 'Zaak afgesloten',
  RECOVERY: 'Hersteldmelding', RELAPSE: 'Terugval binnen 28 dagen', UWV_DECISION: 'Beslissing van UWV',
  STEP_IMPORTED: 'Stap uit eerder systeem', CONTRACT_END_CHANGED: 'Einde contract gewijzigd',
  HANDOVER_TO_UWV: 'Ziek uit dienst: overdracht aan UWV', TRAJECTORY_ENDED: 'Spoor 2-traject beëindigd',
  WORK_RESUMPTION_HOURS: 'Gewerkte uren (opbouw)', SPOOR1_CHANGE: 'Wijziging voor spoor 1',
  MODEL_MIGRATED: 'Overgezet naar nieuwe modelversie',
  EXPERT_OPINION_REQUESTED: 'Deskundigenoordeel aangevraagd',
  COOPERATION_MEASURE_TAKEN: 'Maatregel bij onvoldoende medewerking', COOPERATION_MEASURE_REVIEWED: 'Maatregel herbeoordeeld', COOPERATION_MEASURE_ENDED: 'Maatregel beëindigd', SETTLEMENT_AGREEMENT: 'Vaststellingsovereenkomst',
};
const CLOSED_REASONS = {
  hersteld: 'hersteld', structureelHervat: 'structureel hervat', eindeWachttijd: 'einde wachttijd',
  vervroegdeIva: 'vervroegde IVA', ziekUitDienst: 'ziek uit dienst', vaststellingsovereenkomst: 'vaststellingsovereenkomst',
  beeindigd: 'beëindigd zonder reden',
};

// ---- page sections ----------------------------------------------------------------------------------------------

function summary() {
  const week = view.status === 'CLOSED' ? null : sicknessWeek(view.firstSickDay);
  const item = (term, value) => [el('dt', {}, term), el('dd', {}, value)];
  return el('dl', { class: 'facts' },
    item('Werknemer', view.employeeName || view.employeeId || '—'),
    item('Werkgever', view.employerName || view.employerId),
    item('Status', el('span', { class: `badge status-${(view.status || '').toLowerCase()}`, id: 'status' },
      STATUS[view.status] || view.status),
      view.closedReason ? ` (${CLOSED_REASONS[view.closedReason] || view.closedReason})` : ''),
    item('Fase', PHASE[view.phase] || view.phase || '—'),
    item('Ziekteweek', week ?? '—'),
    item('Eerste ziektedag', date(view.firstSickDay)),
    view.recoveredOn ? item('Hersteld per', date(view.recoveredOn)) : [],
    view.partialRecoveryPercentage ? item('Gedeeltelijk hersteld', `${view.partialRecoveryPercentage}%`) : [],
    view.workResumption ? item('Opbouw in eigen werk', workResumption(view.workResumption)) : [],
    view.spoor2 ? item('Spoor 2', spoor2Summary(view)) : [],
    item('Volgende termijn', view.nextDeadline
      ? `${date(view.nextDeadline)}${view.nextDeadlineTask ? ' — ' + view.nextDeadlineTask : ''}` : '—'));
}

/** The opbouwschema's period that runs and the last recorded week, planned against worked. */
function workResumption(opbouw) {
  const now = opbouw.currentPeriod;
  const period = now
    ? `${now.hoursPerWeek} uur per week van ${date(now.from)} t/m ${date(now.to)}: ${now.tasks}`
    : `schema van ${date(opbouw.scheduleFrom)} t/m ${date(opbouw.scheduleTo)}; vandaag loopt geen periode`;
  const week = opbouw.lastWeek;
  return week ? `${period}. Week ${week.week}: ${week.workedHours} van ${week.plannedHours} geplande uren gewerkt`
    : period;
}

function timeline() {
  const placeholder = el('p', { class: 'placeholder', hidden: true },
    'De tijdlijn als afbeelding is nog niet beschikbaar.');
  const picture = el('img', {
    // A new address after each action: the page shows the image it already has for an address again.
    src: `${api}/timeline.svg?na=${Date.now()}`, class: 'timeline',
    alt: 'Tijdlijn van 104 weken met de wettelijke termijnen van deze zaak; dezelfde data staan in de tabel hieronder.',
    onerror: () => { picture.remove(); placeholder.hidden = false; },
  });
  const dates = Object.entries(view.timeline || {}).filter(([, value]) => typeof value === 'string')
    .sort(([, a], [, b]) => a.localeCompare(b));
  return section('tijdlijn', 'Tijdlijn', picture, placeholder,
    dates.length === 0 ? null : el('table', { class: 'compact' },
      el('caption', {}, 'Wettelijke termijnen'),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Mijlpaal'), el('th', { scope: 'col' }, 'Datum'))),
      el('tbody', {}, dates.map(([key, value]) => el('tr', {},
        el('th', { scope: 'row' }, MILESTONES[key] || key), el('td', {}, date(value)))))));
}

/** Tasks the user can open in Tasklist: assigned to him, or for a group he belongs to. */
function mayOpen(task) {
  const roles = (task.role || '').split(',');
  return task.taskId && (task.assignee === me.userId || roles.some(role => (me.groups || []).includes(role)));
}

function tasks() {
  const open = view.openTasks || [];
  if (open.length === 0) {
    return section('taken', 'Open taken', el('p', { class: 'empty' }, 'Er staan geen taken open.'));
  }
  const today = new Date().toISOString().substring(0, 10);
  return section('taken', 'Open taken', el('table', {},
    el('thead', {}, el('tr', {}, ['Taak', 'Wie', 'Uiterlijk'].map(t => el('th', { scope: 'col' }, t)))),
    el('tbody', {}, open.map(task => el('tr', {},
      el('th', { scope: 'row' }, mayOpen(task)
        ? el('a', { href: tasklistLink(task.taskId) }, task.name, el('span', { class: 'visually-hidden' },
          ' (opent in Tasklist)')) : task.name),
      el('td', {}, roleLabel(task.role), task.assignee ? ` (${task.assignee})` : ''),
      el('td', {}, date(task.dueDate),
        task.dueDate && task.dueDate < today ? el('span', { class: 'badge late' }, 'verstreken') : null))))));
}

// ---- actions ------------------------------------------------------------------------------------------------------

function recoveryForm() {
  const labels = { date: 'Datum van herstel', percentage: 'Percentage herstel' };
  return actionForm('herstel', 'Hersteldmelding', [
    field(labels.date, dateInput('herstel-datum', 'date'), 'De eerste dag dat de werknemer weer (gedeeltelijk) werkt.'),
    field(labels.percentage, el('input', { id: 'herstel-percentage', name: 'percentage', type: 'text',
      inputmode: 'numeric', size: 4 }), 'Leeg laten of 100 bij volledig herstel; 1-99 bij gedeeltelijk herstel.'),
  ], 'Hersteldmelding vastleggen', labels, async form => {
    const recoveredOn = isoFromDutch(value(form, 'date'));
    const percentage = numberOrNull(value(form, 'percentage'));
    await send('POST', `${api}/recovery`, { date: recoveredOn, percentage });
    if (percentage !== null && percentage < 100) {
      return `Gedeeltelijk herstel van ${percentage}% per ${date(recoveredOn)}. De wachttijd loopt door; de termijnen en taken blijven staan.`;
    }
    return `Volledig herstel per ${date(recoveredOn)}. De zaak staat 28 dagen in de herstelperiode (tot ${date(addDays(recoveredOn, 28))}); de taken zijn gepauzeerd. `
      + 'Meldt de werknemer zich in die periode opnieuw ziek, dan loopt deze zaak door en schuiven de termijnen op met de hersteldagen. '
      + 'Zo niet, dan wordt de zaak na de herstelperiode afgesloten.';
  });
}

const UWV_FIELDS = {
  LOONSANCTIE: ['decisionDate', 'weeks', 'shortcomings'], BEKORTING: ['decisionDate'],
  VVL: ['decisionDate', 'weeks', 'employerAgreed', 'employeeAgreed'],
  DESKUNDIGENOORDEEL: ['decisionDate', 'question', 'verdict', 'conclusion'],
  VERVROEGDE_IVA: ['applicationDate', 'decisionDate', 'granted', 'waitingPeriodEnd'],
};

function uwvForm() {
  const labels = {
    type: 'Soort beslissing', decisionDate: 'Datum van de beslissing', weeks: 'Aantal weken',
    shortcomings: 'Tekortkomingen die UWV noemt', employerAgreed: 'Werkgever akkoord',
    employeeAgreed: 'Werknemer akkoord', conclusion: 'Conclusie van UWV', applicationDate: 'Datum van de aanvraag',
    granted: 'Toegekend', waitingPeriodEnd: 'Laatste dag van de verkorte wachttijd',
    question: 'Vraag die het oordeel beantwoordt', verdict: 'Oordeel van UWV',
  };
  const type = el('select', { id: 'uwv-type', name: 'type' },
    el('option', { value: 'LOONSANCTIE' }, 'Loonsanctie'),
    el('option', { value: 'BEKORTING' }, 'Bekorting van de loonsanctie'),
    el('option', { value: 'VVL' }, 'Vrijwillige verlenging loondoorbetaling (VVL)'),
    el('option', { value: 'DESKUNDIGENOORDEEL' }, 'Deskundigenoordeel'),
    el('option', { value: 'VERVROEGDE_IVA' }, 'Vervroegde IVA'));
  const check = (id, name, text) => el('div', { class: 'field check', 'data-field': name },
    el('input', { id, name, type: 'checkbox' }), el('label', { for: id }, text),
    el('p', { class: 'field-error', id: `${id}-fout`, hidden: true }));
  const granted = el('div', { class: 'field', 'data-field': 'granted' },
    el('fieldset', {}, el('legend', {}, labels.granted),
      el('label', { class: 'inline' }, el('input', { type: 'radio', name: 'granted', value: 'true' }), ' Ja, toegekend'),
      el('label', { class: 'inline' }, el('input', { type: 'radio', name: 'granted', value: 'false' }), ' Nee, afgewezen')),
    el('p', { class: 'field-error', id: 'uwv-granted-fout', hidden: true }));
  const fields = [
    field(labels.type, type),
    field(labels.applicationDate, dateInput('uwv-aanvraag', 'applicationDate')),
    field(labels.decisionDate, dateInput('uwv-datum', 'decisionDate'), 'Bij een bekorting: de dag waarop UWV de bekorting toekende.'),
    field(labels.weeks, el('input', { id: 'uwv-weken', name: 'weeks', type: 'text', inputmode: 'numeric', size: 4 }),
      'Loonsanctie: 1-52 weken. VVL: ten minste 13 weken.'),
    field(labels.shortcomings, el('textarea', { id: 'uwv-tekortkomingen', name: 'shortcomings', rows: 3 }),
      'Eén tekortkoming per regel; voor elke tekortkoming komt een hersteltaak voor de werkgever.'),
    check('uwv-werkgever', 'employerAgreed', 'De werkgever stemt in met de VVL'),
    check('uwv-werknemer', 'employeeAgreed', 'De werknemer stemt in met de VVL'),
    field(labels.question, opinionQuestionSelect('uwv-vraag', true),
      'Leeg laten als de stap die op het oordeel wacht de vraag al kent.'),
    field(labels.verdict, el('select', { id: 'uwv-oordeel', name: 'verdict' }, el('option', { value: '' }, '—'),
      Object.entries(OPINION_VERDICTS).map(([key, text]) => el('option', { value: key }, text)))),
    field(labels.conclusion, el('textarea', { id: 'uwv-conclusie', name: 'conclusion', rows: 3 }),
      'In functionele termen; geen medische gegevens.'),
    granted,
    field(labels.waitingPeriodEnd, dateInput('uwv-einde', 'waitingPeriodEnd'), 'Alleen bij toekenning.'),
  ];
  const details = actionForm('uwv', 'Beslissing van UWV', fields, 'Beslissing vastleggen', labels, async form => {
    const kind = value(form, 'type');
    const body = { type: kind };
    for (const name of UWV_FIELDS[kind]) {
      if (name === 'weeks') {
        body.weeks = numberOrNull(value(form, 'weeks'));
      } else if (name === 'shortcomings') {
        body.shortcomings = value(form, 'shortcomings').split('\n').map(s => s.trim()).filter(Boolean);
      } else if (name === 'employerAgreed' || name === 'employeeAgreed') {
        body[name] = form.elements[name].checked;
      } else if (name === 'conclusion' || name === 'question' || name === 'verdict') {
        body[name] = value(form, name) || null;
      } else if (name === 'granted') {
        const chosen = form.querySelector('input[name=granted]:checked');
        body.granted = chosen ? chosen.value === 'true' : null;
      } else {
        body[name] = isoFromDutch(value(form, name));
      }
    }
    const updated = await send('POST', `${api}/uwv-decisions`, body);
    const end = updated && updated.timeline ? updated.timeline['einde-wachttijd'] : null;
    switch (kind) {
      case 'LOONSANCTIE':
        return `Loonsanctie van ${body.weeks} weken. De wachttijd eindigt nu op ${date(end)}; alle termijnen en taken zijn meegeschoven. `
          + 'Voor elke tekortkoming staat een hersteltaak klaar voor de werkgever.';
      case 'BEKORTING':
        return `Bekorting: de loonsanctie eindigt 6 weken na ${date(body.decisionDate)}. De wachttijd eindigt nu op ${date(end)}.`;
      case 'VVL':
        return `Verlenging van ${body.weeks} weken. De wachttijd eindigt nu op ${date(end)}; de WIA-aanvraag schuift mee.`;
      case 'DESKUNDIGENOORDEEL':
        return updated && updated.consequence ? updated.consequence : 'Het deskundigenoordeel is toegevoegd aan het dossier.';
      default:
        return body.granted
          ? `Vervroegde IVA toegekend: de re-integratieverplichtingen zijn beëindigd, de open taken vervallen en de zaak sluit per ${date(body.waitingPeriodEnd)}.`
          : 'De afwijzing van de vervroegde IVA is vastgelegd; de zaak loopt door.';
    }
  });
  const form = details.querySelector('form');
  const sync = () => {
    const shown = UWV_FIELDS[type.value];
    form.querySelectorAll('[data-field]').forEach(holder => {
      const name = holder.getAttribute('data-field');
      holder.hidden = name !== 'type' && !shown.includes(name);
    });
  };
  type.addEventListener('change', sync);
  sync();
  return details;
}

const OPINION_QUESTIONS = {
  GESCHIKTHEID_EIGEN_WERK: 'Geschiktheid voor het eigen werk', PASSENDE_ARBEID: 'Passende arbeid',
  RE_INTEGRATIE_INSPANNINGEN: 'Re-integratie-inspanningen',
};
const OPINION_VERDICTS = {
  GESCHIKT: 'Geschikt voor het eigen werk', NIET_GESCHIKT: 'Niet geschikt voor het eigen werk',
  PASSEND: 'De arbeid is passend', NIET_PASSEND: 'De arbeid is niet passend',
  VOLDOENDE: 'Re-integratie-inspanningen voldoende', ONVOLDOENDE: 'Re-integratie-inspanningen onvoldoende',
};

function opinionQuestionSelect(id, optional) {
  return el('select', { id, name: 'question' }, optional ? el('option', { value: '' }, '—') : null,
    Object.entries(OPINION_QUESTIONS).map(([key, text]) => el('option', { value: key }, text)));
}

/** Werkgever or werknemer records a request for a deskundigenoordeel (seeds 000 and 003). */
function expertOpinionRequestForm() {
  const labels = { question: 'Vraag aan UWV', filedOn: 'Ingediend bij UWV op', explanation: 'Toelichting' };
  const lastDay = view.timeline ? view.timeline['deskundigenoordeel-inspanningen'] : null;
  return actionForm('deskundigenoordeel', 'Deskundigenoordeel aangevraagd', [
    field(labels.question, opinionQuestionSelect('oordeel-vraag', false), lastDay
      ? `Over de re-integratie-inspanningen kan tot en met ${date(lastDay)}.` : null),
    field(labels.filedOn, dateInput('oordeel-datum', 'filedOn')),
    field(labels.explanation, el('textarea', { id: 'oordeel-toelichting', name: 'explanation', rows: 2, maxlength: 500 }),
      'Kort; geen medische gegevens.'),
  ], 'Aanvraag vastleggen', labels, async form => {
    const body = { question: value(form, 'question'), filedOn: isoFromDutch(value(form, 'filedOn')),
      explanation: value(form, 'explanation') || null };
    await send('POST', `${api}/expert-opinion-requests`, body);
    return `De aanvraag (${OPINION_QUESTIONS[body.question] || body.question}) staat open tot het oordeel van UWV binnen is.`;
  });
}

/** Open requests and UWV's opinions with what follows from them. */
function expertOpinions() {
  const open = view.openExpertOpinionRequests || [];
  const opinions = view.expertOpinions || [];
  if (open.length === 0 && opinions.length === 0) {
    return null;
  }
  const question = entry => OPINION_QUESTIONS[entry.content.vraag] || entry.content.vraag || '—';
  return section('deskundigenoordelen', 'Deskundigenoordelen',
    open.length ? el('ul', {}, open.map(entry => el('li', {},
      `Open: ${question(entry)}, aangevraagd door de ${entry.content.aanvrager} op ${date(entry.content.ingediendOp)}`))) : null,
    opinions.length ? el('ul', {}, opinions.map(entry => el('li', {},
      `${date(entry.content.besluitdatum)}: ${question(entry)} — ${OPINION_VERDICTS[entry.content.oordeel] || entry.content.conclusie || ''}. `,
      el('strong', {}, entry.content.gevolg || '')))) : null);
}

function placementForm() {
  const labels = {
    kind: 'Wat legt u vast?', loonwaardePercentage: 'Loonwaarde (%)', proefplaatsingWaar: 'Proefplaatsing bij (organisatie)',
    proefplaatsingVan: 'Van', proefplaatsingTot: 'Tot en met', proefplaatsingUren: 'Uren per week',
    registratieToelichting: 'Toelichting',
  };
  const kind = el('div', { class: 'field', 'data-field': 'kind' },
    el('fieldset', {}, el('legend', {}, labels.kind),
      el('label', { class: 'inline' }, el('input', { type: 'radio', name: 'kind', value: 'LOONWAARDE', checked: true }), ' Loonwaarde'),
      el('label', { class: 'inline' }, el('input', { type: 'radio', name: 'kind', value: 'PROEFPLAATSING' }), ' Proefplaatsing')),
    el('p', { class: 'field-error', id: 'plaatsing-kind-fout', hidden: true }));
  const fields = [kind,
    field(labels.loonwaardePercentage, el('input', { id: 'plaatsing-loonwaarde', name: 'loonwaardePercentage', type: 'text', inputmode: 'numeric', size: 4 })),
    field(labels.proefplaatsingWaar, el('input', { id: 'plaatsing-waar', name: 'proefplaatsingWaar', type: 'text', maxlength: 200 })),
    field(labels.proefplaatsingVan, dateInput('plaatsing-van', 'proefplaatsingVan')),
    field(labels.proefplaatsingTot, dateInput('plaatsing-tot', 'proefplaatsingTot')),
    field(labels.proefplaatsingUren, el('input', { id: 'plaatsing-uren', name: 'proefplaatsingUren', type: 'text', inputmode: 'numeric', size: 4 })),
    field(labels.registratieToelichting, el('textarea', { id: 'plaatsing-toelichting', name: 'registratieToelichting', rows: 3, maxlength: 4000 }),
      'Bijvoorbeeld hoe de loonwaarde is bepaald. Geen medische gegevens.'),
  ];
  const details = actionForm('plaatsing', 'Loonwaarde of proefplaatsing', fields, 'Vastleggen', labels, async form => {
    const chosen = form.querySelector('input[name=kind]:checked').value;
    const body = { kind: chosen, registratieToelichting: value(form, 'registratieToelichting') };
    if (chosen === 'LOONWAARDE') {
      body.loonwaardePercentage = numberOrNull(value(form, 'loonwaardePercentage'));
    } else {
      body.proefplaatsingWaar = value(form, 'proefplaatsingWaar');
      body.proefplaatsingVan = isoFromDutch(value(form, 'proefplaatsingVan'));
      body.proefplaatsingTot = isoFromDutch(value(form, 'proefplaatsingTot'));
      body.proefplaatsingUren = numberOrNull(value(form, 'proefplaatsingUren'));
    }
    try {
      await send('POST', `${api}/placements`, body);
    } catch (error) {
      if (error instanceof ApiError && error.status === 404 && !error.problem.field) {
        throw new ApiError(404, { detail: 'Deze actie is nog niet beschikbaar.' });
      }
      throw error;
    }
    return chosen === 'LOONWAARDE'
      ? 'De loonwaarde staat in het dossier en komt in het re-integratieverslag.'
      : 'De proefplaatsing staat in het dossier en komt in het re-integratieverslag.';
  });
  const form = details.querySelector('form');
  const sync = () => {
    const chosen = form.querySelector('input[name=kind]:checked').value;
    form.querySelectorAll('[data-field]').forEach(holder => {
      const name = holder.getAttribute('data-field');
      if (name.startsWith('loonwaarde')) {
        holder.hidden = chosen !== 'LOONWAARDE';
      } else if (name.startsWith('proefplaatsing')) {
        holder.hidden = chosen !== 'PROEFPLAATSING';
      }
    });
  };
  form.querySelectorAll('input[name=kind]').forEach(radio => radio.addEventListener('change', sync));
  sync();
  return details;
}

function uploadForm() {
  const labels = { file: 'Bestand', step: 'Hoort bij', description: 'Omschrijving' };
  const step = el('select', { id: 'document-stap', name: 'step' }, el('option', { value: '' }, 'Geen onderdeel'));
  // The parts of the re-integratieverslag a document can belong to (not case data).
  getJson('/api/document-steps').then(steps => steps.forEach(s => step.append(el('option', { value: s.step }, s.name))))
    .catch(() => {});
  return actionForm('document', 'Document toevoegen', [
    field(labels.file, el('input', { id: 'document-bestand', name: 'file', type: 'file' }),
      'PDF, afbeelding of Office-document. Alle partijen van de zaak, ook de werkgever, kunnen het lezen: geen medische gegevens (diagnose, klachten, behandeling, brieven van behandelaars).'),
    field(labels.step, step, 'Het onderdeel van het re-integratieverslag waar het document bij hoort.'),
    field(labels.description, el('input', { id: 'document-omschrijving', name: 'description', type: 'text', maxlength: 500 }),
      'Bijvoorbeeld: rapport van de arbeidsdeskundige.'),
  ], 'Document opslaan', labels, async form => {
    const data = new FormData();
    const file = form.elements.file.files[0];
    if (file) {
      data.append('file', file);
    }
    if (value(form, 'step')) {
      data.append('step', value(form, 'step'));
    }
    if (value(form, 'description')) {
      data.append('description', value(form, 'description'));
    }
    await send('POST', `${api}/documents`, data);
    return `${file ? file.name : 'Het document'} is bij de zaak opgeslagen en staat in de lijst met documenten.`;
  });
}

function reportLinks() {
  const link = (format, text) => el('a', { class: 'button', href: `${api}/reintegration-report?format=${format}` }, text);
  return el('div', { class: 'action static', id: 'actie-riv' },
    el('h3', {}, 'Re-integratieverslag'),
    el('p', { class: 'hint' }, 'Het verslag voor UWV met alle onderdelen van de Regeling procesgang.'),
    el('div', { class: 'buttons' }, link('html', 'Bekijken (HTML)'), link('pdf', 'Downloaden (PDF)'),
      link('zip', 'Verslag met alle documenten (ZIP)')));
}

function actions() {
  const allowed = view.actions || [];
  const parts = [];
  if (allowed.includes('recovery')) parts.push(recoveryForm());
  if (allowed.includes('uwvDecision')) parts.push(uwvForm());
  if (allowed.includes('placement')) parts.push(placementForm());
  if (allowed.includes('expertOpinionRequest')) parts.push(expertOpinionRequestForm());
  if (allowed.includes('spoor2PlacementReport')) parts.push(placementReportForm(view, api));
  if (allowed.includes('spoor2OfferRefusal')) parts.push(offerRefusalForm(view, api));
  if (allowed.includes('spoor2Activity')) parts.push(activityForm(view, api));
  if (allowed.includes('cooperationMeasure')) parts.push(cooperationMeasureForm(view, api));
  if (allowed.includes('settlement')) parts.push(settlementForm(view, api));
  if (allowed.includes('workResumptionSchedule')) parts.push(scheduleForm(view, api));
  if (allowed.includes('workResumptionHours')) parts.push(hoursForm(view, api));
  if (allowed.includes('spoor1Change') || allowed.includes('spoor1CapacityChange')) parts.push(spoor1ChangeForm(view, api));
  if (allowed.includes('spoor2Start')) parts.push(spoor2StartForm(view, api));
  if (allowed.includes('documentUpload')) parts.push(uploadForm());
  if (allowed.includes('reintegrationReport')) parts.push(reportLinks());
  if (parts.length === 0) {
    return null;
  }
  return section('acties', 'Acties', ...parts);
}

// ---- records ------------------------------------------------------------------------------------------------------

async function documents() {
  const target = section('documenten', 'Documenten', el('p', { class: 'muted' }, 'Laden…'));
  let list = null;
  try {
    list = await getJsonOrNull(`${api}/documents`);
  } catch (error) {
    list = null;
  }
  const body = list === null
    ? el('p', { class: 'placeholder' }, 'Documenten zijn nog niet beschikbaar.')
    : list.length === 0 ? el('p', { class: 'empty' }, 'Er zijn nog geen documenten bij deze zaak.')
      : el('table', {},
        el('thead', {}, el('tr', {}, ['Document', 'Bij stap', 'Toegevoegd door', 'Op'].map(t => el('th', { scope: 'col' }, t)))),
        el('tbody', {}, list.map(doc => el('tr', {},
          el('th', { scope: 'row' }, el('a', { href: `${api}/documents/${encodeURIComponent(doc.documentId)}` }, doc.fileName)),
          el('td', {}, doc.stepName || doc.step || '—'), el('td', {}, doc.uploadedBy || '—'),
          el('td', {}, dateTime(doc.uploadedAt))))));
  target.lastChild.replaceWith(body);
  return target;
}

function valueLines(values) {
  return (values || []).map(value => el('div', {}, el('dt', {}, value.label), el('dd', {}, value.value ?? '—')));
}

async function dossier() {
  const entries = await getJsonOrNull(`${api}/dossier/readable`);
  if (entries === null) {
    return null;
  }
  const items = [...entries].reverse().map(entry => {
    const lines = valueLines(entry.values);
    return el('li', { class: `entry type-${entry.type.toLowerCase()}` },
      el('div', { class: 'entry-head' },
        el('span', { class: 'entry-type' }, ENTRY_TYPES[entry.type] || entry.type),
        el('time', { datetime: entry.recordedAt }, dateTime(entry.recordedAt))),
      el('p', { class: 'entry-subject' }, entry.subject || ''),
      el('p', { class: 'entry-meta' }, 'Door ', entry.recordedByName || 'Spoorwijzer',
        entry.role ? ` (${roleLabel(entry.role)})` : '',
        entry.dueDate ? ` · termijn ${date(entry.dueDate)}` : '',
        entry.deadlineMet === true ? el('span', { class: 'badge ok' }, 'op tijd') : null,
        entry.deadlineMet === false ? el('span', { class: 'badge late' }, 'te laat') : null,
        entry.modelVersion ? ` · modelversie ${entry.modelVersion}` : ''),
      lines.length ? el('details', {}, el('summary', {}, 'Vastgelegde gegevens'), el('dl', { class: 'content' }, lines)) : null);
  });
  return section('dossier', 'Dossier', el('p', { class: 'hint' }, 'Alles wat over deze zaak is vastgelegd, het nieuwste eerst.'),
    items.length ? el('ol', { class: 'history' }, items) : el('p', { class: 'empty' }, 'Nog niets vastgelegd.'));
}

async function accessLog() {
  if (!(view.actions || []).includes('accessLog')) {
    return null;
  }
  const records = await getJsonOrNull(`${api}/access-log`);
  if (!records) {
    return null;
  }
  return section('inzage', 'Wie heeft uw zaak bekeken of gewijzigd',
    el('table', {},
      el('thead', {}, el('tr', {}, ['Wanneer', 'Wie', 'Rol', 'Wat'].map(t => el('th', { scope: 'col' }, t)))),
      el('tbody', {}, records.slice(0, 20).map(record => el('tr', {},
        el('td', {}, dateTime(record.accessedAt)), el('td', {}, record.userId),
        el('td', {}, roleLabel(record.roles)), el('td', {}, record.action === 'CHANGE' ? 'gewijzigd' : 'bekeken'))))));
}

// ---- page ---------------------------------------------------------------------------------------------------------

function noAccess() {
  document.title = 'Geen toegang — Spoorwijzer';
  root.replaceChildren(el('section', { class: 'card notice', id: 'geen-toegang' },
    el('h1', {}, 'Geen toegang'),
    el('p', {}, 'Deze zaak bestaat niet, of u mag hem niet inzien.'),
    el('p', {}, el('a', { href: '/zaken' }, 'Terug naar uw zaken'))));
}

async function load() {
  try {
    view = await getJson(api);
  } catch (error) {
    if (error instanceof ApiError && (error.status === 404 || error.status === 403)) {
      noAccess();
      return;
    }
    throw error;
  }
  const name = view.employeeName || view.employeeId;
  document.title = `${name ? name + ' — ' : ''}Zaak ${view.caseId} — Spoorwijzer`;
  const statusOnly = !view.employeeId;
  const outcome = document.getElementById('uitkomst') || el('div', {
    id: 'uitkomst', class: 'success', role: 'status', 'aria-live': 'polite', tabindex: '-1', hidden: true,
  });
  const parts = [
    el('div', { class: 'title' }, el('h1', {}, name || `Zaak ${view.caseId}`),
      el('p', { class: 'subtitle' }, `${view.employerName || view.employerId} · zaak ${view.caseId}`)),
    outcome,
    section('overzicht', 'Overzicht', summary()),
  ];
  if (statusOnly) {
    parts.push(el('p', { class: 'muted' }, 'Uw rol ziet alleen de status van deze zaak.'));
  } else {
    parts.push(timeline(), tasks(), expertOpinions());
    parts.push(await spoor2Activities(view, api));
    parts.push(cooperationMeasures(view, api));
    parts.push(opbouwSection(view, api));
    const actionSection = actions();
    if (actionSection) parts.push(actionSection);
    const [docs, history, log] = await Promise.all([documents(), dossier(), accessLog()]);
    parts.push(docs, history, log);
  }
  const open = [...root.querySelectorAll('details.action[open]')].map(node => node.id);
  root.replaceChildren(...parts.filter(Boolean));
  open.forEach(id => { const node = document.getElementById(id); if (node) node.open = true; });
}

async function start() {
  reloadWith(load);
  try {
    me = await header();
    await load();
  } catch (error) {
    root.replaceChildren(el('p', { class: 'alert' }, 'De zaak kon niet worden geladen. Probeer het later opnieuw.'));
  }
}

start();
