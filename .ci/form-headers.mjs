// Puts the same case header at the top of every task form in forms/: whose case the task is (employee, case id,
// employer, week of sickness — task-local variables set by the platform, process/TaskCaseLabels) and a link to the
// case screen. Start forms (the sick report) have no case yet and get none.
//   node .ci/form-headers.mjs          writes the header into every task form (replaces an older one)
//   node .ci/form-headers.mjs --check  fails when a task form lacks the current header
// The rest of each file is left as written (a text edit, not a re-serialisation), so process owners' diffs stay small.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const HEADER_ID = 'zaakKop';
const HEADER_TEXT = '**{{werknemerNaam}}** · zaak {{zaakId}} · {{werkgeverNaam}} · ziekteweek {{ziekteweek}}'
  + '\n\n[Open de zaak](/zaken/{{zaakId}})';
const header = '    {\n'
  + `      "id": "${HEADER_ID}",\n`
  + '      "type": "text",\n'
  + `      "text": ${JSON.stringify(HEADER_TEXT)}\n`
  + '    },\n';
const existing = new RegExp(`    \\{\\n      "id": "${HEADER_ID}",\\n[\\s\\S]*?\\n    \\},\\n`);

const startForms = new Set();
for (const file of readdirSync(join(root, 'processes')).filter(name => name.endsWith('.bpmn'))) {
  const xml = readFileSync(join(root, 'processes', file), 'utf8');
  for (const [, form] of xml.matchAll(/<bpmn:startEvent\b[^>]*\bcamunda:formRef="([^"]+)"/g)) {
    startForms.add(form);
  }
}

const check = process.argv.includes('--check');
const wrong = [];
for (const file of readdirSync(join(root, 'forms')).filter(name => name.endsWith('.form')).sort()) {
  const path = join(root, 'forms', file);
  const text = readFileSync(path, 'utf8');
  if (startForms.has(JSON.parse(text).id)) {
    continue;
  }
  const withoutHeader = text.replace(existing, '');
  const updated = withoutHeader.replace('  "components": [\n', '  "components": [\n' + header);
  if (updated === withoutHeader) {
    throw new Error(`${file}: no "components": [ line to put the header after`);
  }
  if (updated !== text) {
    wrong.push(file);
    if (!check) {
      writeFileSync(path, updated);
    }
  }
}
if (check && wrong.length) {
  console.error(`Task forms without the current case header (run node .ci/form-headers.mjs): ${wrong.join(', ')}`);
  process.exit(1);
}
console.log(check ? 'Every task form has the case header.' : `Case header written to ${wrong.length} task forms.`);
