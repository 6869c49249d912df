// Spoorwijzer overview (/overzicht): the overview figures of /api with the Tasklist login, filtered by employer, phase
// and role. What a user sees is decided by the API: the werkgever gets his own employer's cases (with names and links
// to the case screen), management only counts (a small count comes as null with "suppressed": true and shows
// "< 5", the setting spoorwijzer.overview.min-group-size from /api/overview/settings). Refusals show the API's Dutch text.
import { header, getJson, el, date, dateTime, PHASE, ROLE, ApiError } from '/zaken/assets/api.js';

const NUMBER = new Intl.NumberFormat('nl-NL');
const DECIMAL = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 0, maximumFractionDigits: 1 });
const PERCENT = new Intl.NumberFormat('nl-NL', { style: 'percent', maximumFractionDigits: 0 });
const MONTH = new Intl.DateTimeFormat('nl-NL', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const PARTY = { WERKGEVER: 'Werkgever', ARBODIENST: 'Arbodienst', BUREAU: 'Re-integratiebureau', WERKNEMER: 'Werknemer' };
const FILTER_LABELS = { employer: 'Werkgever', phase: 'Fase', role: 'Rol', months: 'Maanden', format: 'Formaat' };
const ROLE_CHOICES = ['werkgever', 'werknemer', 'bedrijfsarts', 'arbeidsdeskundige', 're-integratiebureau'];
const FILTERS = ['employer', 'phase', 'role'];

const state = { filters: {}, employers: [], showsCases: false, management: false, minGroupSize: 5, generation: 0 };

// ---- formats ------------------------------------------------------------------------------------------------------

function number(value) {
  return value === null || value === undefined ? '—' : NUMBER.format(value);
}

/** A count of the row: "< 5" where the API suppressed it for management, else the number. */
function count(row, key) {
  const value = row[key];
  if ((value === null || value === undefined) && row.suppressed) {
    return el('span', { class: 'suppressed' }, `< ${state.minGroupSize}`);
  }
  return number(value);
}

function percent(value) {
  return value === null || value === undefined ? '—' : PERCENT.format(value);
}

function days(value) {
  return value === null || value === undefined ? '—' : DECIMAL.format(value);
}

function month(key) {
  const [y, m] = String(key || '').split('-').map(Number);
  if (!y || !m) {
    return key || '—';
  }
  const text = MONTH.format(new Date(Date.UTC(y, m - 1, 1)));
  return text.charAt(0).toUpperCase() + text.substring(1);
}

function party(key) {
  return key ? PARTY[String(key).toUpperCase()] || key : '—';
}

function role(key) {
  return key ? ROLE[key] || key : '—';
}

function phase(key, label) {
  return label || PHASE[key] || key || '—';
}

function employerName(id) {
  const employer = state.employers.find(e => e.id === id);
  return employer ? employer.name : id || '—';
}

// ---- filters and addresses ----------------------------------------------------------------------------------------

function query(extra = {}, only = FILTERS) {
  const params = new URLSearchParams();
  for (const name of only) {
    if (state.filters[name]) {
      params.set(name, state.filters[name]);
    }
  }
  for (const [name, value] of Object.entries(extra)) {
    params.set(name, value);
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The figure's address with the filters it takes: role only narrows the deadline figures. */
function address(path, extra = {}) {
  const only = path.startsWith('/api/deadlines') ? FILTERS : ['employer', 'phase'];
  return path + query(extra, only);
}

function csvLink(path, title, extra = {}) {
  return el('a', { class: 'csv', href: address(path, { ...extra, format: 'csv' }), 'aria-label': `${title} als CSV downloaden` },
    'CSV');
}

function readFiltersFromAddress() {
  const params = new URLSearchParams(window.location.search);
  FILTERS.forEach(name => { state.filters[name] = params.get(name) || ''; });
}

function writeFiltersToAddress() {
  window.history.replaceState(null, '', '/overzicht' + query());
}

function fillFilters() {
  const select = (id, options) => {
    const control = document.getElementById(id);
    const first = control.options[0];
    control.replaceChildren(first, ...options.map(([value, label]) => el('option', { value }, label)));
    control.value = state.filters[control.name] || '';
    if (control.value !== (state.filters[control.name] || '')) {
      // a value in the address that is no choice: keep it, so the API names what is wrong with it
      control.append(el('option', { value: state.filters[control.name] }, state.filters[control.name]));
      control.value = state.filters[control.name];
    }
  };
  select('filter-werkgever', state.employers.map(e => [e.id, e.name]));
  select('filter-fase', Object.entries(PHASE));
  select('filter-rol', ROLE_CHOICES.map(r => [r, ROLE[r]]));
  const form = document.getElementById('filters');
  form.addEventListener('change', event => {
    state.filters[event.target.name] = event.target.value;
    writeFiltersToAddress();
    renderAll();
  });
  form.addEventListener('submit', event => event.preventDefault());
  document.getElementById('filters-wissen').addEventListener('click', () => {
    FILTERS.forEach(name => { state.filters[name] = ''; });
    form.querySelectorAll('select').forEach(control => { control.value = ''; });
    writeFiltersToAddress();
    renderAll();
  });
}

// ---- building blocks ----------------------------------------------------------------------------------------------

/**
 * A table with a caption, column headers (scope col), the first cell of each row as its header (scope row), in a
 * wrapper that scrolls sideways inside its card when the table is wider (a focusable region named after the caption,
 * so keyboard users can scroll it too).
 */
function table(id, caption, columns, rows) {
  return el('div', { class: 'table-scroll', role: 'region', tabindex: '0', 'aria-label': caption },
    el('table', { class: 'figures', id },
      el('caption', {}, caption),
      el('thead', {}, el('tr', {}, columns.map(column =>
        el('th', { scope: 'col', class: column.num ? 'num' : null }, column.title)))),
      el('tbody', {}, rows.map(cells => el('tr', {}, cells.map((cell, i) => i === 0
        ? el('th', { scope: 'row' }, cell)
        : el('td', { class: columns[i].num ? 'num' : null }, cell)))))));
}

/** A bar of the row's share of the largest count (drawn through the CSSOM: the page allows no inline style). */
function bar(value, max) {
  const span = el('span', { class: 'bar', 'aria-hidden': 'true' });
  span.style.width = `${max > 0 && value ? Math.max(2, Math.round(100 * value / max)) : 0}%`;
  return el('span', { class: 'bar-track' }, span);
}

/** Management's counts are rounded to multiples of the group size and small ones left out (overview/SmallCounts). */
function suppressionNote(rows) {
  const k = state.minGroupSize;
  const multiples = k === 5 ? 'vijftallen' : k === 10 ? 'tientallen' : `veelvouden van ${k}`;
  return rows.some(row => row.suppressed || row.rounded)
    ? el('p', { class: 'hint note' }, `Aantallen voor management zijn afgerond op ${multiples}; minder dan ${k}`
      + ` wordt niet getoond (< ${k}), en een gemiddelde ook niet, zodat niemand een werknemer kan herkennen.`)
    : null;
}

/** Figures read from a snapshot say when it was made (HH:MM, Dutch time); counted live they say nothing. */
function computedNote(rows) {
  const at = rows.find(row => row.computedAt);
  return at
    ? el('p', { class: 'hint note' }, `Bijgewerkt om ${new Date(at.computedAt).toLocaleTimeString('nl-NL',
      { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Amsterdam' })}`)
    : null;
}

function empty(text) {
  return el('p', { class: 'empty' }, text);
}

/** The problem's violations: each field with its rule, in Dutch as the API words it (Accept-Language: nl). */
function violationsOf(details) {
  return details.violations || (details.field ? [{ field: details.field, rule: details.rule }] : []);
}

/** A refused filter of the page (employer, phase, role): its violation, else null. */
function refusedFilter(error) {
  if (!(error instanceof ApiError) || (error.status !== 400 && error.status !== 403)) {
    return null;
  }
  return violationsOf(error.problem).find(v => FILTERS.includes(v.field)) || null;
}

/** A refused filter is said once, above the figures, in the API's Dutch; each figure then says it is not shown. */
function showFilterRefusal(violation) {
  const region = document.getElementById('melding');
  if (!region.querySelector(`[data-filter="${violation.field}"]`)) {
    region.append(el('div', { class: 'alert', 'data-filter': violation.field },
      el('strong', {}, 'Dit filter kan niet. '), `${FILTER_LABELS[violation.field]}: ${violation.rule}.`));
  }
}

function problem(error) {
  const refused = refusedFilter(error);
  if (refused) {
    showFilterRefusal(refused);
    return el('p', { class: 'empty refused' }, 'Niet getoond: het filter kan niet (zie de melding boven de cijfers).');
  }
  const status = error instanceof ApiError ? error.status : 0;
  const details = error instanceof ApiError ? error.problem : {};
  const violations = violationsOf(details);
  let text;
  if (status === 403) {
    text = 'U mag deze cijfers niet zien.';
  } else if (status === 400) {
    text = 'Dit filter kan niet.';
  } else {
    text = 'De cijfers konden niet worden geladen. Probeer het later opnieuw.';
  }
  return el('div', { class: 'alert', role: 'alert' }, el('strong', {}, text),
    violations.length ? el('ul', {}, violations.map(v =>
      el('li', {}, `${FILTER_LABELS[v.field] || v.field}: ${v.rule}`))) : null,
    violations.length === 0 && details.detail ? el('p', {}, details.detail) : null);
}

/** One section of the page (a card with a heading and its CSV links); its parts are filled in as they arrive. */
function section(id, title, lead) {
  const heading = el('div', { class: 'section-head' }, el('h2', { id: `${id}-kop` }, title));
  const body = el('div', { class: 'section-body' }, el('p', { class: 'muted' }, 'Wordt geladen…'));
  const card = el('section', { class: 'card', id, 'aria-labelledby': `${id}-kop` },
    heading, lead ? el('p', { class: 'hint' }, lead) : null, body);
  return { card, body, heading };
}

/**
 * A table part: a heading with its CSV link (a section of one part has the link at its own heading instead), then
 * the table, an empty state or the API's refusal.
 */
function part(title, path, extra, build, sectionHeading = null) {
  const holder = el('div', { class: 'part' });
  const link = csvLink(path, title, extra);
  const head = sectionHeading ? null : el('div', { class: 'part-head' }, el('h3', {}, title), link);
  if (sectionHeading) {
    sectionHeading.append(link);
  }
  const show = (...children) => holder.replaceChildren(...[head, ...children].filter(Boolean));
  show(el('p', { class: 'muted' }, 'Wordt geladen…'));
  const generation = state.generation;
  getJson(address(path, extra)).then(rows => {
    if (generation === state.generation) {
      show(...[].concat(build(rows || [])).filter(Boolean));
    }
  }, error => {
    if (generation === state.generation) {
      show(problem(error));
    }
  });
  return holder;
}

// ---- the sections -------------------------------------------------------------------------------------------------

function phases() {
  const { card, body, heading } = section('fasen', 'Open zaken per fase');
  body.replaceChildren(part('Open zaken per fase', '/api/overview/phases', {}, rows => {
    if (!rows.some(row => row.cases || row.suppressed)) {
      return empty('Er zijn geen open zaken bij deze filters.');
    }
    const max = Math.max(0, ...rows.map(row => row.cases || 0));
    return [table('tabel-fasen', 'Open zaken per fase', [{ title: 'Fase' }, { title: 'Open zaken', num: true },
      { title: 'Verdeling' }], rows.map(row => [phase(row.phase, row.label), count(row, 'cases'),
      bar(row.cases, max)])), suppressionNote(rows)];
  }, heading));
  return card;
}

function weeks() {
  const { card, body, heading } = section('ziekteweken', 'Open zaken per ziekteweek',
    'In de perioden van de Wet verbetering poortwachter, gerekend vanaf de eerste ziektedag.');
  body.replaceChildren(part('Open zaken per ziekteweek', '/api/overview/weeks', {}, rows => {
    if (!rows.some(row => row.cases || row.suppressed)) {
      return empty('Er zijn geen open zaken bij deze filters.');
    }
    const max = Math.max(0, ...rows.map(row => row.cases || 0));
    return [table('tabel-ziekteweken', 'Open zaken per ziekteweek', [{ title: 'Ziekteweek' },
      { title: 'Open zaken', num: true }, { title: 'Verdeling' }],
    rows.map(row => [row.label || `week ${row.fromWeek}–${row.toWeek ?? ''}`, count(row, 'cases'),
      bar(row.cases, max)])), suppressionNote(rows)];
  }, heading));
  return card;
}

function deadlines() {
  const { card, body } = section('termijnen', 'Termijnen deze week en te laat',
    'Wettelijke stappen en rapportages van het re-integratiebureau in open zaken die uiterlijk zondag moeten gebeuren, en'
    + ' stappen waarvan de termijn al verstreken is.');
  const parts = [part('Per rol en partij', '/api/deadlines/summary', {}, rows => {
    if (rows.length === 0) {
      return empty('Geen termijnen deze week en geen te late stappen bij deze filters.');
    }
    return [table('tabel-termijnen', 'Termijnen deze week en te laat, per rol en partij', [{ title: 'Rol' },
      { title: 'Partij' }, { title: 'Deze week', num: true }, { title: 'Te laat', num: true }],
    rows.map(row => [role(row.role), party(row.party), count(row, 'dueThisWeek'), count(row, 'overdue')])),
    suppressionNote(rows)];
  })];
  if (state.showsCases) {
    parts.push(part('Stappen deze week en te laat', '/api/deadlines', {}, rows => {
      if (rows.length === 0) {
        return empty('Er zijn deze week geen stappen en er is niets te laat.');
      }
      return table('tabel-stappen', 'Stappen deze week en te laat, de vroegste eerst', [{ title: 'Werknemer' },
        { title: 'Stap' }, { title: 'Rol' }, { title: 'Partij' }, { title: 'Uiterlijk' }, { title: 'Status' }],
      rows.map(row => [caseLink(row), row.name, role(row.role), party(row.party), date(row.dueDate),
        row.overdue ? el('span', { class: 'badge late' }, 'Te laat') : el('span', { class: 'badge' }, 'Deze week')]));
    }));
  }
  body.replaceChildren(...parts);
  return card;
}

function risks() {
  const { card, body } = section('risicos', 'Zaken met risico op een loonsanctie',
    'Volgens de regels in de beslistabel loonsanctie-risico: gemiste stappen en tekortschietende re-integratie-inspanningen.');
  const parts = state.showsCases || state.management ? [riskStatus()] : [];
  if (state.showsCases) {
    parts.push(part('Zaken met hun redenen', '/api/overview/risks', {}, rows => {
      if (rows.length === 0) {
        return empty('Geen zaken met een risico op een loonsanctie bij deze filters.');
      }
      return table('tabel-risicozaken', 'Zaken met risico op een loonsanctie, het oudste risico eerst',
        [{ title: 'Werknemer' }, { title: 'Fase' }, { title: 'Redenen' }],
        rows.map(row => [caseLink(row), phase(row.phase), el('ul', { class: 'reasons' }, (row.risks || []).map(risk =>
          el('li', {}, el('strong', {}, risk.label || risk.code), ': ', risk.reason || '',
            risk.since ? el('span', { class: 'since' }, ` (sinds ${date(risk.since)})`) : null)))]));
    }));
  }
  parts.push(part('Aantal zaken per risico', '/api/overview/risks/counts', {}, rows => {
    if (rows.length === 0) {
      return empty('Geen zaken met een risico op een loonsanctie bij deze filters.');
    }
    return [table('tabel-risico-aantallen', 'Aantal open zaken per risico op een loonsanctie',
      [{ title: 'Risico' }, { title: 'Zaken', num: true }], rows.map(row => [row.label || row.code, count(row, 'cases')])),
    suppressionNote(rows)];
  }));
  body.replaceChildren(...parts);
  return card;
}

/**
 * When the risks were last judged (the nightly run) and, when the process owner's newest risk table was refused
 * (it holds more than FEEL), a warning naming the version that still judges. Only for those who may read it (the
 * werkgever, management, the administrator); a refusal of the page's filter is said above the figures already.
 */
function riskStatus() {
  // GET /api/overview/risks/status answers whoever reads all cases of his employers, and management
  const holder = el('div', { class: 'risk-status', id: 'risico-status', role: 'status' });
  const generation = state.generation;
  getJson('/api/overview/risks/status' + query({}, ['employer'])).then(status => {
    if (generation !== state.generation || !status) {
      return;
    }
    holder.append(el('p', { class: 'hint note', id: 'risico-beoordeeld' }, status.judgedAt
      ? `Risico's beoordeeld op ${dateTime(status.judgedAt)}`
      : 'Risico\'s zijn nog niet in de nachtelijke ronde beoordeeld; zaken worden beoordeeld zodra er iets in hun'
        + ' dossier verandert.'));
    if (status.refusedVersion) {
      holder.append(el('div', { class: 'alert', id: 'risico-tabel-geweigerd' },
        el('strong', {}, `Versie ${status.refusedVersion} van de beslistabel loonsanctie-risico is geweigerd. `),
        'Deze versie bevat meer dan FEEL-expressies en wordt daarom niet gebruikt. ',
        status.tableVersion
          ? `De risico's worden nog beoordeeld met versie ${status.tableVersion}. `
          : 'Er is geen geldige versie om mee te beoordelen. ',
        'Vraag de procesbeheerder een gecorrigeerde versie uit te rollen.'));
    }
  }, () => { /* not allowed or a refused filter (said above the figures): no status line */ });
  return holder;
}

function timeliness() {
  const { card, body, heading } = section('tijdigheid', 'Tijdigheid per wettelijke stap',
    'Stappen met een termijn in de afgelopen 12 maanden, ook de rapportages van het re-integratiebureau: welk deel op'
    + ' tijd was en hoeveel dagen te laat (mediaan).');
  body.replaceChildren(part('Per stap, werkgever en partij', '/api/deadlines/timeliness', {}, rows => {
    if (rows.length === 0) {
      return empty('Geen wettelijke stappen in de afgelopen 12 maanden bij deze filters.');
    }
    return [table('tabel-tijdigheid', 'Tijdigheid per wettelijke stap, werkgever en partij', [{ title: 'Stap' },
      { title: 'Werkgever' }, { title: 'Partij' }, { title: 'Stappen', num: true }, { title: 'Op tijd', num: true },
      { title: 'Te laat', num: true }, { title: 'Gemist', num: true }, { title: 'Aandeel op tijd', num: true },
      { title: 'Mediaan dagen te laat', num: true }],
    rows.map(row => [row.name || row.milestone, employerName(row.employerId), party(row.party), count(row, 'total'),
      count(row, 'onTime'), count(row, 'late'), count(row, 'missed'), percent(row.shareOnTime),
      days(row.medianDaysLate)])), computedNote(rows), suppressionNote(rows)];
  }, heading));
  return card;
}

function flow() {
  const { card, body } = section('instroom', 'Instroom en uitstroom per maand',
    'Nieuwe zaken (naar eerste ziektedag) en afgesloten zaken in de afgelopen 12 maanden; waarom zaken eindigden en'
    + ' na hoeveel dagen ziekte.');
  body.classList.add('pair');
  body.replaceChildren(
    part('Nieuwe en afgesloten zaken', '/api/overview/flow', { months: 12 }, rows => {
      if (!rows.some(row => row.opened || row.closed || row.suppressed)) {
        return empty('Geen nieuwe of afgesloten zaken in de afgelopen 12 maanden.');
      }
      return [table('tabel-instroom', 'Nieuwe en afgesloten zaken per maand', [{ title: 'Maand' },
        { title: 'Nieuwe zaken', num: true }, { title: 'Afgesloten zaken', num: true }],
      rows.map(row => [month(row.month), count(row, 'opened'), count(row, 'closed')])), suppressionNote(rows)];
    }),
    part('Beëindigde zaken per reden', '/api/overview/endings', { months: 12 }, rows => {
      if (rows.length === 0) {
        return empty('Geen beëindigde zaken in de afgelopen 12 maanden.');
      }
      return [table('tabel-beeindigd', 'Beëindigde zaken per maand en reden, met de duur vanaf de eerste ziektedag',
        [{ title: 'Maand' }, { title: 'Reden' }, { title: 'Zaken', num: true },
          { title: 'Mediaan dagen', num: true }, { title: 'Gemiddeld dagen', num: true }],
        rows.map(row => [month(row.month), row.label || row.reason, count(row, 'cases'), days(row.medianDays),
          days(row.averageDays)])), suppressionNote(rows)];
    }));
  return card;
}

// ---- the werkgever's cases: names and links -----------------------------------------------------------------------

/** The case's employee by name (the API sends it with the werkgever's lists), linked to the case screen. */
function caseLink(row) {
  return el('a', { href: row.link || `/zaken/${encodeURIComponent(row.caseId)}` }, row.employeeName || `Zaak ${row.caseId}`);
}

// ---- the page -----------------------------------------------------------------------------------------------------

function renderAll() {
  state.generation += 1;
  document.getElementById('melding').replaceChildren();
  document.getElementById('secties').replaceChildren(el('div', { class: 'pair' }, phases(), weeks()), deadlines(),
    risks(), timeliness(), flow());
}

function noOverview() {
  document.getElementById('filters').hidden = true;
  document.getElementById('secties').replaceChildren(el('div', { class: 'card notice', id: 'geen-overzicht' },
    el('h2', {}, 'Geen overzicht voor u'),
    el('p', {}, 'Het overzicht is er voor de werkgever (over de eigen zaken) en voor management (alleen aantallen).'),
    el('p', {}, 'Uw zaken vindt u onder ', el('a', { href: '/zaken' }, 'Zaken'), ' en uw taken in ',
      el('a', { href: '/camunda/app/tasklist/default/' }, 'Tasklist'), '.')));
}

async function employers(me) {
  try {
    return await getJson('/api/overview/employers');
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) {
      return me.employers || [];
    }
    throw error;
  }
}

async function start() {
  readFiltersFromAddress();
  try {
    const me = await header();
    const groups = me.groups || [];
    state.showsCases = groups.includes('werkgever') || groups.includes('camunda-admin');
    state.management = groups.includes('management') && !state.showsCases;
    const [employerList, settings] = await Promise.all([employers(me), getJson('/api/overview/settings')]);
    state.employers = employerList;
    state.minGroupSize = settings.minGroupSize;
    document.getElementById('uitleg').textContent = state.showsCases
      ? 'Waar uw verzuimzaken staan, welke termijnen verlopen en welke zaken een loonsanctie riskeren. Klik op een'
        + ' naam om de zaak te openen.'
      : 'Waar de verzuimzaken staan, welke termijnen verlopen en hoeveel zaken een loonsanctie riskeren: alleen'
        + ' aantallen, zonder namen of zaken.';
    fillFilters();
    renderAll();
  } catch (error) {
    if (error instanceof ApiError && error.status === 403) {
      noOverview();
      return;
    }
    document.getElementById('secties').replaceChildren(problem(error));
  }
}

start();
