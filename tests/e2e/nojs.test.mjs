// Without JavaScript (or wasm) readers get the build-time text version from assets/tour.json; the same
// markup is what the app's panic hook shows (src/components/fallback.rs reads #ct-static's text).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { serve, root } from './server.mjs';
import { launch, openPage, load, shot, ARTICLE } from './browser.mjs';

const tour = JSON.parse(fs.readFileSync(path.join(root, 'assets', 'tour.json'), 'utf8'));
const SOURCE = '来源：新浪财经 2025-03-03';

let server, browser;
before(async () => {
  server = await serve({ mount: '/news/2025/tour/' });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

function assertTextVersion(text) {
  assert.equal(tour.stops.length, 18);
  for (const stop of tour.stops) assert.ok(text.includes(stop.name.zh), stop.name.zh);
  assert.ok(text.includes(SOURCE));
  assert.ok(text.includes(tour.event.headline.zh));
}

test('with JavaScript off, index.html shows every stop and the source', async () => {
  const page = await openPage(browser, { ...ARTICLE, javaScriptEnabled: false });
  await page.goto(server.url);
  assertTextVersion(await page.locator('body').innerText());
  assert.equal(await page.locator('.ct-static ol > li').count(), 18);
  await shot(page, 'nojs-article');
  await page.context().close();
});

test('with JavaScript off, county-tour.html shows the same text version', async () => {
  const page = await openPage(browser, { ...ARTICLE, javaScriptEnabled: false });
  await page.goto(pathToFileURL(path.join(root, 'dist', 'county-tour.html')).href);
  assertTextVersion(await page.locator('body').innerText());
  await page.context().close();
});

test('with JavaScript on, #ct-static holds the markup the panic fallback puts into the page', async () => {
  const page = await openPage(browser);
  await load(page, server.url);
  const items = await page.evaluate(() => {
    const doc = new DOMParser().parseFromString(document.getElementById('ct-static').textContent, 'text/html');
    return [...doc.querySelectorAll('.ct-root.ct-static ol > li strong')].map((e) => e.textContent);
  });
  assert.deepEqual(items, tour.groups.flatMap((g) => g.stops).map((id) => tour.stops.find((s) => s.id === id).name.zh));
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
