// Headless Chromium (Debian's) through playwright-core, with helpers that collect every error a page shows.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import { root } from './server.mjs';

export const shotsDir = path.join(root, 'target', 'screens');
fs.mkdirSync(shotsDir, { recursive: true });

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

export const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
// A 360 px Android phone: its map is under 364 px, the narrowest band's marker set (src/layout.rs BANDS).
export const SMALL_PHONE = { viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
export const ARTICLE = { viewport: { width: 1280, height: 800 } };
export const PROJECTOR = { viewport: { width: 1920, height: 1080 } };

/** A new page that records console errors, warnings and page errors into `page.problems`. */
export async function openPage(browser, options = ARTICLE) {
  const ctx = await browser.newContext(options);
  const page = await ctx.newPage();
  page.problems = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') page.problems.push(`${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => page.problems.push(`pageerror: ${e.message}`));
  return page;
}

/** Wait until the app (not the prerendered first paint, #ct-first) has drawn its stops or the Hunan view,
 *  on the widget's own page or in the shadow root an inline mount (embed.js) renders into, and has laid out the
 *  first paint's cards once (`.ct-warm`, src/web.rs warm_text: hidden copies of every card, for a few frames). */
export async function appReady(page) {
  await page.waitForFunction(() => {
    const host = document.getElementById('county-tour');
    const scope = host?.shadowRoot || document;
    return !scope.getElementById('ct-first') && !scope.querySelector('.ct-warm')
      && scope.querySelector('.ct-root [data-stop], .ct-root .ct-hunan-panel');
  }, null, { timeout: 15000 });
}

/** Go to a URL and wait until the widget has drawn its stops. */
export async function load(page, url) {
  await page.goto(url);
  await appReady(page);
  await page.waitForTimeout(100);
}

/**
 * Each stop's own tappable area in px², as a finger finds it: the points of the stop's box (its link's
 * bounding box, hit target included) where `elementFromPoint` is that stop, on a 1 px grid. Only the
 * stops shown in `scope` (the prerendered page shows one marker set per width band).
 */
export function tapAreas(page, scope) {
  return page.evaluate((scope) => {
    const out = {};
    for (const a of document.querySelectorAll(`${scope} [data-stop]`)) {
      const r = a.getBoundingClientRect();
      if (!r.width || getComputedStyle(a).display === 'none' || !a.getClientRects().length) continue;
      let n = 0;
      for (let y = Math.floor(r.top); y < r.bottom; y++) {
        for (let x = Math.floor(r.left); x < r.right; x++) {
          if (document.elementFromPoint(x + 0.5, y + 0.5)?.closest('[data-stop]') === a) n++;
        }
      }
      out[a.dataset.stop] = n;
    }
    return out;
  }, scope);
}

export async function shot(page, name) {
  await page.waitForTimeout(1000); // let a fly-to finish
  await page.screenshot({ path: path.join(shotsDir, `${name}.png`) });
}

export const cardTitle = (page) => page.locator('#ct-card-h').textContent();

/** The card's heading once it reads `want` (Yew renders a tick after an event), or whatever it reads after 3 s. */
/** The address's hash once it reads `want` (up to 3 s), else as it is: the address follows the view in an
 *  effect after the render, so a test reads it once it has settled. `page` may be a frame. */
export async function hashBecomes(page, want) {
  await page.waitForFunction((h) => location.hash === h, want, { timeout: 3000 }).catch(() => {});
  return page.evaluate(() => location.hash);
}

export async function titleBecomes(page, want) {
  await page.waitForFunction((t) => {
    const scope = document.getElementById('county-tour')?.shadowRoot || document;
    return scope.querySelector('#ct-card-h')?.textContent === t;
  }, want, { timeout: 3000 }).catch(() => {});
  return cardTitle(page);
}

/** Hold the wasm download until `release()`, as a slow network would; resolves `asked` when requested. */
export async function holdWasm(page) {
  let release;
  let requested;
  const gate = new Promise((r) => { release = r; });
  const asked = new Promise((r) => { requested = r; });
  await page.route(/county-tour-[0-9a-f]+_bg\.wasm$/, async (route) => { requested(); await gate; await route.continue(); });
  return { release, asked };
}
