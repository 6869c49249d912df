#!/usr/bin/env node
// Render BPMN diagrams to PNG: bpmn-js (NavigatedViewer bundle) in Debian's headless Chromium,
// driven by playwright-core. No network: the viewer script is loaded from .ci/node_modules.
//   node .ci/render/render-bpmn.mjs --all      every processes/*.bpmn -> processes/<name>.png, and one more
//                                              processes/<name>-<subprocess id>.png per collapsed subprocess;
//                                              each picture records the SHA-256 of its model (PNG tEXt chunk)
//   node .ci/render/render-bpmn.mjs --check    no browser: fails when a model changed since its pictures were
//                                              rendered, or a picture is missing or shows no model any more
//   node .ci/render/render-bpmn.mjs <in.bpmn> <out.png>   one model's top level (paths relative to the repo root)
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..');
const PROCESSES = path.join(ROOT, 'processes');
// The tEXt keyword under which a picture records "<sha-256 of the model> <model file>"; ModelPicturesTest reads it.
const KEYWORD = 'spoorwijzer-model-sha256';
const VIEWER = path.join(HERE, '..', 'node_modules/bpmn-js/dist/bpmn-navigated-viewer.production.min.js');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const MARGIN = 30, SCALE = 1.5, MAX_WIDTH = 4000; // diagram units, zoom factor, px
const FOOTER = 40; // px strip below the diagram, so the bpmn.io watermark (bottom right) covers nothing

function fail(msg) { console.error(`render-bpmn: ${msg}`); process.exit(1); }
const show = (p) => (path.relative(ROOT, p).startsWith('..') ? p : path.relative(ROOT, p));
const sha256 = (file) => createHash('sha256').update(readFileSync(file)).digest('hex');
const models = () => readdirSync(PROCESSES).filter((f) => f.endsWith('.bpmn')).sort();
// The collapsed subprocesses of a model, as drawn (a BPMNPlane of their own): each gets its own picture.
const collapsed = (xml) => [...xml.matchAll(/<bpmndi:BPMNShape\b[^>]*>/g)].map((m) => m[0])
  .filter((shape) => /isExpanded="false"/.test(shape))
  .map((shape) => /bpmnElement="([^"]+)"/.exec(shape)[1]);
const pictures = (model) => {
  const base = model.replace(/\.bpmn$/, '');
  return [`${base}.png`, ...collapsed(readFileSync(path.join(PROCESSES, model), 'utf8')).map((id) => `${base}-${id}.png`)];
};

// A PNG with a tEXt chunk after its header (IHDR is always the first chunk: bytes 8..32).
function withText(png, keyword, text) {
  const data = Buffer.concat([Buffer.from(keyword, 'latin1'), Buffer.from([0]), Buffer.from(text, 'latin1')]);
  const type = Buffer.from('tEXt', 'latin1');
  const chunk = Buffer.alloc(12 + data.length);
  chunk.writeUInt32BE(data.length, 0);
  type.copy(chunk, 4);
  data.copy(chunk, 8);
  chunk.writeUInt32BE(crc32(Buffer.concat([type, data])), 8 + data.length);
  return Buffer.concat([png.subarray(0, 33), chunk, png.subarray(33)]);
}

function recordedText(file, keyword) {
  const png = readFileSync(file);
  for (let at = 8; at + 8 <= png.length;) {
    const length = png.readUInt32BE(at), type = png.toString('latin1', at + 4, at + 8);
    if (type === 'tEXt') {
      const data = png.subarray(at + 8, at + 8 + length), nul = data.indexOf(0);
      if (data.toString('latin1', 0, nul) === keyword) return data.toString('latin1', nul + 1);
    }
    if (type === 'IEND') break;
    at += 12 + length;
  }
  return null;
}

// The staleness check: every picture was rendered from the model as committed now.
function check() {
  const problems = [], expected = new Set();
  for (const model of models()) {
    const hash = sha256(path.join(PROCESSES, model));
    for (const png of pictures(model)) {
      expected.add(png);
      const file = path.join(PROCESSES, png);
      if (!existsSync(file)) problems.push(`${png} is missing`);
      else if (recordedText(file, KEYWORD) !== `${hash} ${model}`) problems.push(`${png} is stale`);
    }
  }
  for (const png of readdirSync(PROCESSES).filter((f) => f.endsWith('.png') && !expected.has(f))) {
    problems.push(`${png} shows no model (subprocess or model removed?)`);
  }
  if (problems.length) fail(`${problems.join('; ')}: run .ci/render-models and commit processes/`);
  console.log(`model pictures up to date (${expected.size} pictures of ${models().length} models)`);
}

