// Without JavaScript readers get the prerendered page (src/prerender.rs): the real map with its 18 marker
// links, the overview, and each stop's card by `:target`. The plain text version sits in a <template>
// that only the app's panic fallback uses (src/web.rs).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { serve, root } from './server.mjs';
import { launch, openPage, load, shot, ARTICLE, PHONE } from './browser.mjs';

const tour = JSON.parse(fs.readFileSync(path.join(root, 'assets', 'tour.json'), 'utf8'));
const SOURCE = '来源：新浪财经 2025-03-03';

let server, browser;
before(async () => {
  server = await serve({ mount: '/news/2025/tour/' });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

async function assertRealMap(page, overview = true) {
  const shown = await page.evaluate(() => [...document.querySelectorAll('#ct-first [data-stop]')]
    .filter((a) => a.getClientRects().length).map((a) => a.dataset.stop));
  assert.deepEqual(new Set(shown), new Set(tour.stops.map((s) => s.id)));
  assert.equal(shown.length, 18);
  const text = await page.locator('body').innerText();
  assert.ok(text.includes(tour.event.headline.zh));
  assert.ok(text.includes(SOURCE));
  assert.equal(text.includes('场现场教学'), overview, 'the overview\'s text, unless a card took its place');
}

for (const [name, options] of [['article', ARTICLE], ['phone', PHONE]]) {
  test(`${name}: with JavaScript off, index.html is the real map, and a marker opens its card`, async () => {
    const page = await openPage(browser, { ...options, javaScriptEnabled: false });
    await page.goto(server.url);
    await assertRealMap(page);
    await page.locator('#ct-first [data-stop=jiangyin]:visible').click();
    const card = page.locator('#ct-first .ct-target:target');
    assert.equal(await card.locator('h2').textContent(), '江阴市');
    assert.equal(await card.isVisible(), true);
    await shot(page, `nojs-${name}`);
    await page.context().close();
  });
}

test('with JavaScript off, county-tour.html shows the same map and cards', async () => {
  const page = await openPage(browser, { ...ARTICLE, javaScriptEnabled: false });
  await page.goto(pathToFileURL(path.join(root, 'dist', 'county-tour.html')).href + '#/rugao');
  await assertRealMap(page, false);
  assert.equal(await page.locator('#ct-first .ct-target:target h2').textContent(), '如皋市');
  await page.context().close();
});

test('with JavaScript on, #ct-static holds the text version the panic fallback puts into the page', async () => {
  const page = await openPage(browser);
  await load(page, server.url);
  const items = await page.evaluate(() => {
    const doc = new DOMParser().parseFromString(document.getElementById('ct-static').innerHTML, 'text/html');
    return [...doc.querySelectorAll('.ct-root.ct-static ol > li strong')].map((e) => e.textContent);
  });
  assert.deepEqual(items, tour.groups.flatMap((g) => g.stops).map((id) => tour.stops.find((s) => s.id === id).name.zh));
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

// The release wasm aborts on a panic at once (tools/build: -Cpanic=immediate-abort), with no panic hook
// to run: the panic reaches the page only as a trap, a WebAssembly.RuntimeError thrown out of whatever
// called into the wasm (an event handler, a timer: `error`) or rejecting an async task's promise
// (`unhandledrejection`). Bad input never panics, so the page is sent such errors as a trap raises them.
// (tests/panic.rs makes a real panic in the debug wasm.)
for (const [how, raise] of [
  ['thrown out of a callback', () => setTimeout(() => { throw new WebAssembly.RuntimeError('unreachable'); })],
  ['rejecting a task', () => { Promise.reject(new WebAssembly.RuntimeError('unreachable')); }],
]) {
  test(`a trap ${how} puts the text version in the widget's place; other page errors do not`, async () => {
    const page = await openPage(browser);
    await load(page, server.url + '#/yiwu');
    await page.evaluate(() => setTimeout(() => { throw new TypeError('a host page bug'); }));
    await page.waitForTimeout(100);
    assert.equal(await page.locator('#county-tour [data-stop]').count() > 0, true, 'a host page error leaves the map');
    await page.evaluate(raise);
    await page.waitForSelector('#county-tour .ct-error [role=alert]', { timeout: 5000 });
    const text = await page.locator('#county-tour').textContent();
    assert.match(text, /The map stopped/);
    assert.match(text, /余杭区/);
    assert.equal(await page.locator('#county-tour [data-stop]').count(), 0, 'the dead map is gone');
    await page.context().close();
  });
}
