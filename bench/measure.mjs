// The benchmark proper (bench/run calls it after building): the widget (dist/) against the Leaflet and ECharts
// peers (bench/.cache/peers/), all in one run, one server, one headless Chromium. See bench/README.md.
//   node bench/measure.mjs [--quick] [--no-lighthouse] [--loads N]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve, compress } from './lib/server.mjs';
import { busyCore } from './lib/busy.mjs';

const BENCH = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(BENCH, '..');
const CACHE = path.join(BENCH, '.cache');
const SCREENS = path.join(ROOT, 'target', 'screens');

const argv = process.argv.slice(2);
const QUICK = argv.includes('--quick');
const opt = (name, dflt) => { const i = argv.indexOf(name); return i >= 0 ? Number(argv[i + 1]) : dflt; };
const LOADS = opt('--loads', QUICK ? 1 : 7);
const FLY_RUNS = QUICK ? 1 : 3;
const FLY_MS = QUICK ? 700 : 1200; // frames recorded per flight (there and back)
const LIGHTHOUSE = !QUICK && !argv.includes('--no-lighthouse');
const LH_RUNS = opt('--lighthouse-runs', 5);
const STOP_CHANGES = 50;
const INTERACTIONS = QUICK ? 5 : 24; // per kind, for interaction to next paint

// Network and CPU conditions for the timed loads: slow 4G (Lighthouse's numbers) and a 4× slower CPU.
const NET = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };
const CPU = 4;
const VIEWPORT = { width: 1280, height: 800 };
// A phone, where most readers meet the overview: the complete overview is also timed at this size.
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const CLICK_STOP = { id: 'yiwu', name: '义乌市' };
const STOP_IDS = ['yuhang', 'yiwu', 'keqiao', 'xinwu', 'binhu', 'liangxi', 'jiangyin', 'haining', 'tongxiang', 'jiashan', 'kunshan', 'changshu', 'yuyao', 'qianwan', 'cixi', 'pinghu', 'taixing', 'rugao'];

const T0 = Date.now();
const log = (...a) => console.error(`[bench] ${Math.round((Date.now() - T0) / 1000)}s`, ...a);
const IDLE_MS = QUICK ? 600 : 1200; // settle time after the map first appears

// ---- the three pages ----
// painted: JS expression, true once the map element has drawn content. card: selector of the card heading.
// locate(id): client [x, y] of a stop marker or null. act: how to change the view (hash or the peer's API).
const TARGETS = [
  {
    // bench/run points BENCH_WIDGET_DIR at a snapshot of dist/ taken right after the build.
    name: 'widget', label: 'widget (Yew/wasm)', mount: '/widget/', dir: process.env.BENCH_WIDGET_DIR || path.join(ROOT, 'dist'), path: '#/',
    painted: `(() => { const p = document.querySelector('.ct-map path.ct-land'); return !!(p && (p.getAttribute('d') || '').length > 10 && p.getBoundingClientRect().width > 0); })()`,
    // Every route and every stop's marker drawn (the prerendered first paint shows one marker set per width band).
    complete: `(() => { const shown = (sel) => [...document.querySelectorAll(sel)].filter((e) => e.getBoundingClientRect().width > 0).length; return shown('.ct-route-line') >= 3 && shown('[data-stop] .ct-mk') >= 18; })()`,
    // The app's card, or before the app the prerendered card that a followed marker link shows (:target).
    card: '#ct-card-h, #ct-first .ct-target:target h2',
    locate: `(id) => { const el = [...document.querySelectorAll('[data-stop="' + id + '"] .ct-mk')].find((e) => e.getBoundingClientRect().width > 0); if (!el) return null; const r = el.getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; }`,
    select: (id) => ({ hash: `#/${id}` }),
    overview: { hash: '#/' },
  },
  {
    name: 'leaflet', label: 'Leaflet 1.9.4', mount: '/leaflet/', dir: path.join(CACHE, 'peers', 'leaflet'), path: '',
    painted: `(() => { const p = document.querySelector('#map .leaflet-overlay-pane svg path'); return !!(p && (p.getAttribute('d') || '').length > 10); })()`,
    // Leaflet adds routes and the 19 marker icons in one go, then sets window.peer: its first marker paint.
    complete: `(() => !!window.peer && document.querySelectorAll('#map .leaflet-marker-icon').length >= 19)()`,
    card: '#card-h',
    locate: `(id) => (window.peer ? window.peer.markerPoint(id) : null)`,
    select: (id) => ({ method: 'select', arg: id }),
    overview: { method: 'overview' },
  },
  {
    name: 'echarts', label: 'ECharts', mount: '/echarts/', dir: path.join(CACHE, 'peers', 'echarts'), path: '',
    // Canvas: drawn once any of a 7×7 grid of sample pixels is not transparent (the sea is the container's CSS background).
    painted: `(() => { const c = document.querySelector('#map canvas'); if (!c || !c.width) return false; const g = c.getContext('2d'); for (let i = 1; i < 8; i++) for (let j = 1; j < 8; j++) { if (g.getImageData(Math.floor(c.width * i / 8), Math.floor(c.height * j / 8), 1, 1).data[3] > 0) return true; } return false; })()`,
    // Routes and markers are series of the option set before window.peer; the canvas draws them in the next frame.
    complete: `(() => !!window.peer)()`,
    card: '#card-h',
    locate: `(id) => (window.peer ? window.peer.markerPoint(id) : null)`,
    select: (id) => ({ method: 'select', arg: id }),
    overview: { method: 'overview' },
  },
];

/** Runs in every page before its own scripts: records first map paint and the card opening (rAF poll). */
function initScript(t) {
  return `(() => {
  const B = window.__bench = { paint: null, complete: null, card: null };
  const painted = () => { try { return ${t.painted}; } catch (e) { return false; } };
  const complete = () => { try { return ${t.complete}; } catch (e) { return false; } };
  const cardOpen = () => [...document.querySelectorAll(${JSON.stringify(t.card)})].some((h) => h.getBoundingClientRect().width > 0 && h.textContent.includes(${JSON.stringify(CLICK_STOP.name)}));
  addEventListener('TrunkApplicationStarted', (e) => { B.wasm = e.detail && e.detail.wasm; });
  const poll = () => {
    if (B.paint === null && painted()) B.paint = performance.now();
    if (B.complete === null && complete()) B.complete = performance.now();
    if (B.card === null && cardOpen()) B.card = performance.now();
    if (B.paint === null || B.complete === null || B.card === null) requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
  window.__benchLocate = ${t.locate};
  window.__benchAct = (a) => { if (a.hash != null) location.hash = a.hash; else window.peer[a.method](a.arg); };
  window.__benchRec = (ms) => new Promise((resolve) => {
    const ts = []; let t0 = null;
    const f = (t) => { ts.push(t); if (t0 === null) t0 = t; if (t - t0 < ms) requestAnimationFrame(f); else resolve(ts); };
    requestAnimationFrame(f);
  });
})();`;
}

