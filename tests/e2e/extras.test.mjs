// The extras wasm (src/extras.rs: the presenter's QR code, export, the Hunan inset's outlines) is fetched on first
// use: a reader who only reads the stops never downloads it; a presenter, an editor or a reader opening the Hunan
// view gets it once; if it cannot load, the widget goes on.
// Checked on our page, inline in a host page (embed.js) and in the one-file build from file://.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { serve, root } from './server.mjs';
import { launch, openPage, load, cardTitle, ARTICLE, PROJECTOR } from './browser.mjs';

const MOUNT = '/news/2025/tour/';
const EXTRAS = /\/extras-[0-9a-f]+(_bg\.wasm|\.js)$/;
let server, browser;
before(async () => {
  server = await serve({ mount: MOUNT });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

const extrasRequests = () => server.requests.filter((p) => EXTRAS.test(p));

/** Click a button and resolve to the download's name and bytes. */
async function download(page, name) {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 10000 }), page.getByRole('button', { name }).click()]);
  return { file: dl.suggestedFilename(), bytes: fs.readFileSync(await dl.path()) };
}

/** The QR code's link once it is drawn (the figure names the link its code holds). */
const qrLink = (page) => page.locator('.ct-qr svg').waitFor({ timeout: 10000 }).then(() => page.locator('.ct-qr').getAttribute('data-url'));

test('reading fetches no extras; the first export fetches them once, the second reuses them', async () => {
  server.requests.length = 0;
  const page = await openPage(browser, { ...ARTICLE, acceptDownloads: true });
  await load(page, server.url);
  await page.locator('[data-stop=yiwu]').click();
  assert.equal(await cardTitle(page), '义乌市');
  await page.locator('.ct-tab', { hasText: '第二组' }).click();
  await page.waitForTimeout(1000);
  assert.deepEqual(extrasRequests(), [], 'a reader downloads no extras');

  const svg = await download(page, '导出 SVG');
  assert.equal(svg.file, 'county-tour-route-2.svg');
  assert.match(svg.bytes.toString(), /<path d="m[^"]{1000,}" fill="#ECEAE4"/, 'the land outline is in the export');
  const png = await download(page, '导出 PNG');
  assert.equal(png.file, 'county-tour-route-2.png');
  assert.deepEqual(extrasRequests().map((p) => p.match(EXTRAS)[1]).sort(), ['.js', '_bg.wasm'], 'fetched once each');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('when the extras cannot load, presenting and reading go on without a QR code, and a later click retries', async () => {
  const page = await openPage(browser, { ...PROJECTOR, acceptDownloads: true });
  await page.route(EXTRAS, (r) => r.abort());
  await load(page, server.url + '?present#/binhu');
  await page.keyboard.press('PageDown');
  await page.waitForFunction(() => document.querySelector('#ct-card-h')?.textContent === '梁溪区', null, { timeout: 5000 });
  await page.waitForTimeout(500);
  assert.equal(await page.locator('.ct-qr svg').count(), 0);
  assert.equal(await page.locator('.ct-qr').evaluate((el) => getComputedStyle(el).visibility), 'hidden', 'no empty QR box');

  await page.keyboard.press('Escape');
  await page.locator('.ct-root.present').waitFor({ state: 'detached', timeout: 3000 });
  await page.getByRole('button', { name: '导出 SVG' }).click();
  await page.waitForTimeout(500);
  const real = page.problems.filter((p) => !/Failed to load resource/.test(p));
  assert.deepEqual(real, [], 'no error beyond the blocked requests');

  await page.unroute(EXTRAS);
  const svg = await download(page, '导出 SVG');
  assert.equal(svg.file, 'county-tour-liangxi.svg');
  await page.context().close();
});

test('the Hunan view fetches the extras for its outlines, once; blocked, it still shows its places and text', async () => {
  server.requests.length = 0;
  const page = await openPage(browser, ARTICLE);
  await load(page, server.url);
  assert.deepEqual(extrasRequests(), []);
  await page.evaluate(() => { location.hash = '#/hunan'; });
  await page.waitForFunction(() => (document.querySelector('.ct-hunan-map path.ct-focus')?.getAttribute('d') || '').length > 1000, null, { timeout: 5000 });
  // Away and back: drawn again from the module already loaded.
  await page.evaluate(() => { location.hash = '#/yiwu'; });
  assert.equal(await cardTitle(page), '义乌市');
  await page.evaluate(() => { location.hash = '#/hunan'; });
  await page.waitForFunction(() => (document.querySelector('.ct-hunan-map path.ct-focus')?.getAttribute('d') || '').length > 1000, null, { timeout: 5000 });
  assert.deepEqual(extrasRequests().map((p) => p.match(EXTRAS)[1]).sort(), ['.js', '_bg.wasm'], 'fetched once each');
  assert.deepEqual(page.problems, []);
  await page.context().close();

  const blocked = await openPage(browser, ARTICLE);
  await blocked.route(EXTRAS, (r) => r.abort());
  await load(blocked, server.url + '#/hunan');
  assert.equal(await blocked.locator('.ct-hn-place').count(), 4);
  assert.equal(await blocked.locator('.ct-speaker').count(), 4);
  await blocked.waitForTimeout(500);
  assert.equal(await blocked.locator('.ct-hunan-map path').count(), 0, 'no outlines, and nothing broken');
  assert.deepEqual(blocked.problems.filter((p) => !/Failed to load resource/.test(p)), []);
  await blocked.context().close();
});

test('inline in a host page, export loads the extras from beside embed.js', async () => {
  server.requests.length = 0;
  const page = await openPage(browser, { ...ARTICLE, acceptDownloads: true });
  await load(page, server.origin + '/host/inline.html');
  assert.deepEqual(extrasRequests(), []);
  const { file } = await download(page, '导出 SVG');
  assert.equal(file, 'county-tour-overview.svg');
  assert.ok(extrasRequests().length === 2 && extrasRequests().every((p) => p.startsWith(MOUNT)), server.requests.join(' '));
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the one-file build from file://, network blocked: the QR code, export and Hunan outlines still work', async () => {
  const fileUrl = pathToFileURL(path.join(root, 'dist', 'county-tour.html')).href;
  const page = await openPage(browser, { ...PROJECTOR, acceptDownloads: true });
  await page.context().route('**', (r) => (r.request().url().startsWith('file:') ? r.continue() : r.abort()));
  await load(page, fileUrl + '?present#/yuyao');
  assert.match(await qrLink(page), /#\/yuyao$/);
  await page.keyboard.press('Escape');
  await page.locator('.ct-root.present').waitFor({ state: 'detached', timeout: 3000 });
  const { file, bytes } = await download(page, '导出 SVG');
  assert.equal(file, 'county-tour-yuyao.svg');
  assert.match(bytes.toString(), /fill="#ECEAE4"/);
  await page.evaluate(() => { location.hash = '#/hunan'; });
  await page.waitForFunction(() => (document.querySelector('.ct-hunan-map path.ct-focus')?.getAttribute('d') || '').length > 1000, null, { timeout: 5000 });
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
