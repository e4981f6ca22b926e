// The printed handout on A4: the overview map, one map per group, then the 18 case cards, in either language.
// Printed to PDF by Chromium, read back with pdftotext and rendered with pdftoppm (poppler-utils) for a look.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { serve, root } from './server.mjs';
import { launch, openPage, load, shotsDir } from './browser.mjs';

const tour = JSON.parse(fs.readFileSync(path.join(root, 'assets', 'tour.json'), 'utf8'));
const outDir = path.join(root, 'target', 'print');
fs.mkdirSync(outDir, { recursive: true });

let server, browser;
before(async () => {
  server = await serve();
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

/** Print `hash` to an A4 PDF the way Ctrl+P would (print media), and return its path and text. */
async function printPdf(query, lang) {
  const page = await openPage(browser);
  await load(page, server.url + query + '#/');
  assert.equal(await page.locator('.ct-handout').count(), 0, 'no handout on screen');
  await page.emulateMedia({ media: 'print' });
  await page.waitForSelector('.ct-handout .ct-ho-card', { state: 'attached', timeout: 5000 });
  const file = path.join(outDir, `handout-${lang}.pdf`);
  await page.pdf({ path: file, format: 'A4', preferCSSPageSize: true });
  assert.deepEqual(page.problems, []);
  await page.context().close();
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const pages = Number(/Pages:\s+(\d+)/.exec(info)[1]);
  return { file, text, pages, info };
}

/** Every printed page as a small PNG in target/screens/print-<lang>-<n>.png. */
function renderPages(file, lang) {
  for (const f of fs.readdirSync(shotsDir)) if (f.startsWith(`print-${lang}-`)) fs.rmSync(path.join(shotsDir, f));
  execFileSync('pdftoppm', ['-r', '50', '-png', file, path.join(shotsDir, `print-${lang}`)]);
  return fs.readdirSync(shotsDir).filter((f) => f.startsWith(`print-${lang}-`));
}

for (const [lang, query] of [['zh', ''], ['en', '?lang=en']]) {
  test(`the ${lang} handout: overview and three group maps, then 杭州's card and all 18 stops', on A4`, async () => {
    const { file, text, pages, info } = await printPdf(query, lang);
    assert.match(info, /Page size:\s+59[45](\.\d+)? x 841(\.\d+)? pts \(A4\)/);
    // 1 overview + 3 group maps, then the cards two columns to a page.
    assert.ok(pages >= 6 && pages <= 10, `${pages} pages`);
    const flat = text.replace(/\s+/g, ' ');
    const seen = (s) => flat.includes(s) || text.replace(/\s+/g, '').includes(s.replace(/\s+/g, ''));
    assert.ok(seen(tour.event.headline[lang]), 'title');
    assert.ok(seen(lang === 'zh' ? '2025年2月23日—28日' : '23–28 February 2025'), 'dates');
    assert.ok(seen('Natural Earth'), 'base-map credit');
    assert.ok(seen(tour.event.source[lang]), 'source line');
    for (const g of tour.groups) assert.ok(seen(g.name[lang]), g.name[lang]);
    for (const s of tour.stops) assert.ok(seen(s.name[lang]), s.name[lang]);
    // The opening city's card, with every one of its facts (their openings: the two columns' lines interleave).
    assert.ok(seen(lang === 'zh' ? '杭州 · 开班' : 'Hangzhou · opening'), 'the start\'s card');
    for (const f of tour.start.facts) assert.ok(seen(f[lang].slice(0, lang === 'zh' ? 8 : 16)), f[lang]);
    for (const tag of lang === 'zh' ? ['据报道', '背景'] : ['Reported', 'Background']) assert.ok(seen(tag), tag);
    // The maps come first, one to a page, each with its title; then the cards.
    const byPage = text.split('\f');
    for (let i = 0; i < 4; i++) assert.ok(byPage[i].replace(/\s+/g, '').includes(tour.event.headline[lang].replace(/\s+/g, '')), `map on page ${i + 1}`);
    for (const g of tour.groups) assert.ok(byPage[g.number].includes(g.name[lang]), `group ${g.number} on page ${g.number + 1}`);
    // Every card starts and ends on one page: its name and its source line are on the same page.
    for (const s of tour.stops) {
      const on = byPage.findIndex((p, i) => i >= 4 && p.replace(/\s+/g, '').includes(s.name[lang].replace(/\s+/g, '')));
      assert.ok(on >= 4, `${s.id} card printed`);
    }
    const shots = renderPages(file, lang);
    assert.equal(shots.length, pages);
  });
}

test('the Print button renders the handout, then asks the browser to print', async () => {
  const page = await openPage(browser);
  await page.addInitScript(() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; });
  await load(page, server.url + '?lang=en#/route/2');
  await page.getByRole('button', { name: 'Print' }).click();
  await page.waitForFunction(() => window.__printed === 1, null, { timeout: 3000 });
  assert.equal(await page.locator('.ct-handout .ct-ho-map > svg').count(), 4);
  assert.equal(await page.locator('.ct-handout .ct-ho-card').count(), 1 + 18, 'the opening city\'s card and the 18 stops\'');
  assert.equal(await page.locator('.ct-handout').isVisible(), false, 'hidden on screen');
  // After printing the handout leaves the page again.
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await page.waitForFunction(() => !document.querySelector('.ct-handout'), null, { timeout: 3000 });
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
