// dist/county-tour.html, the one-file build: opened from file:// with every network request blocked, it must
// still draw all 18 stops and open a card, and ask for nothing but itself.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { pathToFileURL } from 'node:url';
import { root } from './server.mjs';
import { launch, openPage, load, shot, cardTitle } from './browser.mjs';

const file = path.join(root, 'dist', 'county-tour.html');
const fileUrl = pathToFileURL(file).href;

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('county-tour.html is one reasonably small file', (t) => {
  const bytes = fs.readFileSync(file);
  const gzip = zlib.gzipSync(bytes, { level: 9 }).length;
  t.diagnostic(`county-tour.html: ${(bytes.length / 1024).toFixed(0)} KiB, ${(gzip / 1024).toFixed(0)} KiB gzipped`);
  assert.ok(bytes.length < 1.5 * 1024 * 1024, `${bytes.length} bytes`);
  const html = bytes.toString();
  // Nothing points at another file: no src/href except the data: favicon, the page's own views (#/yiwu) and
  // the element of its own first frame that the head's render-blocking link waits for.
  assert.deepEqual([...html.matchAll(/\s(?:src|href)="([^"]*)"/g)].map((m) => m[1]).filter((u) => !u.startsWith('#/')), ['#ct-first-more', 'data:,']);
  assert.match(html, /id="ct-first-more"/);
  assert.match(html, /<template id="ct-static">/);
  assert.match(html, /<div id="ct-first"/);
});

test('from file:// with the network blocked: 18 stops, a click opens 义乌市, only the file is requested', async () => {
  const page = await openPage(browser);
  const requests = [];
  await page.context().route('**', (r) => (r.request().url().startsWith('file:') ? r.continue() : r.abort()));
  page.on('request', (r) => requests.push(r.url()));
  await load(page, fileUrl);
  assert.equal(await page.locator('.ct-root [data-stop]').count(), 18);
  await page.locator('[data-stop=yiwu]').click();
  assert.equal(await cardTitle(page), '义乌市');
  await shot(page, 'file-yiwu');
  assert.deepEqual(page.problems, []);
  assert.deepEqual([...new Set(requests.map((u) => u.split('#')[0]))], [fileUrl]);
  await page.context().close();
});

test("from file://, printing still gives the handout: four maps with their land, then 杭州's card and the 18 stops", async () => {
  const page = await openPage(browser);
  await page.context().route('**', (r) => (r.request().url().startsWith('file:') ? r.continue() : r.abort()));
  await load(page, fileUrl);
  await page.emulateMedia({ media: 'print' });
  await page.waitForSelector('.ct-handout .ct-ho-card', { state: 'attached', timeout: 5000 });
  assert.equal(await page.locator('.ct-handout .ct-ho-card').count(), 1 + 18, 'the opening city\'s card and the 18 stops\'');
  const lands = await page.locator('.ct-handout .ct-ho-map path[fill="#ECEAE4"]').evaluateAll((ps) => ps.map((p) => (p.getAttribute('d') || '').length));
  assert.equal(lands.length, 4, 'overview and three group maps');
  assert.ok(lands.every((n) => n > 1000), `land outlines: ${lands}`);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
