// The case screen's building blocks for actions: a form per action that sends its values to the API, shows each
// refusal at its field and, when stored, reloads the case and says what happens next. The case screen (zaak.js) and
// its action modules (acties-*.js) share them.
import { el, ApiError } from './api.js';

let reload = async () => {};

/** The case screen registers how it reloads the case after an action was stored. */
export function reloadWith(callback) {
  reload = callback;
}

export function section(id, title, ...content) {
  return el('section', { class: 'card', 'aria-labelledby': `${id}-titel`, id },
    el('h2', { id: `${id}-titel` }, title), ...content);
}

export function field(label, input, hint) {
  const id = input.id;
  const error = el('p', { class: 'field-error', id: `${id}-fout`, hidden: true });
  if (hint) {
    input.setAttribute('aria-describedby', `${id}-hint`);
  }
  return el('div', { class: 'field', 'data-field': input.name },
    el('label', { for: id }, label), hint ? el('p', { class: 'hint', id: `${id}-hint` }, hint) : null, input, error);
}

export const dateInput = (id, name) => el('input', {
  id, name, type: 'text', inputmode: 'numeric', placeholder: 'dd-mm-jjjj', autocomplete: 'off', size: 12,
});

/**
 * The API's Dutch sentence for a violation ("Het veld reason moet …", asked with Accept-Language: nl) without the
 * field's API name; the rule as given when there is none.
 */
function dutchRule(problem, violation) {
  const prefix = `Het veld ${violation.field} `;
  const own = String(problem.detail || '').split(/(?=Het veld )/).find(sentence => sentence.startsWith(prefix));
  if (!own) {
    return violation.rule;
  }
  const rule = own.substring(prefix.length).trim();
  return rule.charAt(0).toUpperCase() + rule.substring(1);
}

/** Shows the API's problem: each violation at its field, the rest (or a general refusal) above the form. */
function showProblem(form, error, labels) {
  const general = form.querySelector('.form-error');
  const problem = error instanceof ApiError ? error.problem : {};
  const violations = problem.violations || (problem.field ? [{ field: problem.field, rule: problem.rule }] : []);
  const unplaced = [];
  for (const violation of violations) {
    const name = String(violation.field || '').split(/[.[]/)[0];
    const input = form.querySelector(`[name="${CSS.escape(name)}"]`);
    const holder = input && input.closest('.field');
    if (!holder) {
      unplaced.push(`${labels[name] || violation.field}: ${dutchRule(problem, violation)}`);
      continue;
    }
    const message = holder.querySelector('.field-error');
    message.textContent = dutchRule(problem, violation);
    message.hidden = false;
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', `${message.id}${input.id && holder.querySelector('.hint') ? ' ' + input.id + '-hint' : ''}`);
  }
  const status = error instanceof ApiError ? error.status : 0;
  let text = 'Niet vastgelegd. ';
  if (status === 403) {
    text += 'U mag dit niet doen bij deze zaak.';
  } else if (status === 409) {
    text += 'Dit kan nu niet bij deze zaak.';
  } else if (status === 400) {
    text += 'Verbeter de gemarkeerde velden.';
  } else {
    text += 'Er ging iets mis; probeer het opnieuw.';
  }
  // replaceChildren would write a null as the text "null"
  general.replaceChildren(...[el('strong', {}, text),
    unplaced.length ? el('ul', {}, unplaced.map(line => el('li', {}, line))) : null,
    violations.length === 0 && problem.detail ? el('p', {}, problem.detail) : null].filter(Boolean));
  general.hidden = false;
  general.focus();
}

function clearProblems(form) {
  form.querySelectorAll('.field-error').forEach(node => { node.hidden = true; node.textContent = ''; });
  form.querySelectorAll('[aria-invalid]').forEach(node => node.removeAttribute('aria-invalid'));
  const general = form.querySelector('.form-error');
  general.hidden = true;
  general.replaceChildren();
}

/** A form that sends its values to the API and, when stored, reloads the case and says what happens next. */
export function actionForm(id, title, fields, submitText, labels, submit) {
  const form = el('form', { id: `form-${id}`, novalidate: true },
    el('div', { class: 'form-error alert', role: 'alert', tabindex: '-1', hidden: true }),
    fields,
    el('div', { class: 'buttons' }, el('button', { type: 'submit', class: 'primary' }, submitText)));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    clearProblems(form);
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    try {
      const next = await submit(form);
      await reload();
      announce(next);
    } catch (error) {
      showProblem(form, error, labels);
    } finally {
      button.disabled = false;
    }
  });
  return el('details', { class: 'action', id: `actie-${id}` }, el('summary', {}, title), form);
}

export function announce(text) {
  const region = document.getElementById('uitkomst');
  region.replaceChildren(el('strong', {}, 'Vastgelegd. '), text);
  region.hidden = false;
  region.focus();
}

export const value = (form, name) => {
  const input = form.elements[name];
  return input ? input.value.trim() : '';
};
export const numberOrNull = text => (text === '' ? null : (Number.isFinite(Number(text)) ? Number(text) : text));

