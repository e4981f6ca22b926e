// Accessibility on the release build: axe-core finds no serious or critical violation on every
// kind of screen, and a reader who asks for reduced motion gets cuts instead of flights.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { serve, root } from './server.mjs';
import { launch, openPage, load, titleBecomes, PHONE, ARTICLE, PROJECTOR } from './browser.mjs';

let server, browser;
before(async () => {
  server = await serve({ mount: '/news/2025/tour/' });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

const AXE = path.join(root, 'node_modules/axe-core/axe.min.js');

/** Serious and critical violations axe finds on the page, one line per failing node. */
async function axeProblems(page) {
  await page.addScriptTag({ path: AXE });
  const res = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations;
  });
  return res
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.slice(0, 4).map((n) => `${v.impact} ${v.id} (${v.nodes.length}×): ${n.target.join(' ')} — ${n.any.concat(n.all, n.none).map((c) => c.message).join('; ')}`));
}

const screens = [
  ['overview', ARTICLE, '#/'],
  ['stop yiwu', ARTICLE, '#/yiwu'],
  ['group 1', ARTICLE, '#/route/1'],
  ['group 2', ARTICLE, '#/route/2'],
  ['group 3', ARTICLE, '#/route/3'],
  ['English jiangyin', ARTICLE, '?lang=en#/jiangyin'],
  ['presenter overview', PROJECTOR, '?present#/'],
  ['presenter group 2', PROJECTOR, '?present#/route/2'],
  ['presenter binhu', PROJECTOR, '?present#/binhu'],
  ['presenter hunan', PROJECTOR, '?present#/hunan'],
  ['presenter English tour', PROJECTOR, '?present&lang=en#/yuyao'],
  ['phone binhu', PHONE, '#/binhu'],
  ['the opening city', ARTICLE, '#/hangzhou'],
  ['phone, the opening city', PHONE, '#/hangzhou'],
  ['hunan', ARTICLE, '#/hunan'],
  ['dark theme, a stop', ARTICLE, '?theme=dark#/yiwu'],
  ['dark theme, a group', ARTICLE, '?theme=dark#/route/3'],
  ['auto theme on a dark phone', { ...PHONE, colorScheme: 'dark' }, '?theme=auto#/'],
  ['auto theme on a dark phone, English stop', { ...PHONE, colorScheme: 'dark' }, '?theme=auto&lang=en#/binhu'],
  ['phone hunan', PHONE, '#/hunan'],
];

for (const [name, opts, hash] of screens) {
  test(`axe: no serious or critical violations on ${name} (${hash})`, async () => {
    const page = await openPage(browser, opts);
    await load(page, server.url + hash);
    await page.waitForTimeout(900); // let a fly-to settle so labels sit where readers see them
    const problems = await axeProblems(page);
    assert.deepEqual(problems, [], problems.join('\n'));
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });
}

/** viewBox values the page itself sees on every animation frame for `ms` after `act` runs. */
async function sampleViewBoxes(page, act, ms = 600) {
  await page.evaluate((ms) => {
    const svg = document.querySelector('.ct-svg');
    window.__vb = [];
    const t0 = performance.now();
    const tick = () => {
      window.__vb.push(svg.getAttribute('viewBox'));
      if (performance.now() - t0 < ms) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }, ms);
  await act();
  await page.waitForTimeout(ms + 200);
  const seen = await page.evaluate(() => window.__vb);
  const final = await page.locator('.ct-svg').getAttribute('viewBox');
  return { seen: [...new Set(seen)], final };
}

test('prefers-reduced-motion: opening a stop cuts straight to the final view; otherwise it flies', async () => {
  for (const reduce of [true, false]) {
    const page = await openPage(browser, ARTICLE);
    if (reduce) await page.emulateMedia({ reducedMotion: 'reduce' });
    await load(page, server.url + '#/');
    await page.waitForTimeout(300);
    const before = await page.locator('.ct-svg').getAttribute('viewBox');
    const { seen, final } = await sampleViewBoxes(page, async () => {
      await page.locator('[data-stop=yiwu]').click();
      await titleBecomes(page, '义乌市');
    });
    assert.notEqual(final, before, 'the camera moved');
    const between = seen.filter((v) => v !== before && v !== final);
    if (reduce) assert.deepEqual(between, [], `no intermediate viewBox with reduced motion: ${between.length} seen`);
    else assert.ok(between.length >= 3, `a flight shows intermediate viewBoxes (${between.length})`);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  }
});

test('a resize after a flight has landed moves the camera at once, without a flight of its own', async () => {
  const page = await openPage(browser, ARTICLE);
  await load(page, server.url + '#/');
  await page.locator('[data-stop=yiwu]').click();
  await titleBecomes(page, '义乌市');
  await page.waitForTimeout(1500);
  await page.locator('.ct-tab').first().click(); // back to the overview, whose camera fits the map's size
  await page.waitForTimeout(1500); // landed, and its labels revealed
  const before = await page.locator('.ct-svg').getAttribute('viewBox');
  const { seen, final } = await sampleViewBoxes(page, () => page.setViewportSize({ width: 1000, height: 700 }), 900);
  assert.notEqual(final, before, 'the map was fitted to its new size');
  const between = seen.filter((v) => v !== before && v !== final);
  assert.deepEqual(between, [], `no intermediate viewBox after the landing: ${between.length} seen`);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
