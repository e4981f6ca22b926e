// The inline mount keeps its look in any host page: the widget mounted through embed.js in an article column
// (tests/e2e/pages/column.html) looks the same in a plain page as in a hostile one that loads Bootstrap 5.3
// and a news theme's element rules, inherited properties and a 62.5% root font size (pages/theme.css). Its
// layout follows the column it sits in, not the window.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import pixelmatch from 'pixelmatch';
import { serve, root } from './server.mjs';
import { launch, openPage, appReady, shotsDir } from './browser.mjs';

let server, browser;
before(async () => {
  server = await serve({ mount: '/news/2025/tour/' });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

/** Share of pixels that may differ between the plain and the hostile page: 0.2%, for anti-aliasing that a
 *  future Chromium might vary (measured: 0 pixels at both widths, overview and a stop). A leak of any one
 *  host rule moves or restyles whole blocks, far above this. */
const TOLERANCE = 0.002;

async function widgetIn(host, width, hash) {
  const page = await openPage(browser, { viewport: { width: 1280, height: 800 } });
  await page.goto(`${server.origin}/host/column.html?w=${width}${host === 'hostile' ? '&hostile' : ''}${hash}`);
  await appReady(page);
  await page.waitForTimeout(1000); // a stop's fly-to ends
  // Both pages put the widget on the pixel grid: the host's own text above it ends at a fraction of a pixel
  // that differs between the themes, and would shift every glyph's anti-aliasing.
  await page.evaluate(() => {
    const host = document.getElementById('county-tour');
    const y = host.getBoundingClientRect().top + scrollY;
    host.style.position = 'relative'; // (a margin would collapse into the paragraph's above it)
    host.style.top = `${Math.ceil(y) - y}px`;
  });
  const widget = page.locator('#county-tour');
  const box = await widget.boundingBox();
  const png = PNG.sync.read(await widget.screenshot({ animations: 'disabled' }));
  fs.writeFileSync(path.join(shotsDir, `inline-${host}-${width}${hash ? '-' + hash.replace(/\W/g, '') : ''}.png`), PNG.sync.write(png));
  return { page, box, png };
}

for (const width of [720, 390]) {
  for (const hash of ['', '#/yiwu']) {
    test(`in a ${width} px column (${hash || 'overview'}), a hostile host page changes nothing in the widget`, async (t) => {
      const plain = await widgetIn('plain', width, hash);
      const hostile = await widgetIn('hostile', width, hash);
      // The theme really is hostile: it changes the article around the widget.
      const hostLine = (page) => page.evaluate(() => getComputedStyle(document.querySelector('article p')).fontSize);
      assert.notEqual(await hostLine(plain.page), await hostLine(hostile.page));

      assert.ok(Math.abs(plain.box.height - hostile.box.height) <= 2, `height ${plain.box.height} vs ${hostile.box.height}`);
      assert.equal(plain.box.width, width);
      const w = Math.min(plain.png.width, hostile.png.width);
      const h = Math.min(plain.png.height, hostile.png.height);
      const crop = (png) => { const out = new PNG({ width: w, height: h }); PNG.bitblt(png, out, 0, 0, w, h, 0, 0); return out; };
      const diff = new PNG({ width: w, height: h });
      const n = pixelmatch(crop(plain.png).data, crop(hostile.png).data, diff.data, w, h, { threshold: 0.1 });
      fs.writeFileSync(path.join(shotsDir, `inline-diff-${width}${hash.replace(/\W/g, '')}.png`), PNG.sync.write(diff));
      t.diagnostic(`${n} of ${w * h} pixels differ; height ${plain.box.height} vs ${hostile.box.height}`);
      assert.ok(n / (w * h) <= TOLERANCE, `${n} of ${w * h} pixels differ (${(100 * n / (w * h)).toFixed(2)}%)`);
      if (hash) assert.equal(await hostile.page.locator('#ct-card-h').textContent(), '义乌市');
      for (const p of [plain.page, hostile.page]) {
        assert.deepEqual(p.problems, []);
        await p.context().close();
      }
    });
  }
}

test('the layout follows the column, not the window: the phone layout in a 390 px column on a desktop', async () => {
  const sideBySide = async (width) => {
    const page = await openPage(browser, { viewport: { width: 1280, height: 800 } });
    await page.goto(`${server.origin}/host/column.html?w=${width}&hostile#/yiwu`);
    await appReady(page);
    const map = await page.locator('#county-tour .ct-map').boundingBox();
    const panel = await page.locator('#county-tour .ct-panel').boundingBox();
    await page.context().close();
    return panel.x >= map.x + map.width - 1 && panel.y < map.y + map.height;
  };
  assert.equal(await sideBySide(720), true, 'map and card side by side in 720 px');
  assert.equal(await sideBySide(390), false, 'card below the map in 390 px');
});

test('axe finds nothing serious inside the hostile page', async () => {
  const page = await openPage(browser, { viewport: { width: 1280, height: 800 } });
  await page.goto(`${server.origin}/host/column.html?w=720&hostile#/yiwu`);
  await appReady(page);
  await page.waitForTimeout(900);
  await page.addScriptTag({ path: path.join(root, 'node_modules/axe-core/axe.min.js') });
  const violations = await page.evaluate(async () => (await window.axe.run({ include: [['#county-tour']] }, { resultTypes: ['violations'] })).violations);
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  assert.deepEqual(serious, []);
  await page.context().close();
});
