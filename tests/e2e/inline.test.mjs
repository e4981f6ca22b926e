// The widget mounted inline in someone else's article (tests/e2e/pages/inline.html) through dist/embed.js:
// it renders inside the host's <div id="county-tour">, works, and leaves the host's styles and lang alone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { serve } from './server.mjs';
import { launch, openPage, load, shot, shotsDir, cardTitle, hashBecomes, appReady } from './browser.mjs';

const MOUNT = '/news/2025/tour/';
let server, browser;
before(async () => {
  server = await serve({ mount: MOUNT });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

/** Computed styles of the host's own elements that the widget must not touch. */
const hostStyles = (page) => page.evaluate(() => {
  const props = ['font-family', 'font-size', 'color', 'margin-top', 'margin-left', 'line-height', 'background-color', 'font-weight'];
  const pick = (sel) => { const cs = getComputedStyle(document.querySelector(sel)); return Object.fromEntries(props.map((p) => [p, cs.getPropertyValue(p)])); };
  return { body: pick('body'), h1: pick('h1'), p: pick('body > p'), button: pick('#host-button'), html: pick('html') };
});

test('embed.js mounts the widget in the host page without changing the host', async () => {
  // The host page as it looks without the widget (embed.js blocked).
  const bare = await openPage(browser);
  await bare.context().route(`**${MOUNT}**`, (r) => r.abort());
  await bare.goto(server.origin + '/host/inline.html');
  const before = await hostStyles(bare);
  await bare.context().close();
  assert.equal(before.body['font-family'], 'serif');
  assert.equal(before.body.color, 'rgb(10, 20, 30)');
  assert.equal(before.h1['font-size'], '40px');
  assert.equal(before.button.color, 'rgb(200, 0, 0)');

  server.requests.length = 0;
  const page = await openPage(browser);
  await load(page, server.origin + '/host/inline.html');
  assert.equal(await page.locator('#county-tour .ct-root [data-stop]').count(), 18);
  assert.equal(await page.locator('#county-tour').count(), 1);
  assert.equal(await page.locator('body > p').count(), 3, 'the article is still there');
  await page.locator('[data-stop=yiwu]').click();
  assert.equal(await cardTitle(page), '义乌市');
  assert.equal(await page.locator('#county-tour #ct-card-h').count(), 1);

  assert.deepEqual(await hostStyles(page), before);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en-GB');
  // The widget's stylesheet is inside its shadow root, not in the host page's head.
  const sheets = await page.evaluate(() => [document, document.getElementById('county-tour').shadowRoot]
    .map((scope) => [...scope.querySelectorAll('link[rel=stylesheet]')].map((l) => new URL(l.href).pathname)));
  assert.equal(sheets[0].length, 0);
  assert.equal(sheets[1].length, 1);
  assert.match(sheets[1][0], /^\/news\/2025\/tour\/style-[0-9a-f]+\.css$/);
  assert.deepEqual(page.problems, []);
  assert.ok(server.requests.every((p) => p.startsWith(MOUNT) || p.startsWith('/host/')), server.requests.join(' '));
  assert.ok(!server.requests.some((p) => /page-[0-9a-f]+\.css|index\.html|boot-/.test(p)), server.requests.join(' '));
  await page.screenshot({ path: path.join(shotsDir, 'inline-host.png'), fullPage: true }); // the whole article
  await shot(page, 'inline-host-viewport');
  await page.context().close();
});

test('in its shadow root the inline mount keeps its promises: deep link, keys only while focused, presenter, print', async () => {
  const page = await openPage(browser);
  await load(page, server.origin + '/host/inline.html#/yiwu');
  assert.equal(await cardTitle(page), '义乌市', 'the deep link in the article\'s address');
  // Keys pressed while the reader is in the article are the article's.
  await page.locator('#host-button').focus();
  await page.keyboard.press('ArrowRight');
  await page.waitForTimeout(300);
  assert.equal(await cardTitle(page), '义乌市');
  // Within the widget they move through the stops, and the article's address is never rewritten.
  await page.locator('#county-tour .ct-card-nav button').last().focus();
  await page.keyboard.press('ArrowRight');
  const moved = await page.waitForFunction(() => document.getElementById('county-tour').shadowRoot
    .querySelector('#ct-card-h')?.textContent !== '义乌市', null, { timeout: 3000 }).then(() => true, () => false);
  assert.ok(moved, 'ArrowRight within the widget opens the next stop');
  assert.equal(await hashBecomes(page, '#/yiwu'), '#/yiwu');

  // Presenter mode works inside the shadow root: the dark projector look, and Escape leaves it.
  await page.locator('#county-tour .ct-present-btn').click();
  await page.locator('#county-tour .ct-root.present').waitFor({ timeout: 3000 });
  await page.keyboard.press('Escape');
  await page.locator('#county-tour .ct-root.present').waitFor({ state: 'detached', timeout: 3000 });

  // Print: the handout is rendered in the widget and printed with the article around it.
  await page.emulateMedia({ media: 'print' });
  await page.waitForSelector('#county-tour .ct-handout .ct-ho-card', { state: 'attached', timeout: 5000 });
  const handout = await page.locator('#county-tour .ct-handout').boundingBox();
  assert.ok(handout && handout.height > 1000, 'the handout shows in print');
  assert.ok(await page.locator('body > h1').isVisible(), 'the article prints too');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('in an English article, data-lang="en" on the mount starts the widget in English, fetching the English once', async () => {
  const page = await openPage(browser);
  const english = [];
  page.on('request', (r) => { if (/\/en-[0-9a-f]+\.js$/.test(r.url())) english.push(r.url()); });
  await page.goto(`${server.origin}/host/column.html?w=720&mount-lang=en`);
  await appReady(page);
  const root = page.locator('#county-tour .ct-root');
  assert.equal(await root.getAttribute('lang'), 'en');
  assert.match(await root.locator('.ct-title').textContent(), /^Hunan's county leaders/);
  assert.ok((await root.locator('.ct-stop .ct-label').allTextContents()).includes('Yiwu'), 'the map in English');
  assert.equal(english.length, 1);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
