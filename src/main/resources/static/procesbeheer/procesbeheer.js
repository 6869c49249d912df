// Spoorwijzer procesbeheer (/procesbeheer): the procesbeheerder's page over /api/process-versions and /api/migrations.
// She sees counts per model version, tries a plan on the running cases (per case id whether it can move and why not)
// and moves the cases she selects as a Camunda batch. Who may do this is decided by the API; refusals show its Dutch text.
import { header, getJson, send, el, dateTime, ApiError } from '/zaken/assets/api.js';

const PROCESS = { 'poortwachter': 'Poortwachter', 'spoor-2-traject': 'Spoor 2-traject' };
const COCKPIT_BATCHES = '/camunda/app/cockpit/default/#/batch';
let lastRequest = null;

function message(text, kind = 'info') {
  document.getElementById('melding').replaceChildren(text ? el('p', { class: kind }, text) : '');
}

function problemText(error) {
  if (error instanceof ApiError) {
    return error.message;
  }
  return 'Er ging iets mis: ' + error;
}

async function showVersions() {
  const versions = await getJson('/api/process-versions');
  const rows = versions.map(v => el('tr', {},
    el('td', {}, PROCESS[v.processKey] || v.processKey),
    el('td', { class: 'getal' }, String(v.version)),
    el('td', {}, v.versionTag || '—'),
    el('td', {}, v.deployedAt ? dateTime(v.deployedAt) : '—'),
    el('td', {}, v.tenantId || 'alle werkgevers'),
    el('td', { class: 'getal' }, String(v.runningCases)),
    el('td', {}, v.runningCases > 0 ? el('button', { type: 'button', class: 'secondary',
      onclick: () => chooseSource(v) }, 'Overzetten vanaf deze versie') : '')));
  document.getElementById('versies').replaceChildren(el('table', { id: 'tabel-versies' },
    el('thead', {}, el('tr', {}, el('th', {}, 'Proces'), el('th', {}, 'Versie'), el('th', {}, 'Version tag'),
      el('th', {}, 'Gedeployd'), el('th', {}, 'Voor'), el('th', {}, 'Lopende zaken'), el('th', {}, ''))),
    el('tbody', {}, rows)));
}

function chooseSource(version) {
  document.getElementById('proces').value = version.processKey;
  document.getElementById('bronversie').value = version.version;
  document.getElementById('tenant').value = version.tenantId || '';
  document.getElementById('bronversie').focus();
}

function request() {
  const form = document.getElementById('plan-formulier');
  const body = { processKey: form.processKey.value, sourceVersion: Number(form.sourceVersion.value) };
  if (form.targetVersion.value) {
    body.targetVersion = Number(form.targetVersion.value);
  }
  if (form.tenantId.value) {
    body.tenantId = form.tenantId.value;
  }
  body.extraMappings = form.extraMappings.value.split('\n').map(line => line.trim()).filter(Boolean)
    .map(line => {
      const [from, to] = line.split('->').map(part => (part || '').trim());
      return { from, to };
    });
  return body;
}

async function makePlan(event) {
  event.preventDefault();
  message('');
  const body = request();
  const target = document.getElementById('plan');
  target.replaceChildren(el('p', { class: 'muted' }, 'De proefrun loopt…'));
  try {
    const plan = await send('POST', '/api/migrations/plan', body);
    // The start names exactly the versions tried, so that a version deployed in between is not taken.
    lastRequest = { ...body, sourceDefinitionId: plan.sourceDefinitionId, targetDefinitionId: plan.targetDefinitionId };
    showPlan(plan);
  } catch (error) {
    target.replaceChildren();
    message(problemText(error), 'error');
  }
}

function showPlan(plan) {
  const movable = plan.cases.filter(c => c.canMove).length;
  const rows = plan.cases.map(c => el('tr', {},
    el('td', {}, el('input', { type: 'checkbox', name: 'zaak', value: c.caseId, 'aria-label': 'Zaak ' + c.caseId,
      checked: c.canMove, disabled: !c.canMove })),
    el('td', {}, c.caseId),
    el('td', { class: c.canMove ? 'kan-wel' : 'kan-niet' }, c.canMove ? 'Kan over' : 'Kan niet over'),
    el('td', {}, c.reasons.length ? el('ul', { class: 'redenen' }, c.reasons.map(r => el('li', {}, r))) : '—')));
  document.getElementById('plan').replaceChildren(
    el('p', { id: 'plan-samenvatting' }, `Van versie ${plan.sourceVersion} (${plan.sourceVersionTag || 'geen tag'})`
      + ` naar versie ${plan.targetVersion} (${plan.targetVersionTag || 'geen tag'}): ${movable} van de`
      + ` ${plan.cases.length} lopende zaken kunnen over.` + (plan.truncated ? ' Alleen de eerste zaken zijn geprobeerd.' : '')),
    el('table', { id: 'tabel-plan' },
      el('thead', {}, el('tr', {}, el('th', {}, 'Kiezen'), el('th', {}, 'Zaak'), el('th', {}, 'Uitkomst proefrun'),
        el('th', {}, 'Waarom niet'))),
      el('tbody', {}, rows)),
    el('div', { class: 'field' },
      el('label', {}, el('input', { type: 'checkbox', id: 'bevestigen' }),
        ' Ik begrijp dat de gekozen zaken echt overgaan naar de nieuwe versie')),
    el('button', { type: 'button', id: 'migratie-starten', onclick: startMigration }, 'Gekozen zaken overzetten'));
}

