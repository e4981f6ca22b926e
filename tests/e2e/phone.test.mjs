// The overview on a phone, as most readers meet it: the tab row fits a 320 px and a 390 px screen without
// being cut, in both languages, before and after the app takes over.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from './server.mjs';
import { launch, openPage, load, shot, appReady, holdWasm, PHONE } from './browser.mjs';

let server, browser;
before(async () => {
  server = await serve({ mount: '/news/2025/tour/' });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

/** Every tab lies wholly inside the tab row and the screen; the row does not scroll sideways. */
const tabsFit = (page, scope) => page.evaluate((scope) => {
  const nav = document.querySelector(`${scope} .ct-tabs`);
  const row = nav.getBoundingClientRect();
  const cut = [...nav.querySelectorAll('.ct-tab')].map((t) => [t.textContent, t.getBoundingClientRect()])
    .filter(([, r]) => r.left < row.left - 0.5 || r.right > row.right + 0.5 || r.right > innerWidth || r.height < 44)
    .map(([name, r]) => `${name}: ${Math.round(r.left)}–${Math.round(r.right)} of ${Math.round(row.right)}, ${Math.round(r.height)} px high`);
  return { cut, scrolls: nav.scrollWidth > nav.clientWidth + 1, tabs: nav.querySelectorAll('.ct-tab').length };
}, scope);

for (const width of [320, 390]) {
  for (const lang of ['zh', 'en']) {
    test(`${width} px, ${lang}: the four tabs fit, none cut, none under 44 px`, async () => {
      const page = await openPage(browser, { viewport: { width, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
      if (lang === 'zh') {
        // The prerendered first paint, with the wasm held back.
        await page.route(/_bg\.wasm$/, (route) => route.abort());
        await page.goto(server.url);
        const first = await tabsFit(page, '#ct-first');
        assert.equal(first.tabs, 4);
        assert.deepEqual(first.cut, []);
        assert.equal(first.scrolls, false);
        await page.unroute(/_bg\.wasm$/);
        page.problems.length = 0; // the blocked wasm's own error and warning
      }
      await load(page, server.url + (lang === 'en' ? '?lang=en' : ''));
      const app = await tabsFit(page, '#county-tour');
      assert.equal(app.tabs, 4);
      assert.deepEqual(app.cut, []);
      assert.equal(app.scrolls, false);
      await shot(page, `phone-${width}-${lang}`);
      assert.deepEqual(page.problems, []);
      await page.context().close();
    });
  }
}

// A phone held sideways is wide enough for the map beside the text, but the map at its usual height (58% of the
// width) was taller than the screen: no scroll position showed all of it. On the widget's own page the map now
// keeps within the screen, in the first paint as after the app takes over (so no shift between them).
test('a phone held sideways (844×390): the whole map fits on the screen, before and after the app takes over', async () => {
  for (const hash of ['#/', '#/cixi']) {
    const page = await openPage(browser, { ...PHONE, viewport: { width: 844, height: 390 } });
    const wasm = await holdWasm(page);
    await page.goto(server.url + hash, { waitUntil: 'commit' });
    await page.locator('#ct-first .ct-map').waitFor();
    const first = (await page.locator('#ct-first .ct-map').boundingBox()).height;
    wasm.release();
    await appReady(page);
    await page.waitForTimeout(300);
    const map = page.locator('.ct-map');
    const app = (await map.boundingBox()).height;
    assert.ok(app <= 390 && app >= 300, `${hash}: the map is ${app} px high on a 390 px screen`);
    assert.ok(Math.abs(first - app) <= 1, `${hash}: first paint ${first} px, the app ${app} px`);
    // Scrolled to, all of it is on the screen at once.
    await map.evaluate((el) => el.scrollIntoView({ block: 'end' }));
    const box = await map.boundingBox();
    assert.ok(box.y >= -0.5 && box.y + box.height <= 390.5, `${hash}: the map spans ${box.y}–${box.y + box.height}`);
    if (hash === '#/cixi') await shot(page, 'phone-sideways-cixi');
    assert.deepEqual(page.problems, []);
    await page.context().close();
  }
});
