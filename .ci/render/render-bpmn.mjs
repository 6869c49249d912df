#!/usr/bin/env node
// Render BPMN diagrams to PNG: bpmn-js (NavigatedViewer bundle) in Debian's headless Chromium,
// driven by playwright-core. No network: the viewer script is loaded from node_modules.
//   node .ci/render/render-bpmn.mjs <in.bpmn> <out.png>   (paths relative to the repo root, or absolute)
//   node .ci/render/render-bpmn.mjs --all                 (processes/*.bpmn -> processes/<name>.png)
import { chromium } from 'playwright-core';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..');
const VIEWER = path.join(HERE, 'node_modules/bpmn-js/dist/bpmn-navigated-viewer.production.min.js');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const MARGIN = 30, SCALE = 1.5, MAX_WIDTH = 4000; // diagram units, zoom factor, px
const FOOTER = 40; // px strip below the diagram, so the bpmn.io watermark (bottom right) covers nothing

function fail(msg) { console.error(`render-bpmn: ${msg}`); process.exit(1); }
const show = (p) => (path.relative(ROOT, p).startsWith('..') ? p : path.relative(ROOT, p));

function jobs(argv) {
  if (argv.length === 1 && argv[0] === '--all') {
    const dir = path.join(ROOT, 'processes');
    return readdirSync(dir).filter((f) => f.endsWith('.bpmn')).sort()
      .map((f) => [path.join(dir, f), path.join(dir, f.replace(/\.bpmn$/, '.png'))]);
  }
  if (argv.length === 2) return [argv.map((p) => path.resolve(ROOT, p))];
  fail('usage: render-bpmn.mjs <in.bpmn> <out.png> | --all');
}

// Runs inside the page: import the XML, fit it, size the container to the diagram, set the viewbox.
async function layout({ xml, margin, scale, maxWidth, footer }) {
  const container = document.getElementById('canvas');
  const viewer = new BpmnJS({ container });
  let warnings;
  try {
    ({ warnings } = await viewer.importXML(xml));
  } catch (err) {
    return { error: err.message, warnings: (err.warnings || []).map((w) => w.message) };
  }
  const canvas = viewer.get('canvas');
  canvas.zoom('fit-viewport');
  const { inner } = canvas.viewbox();
  const box = { x: inner.x - margin, y: inner.y - margin,
    width: inner.width + 2 * margin, height: inner.height + 2 * margin };
  const s = Math.min(scale, maxWidth / box.width);
  box.height += footer / s;
  const width = Math.ceil(box.width * s), height = Math.ceil(box.height * s);
  Object.assign(container.style, { width: `${width}px`, height: `${height}px` });
  canvas.resized();
  canvas.viewbox(box);
  return { width, height, warnings: warnings.map((w) => w.message) };
}

async function render(page, input, output) {
  if (!existsSync(input)) throw new Error(`input not found: ${show(input)}`);
  await page.setContent('<!doctype html><html><body style="margin:0;background:#fff">'
    + '<div id="canvas" style="width:1600px;height:1000px;background:#fff"></div></body></html>');
  await page.addScriptTag({ path: VIEWER });
  const xml = readFileSync(input, 'utf8');
  const res = await page.evaluate(layout, { xml, margin: MARGIN, scale: SCALE, maxWidth: MAX_WIDTH, footer: FOOTER });
  for (const w of res.warnings) console.warn(`warning: ${show(input)}: ${w}`);
  if (res.error) throw new Error(`import failed for ${show(input)}: ${res.error}`);
  await page.setViewportSize({ width: res.width, height: res.height });
  await page.locator('#canvas').screenshot({ path: output });
  console.log(`${show(input)} -> ${show(output)} (${res.width}x${res.height})`);
}

const todo = jobs(process.argv.slice(2));
if (!todo.length) fail('no processes/*.bpmn found');
if (!existsSync(VIEWER)) fail(`bpmn-js missing; run: npm --prefix .ci/render ci`);
if (!existsSync(CHROMIUM)) fail(`no Chromium at ${CHROMIUM}; run: apt-get install -y chromium`);

const profile = mkdtempSync(path.join(tmpdir(), 'render-bpmn-'));
let failed = 0;
try {
  // playwright wants the profile dir as a parameter (not --user-data-dir in args): a fresh temp dir.
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = context.pages()[0] || await context.newPage();
  for (const [input, output] of todo) {
    try { await render(page, input, output); } catch (err) { failed++; console.error(`render-bpmn: ${err.message}`); }
  }
  await context.close();
} finally {
  rmSync(profile, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