async function startMigration() {
  const caseIds = [...document.querySelectorAll('#tabel-plan input[name=zaak]:checked')].map(box => box.value);
  const confirm = document.getElementById('bevestigen').checked;
  try {
    const started = await send('POST', '/api/migrations', { ...lastRequest, caseIds, confirm });
    message('');
    document.getElementById('melding').replaceChildren(el('p', { class: 'info', id: 'batch-gestart' },
      `${started.cases} zaken gaan over naar versie ${started.targetVersion} in batch ${started.batchId}. `,
      el('a', { href: COCKPIT_BATCHES }, 'Volg de batch in Cockpit'), '.'));
    await showVersions();
  } catch (error) {
    message(problemText(error), 'error');
  }
}

// Eerst proberen: POST /api/simulations (the candidate files), then GET /api/simulations/{id} until it is done.
const SIMULATION_POLL_MS = 3000;

function violationList(error) {
  const violations = error instanceof ApiError && Array.isArray(error.problem.violations) ? error.problem.violations : [];
  return violations.length ? el('ul', { class: 'redenen' },
    violations.map(v => el('li', {}, el('code', {}, v.field), ': ' + v.rule))) : '';
}

async function startSimulation(event) {
  event.preventDefault();
  const files = document.getElementById('kandidaat').files;
  const body = new FormData();
  for (const file of files) {
    body.append(file.name, file, file.name);
  }
  const target = document.getElementById('simulatie');
  try {
    const started = await send('POST', '/api/simulations', body);
    target.replaceChildren(el('p', { class: 'muted' }, 'De simulatie loopt…'));
    pollSimulation(started.id);
  } catch (error) {
    target.replaceChildren(el('p', { class: 'kan-niet' }, problemText(error)), violationList(error));
  }
}

async function pollSimulation(id) {
  const target = document.getElementById('simulatie');
  try {
    const run = await getJson('/api/simulations/' + encodeURIComponent(id));
    if (run.status === 'BEZIG') {
      setTimeout(() => pollSimulation(id), SIMULATION_POLL_MS);
    } else {
      showSimulation(run);
    }
  } catch (error) {
    target.replaceChildren(el('p', { class: 'kan-niet' }, problemText(error)));
  }
}

// Tasks: the day a task appears and its due date. Dossier entries: the day they are written.
function taskDates(item) {
  return 'verschijnt ' + (item.created || '—') + ', ' + (item.date ? 'termijn ' + item.date : 'zonder termijn');
}

function differenceList(title, differences, dossier) {
  const when = item => dossier ? 'op ' + (item.date || '—') : taskDates(item);
  const items = [
    ...differences.appeared.map(i => el('li', { class: 'verschenen' }, 'Verschenen: ' + i.label + ' (' + when(i) + ')')),
    ...differences.disappeared.map(i => el('li', { class: 'verdwenen' }, 'Verdwenen: ' + i.label + ' (' + when(i) + ')')),
    ...differences.moved.map(m => el('li', { class: 'verschoven' }, 'Verschoven: ' + m.label + ' — ' +
      [m.from !== m.to ? (dossier ? 'op ' : 'termijn ') + (m.from || '—') + ' → ' + (m.to || '—') : '',
        m.createdFrom !== m.createdTo ? 'verschijnt ' + (m.createdFrom || '—') + ' → ' + (m.createdTo || '—') : '']
        .filter(Boolean).join('; '))),
  ];
  return el('div', {}, el('h4', {}, title),
    items.length ? el('ul', { class: 'verschillen' }, items) : el('p', { class: 'muted' }, 'Geen verschil.'));
}

function showSimulation(run) {
  const target = document.getElementById('simulatie');
  if (run.status === 'MISLUKT') {
    target.replaceChildren(el('p', { class: 'kan-niet' }, run.error));
    return;
  }
  const result = run.result;
  if (run.status === 'GEWEIGERD') {
    target.replaceChildren(el('p', { class: 'kan-niet' }, 'De modelbestanden worden geweigerd:'),
      el('ul', { class: 'redenen' }, result.refusal.map(v => el('li', {}, el('code', {}, v.field), ': ' + v.rule))));
    return;
  }
  target.replaceChildren(
    el('p', {}, el('span', { class: 'simulatie-label' }, 'SIMULATIE'),
      ' Voorbeeldzaken met verzonnen personen, ziek vanaf ' + result.firstSickDay +
      '; links de huidige versie, rechts uw bestanden. Geen echte zaak.'),
    ...result.cases.map(c => el('section', { class: 'simulatie-zaak', 'data-zaak': c.id },
      el('h3', {}, c.title + ' (simulatie)'),
      el('p', { class: 'muted' }, 'Taken: ' + c.current.tasks.length + ' → ' + c.candidate.tasks.length +
        '; dossierregels: ' + c.current.dossier.length + ' → ' + c.candidate.dossier.length),
      differenceList('Taken en termijnen', c.tasks, false),
      differenceList('Dossier', c.dossier, true))));
}

async function start() {
  try {
    await header();
    document.getElementById('plan-formulier').addEventListener('submit', makePlan);
    document.getElementById('proberen-formulier').addEventListener('submit', startSimulation);
    // A version typed in by hand is one for all employers unless chosen from the table.
    for (const id of ['proces', 'bronversie']) {
      document.getElementById(id).addEventListener('input', () => { document.getElementById('tenant').value = ''; });
    }
    await showVersions();
  } catch (error) {
    document.getElementById('versies').replaceChildren();
    message(problemText(error), 'error');
  }
}

start();