// Runs inside the page: import the XML, show one plane, fit it, size the container, set the viewbox.
async function layout({ xml, plane, margin, scale, maxWidth, footer }) {
  const container = document.getElementById('canvas');
  container.innerHTML = '';
  Object.assign(container.style, { width: '1600px', height: '1000px' });
  const viewer = new BpmnJS({ container });
  let warnings;
  try {
    ({ warnings } = await viewer.importXML(xml));
  } catch (err) {
    return { error: err.message, warnings: (err.warnings || []).map((w) => w.message) };
  }
  const canvas = viewer.get('canvas');
  const planes = canvas.getRootElements().filter((root) => root.id.endsWith('_plane'))
    .map((root) => root.businessObject.id);
  if (plane) {
    const root = canvas.getRootElements().find((r) => r.id === `${plane}_plane`);
    if (!root) return { error: `no drill-down plane for ${plane}`, warnings: [] };
    canvas.setRootElement(root);
  }
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
  return { width, height, planes, warnings: warnings.map((w) => w.message) };
}

async function render(page, input, output, plane, record) {
  if (!existsSync(input)) throw new Error(`input not found: ${show(input)}`);
  const xml = readFileSync(input, 'utf8');
  const res = await page.evaluate(layout, { xml, plane, margin: MARGIN, scale: SCALE, maxWidth: MAX_WIDTH, footer: FOOTER });
  for (const w of res.warnings) console.warn(`warning: ${show(input)}: ${w}`);
  if (res.error) throw new Error(`import failed for ${show(input)}: ${res.error}`);
  if (res.warnings.length) throw new Error(`${show(input)} has import warnings`);
  await page.setViewportSize({ width: res.width, height: res.height });
  const png = await page.locator('#canvas').screenshot();
  writeFileSync(output, record ? withText(png, KEYWORD, record) : png);
  console.log(`${show(input)}${plane ? ` [${plane}]` : ''} -> ${show(output)} (${res.width}x${res.height})`);
  return res.planes;
}

const argv = process.argv.slice(2);
if (argv.length === 1 && argv[0] === '--check') {
  check();
  process.exit(0);
}
const all = argv.length === 1 && argv[0] === '--all';
if (!all && argv.length !== 2) fail('usage: render-bpmn.mjs --all | --check | <in.bpmn> <out.png>');
if (!existsSync(VIEWER)) fail('bpmn-js missing; run: npm --prefix .ci ci');
if (!existsSync(CHROMIUM)) fail(`no Chromium at ${CHROMIUM}; run: apt-get install -y chromium`);

const { chromium } = await import('playwright-core');
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
  // The drill-down buttons of collapsed subprocesses are for clicking; a picture shows the subprocess marker only.
  await page.setContent('<!doctype html><html><head><style>.bjs-drilldown{display:none}</style></head>'
    + '<body style="margin:0;background:#fff">'
    + '<div id="canvas" style="width:1600px;height:1000px;background:#fff"></div></body></html>');
  await page.addScriptTag({ path: VIEWER });
  if (all) {
    for (const model of models()) {
      const input = path.join(PROCESSES, model), base = model.replace(/\.bpmn$/, '');
      const record = `${sha256(input)} ${model}`;
      try {
        const planes = await render(page, input, path.join(PROCESSES, `${base}.png`), null, record);
        for (const plane of planes) {
          await render(page, input, path.join(PROCESSES, `${base}-${plane}.png`), plane, record);
        }
      } catch (err) { failed++; console.error(`render-bpmn: ${err.message}`); }
    }
  } else {
    try { await render(page, ...argv.map((p) => path.resolve(ROOT, p))); } catch (err) { failed++; console.error(`render-bpmn: ${err.message}`); }
  }
  await context.close();
} finally {
  rmSync(profile, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
