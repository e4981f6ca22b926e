// Soak: 2,000 seeded random reader actions without waiting for animations. No error, no warning, and the
// JS heap after garbage collection ends within 20% of where it stood after the first 100 actions.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { mulberry32 } from './random.mjs';
import { serve } from './server.mjs';
import { load } from './browser.mjs';

const SIZES = [{ width: 390, height: 844 }, { width: 1280, height: 800 }, { width: 1920, height: 1080 }];
const ACTIONS = Number(process.env.SOAK_ACTIONS) || 2000;
const SEED = 0x7ac0;

let server, browser;
before(async () => {
  server = await serve({ mount: '/news/2025/tour/' });
  // As browser.mjs launches it, plus precise performance.memory (otherwise bucketed and cached for 20 minutes).
  browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage', '--enable-precise-memory-info'],
  });
});
after(async () => { await browser?.close(); await server?.close(); });

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));


/** Reader actions on the page's own elements, run in the page one after another with a few ms between. */
function domActions(steps) {
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  const swipe = (dx) => {
    const el = document.querySelector('.ct-card');
    if (!el) return;
    const r = el.getBoundingClientRect();
    const x = r.left + r.width / 2, y = r.top + Math.min(r.height / 2, 120);
    const touch = (cx, cy) => new Touch({ identifier: 1, target: el, clientX: cx, clientY: cy });
    const fire = (type, t) => el.dispatchEvent(new TouchEvent(type, { bubbles: true, cancelable: true, touches: type === 'touchend' ? [] : [t], changedTouches: [t] }));
    fire('touchstart', touch(x, y));
    fire('touchmove', touch(x + dx / 2, y));
    fire('touchend', touch(x + dx, y));
  };
  const pickFrom = (sel, r) => { const els = document.querySelectorAll(sel); return els[Math.floor(r * els.length)]; };
  return (async () => {
    for (const { kind, r, delay } of steps) {
      switch (kind) {
        case 'stop': pickFrom('[data-stop]', r)?.dispatchEvent(new MouseEvent('click', { bubbles: true })); break;
        case 'tab': pickFrom('.ct-tab', r)?.click(); break;
        case 'prev': case 'next': document.querySelector(`.ct-card .ct-${kind}`)?.click(); break;
        case 'swipe': swipe(r < 0.5 ? -160 : 160); break;
        case 'lang': document.querySelector('.ct-lang')?.click(); break;
        case 'present': document.querySelector('.ct-present-btn')?.click(); break;
        default: throw new Error(kind);
      }
      await sleep(delay);
    }
  })();
}

const KEYS = ['ArrowLeft', 'ArrowRight', 'Escape', 'p', '1', '2', '3', 'b'];

/** Run `steps`: keys as real key presses and resizes of the viewport from outside, runs of the rest in the page. */
async function run(page, steps) {
  for (let i = 0; i < steps.length;) {
    const { kind, r, delay } = steps[i];
    if (kind === 'key' || kind === 'resize') {
      if (kind === 'key') await page.keyboard.press(KEYS[Math.floor(r * KEYS.length)]);
      else await page.setViewportSize(SIZES[Math.floor(r * SIZES.length)]);
      await sleep(delay);
      i++;
      continue;
    }
    let j = i;
    while (j < steps.length && steps[j].kind !== 'key' && steps[j].kind !== 'resize') j++;
    await page.evaluate(domActions, steps.slice(i, j));
    i = j;
  }
}

const KINDS = [['stop', 20], ['tab', 10], ['prev', 8], ['next', 12], ['key', 25], ['swipe', 8], ['resize', 6], ['lang', 5], ['present', 6]];
const TOTAL = KINDS.reduce((s, [, w]) => s + w, 0);
function pickKind(rnd) {
  let x = rnd() * TOTAL;
  for (const [k, w] of KINDS) if ((x -= w) < 0) return k;
  return 'key';
}

/** Back to the same screen (article size, Chinese, no presenter, overview), settled, then the heap after GC. */
async function settledHeap(page, cdp) {
  await page.setViewportSize(SIZES[1]);
  await page.evaluate(() => {
    if (document.querySelector('.ct-root.present')) document.querySelector('.ct-present-btn').click();
  });
  await page.waitForTimeout(50);
  await page.evaluate(() => {
    if (document.documentElement.lang === 'en') document.querySelector('.ct-lang').click();
  });
  await page.evaluate(() => { location.hash = '#/'; });
  await page.waitForSelector('.ct-overview');
  await page.waitForTimeout(1500); // flights and transitions end, timers fire
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
  const heap = await page.evaluate(() => performance.memory.usedJSHeapSize);
  const { result } = await cdp.send('Runtime.evaluate', { expression: 'window' });
  const onWindow = (await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId })).listeners.length;
  const { result: d } = await cdp.send('Runtime.evaluate', { expression: 'document' });
  const onDocument = (await cdp.send('DOMDebugger.getEventListeners', { objectId: d.objectId })).listeners.length;
  const nodes = await page.evaluate(() => document.getElementsByTagName('*').length);
  return { heap, onWindow, onDocument, nodes };
}

test(`soak: ${ACTIONS} random actions leave no error and no growing heap`, async () => {
  const ctx = await browser.newContext({ viewport: SIZES[1], hasTouch: true });
  const page = await ctx.newPage();
  page.problems = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') page.problems.push(`${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => page.problems.push(`pageerror: ${e.message}`));
  const cdp = await ctx.newCDPSession(page);
  await load(page, server.url + '#/');

  const rnd = mulberry32(SEED);
  const steps = Array.from({ length: ACTIONS }, () => ({ kind: pickKind(rnd), r: rnd(), delay: 2 + Math.floor(rnd() * 6) }));
  const counts = {};
  for (const { kind } of steps) counts[kind] = (counts[kind] ?? 0) + 1;
  const t0 = Date.now();
  let early;
  // In slices of 50, so that a problem is pinned to the actions that caused it.
  for (let i = 0; i < ACTIONS; i += 50) {
    await run(page, steps.slice(i, i + 50));
    if (page.problems.length) assert.fail(`in actions ${i}–${i + 49}: ${page.problems.join('\n')}`);
    if (i + 50 === 100) early = await settledHeap(page, cdp);
  }
  const late = await settledHeap(page, cdp);
  const secs = (Date.now() - t0) / 1000;
  const growth = (late.heap - early.heap) / early.heap;
  const mb = (b) => (b / 1048576).toFixed(2);
  console.log(`# soak: ${ACTIONS} actions in ${secs.toFixed(1)} s ${JSON.stringify(counts)}; heap ${mb(early.heap)} → ${mb(late.heap)} MB (${(growth * 100).toFixed(1)}%); listeners window ${early.onWindow}→${late.onWindow}, document ${early.onDocument}→${late.onDocument}; elements ${early.nodes}→${late.nodes}`);
  assert.ok(Math.abs(growth) <= 0.2, `heap ${mb(early.heap)} → ${mb(late.heap)} MB`);
  assert.ok(late.onWindow <= early.onWindow && late.onDocument <= early.onDocument, 'no listeners pile up on window or document');
  assert.equal(late.nodes, early.nodes, 'the same screen has the same number of elements');
  assert.equal(await page.locator('.ct-error').count(), 0, 'no fallback');
  assert.deepEqual(page.problems, []);
  await ctx.close();
});
