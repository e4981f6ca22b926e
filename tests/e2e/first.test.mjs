// The first frame: index.html paints the header, tabs and base map before the wasm arrives, in exactly
// the box and framing the live overview then takes, and steps aside without a layout shift. Where it
// would not match what the app draws (a deep link, a query flag, a frame), it stays hidden. Either way
// the app's base map is drawn from its outlines (the wasm does not carry a second copy).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from './server.mjs';
import { launch, openPage, shotsDir, PHONE, ARTICLE, PROJECTOR } from './browser.mjs';
import path from 'node:path';

let server, browser;
before(async () => {
  server = await serve({ mount: '/news/2025/tour/' });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

/** Hold the wasm download until `release()`, as a slow network would; resolves `requested` when asked for. */
async function holdWasm(page) {
  let release;
  let requested;
  const gate = new Promise((r) => { release = r; });
  const asked = new Promise((r) => { requested = r; });
  await page.route(/_bg\.wasm$/, async (route) => { requested(); await gate; await route.continue(); });
  return { release, asked };
}

const rects = (page, scope) => page.evaluate((scope) => {
  const box = (sel) => { const r = document.querySelector(`${scope} ${sel}`)?.getBoundingClientRect(); return r && [r.x, r.y, r.width, r.height]; };
  return { map: box('.ct-map'), land: box('.ct-map path.ct-land'), title: box('.ct-title') };
}, scope);

/** Length of the live map's land outline, in `scope` (a page or a frame): long once the outlines arrived. */
const outline = async (scope, within = '#county-tour') =>
  ((await scope.locator(`${within} .ct-layers > path.ct-land`).getAttribute('d')) || '').length;

const near = (a, b, tol, what) => {
  assert.ok(a && b, `${what}: ${a} / ${b}`);
  a.forEach((v, i) => assert.ok(Math.abs(v - b[i]) <= tol, `${what}: first frame [${a.map(Math.round)}] vs live [${b.map(Math.round)}]`));
};

for (const [name, options] of [['phone', PHONE], ['article', ARTICLE], ['projector', PROJECTOR]]) {
  test(`${name}: the base map shows before the wasm arrives, where the live map then draws it, and nothing shifts`, async () => {
    const page = await openPage(browser, options);
    const wasm = await holdWasm(page);
    await page.goto(server.url, { waitUntil: 'commit' });
    await page.locator('#ct-first').waitFor({ state: 'visible' });
    await wasm.asked;
    const first = await rects(page, '#ct-first');
    assert.ok(first.land[2] > 100 && first.land[3] > 100, `land drawn: ${first.land}`);
    assert.equal(await page.locator('[data-stop]').count(), 0, 'no app yet');
    await page.screenshot({ path: path.join(shotsDir, `first-frame-${name}.png`) });
    await page.evaluate(() => {
      window.__shift = 0;
      new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__shift += e.value; }).observe({ type: 'layout-shift' });
    });

    wasm.release();
    await page.waitForSelector('#county-tour [data-stop]');
    await page.waitForTimeout(300);
    assert.equal(await page.locator('#ct-first').count(), 0, 'the first frame is gone');
    const live = await rects(page, '#county-tour');
    near(first.map, live.map, 0.5, 'map box');
    near(first.land, live.land, 1, 'base map framing');
    near(first.title, live.title, 0.5, 'title');
    assert.ok((await outline(page)) > 5000, 'outlines read from the page');
    assert.equal(await page.evaluate(() => window.__shift), 0, 'layout shift');
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });
}

test('other query parameters (a newsletter\'s tracking tags) still get the first frame', async () => {
  const page = await openPage(browser, ARTICLE);
  const wasm = await holdWasm(page);
  await page.goto(server.url + '?utm_source=newsletter&utm_medium=email', { waitUntil: 'commit' });
  await page.locator('#ct-first').waitFor({ state: 'visible' });
  wasm.release();
  await page.waitForSelector('#county-tour [data-stop]');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a deep link, a query flag or a frame keeps the first frame hidden; the map still gets its outlines', async () => {
  for (const suffix of ['#/yiwu', '?present#/binhu', '?lang=en', '?embed', '?utm_source=x&LANG=zh']) {
    const page = await openPage(browser, ARTICLE);
    const wasm = await holdWasm(page);
    await page.goto(server.url + suffix, { waitUntil: 'commit' });
    await wasm.asked; // boot.js has run: it asks for the wasm right after deciding on the first frame
    assert.equal(await page.locator('#ct-first').isVisible(), false, suffix);
    wasm.release();
    await page.waitForSelector('#county-tour .ct-root');
    await page.waitForFunction(() => !document.getElementById('ct-first'));
    assert.ok((await outline(page)) > 5000, suffix);
    assert.deepEqual(page.problems, [], suffix);
    await page.context().close();
  }

  const framed = await openPage(browser, ARTICLE);
  await framed.goto(`${server.origin}/host/plain.html?src=${encodeURIComponent(server.url)}`);
  const frame = framed.frameLocator('iframe');
  await frame.locator('[data-stop]').first().waitFor();
  assert.equal(await frame.locator('#ct-first').count(), 0);
  assert.ok((await outline(frame, 'body')) > 5000, 'framed');
  assert.deepEqual(framed.problems, []);
  await framed.context().close();
});

test('an inline mount through embed.js brings the outlines along', async () => {
  const page = await openPage(browser, ARTICLE);
  await page.goto(server.origin + '/host/inline.html');
  await page.locator('#county-tour [data-stop]').first().waitFor();
  assert.equal(await page.locator('#ct-first').count(), 0);
  assert.ok((await outline(page)) > 5000);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('if the wasm cannot load, the text version takes the first frame\'s place', async () => {
  const page = await openPage(browser, ARTICLE);
  await page.route(/_bg\.wasm$/, (route) => route.abort());
  await page.goto(server.url);
  const text = page.locator('#county-tour .ct-error');
  await text.waitFor({ timeout: 10000 });
  assert.match(await text.textContent(), /地图暂时无法运行.*余杭区.*如皋市/s);
  assert.equal(await page.locator('#ct-first').count(), 0, 'no dead map left');
  await page.context().close();
});
