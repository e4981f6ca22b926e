// The first paint: index.html holds the complete overview, drawn at build time by the widget's own views
// (src/prerender.rs): base map, three routes, 18 numbered markers that are real links, labels, legend and
// the event's text. Before the wasm arrives a tap is not lost; without WebAssembly the reader keeps this
// map and a tap shows the stop's prerendered card; when the app takes over, the picture does not change.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import pixelmatch from 'pixelmatch';
import { serve } from './server.mjs';
import { launch, openPage, appReady, tapAreas, shotsDir, PHONE, SMALL_PHONE, ARTICLE, PROJECTOR, hashBecomes, holdWasm } from './browser.mjs';

let server, browser;
before(async () => {
  server = await serve({ mount: '/news/2025/tour/' });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

/** What the reader sees of the map in `scope`: visible routes and stop links. */
const visibleMap = (page, scope) => page.evaluate((scope) => {
  const shown = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  return {
    routes: [...document.querySelectorAll(`${scope} .ct-route-line`)].filter(shown).length,
    stops: [...document.querySelectorAll(`${scope} [data-stop]`)].filter(shown).map((a) => a.dataset.stop),
    links: [...document.querySelectorAll(`${scope} [data-stop]`)].filter(shown).map((a) => a.getAttribute('href')),
  };
}, scope);

/** Fraction of pixels that differ between two PNG screenshots (pixelmatch, threshold 0.1). */
function differing(a, b, diffPath) {
  const [pa, pb] = [PNG.sync.read(a), PNG.sync.read(b)];
  assert.deepEqual([pa.width, pa.height], [pb.width, pb.height]);
  const diff = new PNG({ width: pa.width, height: pa.height });
  const n = pixelmatch(pa.data, pb.data, diff.data, pa.width, pa.height, { threshold: 0.1 });
  fs.writeFileSync(diffPath, PNG.sync.write(diff));
  return n / (pa.width * pa.height);
}

// At most this share of the screen's pixels may differ between the first paint and the app: anti-aliasing
// of text and strokes redrawn by the app. A moved marker or label alone would differ in more.
const SAME_PICTURE = 0.002;

const AREA = { phone: 44 * 44, article: 24 * 24 };

/** The font styles of the map's visible SVG text in `scope`, at their size on screen (rounded to 0.1 px). */
const mapFonts = (page, scope) => page.evaluate((scope) => {
  const seen = new Set();
  for (const t of document.querySelectorAll(`${scope} svg text`)) {
    if (!t.getClientRects().length) continue;
    const cs = getComputedStyle(t);
    const ctm = t.getScreenCTM();
    seen.add(`${(parseFloat(cs.fontSize) * Math.hypot(ctm.a, ctm.b)).toFixed(1)}px ${cs.fontWeight} ${cs.fontStyle}`);
  }
  return [...seen].sort();
}, scope);
// The map's text size on screen (layout.rs PHONE and READER font, at the first paint's scale).
const FONT = { phone: '13.0', article: '14.0' };

// index.html, and en.html: the same page in English (tools/postbuild.mjs englishPage).
const PAGES = [['phone', PHONE, ''], ['article', ARTICLE, ''], ['phone, en.html', PHONE, 'en.html'], ['article, en.html', ARTICLE, 'en.html']];
const sizeOf = (options) => (options === PHONE ? 'phone' : 'article');

for (const [name, options, file] of PAGES) {
  test(`${name}: with the wasm blocked, the overview shows three routes and 18 stops, each with a target of its own`, async () => {
    const page = await openPage(browser, options);
    await page.route(/_bg\.wasm$/, (route) => route.abort());
    await page.goto(server.url + file);
    await page.waitForFunction(() => document.getElementById('ct-first')?.hidden === false);
    const map = await visibleMap(page, '#ct-first');
    assert.equal(map.routes, 3);
    assert.equal(map.stops.length, 18, `one marker set shows: ${map.stops}`);
    assert.equal(new Set(map.stops).size, 18);
    map.links.forEach((href, i) => assert.equal(href, `#/${map.stops[i]}`));
    const areas = await tapAreas(page, '#ct-first');
    for (const [id, px] of Object.entries(areas)) assert.ok(px >= AREA[sizeOf(options)], `${id}: ${px} px² of its own`);
    // The map's text in one size and two weights (layout.rs MarkerStyle::font): each further size, weight or
    // slant of SVG text costs the first frame a font lookup of its own (about 20 ms at 4× CPU). In English the
    // water's names are in italics (a third style); Chinese has none.
    const size = FONT[sizeOf(options)];
    const fonts = [`${size}px 400 normal`, `${size}px 700 normal`];
    const seen = await mapFonts(page, '#ct-first');
    if (file) assert.ok(seen.includes(fonts[1]) && seen.every((f) => [`${size}px 400 italic`, ...fonts].includes(f)), `${seen}`);
    else assert.deepEqual(seen, fonts);
    const labels = await page.locator('#ct-first .ct-stop .ct-label:visible').allTextContents();
    assert.ok(labels.includes(file ? 'Yiwu' : '义乌'), `the map's names in the page's language: ${labels}`);
    await page.screenshot({ path: path.join(shotsDir, `first-paint-${name.replace(', ', '-')}.png`) });
    await page.context().close();
  });

  test(`${name}: when the app takes over, the picture stays the same and nothing shifts`, async () => {
    const page = await openPage(browser, options);
    const wasm = await holdWasm(page);
    await page.goto(server.url + file, { waitUntil: 'commit' });
    await page.locator('#ct-first').waitFor({ state: 'visible' });
    await wasm.asked;
    await page.waitForTimeout(300); // fonts settle
    const shot = name.replace(', ', '-');
    const before = await page.screenshot({ path: path.join(shotsDir, `takeover-before-${shot}.png`) });
    await page.evaluate(() => {
      window.__shift = 0;
      new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__shift += e.value; }).observe({ type: 'layout-shift' });
    });
    wasm.release();
    await appReady(page);
    await page.waitForTimeout(300);
    const after = await page.screenshot({ path: path.join(shotsDir, `takeover-after-${shot}.png`) });
    const share = differing(before, after, path.join(shotsDir, `takeover-diff-${shot}.png`));
    assert.ok(share <= SAME_PICTURE, `${(share * 100).toFixed(3)}% of the pixels changed`);
    assert.equal(await page.evaluate(() => window.__shift), 0, 'layout shift');
    assert.ok(((await page.locator('#county-tour .ct-layers > path.ct-land').getAttribute('d')) || '').length > 5000, 'outlines adopted');
    // With the app: every stop still has its own target.
    const areas = await tapAreas(page, '#county-tour');
    assert.equal(Object.keys(areas).length, 18);
    for (const [id, px] of Object.entries(areas)) assert.ok(px >= AREA[sizeOf(options)], `app: ${id}: ${px} px² of its own`);
    assert.equal(await page.locator('#county-tour .ct-root').getAttribute('lang'), file ? 'en' : 'zh-CN');
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });
}

