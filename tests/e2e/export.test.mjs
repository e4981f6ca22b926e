// Export: the map as the reader sees it, downloaded as a standalone SVG and as a PNG at twice its size,
// under the strict Content-Security-Policy a newsroom might send.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serve, root } from './server.mjs';
import { launch, openPage, load, shotsDir, ARTICLE } from './browser.mjs';

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:";
const tour = JSON.parse(fs.readFileSync(path.join(root, 'assets', 'tour.json'), 'utf8'));

let server, browser;
before(async () => {
  server = await serve({ mount: '/news/2025/tour/', headers: { 'content-security-policy': CSP } });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

async function open(hash) {
  const page = await openPage(browser, { ...ARTICLE, acceptDownloads: true });
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await load(page, server.url + hash);
  await page.waitForTimeout(1000); // let a fly-to finish
  return page;
}

/** Click a button and return the download's suggested name and bytes. */
async function download(page, name, tag = 'zh') {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 10000 }), page.getByRole('button', { name }).click()]);
  const bytes = fs.readFileSync(await dl.path());
  fs.writeFileSync(path.join(shotsDir, `export-${tag}-${dl.suggestedFilename()}`), bytes);
  return { file: dl.suggestedFilename(), bytes };
}

/** What the page's own XML parser makes of an SVG document. */
function inspect(page, svg) {
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const el = doc.documentElement;
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      root: el.localName, ns: el.namespaceURI, width: el.getAttribute('width'), height: el.getAttribute('height'),
      texts: [...doc.querySelectorAll('text')].map((t) => t.textContent),
      strokes: [...doc.querySelectorAll('path')].map((p) => p.getAttribute('stroke')),
      circles: [...doc.querySelectorAll('circle')].map((c) => c.getAttribute('r')),
      land: (doc.querySelector('path[fill="#ECEAE4"]')?.getAttribute('d') || '').length,
      classes: doc.querySelectorAll('[class], style').length,
    };
  }, svg);
}

test('Export SVG saves the overview as a standalone document with routes, every label, title, legend and credit', async () => {
  const page = await open('#/');
  const { file, bytes } = await download(page, '导出 SVG');
  assert.equal(file, 'county-tour-overview.svg');
  const svg = bytes.toString('utf8');
  assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  // The base map's outlines (which the wasm reads from the page's first frame) are in the file.
  assert.ok((await inspect(page, svg)).land > 5000, 'land outline exported');
  const doc = await inspect(page, svg);
  assert.equal(doc.error, null);
  assert.equal(doc.root, 'svg');
  assert.equal(doc.ns, 'http://www.w3.org/2000/svg');
  assert.equal(doc.classes, 0, 'no dependence on the page CSS');
  for (const g of tour.groups) {
    assert.ok(doc.strokes.includes(g.color), `route ${g.number}`);
    assert.ok(doc.texts.includes(g.name.zh), `legend ${g.name.zh}`);
  }
  for (const s of tour.stops) assert.ok(doc.texts.includes(s.short.zh), `label ${s.short.zh}`);
  assert.ok(doc.texts.includes(tour.event.headline.zh), 'title');
  assert.ok(doc.texts.some((t) => t.includes(tour.event.source.zh) && t.includes('Natural Earth')), 'credits');
  // Markers at the size they have on screen (11 px at article width), whatever the map's zoom.
  assert.ok(doc.circles.includes('11'), doc.circles.join(' '));
  const box = await page.locator('.ct-map .ct-svg').boundingBox();
  assert.ok(Math.abs(Number(doc.width) - box.width) <= 0.5, `${doc.width} vs ${box.width}`);
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('Export PNG of group 2 is twice the map size, in English too, with no CSP violation or console error', async () => {
  for (const [query, label] of [['', '导出 PNG'], ['?lang=en', 'Export PNG']]) {
    const page = await open(query + '#/route/2');
    const box = await page.locator('.ct-map .ct-svg').boundingBox();
    const { file, bytes } = await download(page, label, query ? 'en' : 'zh');
    assert.equal(file, 'county-tour-route-2.png');
    assert.equal(bytes.subarray(1, 4).toString('latin1'), 'PNG');
    const [w, h] = [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
    assert.ok(Math.abs(w - 2 * box.width) <= 1, `${w} px wide for a ${box.width} px map`);
    // Title band above and legend below the map, all at 2x.
    assert.ok(h > 2 * box.height && h < 2 * (box.height + 160), `${h} px high for a ${box.height} px map`);
    // The SVG of the same view says which group it shows.
    const { file: svgFile, bytes: svg } = await download(page, label.replace('PNG', 'SVG'), query ? 'en' : 'zh');
    assert.equal(svgFile, 'county-tour-route-2.svg');
    assert.ok(svg.toString('utf8').includes(tour.groups[1].name[query ? 'en' : 'zh']));
    assert.ok(Math.abs(Number(/height="([\d.]+)"/.exec(svg.toString('utf8'))[1]) * 2 - h) <= 1);
    assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  }
});

test('a dragged map exports the part the reader is looking at', async () => {
  const page = await open('#/');
  const box = await page.locator('.ct-map').boundingBox();
  const before = (await download(page, '导出 SVG')).bytes.toString('utf8');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 150, box.y + box.height / 2 + 60, { steps: 8 });
  await page.mouse.up();
  const after = (await download(page, '导出 SVG')).bytes.toString('utf8');
  const viewBox = (s) => /<svg x="0" y="\d+" width="[\d.]+" height="[\d.]+" viewBox="([^"]+)"/.exec(s)[1].split(' ').map(Number);
  const [x0, y0] = viewBox(before);
  const [x1, y1] = viewBox(after);
  assert.ok(x1 < x0 - 20 && y1 < y0 - 5, `viewBox moved from ${x0},${y0} to ${x1},${y1}`);
  await page.context().close();
});
