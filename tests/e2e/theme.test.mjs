// Dark hosts: ?theme=dark, ?theme=auto (following prefers-color-scheme, also when it changes) and data-theme on
// an inline mount give the reader's dark palette; light stays the default, and the projector keeps its own.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from './server.mjs';
import { launch, openPage, load, appReady, shot, ARTICLE, PHONE } from './browser.mjs';

let server, browser;
before(async () => {
  server = await serve({ mount: '/news/2025/tour/' });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

const WHITE = 'rgb(255, 255, 255)';
const NIGHT = 'rgb(21, 24, 28)'; // NIGHT.paper, src/palette.rs
const PROJECTOR = 'rgb(11, 14, 18)'; // DARK.paper

/** The widget root's background and the colour of a route's line. */
const look = (page) => page.evaluate(() => {
  const scope = document.getElementById('county-tour')?.shadowRoot || document;
  const root = scope.querySelector('.ct-root');
  const line = scope.querySelector('.ct-route[data-group="2"] .ct-route-line');
  // color-mix() computes to color(srgb r g b) in 0..1: the same colour as rgb() in 0..255.
  const rgb = (c) => c.replace(/^color\(srgb ([\d.]+) ([\d.]+) ([\d.]+)\)$/, (_, ...v) => `rgb(${v.slice(0, 3).map((x) => Math.round(x * 255)).join(', ')})`);
  return { paper: getComputedStyle(root).backgroundColor, dark: root.classList.contains('dark'), route: line && rgb(getComputedStyle(line).stroke) };
});

test('light by default and with ?theme=light or an unknown theme; dark with ?theme=dark, routes lifted', async () => {
  const page = await openPage(browser, { ...ARTICLE, colorScheme: 'dark' });
  for (const q of ['', '?theme=light', '?theme=sepia']) {
    await load(page, `${server.url}${q}#/`);
    assert.deepEqual(await look(page), { paper: WHITE, dark: false, route: 'rgb(0, 114, 178)' }, q || 'no theme');
  }
  await load(page, `${server.url}?theme=dark#/`);
  const dark = await look(page);
  assert.equal(dark.paper, NIGHT);
  assert.equal(dark.dark, true);
  // Group 2's blue #0072B2 mixed with 35% white (NIGHT.lift): 3:1 and more on the dark land.
  assert.equal(dark.route, 'rgb(89, 163, 205)');
  await shot(page, 'theme-dark-overview');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('?theme=auto follows the reader\'s colour scheme, also when it changes while reading', async () => {
  const page = await openPage(browser, { ...PHONE, colorScheme: 'light' });
  await load(page, `${server.url}?theme=auto#/yiwu`);
  assert.equal((await look(page)).paper, WHITE);
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.waitForFunction(() => document.querySelector('.ct-root').classList.contains('dark'), null, { timeout: 3000 });
  assert.equal((await look(page)).paper, NIGHT);
  await shot(page, 'theme-auto-dark-phone-yiwu');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.waitForFunction(() => !document.querySelector('.ct-root').classList.contains('dark'), null, { timeout: 3000 });
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a dark theme does not flash the light first paint, and the projector keeps its own palette', async () => {
  const page = await openPage(browser, { ...ARTICLE, colorScheme: 'dark' });
  await page.goto(`${server.url}?theme=auto#/`);
  assert.equal(await page.evaluate(() => document.getElementById('ct-first')?.hidden ?? true), true);
  await appReady(page);
  await load(page, `${server.url}?theme=dark&present#/yiwu`);
  assert.deepEqual(await look(page).then((l) => [l.paper, l.dark]), [PROJECTOR, false]);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('inline: data-theme="dark" on the mount element', async () => {
  const page = await openPage(browser, ARTICLE);
  await page.goto(`${server.origin}/host/column.html?w=720&mount-theme=dark`);
  await appReady(page);
  assert.equal((await look(page)).paper, NIGHT);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