// A slow phone's parser stops for a frame whenever its time slice ends; without the head's `<link rel=expect>`
// (src/prerender.rs first_paint_head) about one load in three painted a map with its routes and only some of
// its markers (or no land yet), and then laid the page out a second time before the map was whole. On a 360 px
// phone, whose marker set came after the outlines with the less common widths', the first frame showed the map
// without its markers in most loads: the lead sets are now those of phones from 320 px up and of a 1280 px page.
for (const [name, options] of [['phone', PHONE], ['360 px phone', SMALL_PHONE], ['article', ARTICLE]]) {
  test(`${name}, slow network and CPU: no frame shows a half-drawn map; the first with routes has all 18 markers and the land`, async () => {
    for (let load = 0; load < 3; load++) {
      const page = await openPage(browser, options);
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: 200_000, uploadThroughput: 94_000 });
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      await page.route(/_bg\.wasm$/, (route) => route.abort());
      // Each frame, before it paints: how many routes, stop markers and land outlines the reader would see.
      await page.addInitScript(() => {
        const frames = (window.__frames = []);
        const seen = (sel) => [...document.querySelectorAll(sel)].filter((e) => e.getClientRects().length > 0).length;
        const each = () => {
          const f = [seen('#ct-first .ct-route-line'), seen('#ct-first [data-stop] .ct-mk'), seen('#ct-first path[data-layer=land]')];
          frames.push(f);
          if (f[1] < 18 || frames.length < 3) requestAnimationFrame(each);
        };
        requestAnimationFrame(each);
      });
      await page.goto(server.url, { waitUntil: 'commit' });
      await page.waitForFunction(() => window.__frames?.some(([, m]) => m >= 18), null, { timeout: 30_000 });
      const frames = await page.evaluate(() => window.__frames);
      const partial = frames.filter(([r, m, l]) => (r > 0 || m > 0 || l > 0) && !(r === 3 && m === 18 && l === 1));
      assert.deepEqual(partial, [], `load ${load + 1}: frames as [routes, markers, land]: ${JSON.stringify(frames)}`);
      await page.context().close();
    }
  });
}