// ---- helpers ----

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const n = s.length; return n ? (n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2) : NaN; };
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); if (!s.length) return NaN; return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]; };
const kB = (b) => (b / 1000).toFixed(1);
const ms = (v) => (Number.isFinite(v) ? Math.round(v).toString() : '—');
const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(2)}×` : '—');
const sleep = (t) => new Promise((r) => setTimeout(r, t));

async function newPage(browser, t, options = { viewport: VIEWPORT, deviceScaleFactor: 1 }) {
  const ctx = await browser.newContext(options);
  const page = await ctx.newPage();
  page.problems = [];
  page.on('pageerror', (e) => page.problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') page.problems.push(`console: ${m.text()}`); });
  await page.addInitScript(initScript(t));
  const cdp = await ctx.newCDPSession(page);
  return { ctx, page, cdp };
}

async function throttle(cdp, { net = false, cpu = 1 } = {}) {
  await cdp.send('Network.enable');
  if (net) await cdp.send('Network.emulateNetworkConditions', NET);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
}

/** The value of `expr` in the page's own world, over the Chrome DevTools Protocol. The loads read their marks
 *  with this, not with Playwright's page.evaluate or waitForFunction: those first install Playwright's injected
 *  script in the page, 100-250 ms of script on the page's main thread at 4× CPU (seen in traces), in the middle
 *  of the load being timed, for every page alike. `undefined` while the page cannot answer (between documents). */
async function pageValue(cdp, expr) {
  const r = await cdp.send('Runtime.evaluate', { expression: expr, returnByValue: true }).catch(() => null);
  return r && !r.exceptionDetails ? r.result.value : undefined;
}

/** Polls `expr` (see pageValue) every `every` ms until it is truthy or `timeout` ms pass; resolves to whether it was. */
async function pageWait(cdp, expr, { timeout, every = 20 }) {
  const t0 = Date.now();
  for (;;) {
    if (await pageValue(cdp, expr)) return true;
    if (Date.now() - t0 >= timeout) return false;
    await sleep(every);
  }
}

const LOCATE = `window.__benchLocate ? window.__benchLocate(${JSON.stringify(CLICK_STOP.id)}) : null`;

/** Navigate, then click the marker until the card opens. Returns the page's marks (ms since navigation start).
 *  Everything it asks the page during the load goes over `cdp` (see pageValue). */
async function loadAndClick(page, cdp, url, { timeout = 90000 } = {}) {
  const t0 = Date.now();
  await page.goto(url, { waitUntil: 'commit', timeout });
  let clicks = 0;
  for (;;) {
    if (Date.now() - t0 > timeout) throw new Error(`no card after ${timeout} ms (${clicks} clicks)`);
    // A reader clicks what they see: only once the map has painted. (The widget's prerendered markers are in the
    // document before its first frame; locating one then forced a layout of the half-parsed page.)
    const pt = await pageValue(cdp, `window.__bench && window.__bench.paint !== null && (${LOCATE})`);
    if (pt) { await page.mouse.click(pt[0], pt[1]).catch(() => {}); clicks += 1; }
    if (await pageWait(cdp, 'window.__bench && window.__bench.card !== null', { timeout: pt ? 150 : 40 })) break;
  }
  if (!(await pageWait(cdp, 'window.__bench.paint !== null', { timeout: 10000 }))) throw new Error('no map paint recorded');
  const marks = await pageValue(cdp, `(() => {
    const fcp = performance.getEntriesByName('first-contentful-paint')[0];
    const nav = performance.getEntriesByType('navigation')[0];
    return { paint: window.__bench.paint, complete: window.__bench.complete, interactive: window.__bench.card, fcp: fcp ? fcp.startTime : null, dcl: nav ? nav.domContentLoadedEventEnd : null };
  })()`);
  return { ...marks, clicks };
}

/** Where a reader would tap a stop: its marker's centre once the page has settled (unthrottled). */
async function markerSpot(browser, srv, t) {
  const { ctx, page } = await newPage(browser, t);
  try {
    await page.goto(srv.origin + t.mount + t.path);
    await waitIdle(page, t);
    const pt = await page.evaluate((id) => window.__benchLocate(id), CLICK_STOP.id);
    if (!pt) throw new Error(`${CLICK_STOP.id} has no marker`);
    return pt;
  } finally {
    await ctx.close();
  }
}

/** The complete overview on a phone (390×844, 4× CPU, slow 4G): ms from navigation start until every route and
 *  marker is drawn, as the page's own frame-by-frame check records it. */
async function measurePhone(browser, srv, t) {
  const { ctx, page, cdp } = await newPage(browser, t, PHONE);
  await throttle(cdp, { net: true, cpu: CPU });
  try {
    await page.goto(srv.origin + t.mount + t.path, { waitUntil: 'commit', timeout: 90000 });
    if (!(await pageWait(cdp, 'window.__bench && window.__bench.complete !== null', { timeout: 90000, every: 100 }))) throw new Error('no complete overview in 90 s');
    return { complete: await pageValue(cdp, 'window.__bench.complete'), problems: page.problems.slice() };
  } finally {
    await ctx.close();
    await settle();
  }
}

/** First tap honoured: a reader taps the stop's marker 300 ms after navigating (4× CPU, slow 4G), where the
 *  settled page shows it, and taps again every 150 ms while nothing happens. Returns when its card showed
 *  (ms since navigation start) and how many taps it took. */
async function measureTap(browser, srv, t, spot) {
  const { ctx, page, cdp } = await newPage(browser, t);
  await throttle(cdp, { net: true, cpu: CPU });
  try {
    const t0 = Date.now();
    await page.goto(srv.origin + t.mount + t.path, { waitUntil: 'commit', timeout: 90000 });
    await sleep(Math.max(0, 300 - (Date.now() - t0)));
    let taps = 0;
    for (;;) {
      if (Date.now() - t0 > 90000) throw new Error(`no card after 90 s (${taps} taps)`);
      await page.mouse.click(spot[0], spot[1]).catch(() => {});
      taps += 1;
      if (await pageWait(cdp, 'window.__bench && window.__bench.card !== null', { timeout: 150 })) break;
    }
    return { tap: await pageValue(cdp, 'window.__bench.card'), taps, problems: page.problems.slice() };
  } finally {
    await ctx.close();
    await settle();
  }
}

/** After a timed load: a second for the closed page's processes to wind down, so that one load's teardown
 *  does not fall into the next one's (the loads rotate through the pages, ECharts' the heaviest). */
const settle = () => sleep(QUICK ? 0 : 1000);

async function waitIdle(page, t) {
  await page.waitForFunction(() => window.__bench && window.__bench.paint !== null, null, { timeout: 30000 });
  if (t.name !== 'widget') await page.waitForFunction(() => !!window.peer, null, { timeout: 30000 });
  await sleep(IDLE_MS);
}

// ---- 1. bytes ----

/** Sizes of a wasm module's sections (code = function bodies, data = static data incl. the bundled JSON), each
 *  compressed alone: where the widget's bytes go, more exactly than the JSON-alone estimate. */
function wasmSections(buf) {
  const names = { 0: 'custom', 1: 'type', 2: 'import', 3: 'function', 4: 'table', 5: 'memory', 6: 'global', 7: 'export', 8: 'start', 9: 'element', 10: 'code', 11: 'data', 12: 'datacount' };
  const out = {};
  let i = 8;
  while (i < buf.length) {
    const id = buf[i++];
    let size = 0; let shift = 0; let b;
    do { b = buf[i++]; size |= (b & 0x7f) << shift; shift += 7; } while (b & 0x80);
    const name = ['code', 'data'].includes(names[id]) ? names[id] : 'other';
    out[name] = out[name] || [];
    out[name].push(buf.subarray(i, i + size));
    i += size;
  }
  return Object.fromEntries(Object.entries(out).map(([k, parts]) => [k, compress(Buffer.concat(parts))]));
}

function categorize(t, rel) {
  if (t.name === 'widget') return /\.json$/.test(rel) ? 'data' : 'code';
  if (rel === 'basemap.geojson') return 'basemap';
  if (rel === 'tour.json') return 'data';
  return 'code';
}

/** The JSON files the widget compiles in, relative to the repo root (from its include_str! calls). */
function bundledJson() {
  const found = new Set();
  const walk = (dir) => {
    for (const f of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, f.name);
      if (f.isDirectory()) walk(p);
      else if (f.name.endsWith('.rs')) {
        for (const m of fs.readFileSync(p, 'utf8').matchAll(/include_str!\(\s*"([^"]+\.json)"\s*\)/g)) {
          const abs = path.resolve(path.dirname(p), m[1]);
          if (fs.existsSync(abs)) found.add(path.relative(ROOT, abs));
        }
      }
    }
  };
  walk(path.join(ROOT, 'src'));
  // The content is compiled in from the tour build.rs is given (include_str!(env!("COUNTY_TOUR_JSON"))): for the
  // published widget, assets/tour.json.
  found.add('assets/tour.json');
  if (!found.has('assets/basemap.json')) found.add('assets/basemap.json');
  // The Hunan inset's outlines go to the extras wasm (build.rs, src/extras.rs), which a reader does not fetch.
  return [...found].filter((n) => !/hunan/.test(n)).sort();
}

async function measureBytes(browser, srv, t) {
  const before = srv.log.length;
  let problems;
  {
    // Load, click a marker, fly to 梁溪区: whatever the page fetches on the way counts.
    const { ctx, page, cdp } = await newPage(browser, t);
    await loadAndClick(page, cdp, srv.origin + t.mount + t.path);
    await sleep(QUICK ? 300 : 800);
    await page.evaluate((a) => window.__benchAct(a), t.select('liangxi'));
    await sleep(QUICK ? 1000 : 1200);
    problems = page.problems.slice();
    await ctx.close();
  }
  const files = new Map();
  for (const e of srv.log.slice(before)) {
    if (!e.path.startsWith(t.mount)) continue;
    files.set(path.relative(t.dir, e.file), e.file);
  }
  const parts = { code: { raw: 0, gzip: 0, brotli: 0 }, basemap: { raw: 0, gzip: 0, brotli: 0 }, data: { raw: 0, gzip: 0, brotli: 0 } };
  const list = [];
  for (const [rel, file] of [...files].sort()) {
    const c = compress(fs.readFileSync(file));
    const cat = categorize(t, rel);
    for (const k of ['raw', 'gzip', 'brotli']) parts[cat][k] += c[k];
    list.push({ file: rel, cat, ...c });
  }
  const total = { raw: 0, gzip: 0, brotli: 0 };
  for (const p of Object.values(parts)) for (const k of Object.keys(total)) total[k] += p[k];
  {
    // Screenshots at 1280×800: the overview after load, then 梁溪区.
    const { ctx, page } = await newPage(browser, t);
    await page.goto(srv.origin + t.mount + t.path);
    await waitIdle(page, t);
    await page.screenshot({ path: path.join(SCREENS, `bench-${t.name}.png`) });
    await page.evaluate((a) => window.__benchAct(a), t.select('liangxi'));
    await sleep(1300); // flights last at most 900 ms
    await page.screenshot({ path: path.join(SCREENS, `bench-${t.name}-liangxi.png`) });
    problems.push(...page.problems);
    await ctx.close();
  }
  let estimate = null;
  if (t.name === 'widget') {
    // Everything is compiled into the wasm: estimate its base map and data share from the raw JSON assets.
    const est = (names) => names.map((n) => compress(fs.readFileSync(path.join(ROOT, n)))).reduce((a, c) => ({ raw: a.raw + c.raw, gzip: a.gzip + c.gzip, brotli: a.brotli + c.brotli }), { raw: 0, gzip: 0, brotli: 0 });
    // Which JSON assets the wasm bundles: every include_str!("…/assets/….json") in src/; base maps by name.
    const bundled = bundledJson();
    estimate = { basemap: est(bundled.filter((n) => /basemap/.test(n))), data: est(bundled.filter((n) => !/basemap/.test(n))), bundled };
    const wasm = list.find((x) => x.file.endsWith('.wasm'));
    if (wasm) estimate.wasm = { file: wasm.file, sections: wasmSections(fs.readFileSync(path.join(t.dir, wasm.file))) };
    // The second wasm (QR code, export, Hunan outlines; src/extras.rs), which the measured steps do not fetch: listed, not counted.
    estimate.onDemand = fs.readdirSync(t.dir).filter((f) => /^extras-[0-9a-f]+/.test(f) && !/\.(gz|br)$/.test(f) && !files.has(f)).sort()
      .map((f) => ({ file: f, ...compress(fs.readFileSync(path.join(t.dir, f))) }));
    // The content's English (src/web.rs with_text), which only a reader who asks for English fetches.
    estimate.english = fs.readdirSync(t.dir).filter((f) => /^en-[0-9a-f]+\.js$/.test(f) && !files.has(f))
      .map((f) => ({ file: f, ...compress(fs.readFileSync(path.join(t.dir, f))) }))[0];
  }
  return { files: list, parts, total, estimate, problems };
}

// ---- 2. load timings ----

async function measureLoad(browser, srv, t) {
  const { ctx, page, cdp } = await newPage(browser, t);
  await throttle(cdp, { net: true, cpu: CPU });
  let wire = 0;
  cdp.on('Network.loadingFinished', (e) => { wire += e.encodedDataLength; });
  try {
    const marks = await loadAndClick(page, cdp, srv.origin + t.mount + t.path);
    return { ...marks, wire, problems: page.problems.slice() };
  } finally {
    await ctx.close();
    await settle();
  }
}

// ---- 3. fly-to frames ----

async function measureFrames(browser, srv, t) {
  const { ctx, page, cdp } = await newPage(browser, t);
  try {
    await page.goto(srv.origin + t.mount + t.path);
    await waitIdle(page, t);
    await throttle(cdp, { cpu: CPU });
    await sleep(300);
    const deltas = [];
    for (const action of [t.select('liangxi'), t.overview]) {
      const ts = await page.evaluate(async ({ action, ms }) => {
        const rec = window.__benchRec(ms);
        window.__benchAct(action);
        return rec;
      }, { action, ms: FLY_MS });
      for (let i = 1; i < ts.length; i++) deltas.push(ts[i] - ts[i - 1]);
      await sleep(400);
    }
    return { deltas, problems: page.problems.slice() };
  } finally {
    await ctx.close();
  }
}

// ---- 4. heap after 50 stop changes ----

async function measureHeap(browser, srv, t) {
  const { ctx, page, cdp } = await newPage(browser, t);
  try {
    await page.goto(srv.origin + t.mount + t.path);
    await waitIdle(page, t);
    await cdp.send('HeapProfiler.enable');
    const read = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.send('HeapProfiler.collectGarbage');
      return page.evaluate(() => ({
        heap: performance.memory.usedJSHeapSize,
        wasm: window.__bench.wasm && window.__bench.wasm.memory ? window.__bench.wasm.memory.buffer.byteLength : null,
        nodes: document.getElementsByTagName('*').length,
      }));
    };
    const afterLoad = await read();
    for (let i = 0; i < STOP_CHANGES; i++) {
      await page.evaluate((a) => window.__benchAct(a), t.select(STOP_IDS[i % STOP_IDS.length]));
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      await sleep(QUICK ? 20 : 60);
    }
    const title = await page.locator(t.card).textContent();
    await sleep(QUICK ? 1000 : 1500); // let the last flight finish
    const after = await read();
    return { afterLoad, after, lastCard: title.trim(), problems: page.problems.slice() };
  } finally {
    await ctx.close();
  }
}

// ---- 4b. interaction to next paint ----

/** Interaction to next paint (Event Timing, as INP counts it: the longest event of each interaction, input to
 *  the next frame painted) for `INTERACTIONS` reader actions at 4× CPU: 'click', a click on a stop's marker from
 *  the overview (the view is reset between clicks by the page's own API, which is no interaction), or 'next', →
 *  from one stop to the next (the widget only: the peers have no keys), or 'tap', a finger's tap on a stop's marker
 *  on a phone (390×844, touch: a tap enters and leaves elements as a mouse does not, just before its pointerdown),
 *  from the overview as for 'click'. Chromium reports events of 16 ms or
 *  more; an interaction it does not report took less and counts as 16. Returns the durations in ms. */
async function measureInp(browser, srv, t, kind) {
  const { ctx, page, cdp } = await newPage(browser, t, kind === 'tap' ? PHONE : undefined);
  try {
    await page.goto(srv.origin + t.mount + t.path);
    await waitIdle(page, t);
    await page.evaluate(() => {
      window.__inp = new Map();
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (e.interactionId) window.__inp.set(e.interactionId, Math.max(window.__inp.get(e.interactionId) || 0, e.duration));
      }).observe({ type: 'event', durationThreshold: 16, buffered: true });
    });
    // When the card shows: from the input's timestamp to the start of the frame after the one that first lays out
    // the new card's heading, per interaction: the main thread has drawn the card by then (its raster and
    // presentation come after, on other threads). INP times the first paint after the input, whatever it shows;
    // this times the card the reader asked for, the same way on every page.
    await page.evaluate((sel) => {
      window.__cardMs = [];
      const heading = () => [...document.querySelectorAll(sel)].find((h) => h.getBoundingClientRect().width > 0);
      const watch = (e) => {
        const before = heading()?.textContent ?? null;
        const t0 = e.timeStamp;
        let n = 0;
        const f = () => {
          const h = heading();
          if (h && h.textContent !== before) requestAnimationFrame((now) => window.__cardMs.push(now - t0));
          else if (++n < 300) requestAnimationFrame(f);
        };
        requestAnimationFrame(f);
      };
      addEventListener('pointerdown', watch, true);
      addEventListener('keydown', watch, true);
    }, t.card);
    if (kind === 'next') await page.evaluate((a) => window.__benchAct(a), t.select(STOP_IDS[0]));
    await sleep(1200);
    await throttle(cdp, { cpu: CPU });
    const durations = [];
    for (let i = 0; i < INTERACTIONS; i++) {
      const seen = await page.evaluate(() => window.__inp.size);
      if (kind === 'next' && i > 0 && i % (STOP_IDS.length - 1) === 0) {
        await page.evaluate((a) => window.__benchAct(a), t.select(STOP_IDS[0])); // the last stop has no next: start again
        await sleep(1300);
      }
      if (kind === 'next') {
        await page.keyboard.press('ArrowRight');
      } else {
        const id = STOP_IDS[(i * 7 + 1) % STOP_IDS.length];
        const pt = await page.evaluate((id) => window.__benchLocate(id), id);
        if (!pt) throw new Error(`${id} has no marker`);
        if (kind === 'tap') await page.touchscreen.tap(pt[0], pt[1]);
        else await page.mouse.click(pt[0], pt[1]);
      }
      await sleep(1300); // the card, and the flight (at most 900 ms at full speed)
      const d = await page.evaluate((seen) => [...window.__inp.values()].slice(seen), seen);
      durations.push(d.length ? Math.max(...d) : 16);
      if (kind !== 'next') {
        await page.evaluate((a) => window.__benchAct(a), t.overview);
        await sleep(1300);
      }
    }
    const card = (await page.locator(t.card).first().textContent().catch(() => '')).trim();
    const shown = await page.evaluate(() => window.__cardMs);
    return { durations, shown, card, problems: page.problems.slice() };
  } finally {
    await ctx.close();
  }
}

/** How much slower a fixed JS loop runs with the CPU throttle on: checks that the throttle takes effect. */
async function throttleCheck(browser, srv) {
  const { ctx, page, cdp } = await newPage(browser, TARGETS[1]);
  await page.goto(srv.origin + TARGETS[1].mount);
  const loop = () => page.evaluate(() => { const t = performance.now(); let x = 0; for (let i = 0; i < 2e7; i++) x = (x + i * 7) % 1000003; return performance.now() - t + x * 0; });
  await loop();
  const a = median([await loop(), await loop(), await loop()]);
  await throttle(cdp, { cpu: CPU });
  const b = median([await loop(), await loop(), await loop()]);
  await ctx.close();
  return b / a;
}

// ---- 5. Lighthouse (widget only) ----

function lighthouseOnce(url, out) {
  return new Promise((resolve, reject) => {
    const bin = path.join(ROOT, 'node_modules', '.bin', 'lighthouse');
    const args = [url, '--quiet', '--output=json', `--output-path=${out}`, '--only-categories=performance,accessibility,best-practices',
      '--chrome-flags=--headless --no-sandbox --disable-gpu'];
    const p = spawn(bin, args, { env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH || '/usr/bin/chromium' }, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    p.stderr.on('data', (d) => { err += d; });
    p.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`lighthouse exited ${code}: ${err.slice(-500)}`));
      const r = JSON.parse(fs.readFileSync(out, 'utf8'));
      const score = (c) => (r.categories[c] ? Math.round(r.categories[c].score * 100) : null);
      const num = (a) => (r.audits[a] ? r.audits[a].numericValue : null);
      resolve({
        performance: score('performance'), accessibility: score('accessibility'), bestPractices: score('best-practices'),
        cls: num('cumulative-layout-shift'), fcp: num('first-contentful-paint'), lcp: num('largest-contentful-paint'), tbt: num('total-blocking-time'),
        si: num('speed-index'), version: r.lighthouseVersion, formFactor: r.configSettings.formFactor,
      });
    });
  });
}

// ---- main ----

function pkgVersion(name) {
  try { return JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version; } catch { return '?'; }
}

async function main() {
  fs.mkdirSync(SCREENS, { recursive: true });
  for (const t of TARGETS) {
    if (!fs.existsSync(path.join(t.dir, 'index.html'))) throw new Error(`${t.name}: ${path.relative(ROOT, t.dir)}/index.html is missing (build first: bench/run)`);
  }
  const started = Date.now();
  const loadStart = os.loadavg()[0];
  const srv = await serve(Object.fromEntries(TARGETS.map((t) => [t.mount, t.dir])));
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--disable-dev-shm-usage', '--enable-precise-memory-info', '--disable-extensions'],
  });
  const res = { quick: QUICK, targets: {}, problems: [] };
  const broken = [];
  try {
    res.throttleFactor = await throttleCheck(browser, srv);
    log(`CPU throttle check: a JS loop runs ${res.throttleFactor.toFixed(1)}× slower at rate ${CPU}`);
    for (const t of TARGETS) {
      log(`${t.name}: bytes and screenshots`);
      res.targets[t.name] = { bytes: await measureBytes(browser, srv, t), loads: [], deltas: [] };
    }
    // One untimed load each under the same conditions first: the first throttled load of a run is often
    // much slower (process and cache warm-up on this machine), whichever page it is.
    for (const t of TARGETS) {
      await measureLoad(browser, srv, t).then((r) => log(`${t.name}: warm-up load (not counted): map paint ${ms(r.paint)} ms`), (e) => log(`${t.name}: warm-up load failed: ${e.message}`));
    }
    // Loads interleaved (widget, leaflet, echarts, then rotated) so that drift hits all three alike.
    for (let i = 0; i < LOADS; i++) {
      for (let j = 0; j < TARGETS.length; j++) {
        const t = TARGETS[(i + j) % TARGETS.length];
        try {
          const r = await measureLoad(browser, srv, t);
          res.targets[t.name].loads.push(r);
          log(`${t.name}: load ${i + 1}/${LOADS}: map paint ${ms(r.paint)} ms, interactive ${ms(r.interactive)} ms (${r.clicks} clicks), ${kB(r.wire)} kB on the wire`);
        } catch (e) {
          broken.push(`${t.name}: load ${i + 1} failed: ${e.message}`);
          log(`${t.name}: load ${i + 1} FAILED: ${e.message}`);
        }
      }
    }
    // The complete overview on a phone, widget and Leaflet interleaved like the loads (ECharts is left out: at
    // 2.8 s on the article-sized page it is not the comparison this figure is for).
    for (let i = 0; i < LOADS; i++) {
      for (const t of i % 2 ? [...TARGETS.slice(0, 2)].reverse() : TARGETS.slice(0, 2)) {
        try {
          const r = await measurePhone(browser, srv, t);
          (res.targets[t.name].phone ??= []).push(r);
          log(`${t.name}: phone load ${i + 1}/${LOADS}: complete overview ${ms(r.complete)} ms`);
        } catch (e) {
          broken.push(`${t.name}: phone load ${i + 1} failed: ${e.message}`);
        }
      }
    }
    // First tap honoured: interleaved like the loads.
    const spots = {};
    for (const t of TARGETS) spots[t.name] = await markerSpot(browser, srv, t);
    for (let i = 0; i < LOADS; i++) {
      for (let j = 0; j < TARGETS.length; j++) {
        const t = TARGETS[(i + j) % TARGETS.length];
        try {
          const r = await measureTap(browser, srv, t, spots[t.name]);
          (res.targets[t.name].taps ??= []).push(r);
          log(`${t.name}: tap ${i + 1}/${LOADS}: card at ${ms(r.tap)} ms after ${r.taps} tap(s)`);
        } catch (e) {
          broken.push(`${t.name}: tap ${i + 1} failed: ${e.message}`);
        }
      }
    }
    for (let i = 0; i < FLY_RUNS; i++) {
      for (const t of TARGETS) {
        const r = await measureFrames(browser, srv, t);
        res.targets[t.name].deltas.push(...r.deltas);
        (res.targets[t.name].flyRuns ??= []).push(r.deltas);
        res.targets[t.name].frameProblems = r.problems;
        log(`${t.name}: fly-to run ${i + 1}/${FLY_RUNS}: ${r.deltas.length} frames, p95 ${pct(r.deltas, 95).toFixed(1)} ms`);
      }
    }
    // The same flights with the machine busy: a CPU burner pinned to the second core (issue #14), the widget
    // and the Leaflet page in turn (ECharts drops frames even when idle).
    if (!QUICK) {
      for (let i = 0; i < FLY_RUNS; i++) {
        for (const t of TARGETS.slice(0, 2)) {
          const burner = busyCore();
          try {
            const r = await measureFrames(browser, srv, t);
            (res.targets[t.name].busyRuns ??= []).push(r.deltas);
            log(`${t.name}: fly-to run ${i + 1}/${FLY_RUNS}, second core busy: ${r.deltas.length} frames, p95 ${pct(r.deltas, 95).toFixed(1)} ms`);
          } finally {
            burner.kill();
          }
        }
      }
    }
    for (const t of TARGETS) {
      const h = await measureHeap(browser, srv, t);
      res.targets[t.name].heap = h;
      log(`${t.name}: JS heap ${kB(h.afterLoad.heap)} kB after load, ${kB(h.after.heap)} kB after ${STOP_CHANGES} stop changes`);
      if (!h.lastCard) broken.push(`${t.name}: no card after the stop changes`);
    }
    for (const [t, kind] of [[TARGETS[0], 'click'], [TARGETS[0], 'next'], [TARGETS[1], 'click'], [TARGETS[0], 'tap'], [TARGETS[1], 'tap']]) {
      try {
        const r = await measureInp(browser, srv, t, kind);
        (res.targets[t.name].inp ??= {})[kind] = r.durations;
        (res.targets[t.name].cardShown ??= {})[kind] = r.shown;
        res.problems.push(...r.problems.map((p) => `${t.name}: ${p}`));
        log(`${t.name}: interaction to next paint, ${kind}: p75 ${ms(pct(r.durations, 75))} ms, p95 ${ms(pct(r.durations, 95))} ms over ${r.durations.length} (last card: ${r.card})`);
      } catch (e) {
        broken.push(`${t.name}: interaction to next paint (${kind}) failed: ${e.message}`);
      }
    }
    res.chromium = browser.version();
  } finally {
    await browser.close();
  }
  if (LIGHTHOUSE) {
    res.lighthouse = [];
    for (let i = 0; i < LH_RUNS; i++) {
      log(`lighthouse ${i + 1}/${LH_RUNS} (mobile) on the widget`);
      try {
        res.lighthouse.push(await lighthouseOnce(srv.origin + '/widget/', path.join(CACHE, `lighthouse-${i + 1}.json`)));
      } catch (e) {
        broken.push(`lighthouse: ${e.message}`);
      }
    }
  }
  await srv.close();
  for (const t of TARGETS) {
    const r = res.targets[t.name];
    for (const p of [...r.bytes.problems, ...r.loads.flatMap((l) => l.problems), ...(r.taps || []).flatMap((l) => l.problems), ...(r.phone || []).flatMap((l) => l.problems), ...(r.heap ? r.heap.problems : [])]) res.problems.push(`${t.name}: ${p}`);
    if (!r.loads.length) broken.push(`${t.name}: no successful load`);
  }
  try {
    res.floor = JSON.parse(fs.readFileSync(path.join(CACHE, 'floor.json'), 'utf8'));
  } catch {
    res.floor = null; // measure.mjs run without bench/run: no floor figure
  }
  res.seconds = (Date.now() - started) / 1000;
  res.loadavg = [loadStart, os.loadavg()[0]];
  res.broken = broken;
  return res;
}

// ---- report ----

function machine(res) {
  let commit = '?';
  try { commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim(); } catch {}
  const wasm = fs.readdirSync(TARGETS[0].dir).find((f) => f.endsWith('.wasm')) || '?';
  return {
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    nproc: os.availableParallelism ? os.availableParallelism() : os.cpus().length,
    cpu: os.cpus()[0] ? os.cpus()[0].model.trim() : '?',
    memGB: (os.totalmem() / 1e9).toFixed(1),
    chromium: res.chromium,
    node: process.version,
    commit,
    wasm,
    versions: { leaflet: pkgVersion('leaflet'), echarts: pkgVersion('echarts'), lighthouse: pkgVersion('lighthouse'), 'playwright-core': pkgVersion('playwright-core') },
  };
}

/** For the Leaflet target: how much of the Leaflet page's weight a bare Yew app takes, and what is left. */
function leafletFloor(floor, Lf, est) {
  if (!floor) return '';
  const left = Lf.bytes.total.gzip - floor.total.gzip;
  return `; a bare Yew app (bench/floor) is ${kB(floor.total.gzip)} of the Leaflet page's ${kB(Lf.bytes.total.gzip)} kB, leaving ${kB(left)} kB for everything else, of which the widget's bundled base maps and content alone take ≈ ${kB(est.basemap.gzip + est.data.gzip)} kB`;
}

function report(res) {
  const W = res.targets.widget;
  const Lf = res.targets.leaflet;
  const E = res.targets.echarts;
  const est = W.bytes.estimate;
  const m = res.machine;
  const echartsFile = (() => { try { return JSON.parse(fs.readFileSync(path.join(CACHE, 'peers', 'build.json'), 'utf8')).echarts.file; } catch { return '?'; } })();
  const rows = [];
  const row = (label, w, l, e, fmt, note = '') => rows.push(`| ${label} | ${fmt(w)}${note} | ${fmt(l)} | ${fmt(e)} | ${ratio(w, l)} | ${ratio(w, e)} |`);
  const rowEst = (label, k, part) => rows.push(`| ${label} | ≈ ${kB(est[part][k])} † | ${kB(Lf.bytes.parts[part][k])} | ${kB(E.bytes.parts[part][k])} | — | — |`);
  for (const k of ['gzip', 'brotli']) {
    row(`code (js+wasm+css+html), ${k}, kB`, W.bytes.parts.code[k], Lf.bytes.parts.code[k], E.bytes.parts.code[k], kB);
    rowEst(`base map, ${k}, kB`, k, 'basemap');
    rowEst(`data, ${k}, kB`, k, 'data');
    row(`**total transfer, ${k}, kB**`, W.bytes.total[k], Lf.bytes.total[k], E.bytes.total[k], kB);
  }
  row('total, uncompressed, kB', W.bytes.total.raw, Lf.bytes.total.raw, E.bytes.total.raw, kB);
  const loads = (x, k) => x.loads.map((l) => l[k]).filter(Number.isFinite);
  // A timing cell: the median, and the min–max when there is more than one.
  const timed = (v) => `${ms(median(v))}${v.length > 1 ? ` (${ms(Math.min(...v))}–${ms(Math.max(...v))})` : ''}`;
  const rowT = (label, k) => rows.push(`| ${label} | ${timed(loads(W, k))} | ${timed(loads(Lf, k))} | ${timed(loads(E, k))} | ${ratio(median(loads(W, k)), median(loads(Lf, k)))} | ${ratio(median(loads(W, k)), median(loads(E, k)))} |`);
  const n = Math.min(W.loads.length, Lf.loads.length, E.loads.length);
  rowT(`**first map paint, ms** (median of ${n}, min–max)`, 'paint');
  rowT('**complete overview (every route and marker painted), ms**', 'complete');
  const phone = (x) => (x.phone || []).map((r) => r.complete).filter(Number.isFinite);
  rows.push(`| **complete overview on a phone (390×844), ms** | ${timed(phone(W))} | ${timed(phone(Lf))} | — | ${ratio(median(phone(W)), median(phone(Lf)))} | — |`);
  rowT('**interactive (marker click opens card), ms**', 'interactive');
  const taps = (x) => (x.taps || []).map((r) => r.tap).filter(Number.isFinite);
  const tapCount = (x) => { const v = (x.taps || []).map((r) => r.taps); return v.length ? `, ${median(v)} tap${median(v) === 1 ? '' : 's'}` : ''; };
  rows.push(`| **first tap honoured (tap at 300 ms, again every 150 ms, until the card shows), ms** | ${timed(taps(W))}${tapCount(W)} | ${timed(taps(Lf))}${tapCount(Lf)} | ${timed(taps(E))}${tapCount(E)} | ${ratio(median(taps(W)), median(taps(Lf)))} | ${ratio(median(taps(W)), median(taps(E)))} |`);
  rowT('first contentful paint, ms', 'fcp');
  row('bytes on the wire per load (brotli + headers), kB', median(loads(W, 'wire')), median(loads(Lf, 'wire')), median(loads(E, 'wire')), kB);
  const f = (x, p) => pct(x.deltas, p);
  const fmtF = (v) => (Number.isFinite(v) ? v.toFixed(1) : '—');
  row('fly-to frame p50, ms', f(W, 50), f(Lf, 50), f(E, 50), fmtF);
  row('**fly-to frame p95, ms**', f(W, 95), f(Lf, 95), f(E, 95), fmtF);
  row('fly-to frame max, ms', f(W, 100), f(Lf, 100), f(E, 100), fmtF);
  row('fly-to frames recorded', W.deltas.length, Lf.deltas.length, E.deltas.length, (v) => String(v));
  // Each run's p95 on its own: the target is one frame in every run, and pooling would hide a bad run.
  const perRun = (runs) => (runs && runs.length ? runs.map((d) => fmtF(pct(d, 95))).join(', ') : '—');
  const worst = (runs) => (runs && runs.length ? Math.max(...runs.map((d) => pct(d, 95))) : NaN);
  const frames = (runs) => (runs || []).reduce((n, d) => n + d.length, 0);
  rows.push(`| **fly-to frame p95 per run, ms** | ${perRun(W.flyRuns)} | ${perRun(Lf.flyRuns)} | ${perRun(E.flyRuns)} | ${ratio(worst(W.flyRuns), worst(Lf.flyRuns))} | ${ratio(worst(W.flyRuns), worst(E.flyRuns))} |`);
  if (W.busyRuns) {
    rows.push(`| **fly-to frame p95 per run, second core busy (a CPU burner), ms** | ${perRun(W.busyRuns)} | ${perRun(Lf.busyRuns)} | — | ${ratio(worst(W.busyRuns), worst(Lf.busyRuns))} | — |`);
    rows.push(`| fly-to frames recorded, second core busy | ${frames(W.busyRuns)} | ${frames(Lf.busyRuns)} | — | ${ratio(frames(W.busyRuns), frames(Lf.busyRuns))} | — |`);
  }
  const inp = (x, kind, p) => (x.inp && x.inp[kind] ? pct(x.inp[kind], p) : NaN);
  const inpN = (kind) => (W.inp && W.inp[kind] ? W.inp[kind].length : 0);
  row(`**interaction to next paint, marker click, p75, ms** (${inpN('click')} clicks)`, inp(W, 'click', 75), inp(Lf, 'click', 75), NaN, ms);
  row('**interaction to next paint, marker click, p95, ms**', inp(W, 'click', 95), inp(Lf, 'click', 95), NaN, ms);
  row(`interaction to next paint, → (next stop's card), p75, ms (${inpN('next')} presses)`, inp(W, 'next', 75), NaN, NaN, ms);
  row('**interaction to next paint, → (next stop\'s card), p95, ms**', inp(W, 'next', 95), NaN, NaN, ms);
  row(`interaction to next paint, a tap on a stop's marker on a phone (390×844, touch), p75, ms (${inpN('tap')} taps)`, inp(W, 'tap', 75), inp(Lf, 'tap', 75), NaN, ms);
  row('**interaction to next paint, a tap on a phone, p95, ms**', inp(W, 'tap', 95), inp(Lf, 'tap', 95), NaN, ms);
  const shown = (x, kind, p) => (x.cardShown && x.cardShown[kind] && x.cardShown[kind].length ? pct(x.cardShown[kind], p) : NaN);
  for (const [kind, what] of [['click', 'a marker click'], ['next', '→'], ['tap', 'a tap on a phone']]) {
    row(`card shown after ${what}, p50 / p75, ms`, shown(W, kind, 50), shown(Lf, kind, 50), NaN, ms, ` / ${ms(shown(W, kind, 75))}`);
  }
  row('JS heap after load, kB', W.heap.afterLoad.heap, Lf.heap.afterLoad.heap, E.heap.afterLoad.heap, kB);
  row(`**JS heap after ${STOP_CHANGES} stop changes, kB**`, W.heap.after.heap, Lf.heap.after.heap, E.heap.after.heap, kB);
  rows.push(`| wasm linear memory (not in JS heap), kB | ${W.heap.after.wasm ? kB(W.heap.after.wasm) : '—'} | — | — | — | — |`);
  row(`DOM elements after ${STOP_CHANGES} stop changes`, W.heap.after.nodes, Lf.heap.after.nodes, E.heap.after.nodes, (v) => String(v));

  const lh = res.lighthouse && res.lighthouse.length ? res.lighthouse : null;
  const lhMed = lh ? Object.fromEntries(['performance', 'accessibility', 'bestPractices', 'cls', 'fcp', 'lcp', 'tbt', 'si'].map((k) => [k, median(lh.map((r) => r[k]))])) : null;

  const gz = (x) => x.bytes.total.gzip;
  const paint = (x) => median(loads(x, 'paint'));
  const yes = (c) => (c ? '**yes**' : '**no**');
  const targets = [
    [`total transfer ≤ 150 kB gzip`, gz(W) <= 150000, `${kB(gz(W))} kB`],
    [`bytes ≤ 0.5× the ECharts page (gzip)`, gz(W) <= 0.5 * gz(E), `${ratio(gz(W), gz(E))}`],
    [`bytes ≤ 1.0× the Leaflet page (gzip)`, gz(W) <= gz(Lf), `${ratio(gz(W), gz(Lf))}${leafletFloor(res.floor, Lf, est)}`],
    [`first map paint no slower than either peer (4× CPU, slow 4G)`, paint(W) <= paint(Lf) && paint(W) <= paint(E), `${ms(paint(W))} ms vs ${ms(paint(Lf))} / ${ms(paint(E))} ms`],
    [`complete overview ≤ 0.5× the Leaflet page's first marker paint`, median(loads(W, 'complete')) <= 0.5 * median(loads(Lf, 'complete')), `${ms(median(loads(W, 'complete')))} ms vs ${ms(median(loads(Lf, 'complete')))} ms (${ratio(median(loads(W, 'complete')), median(loads(Lf, 'complete')))})`],
    [`first tap honoured no later than on the Leaflet page`, median(taps(W)) <= median(taps(Lf)), `${ms(median(taps(W)))} ms vs ${ms(median(taps(Lf)))} ms`],
    // rAF timestamps on the 60 Hz clock jitter by a few tenths of a ms, so one frame reads 16.6–16.9 ms (peers
    // included); a dropped frame reads 33.3. The target is one frame: 16.7 ms, with 1 ms for that jitter.
    [`fly-to p95 frame ≤ 16.7 ms, one 60 Hz frame, in every run (4× CPU; ±1 ms timestamp jitter)`, worst(W.flyRuns) <= 16.7 + 1, `${perRun(W.flyRuns)} ms`],
    ...(W.busyRuns ? [[`the same with the second core busy`, worst(W.busyRuns) <= 16.7 + 1, `${perRun(W.busyRuns)} ms (Leaflet ${perRun(Lf.busyRuns)} ms)`]] : []),
    [`interaction to next paint p95 ≤ 100 ms, marker click and → (4× CPU)`, Math.max(inp(W, 'click', 95), inp(W, 'next', 95)) <= 100,
      `click ${ms(inp(W, 'click', 95))} ms (Leaflet ${ms(inp(Lf, 'click', 95))} ms), → ${ms(inp(W, 'next', 95))} ms`],
  ];
  if (lhMed) {
    targets.push([`Lighthouse mobile performance ≥ 95`, lhMed.performance >= 95, `${lhMed.performance}`]);
    targets.push([`CLS 0`, lhMed.cls === 0, `${Number(lhMed.cls.toFixed(4))}`]);
  }

  const md = [];
  md.push(`# Benchmark results: county-tour widget vs Leaflet and ECharts`);
  md.push('');
  md.push(`${res.quick ? '**Quick run** (`bench/run --quick`: one load each, short flights, no Lighthouse; timings are indicative only).' : 'Full run (`bench/run`).'} Written by \`bench/run\`; see bench/README.md for what each figure means.`);
  md.push('');
  md.push(`- date: ${m.date}`);
  md.push(`- machine: ${m.nproc} CPUs (nproc), ${m.cpu}, ${m.memGB} GB RAM; ${os.type()} ${os.release()}`);
  md.push(`- browser: headless Chromium ${m.chromium} (/usr/bin/chromium via playwright-core ${m.versions['playwright-core']}), ${VIEWPORT.width}×${VIEWPORT.height}; Node ${m.node}`);
  md.push(`- widget: dist/ built by \`tools/build\` (\`trunk build --release\` with the release wasm's size recipe) from commit ${m.commit} plus the working tree at run time (${m.wasm}), measured from a snapshot copy`);
  md.push(`- peers: Leaflet ${m.versions.leaflet}; ECharts ${m.versions.echarts} (\`dist/${echartsFile}\`, the smallest official prebuilt file with geo + lines); same base map (GeoJSON from assets/basemap.json) and assets/tour.json`);
  md.push(`- conditions for load timings: CPU throttled ${CPU}× (measured: a JS loop ran ${res.throttleFactor.toFixed(1)}× slower), network ${NET.latency} ms latency, ${(NET.downloadThroughput * 8 / 1024 / 1024).toFixed(1)} Mbit/s down, ${Math.round(NET.uploadThroughput * 8 / 1024)} kbit/s up; each load in a fresh browser context (cold cache); files served brotli-compressed like a production host`);
  md.push(`- run time: ${Math.round(res.seconds)} s; 1-minute load average ${res.loadavg ? res.loadavg.map((x) => x.toFixed(1)).join(' at the start, ') + ' at the end' : '?'} (on ${m.nproc} CPUs: above ~${m.nproc} other work was competing and timings are noisier)`);
  md.push('');
  md.push(`| figure | widget | Leaflet | ECharts | widget / Leaflet | widget / ECharts |`);
  md.push(`|---|---:|---:|---:|---:|---:|`);
  md.push(...rows);
  md.push('');
  md.push(`kB = 1000 bytes. Transfer sizes are each file the page fetched (during load, a marker click and a fly-to), compressed by Node's zlib (gzip level 9, brotli quality 11), HTTP headers not included. `
    + `† The widget fetches no data: the base maps (${est.bundled ? est.bundled.filter((n) => /basemap/.test(n)).join(' + ') : 'assets/*basemap*.json'}) and the content (${est.bundled ? est.bundled.filter((n) => !/basemap/.test(n)).join(' + ') : 'assets/tour.json'}) are built into the page (the wasm's include_str! calls; the outlines of assets/basemap.json travel in index.html, whose first frame draws them before the wasm arrives, and the wasm reads them from there), so its whole transfer is counted as code; `
    + `the † figures estimate that bundled share by compressing the raw JSON assets alone, and are already included in the code row (not additive). `
    + `The peers fetch the base map as GeoJSON (lon/lat, 3 decimals) and assets/tour.json unchanged; they draw only the six layers of assets/basemap.json: not the Hunan inset, other detail layers or the base-map labels the widget has.`);
  md.push('');
  md.push(`Load timings are the median (min–max) over ${LOADS} load${LOADS > 1 ? 's' : ''} per page, measured from navigation start. Frame times are rAF intervals during a fly-to from the overview to 梁溪区 and back (${FLY_MS} ms recorded per flight, ${FLY_RUNS} run${FLY_RUNS > 1 ? 's' : ''}, CPU ${CPU}×${res.quick ? '' : `; then as many runs of the widget and the Leaflet page with the second core busy: a \`node\` busy loop pinned to it with \`taskset -c 1\``}). Heap: \`performance.memory.usedJSHeapSize\` after a forced GC; the widget's wasm linear memory is outside that figure and listed separately. `
    + `Interaction to next paint: Event Timing's duration (input to the next frame painted, in 8 ms steps) of the longest event in each interaction, at ${CPU}× CPU on a settled page: a click on a stop's marker from the overview, → from one stop to the next, and a finger's tap on a stop's marker on a phone (390×844, touch emulation); Chromium reports only events of 16 ms or more, so "16" means at most 16. Card shown: for the same interactions, from the input to the start of the frame after the one that first lays out the new card's heading (the main thread has drawn the card by then; its raster and presentation follow, so the card appears a little later than this, and INP's end can be later too); the Leaflet column is its p50.`);
  md.push('');
  if (lh) {
    md.push(`## Lighthouse ${lh[0].version} on the widget (mobile, simulated throttling; median of ${lh.length})`);
    md.push('');
    md.push(`| performance | accessibility | best practices | CLS | FCP, ms | LCP, ms | TBT, ms | Speed Index, ms |`);
    md.push(`|---:|---:|---:|---:|---:|---:|---:|---:|`);
    md.push(`| ${lhMed.performance} | ${lhMed.accessibility} | ${lhMed.bestPractices} | ${Number(lhMed.cls.toFixed(4))} | ${ms(lhMed.fcp)} | ${ms(lhMed.lcp)} | ${ms(lhMed.tbt)} | ${ms(lhMed.si)} |`);
    md.push('');
    md.push(`Each run: ${lh.map((r) => `perf ${r.performance} / a11y ${r.accessibility} / bp ${r.bestPractices} / CLS ${Number(r.cls.toFixed(4))}`).join('; ')}.`);
    md.push('');
  }
  md.push(`## Targets`);
  md.push('');
  md.push(`| target | met | measured |`);
  md.push(`|---|---|---|`);
  for (const [label, ok, v] of targets) md.push(`| ${label} | ${yes(ok)} | ${v} |`);
  md.push('');
  md.push(`## Where the widget's bytes go`);
  md.push('');
  md.push(`| file | kind | raw, kB | gzip, kB | brotli, kB |`);
  md.push(`|---|---|---:|---:|---:|`);
  for (const x of W.bytes.files) md.push(`| ${x.file} | ${x.cat} | ${kB(x.raw)} | ${kB(x.gzip)} | ${kB(x.brotli)} |`);
  md.push(`| ↳ of which base map (estimate) † | | ${kB(est.basemap.raw)} | ${kB(est.basemap.gzip)} | ${kB(est.basemap.brotli)} |`);
  md.push(`| ↳ of which data (estimate) † | | ${kB(est.data.raw)} | ${kB(est.data.gzip)} | ${kB(est.data.brotli)} |`);
  if (est.wasm) {
    for (const [k, label] of [['code', 'code section (compiled Rust: Yew, the app, the standard library)'], ['data', 'data section (static data: bundled JSON, strings)'], ['other', 'other sections (types, imports, exports, tables)']]) {
      const c = est.wasm.sections[k];
      if (c) md.push(`| ↳ wasm ${label}, each compressed alone | | ${kB(c.raw)} | ${kB(c.gzip)} | ${kB(c.brotli)} |`);
    }
  }
  const wasmRow = W.bytes.files.find((x) => x.file.endsWith('.wasm'));
  md.push('');
  if (wasmRow) md.push(`The wasm is ${Math.round((100 * wasmRow.gzip) / W.bytes.total.gzip)}% of the widget's gzip transfer. Without any bundled JSON (the † estimates) the widget would still be about ${kB(W.bytes.total.gzip - est.basemap.gzip - est.data.gzip)} kB gzip.`);
  md.push('');
  if (res.floor) {
    const fl = res.floor;
    md.push(`Yew's floor: a Yew counter app (bench/floor) built exactly like the widget is ${kB(fl.total.gzip)} kB gzip (wasm ${kB(fl.wasm.gzip)}, glue ${kB(fl.glue.gzip)}; brotli ${kB(fl.total.brotli)}), ${Math.round((100 * fl.total.gzip) / W.bytes.total.gzip)}% of the widget's transfer. Any Yew page pays it before its own code and data; the widget's map, cards, camera, presenter mode, printing, embedding and its bundled content and base maps are the other ${kB(W.bytes.total.gzip - fl.total.gzip)} kB.`);
    md.push('');
  }
  if (est.onDemand?.length) {
    const sum = est.onDemand.reduce((a, x) => a + x.gzip, 0);
    md.push(`Not fetched in these steps, so not counted above: the presenter's QR code, the export and the Hunan inset's outlines, in a second wasm loaded on first use (${est.onDemand.map((x) => `${x.file} ${kB(x.gzip)}`).join(', ')}; ${kB(sum)} kB gzip in all)${est.english ? `; and the content's English (${est.english.file}, ${kB(est.english.gzip)} kB gzip), which a reader who switches to English fetches once (en.html carries it inline)` : ''}.`);
    md.push('');
  }
  for (const [name, x] of [['Leaflet', Lf], ['ECharts', E]]) {
    md.push(`${name} page files: ${x.bytes.files.map((y) => `${y.file} ${kB(y.gzip)}`).join(', ')} (kB gzip).`);
    md.push('');
  }
  if (res.problems.length) {
    md.push(`## Console errors and page errors seen`);
    md.push('');
    for (const p of [...new Set(res.problems)]) md.push(`- ${p}`);
    md.push('');
  }
  if (res.broken.length) {
    md.push(`## Failures`);
    md.push('');
    for (const p of res.broken) md.push(`- ${p}`);
    md.push('');
  }
  return { md: md.join('\n'), targets };
}

// --report-only: write the report again from the last run's raw results (bench/.cache/results*.json).
const rawFile = path.join(CACHE, QUICK ? 'results.quick.json' : 'results.json');
let res;
if (argv.includes('--report-only')) {
  res = JSON.parse(fs.readFileSync(rawFile, 'utf8'));
} else {
  res = await main().catch((e) => { console.error('[bench] broken:', e.stack || e.message); process.exit(2); });
  res.machine = machine(res);
  fs.writeFileSync(rawFile, JSON.stringify(res, null, 2));
}
const { md, targets } = report(res);
const out = QUICK ? path.join(CACHE, 'RESULTS.quick.md') : path.join(BENCH, 'RESULTS.md');
fs.writeFileSync(out, md + '\n');
console.log(md);
console.error(`[bench] wrote ${path.relative(ROOT, out)}; screenshots in target/screens/bench-*.png`);
if (res.broken.length) {
  console.error(`[bench] BROKEN:\n  ${res.broken.join('\n  ')}`);
  process.exit(1);
}
if (argv.includes('--strict') && targets.some(([, ok]) => !ok)) {
  console.error('[bench] --strict: a target is not met');
  process.exit(3);
}
