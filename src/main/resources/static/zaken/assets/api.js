// Spoorwijzer case screen: talking to /api with the Tasklist login (session cookie + X-XSRF-TOKEN), Dutch formats.

const TASKLIST = '/camunda/app/tasklist/default/';
const COCKPIT = '/camunda/app/cockpit/default/';
let me = null;

/** The logged-in user and the session's CSRF token (asks the webapps to issue one when the session has none yet). */
export async function currentUser() {
  if (me) {
    return me;
  }
  me = await getJson('/api/me');
  if (!me.csrfToken) {
    await fetch('/camunda/api/admin/auth/user/default', { credentials: 'same-origin' });
    me = await getJson('/api/me');
  }
  return me;
}

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem && problem.detail ? problem.detail : 'HTTP ' + status);
    this.status = status;
    this.problem = problem || {};
  }
}

async function parse(response) {
  if (response.status === 401) {
    window.location.assign(TASKLIST);
    throw new ApiError(401, { detail: 'U bent niet (meer) ingelogd.' });
  }
  const type = response.headers.get('Content-Type') || '';
  const body = type.includes('json') ? await response.json().catch(() => null) : null;
  if (!response.ok) {
    throw new ApiError(response.status, body);
  }
  return body;
}

export async function getJson(path) {
  const response = await fetch(path, {
    credentials: 'same-origin',
    headers: { 'Accept': 'application/json', 'Accept-Language': 'nl' },
  });
  return parse(response);
}

/** GET that answers null for 404 (a part of the platform that is not there yet, or a case one may not see). */
export async function getJsonOrNull(path) {
  try {
    return await getJson(path);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) {
      return null;
    }
    throw error;
  }
}

export async function send(method, path, body) {
  const user = await currentUser();
  const headers = { 'Accept': 'application/json', 'Accept-Language': 'nl', 'X-XSRF-TOKEN': user.csrfToken || '' };
  let payload = body;
  if (!(body instanceof FormData)) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const response = await fetch(path, { method, credentials: 'same-origin', headers, body: payload });
  return parse(response);
}

export async function logOut() {
  const user = await currentUser();
  await fetch('/camunda/api/admin/auth/user/default/logout', {
    method: 'POST', credentials: 'same-origin', headers: { 'X-XSRF-TOKEN': user.csrfToken || '' },
  });
  window.location.assign(TASKLIST);
}

// ---- Dutch formats ----------------------------------------------------------------------------------------------

/** ISO date (or date-time) → dd-mm-jjjj. */
export function date(iso) {
  if (!iso) {
    return '—';
  }
  const [y, m, d] = String(iso).substring(0, 10).split('-');
  return `${d}-${m}-${y}`;
}

/** ISO date-time → dd-mm-jjjj uu:mm (Dutch time). */
export function dateTime(iso) {
  if (!iso) {
    return '—';
  }
  const parts = new Intl.DateTimeFormat('nl-NL', {
    timeZone: 'Europe/Amsterdam', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit',
  }).formatToParts(new Date(iso));
  const part = type => parts.find(p => p.type === type).value;
  return `${part('day')}-${part('month')}-${part('year')} ${part('hour')}:${part('minute')}`;
}

/** dd-mm-jjjj as typed → ISO yyyy-mm-dd; anything else is passed on as typed, so the API names what is wrong. */
export function isoFromDutch(text) {
  const value = (text || '').trim();
  const match = /^(\d{1,2})-(\d{1,2})-(\d{4})$/.exec(value);
  if (!match) {
    return value === '' ? null : value;
  }
  return `${match[3]}-${match[2].padStart(2, '0')}-${match[1].padStart(2, '0')}`;
}

export function addDays(iso, days) {
  const d = new Date(iso + 'T12:00:00Z');
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().substring(0, 10);
}

export function todayIso() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
}

/** Week of sickness counted from the first sick day (day 1-7 is week 1). */
export function sicknessWeek(firstSickDay) {
  if (!firstSickDay) {
    return null;
  }
  const days = Math.round((Date.parse(todayIso()) - Date.parse(firstSickDay)) / 86400000);
  return days < 0 ? null : Math.floor(days / 7) + 1;
}

export const STATUS = { OPEN: 'Lopend', RECOVERED: 'Hersteld (herstelperiode)', CLOSED: 'Afgesloten' };
export const PHASE = {
  ZIEKMELDING: 'Ziekmelding', PROBLEEMANALYSE: 'Probleemanalyse', MONITORING: 'Monitoring',
  PLAN_VAN_AANPAK: 'Plan van aanpak', SPOOR_1: 'Spoor 1', EERSTEJAARSEVALUATIE: 'Eerstejaarsevaluatie',
  SPOOR_2: 'Spoor 2', EINDFASE: 'Eindfase',
};
export const ROLE = {
  werkgever: 'Werkgever', werknemer: 'Werknemer', bedrijfsarts: 'Bedrijfsarts', arbeidsdeskundige: 'Arbeidsdeskundige',
  're-integratiebureau': 'Re-integratiebureau', procesbeheerder: 'Procesbeheerder', management: 'Management',
};

export function roleLabel(role) {
  if (!role) {
    return '—';
  }
  return role.split(',').map(r => ROLE[r] || r).join(', ');
}

// ---- DOM helpers (no innerHTML with data: everything from the API is text) ------------------------------------------

export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name === 'class') {
      node.className = value;
    } else if (name.startsWith('on')) {
      node.addEventListener(name.substring(2), value);
    } else {
      node.setAttribute(name, value === true ? '' : value);
    }
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) {
      node.append(child instanceof Node ? child : String(child));
    }
  }
  return node;
}

/**
 * The page header: brand, navigation, who is logged in, log out. Tasklist and Cockpit are linked only for who may
 * open them (/api/me "applications"): management has Cockpit and no Tasklist.
 */
export async function header() {
  const user = await currentUser();
  const bar = document.getElementById('topbar');
  const apps = user.applications || ['tasklist'];
  bar.replaceChildren(
    el('a', { class: 'brand', href: '/zaken' }, 'Spoorwijzer'),
    el('nav', { 'aria-label': 'Hoofdmenu' },
      el('a', { href: '/zaken' }, 'Zaken'),
      el('a', { href: '/overzicht' }, 'Overzicht'),
      (user.groups || []).some(g => g === 'procesbeheerder' || g === 'camunda-admin')
        ? el('a', { href: '/procesbeheer' }, 'Procesbeheer') : null,
      apps.includes('tasklist') ? el('a', { href: TASKLIST }, 'Taken (Tasklist)') : null,
      apps.includes('cockpit') ? el('a', { href: COCKPIT }, 'Processen (Cockpit)') : null),
    el('div', { class: 'user' },
      el('span', {}, user.name || user.userId, user.roles && user.roles.length ? ` · ${user.roles.join(', ')}` : ''),
      el('button', { type: 'button', class: 'link', onclick: logOut }, 'Uitloggen')));
  return user;
}

export function tasklistLink(taskId) {
  return `${TASKLIST}#/?task=${encodeURIComponent(taskId)}`;
}