// Yew yields to the browser while it renders (every ~16 ms of work), so frames are painted between the
// app's first render, the effect that removes the first paint and the map's measuring itself. The page's
// outlines must stay in the first paint until it goes (when the app took them for its own map at start, a
// slow phone showed the map without its land for a frame or more), and the app's map must be framed for its
// size from its first render (from a guessed size, a slow phone showed a zoomed-out map for a frame or two).
for (const [name, options] of [['phone', PHONE], ['article', ARTICLE]]) {
  test(`${name}, slow CPU: every frame of the takeover shows the map with its land, framed as in the first paint`, async () => {
    for (let load = 0; load < 2; load++) {
      const page = await openPage(browser, options);
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
      // Each frame, before it paints: which map the reader sees (the first paint while it is there) and
      // whether its land outline is in it and laid out.
      await page.addInitScript(() => {
        const frames = (window.__frames = []);
        const each = () => {
          const first = document.getElementById('ct-first');
          const scope = first && !first.hidden ? first : document.getElementById('county-tour');
          const land = scope?.querySelector('.ct-base path[data-layer=land]');
          const drawn = !!land && land.getBoundingClientRect().width > 0 && (land.getAttribute('d') || '').length > 100;
          const map = scope?.querySelector('.ct-route-line') ? (scope === first ? 'first' : 'app') : 'none';
          // Where 义乌's marker is on screen: the same in every frame when the camera is the same.
          const yiwu = [...(scope?.querySelectorAll('[data-stop=yiwu] .ct-mk') || [])].map((e) => e.getBoundingClientRect()).find((r) => r.width > 0);
          frames.push([map, drawn, yiwu ? Math.round(yiwu.x + yiwu.width / 2) : null, yiwu ? Math.round(yiwu.y + yiwu.height / 2) : null]);
          if (map !== 'app' || frames.filter(([m]) => m === 'app').length < 3) requestAnimationFrame(each);
        };
        requestAnimationFrame(each);
      });
      await page.goto(server.url);
      await appReady(page);
      await page.waitForFunction(() => window.__frames.filter(([m]) => m === 'app').length >= 3);
      const frames = await page.evaluate(() => window.__frames);
      assert.ok(frames.some(([m]) => m === 'first'), 'the first paint was seen before the app');
      const bare = frames.filter(([m, drawn]) => m !== 'none' && !drawn);
      assert.deepEqual(bare, [], `load ${load + 1}: frames as [map, land drawn, 义乌 x, y]: ${JSON.stringify(frames)}`);
      // The app's first frames are framed like the first paint: 义乌 does not jump (within 2 px).
      const [, , x0, y0] = frames.find(([m, , x]) => m === 'first' && x !== null);
      const moved = frames.filter(([m, , x, y]) => m !== 'none' && (Math.abs(x - x0) > 2 || Math.abs(y - y0) > 2));
      assert.deepEqual(moved, [], `load ${load + 1}: 义乌 at ${x0}, ${y0} in the first paint; frames as [map, land drawn, x, y]: ${JSON.stringify(frames)}`);
      assert.deepEqual(page.problems, []);
      await page.context().close();
    }
  });
}

test('projector-sized screen: the first paint and the app are the same picture', async () => {
  const page = await openPage(browser, PROJECTOR);
  const wasm = await holdWasm(page);
  await page.goto(server.url, { waitUntil: 'commit' });
  await page.locator('#ct-first').waitFor({ state: 'visible' });
  await wasm.asked;
  await page.waitForTimeout(300);
  const before = await page.screenshot();
  wasm.release();
  await appReady(page);
  await page.waitForTimeout(300);
  const share = differing(before, await page.screenshot(), path.join(shotsDir, 'takeover-diff-projector.png'));
  assert.ok(share <= SAME_PICTURE, `${(share * 100).toFixed(3)}% of the pixels changed`);
  await page.context().close();
});

test('phone: a tap on 义乌 before the wasm arrives ends on 义乌市\'s card', async () => {
  const page = await openPage(browser, PHONE);
  const wasm = await holdWasm(page);
  await page.goto(server.url, { waitUntil: 'commit' });
  const yiwu = page.locator('#ct-first [data-stop=yiwu]:visible');
  await yiwu.waitFor();
  await yiwu.tap();
  // The link is followed at once: the address names the stop, and its prerendered card shows.
  assert.equal(await hashBecomes(page, '#/yiwu'), '#/yiwu');
  assert.equal(await page.locator('#ct-first .ct-target:target h2').textContent(), '义乌市');
  setTimeout(() => wasm.release(), 3000);
  await appReady(page);
  await page.waitForFunction(() => document.querySelector('#ct-card-h')?.textContent === '义乌市', null, { timeout: 5000 });
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('without WebAssembly, a click on 义乌 shows 义乌市\'s card from the page, and the tabs show each route', async () => {
  const page = await openPage(browser, ARTICLE);
  await page.addInitScript(() => { delete globalThis.WebAssembly; });
  await page.goto(server.url);
  await page.waitForTimeout(500);
  assert.equal(await page.locator('#ct-first').isVisible(), true);
  await page.locator('#ct-first [data-stop=yiwu]:visible').click();
  const card = page.locator('#ct-first .ct-target:target');
  assert.equal(await card.locator('h2').textContent(), '义乌市');
  assert.match(await card.textContent(), /据报道.*背景/s, 'reported facts and background, apart');
  assert.equal(await page.locator('#ct-first .ct-overview').isVisible(), false, 'the card takes the overview\'s place');
  await page.locator('#ct-first .ct-tab', { hasText: '第二组' }).click();
  assert.match(await page.locator('#ct-first .ct-target:target').textContent(), /海宁市.*常熟市/s);
  await page.locator('#ct-first .ct-tab', { hasText: '全部' }).click();
  assert.equal(await page.locator('#ct-first .ct-overview').isVisible(), true);
  // A warning says why; nothing is thrown at the reader.
  assert.ok(page.problems.every((p) => p.startsWith('warning: county-tour: the map runs without its app')), page.problems.join('\n'));
  await page.context().close();
});

test('without WebAssembly, en.html shows the English map, and a click on Yiwu shows its English card', async () => {
  const page = await openPage(browser, PHONE);
  await page.addInitScript(() => { delete globalThis.WebAssembly; });
  await page.goto(server.url + 'en.html');
  await page.locator('#ct-first [data-stop=yiwu]:visible').tap();
  const card = page.locator('#ct-first .ct-target:target');
  assert.equal(await card.locator('h2').textContent(), 'Yiwu');
  assert.match(await card.textContent(), /Reported.*Background/s, 'reported facts and background, apart');
  assert.equal(await page.title(), 'Hunan\'s county leaders learn from Zhejiang and Jiangsu: 3 routes, 18 stops');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  await page.context().close();
});

test('?lang=en on index.html: the content\'s English is fetched beside the wasm, not after it; en.html fetches none', async () => {
  for (const [suffix, fetched] of [['?lang=en#/yiwu', 1], ['en.html#/yiwu', 0]]) {
    const page = await openPage(browser, ARTICLE);
    const english = [];
    page.on('request', (r) => { if (/\/en-[0-9a-f]+\.js$/.test(r.url())) english.push(r.url()); });
    const wasm = await holdWasm(page);
    await page.goto(server.url + suffix, { waitUntil: 'commit' });
    await wasm.asked;
    await page.waitForFunction(() => typeof globalThis.__countyTourExtras === 'function'); // boot.js has run
    await page.waitForTimeout(200);
    assert.equal(english.length, fetched, `${suffix}: asked for before the wasm arrived`);
    wasm.release();
    await appReady(page);
    await page.waitForFunction(() => document.querySelector('#ct-card-h')?.textContent === 'Yiwu');
    assert.equal(english.length, fetched, `${suffix}: and once`);
    assert.deepEqual(page.problems, [], suffix);
    await page.context().close();
  }
});

// The boot script hides the first paint for the query pairs that src/address.rs says change the app's look
// (prerendered into first-query.json): hidden before the wasm exactly when the app then looks otherwise
// (language, layout, colours) than the first paint. Hiding too little flashes one look into another;
// hiding too much blanks the map for nothing while the wasm loads.
test('the first paint hides before the wasm exactly when the app will look otherwise; a deep link keeps it', async () => {
  const look = (page, sel) => page.evaluate((sel) => {
    const root = document.querySelector(sel);
    return ['lang-zh', 'lang-en', 'embed', 'present', 'dark'].filter((c) => root.classList.contains(c)).join(' ');
  }, sel);
  const cases = [
    ['?present#/binhu'], ['?lang=en'], ['?LANG=En'], ['?embed'], ['?embed=0'], ['?utm_source=x&LANG=zh'],
    ['?lang=fr'], ['?theme=Dark'], ['?theme=light'], ['?theme=auto'], ['?theme=auto', 'dark'], ['?theme=%20dark'],
    ['#/yiwu'], ['?utm_source=newsletter'],
    ['en.html'], ['en.html?lang=en'], ['en.html?lang=zh'], ['en.html?lang=ZH-hans#/kunshan'], ['en.html?present'],
  ];
  for (const [suffix, colorScheme = 'light'] of cases) {
    const what = `${suffix} (${colorScheme})`;
    const page = await openPage(browser, { ...ARTICLE, colorScheme });
    const wasm = await holdWasm(page);
    await page.goto(server.url + suffix, { waitUntil: 'commit' });
    await wasm.asked;
    await page.waitForFunction(() => typeof globalThis.__countyTourExtras === 'function'); // boot.js has run
    const hidden = !(await page.locator('#ct-first').isVisible());
    const first = await look(page, '#ct-first');
    assert.equal(first, suffix.startsWith('en.html') ? 'lang-en' : 'lang-zh', what);
    wasm.release();
    await appReady(page);
    const app = await look(page, '#county-tour .ct-root');
    assert.equal(hidden, app !== first, `${what}: first paint ${hidden ? 'hidden' : 'shown'}, the app's look "${app}"`);
    assert.ok(((await page.locator('#county-tour .ct-layers > path.ct-land').getAttribute('d')) || '').length > 5000, what);
    assert.deepEqual(page.problems, [], what);
    await page.context().close();
  }
});

test('framed and inline, the app gets the outlines and no first paint stays behind', async () => {
  const framed = await openPage(browser, ARTICLE);
  await framed.goto(`${server.origin}/host/plain.html?src=${encodeURIComponent(server.url)}`);
  const frame = framed.frameLocator('iframe');
  await frame.locator('#county-tour [data-stop]').first().waitFor();
  assert.equal(await frame.locator('#ct-first').count(), 0);
  assert.ok(((await frame.locator('#county-tour .ct-layers > path.ct-land').getAttribute('d')) || '').length > 5000);
  assert.deepEqual(framed.problems, []);
  await framed.context().close();

  const inline = await openPage(browser, ARTICLE);
  await inline.goto(server.origin + '/host/inline.html');
  await inline.locator('#county-tour [data-stop]').first().waitFor();
  assert.equal(await inline.locator('#ct-first').count(), 0);
  assert.ok(((await inline.locator('#county-tour .ct-layers > path.ct-land').getAttribute('d')) || '').length > 5000);
  assert.deepEqual(inline.problems, []);
  await inline.context().close();
});

test('the first paint\'s cards are laid out once, and on the overview one live card is drawn once, where no one sees them, then go; nothing shifts, no id twice', async () => {
  for (const hash of ['#/liangxi', '#/']) {
    const page = await openPage(browser, ARTICLE);
    await page.addInitScript(() => {
      const seen = (window.__warm = { most: 0, shown: [], twice: [], shifts: [], first: 0, from: 0, to: 0, card: false });
      new PerformanceObserver((l) => { for (const e of l.getEntries()) seen.shifts.push([e.startTime, e.value]); }).observe({ type: 'layout-shift', buffered: true });
      document.addEventListener('DOMContentLoaded', () => { seen.first = document.querySelectorAll('#ct-first .ct-target > section').length; });
      new MutationObserver(() => {
        const boxes = [...document.querySelectorAll('.ct-warm')];
        if (!boxes.length) { if (seen.from && !seen.to) seen.to = performance.now(); return; }
        seen.from ||= performance.now();
        // The live card drawn ahead of the reader's first tap carries its heading's id (the prerendered ones do not).
        seen.card ||= !!document.querySelector('.ct-warm section.ct-card #ct-card-h');
        for (const warm of boxes) {
          seen.most = Math.max(seen.most, warm.children.length);
          const style = getComputedStyle(warm);
          if (style.visibility !== 'hidden' || warm.getAttribute('aria-hidden') !== 'true' || !warm.inert || warm.getBoundingClientRect().height > 1) seen.shown.push(warm.outerHTML.slice(0, 80));
        }
        const ids = [...document.querySelectorAll('[id]')].map((e) => e.id);
        seen.twice.push(...ids.filter((id, i) => ids.indexOf(id) !== i));
      }).observe(document, { childList: true, subtree: true, attributes: true });
    });
    await page.goto(server.url + hash);
    await appReady(page);
    await page.waitForTimeout(200);
    const warm = await page.evaluate(() => window.__warm);
    assert.ok(warm.first >= 22, `${hash}: the first paint had ${warm.first} cards and routes`);
    assert.equal(warm.most, warm.first, `${hash}: every prerendered card and route was laid out`);
    assert.deepEqual(warm.shown, [], `${hash}: the warm-up box was never visible, focusable or in the flow`);
    assert.deepEqual([...new Set(warm.twice)], [], `${hash}: no id twice in the page`);
    assert.ok(warm.from && warm.to, `${hash}: the warm-up box came and went`);
    assert.deepEqual(warm.shifts.filter(([t]) => t >= warm.from && t <= warm.to + 100), [], `${hash}: no layout shift while it was there`);
    // A page that opens on a stop has run the card's code already; one that opens on the overview runs it once,
    // hidden, so that the reader's first tap does not pay for it.
    assert.equal(warm.card, hash === '#/', `${hash}: a hidden live card was drawn`);
    if (hash === '#/') {
      assert.equal(await page.locator('section.ct-card').count(), 0, 'no card left behind on the overview');
    } else {
      // One card in the page: the live one, named by its own heading.
      assert.equal(await page.locator('section.ct-card').count(), 1);
      assert.equal(await page.locator('.ct-panel section.ct-card[aria-labelledby="ct-card-h"] h2#ct-card-h').textContent(), '梁溪区');
    }
    assert.deepEqual(page.problems, []);
    await page.context().close();
  }
});
