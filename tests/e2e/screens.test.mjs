// Three screens: a phone with touch, an article that frames the widget (pym.js or a plain iframe),
// and a projector in presenter mode.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { serve, root } from './server.mjs';
import { launch, openPage, load, shot, cardTitle, titleBecomes, PHONE, PROJECTOR, hashBecomes } from './browser.mjs';

let server, browser;
before(async () => {
  server = await serve({ mount: '/news/2025/tour/' });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

/** Fire a one-finger swipe on an element with real TouchEvents. */
async function swipe(page, selector, dx, dy = 0) {
  await page.locator(selector).evaluate((el, [dx, dy]) => {
    const r = el.getBoundingClientRect();
    const x = r.left + r.width / 2, y = r.top + Math.min(r.height / 2, 120);
    const touch = (cx, cy) => new Touch({ identifier: 1, target: el, clientX: cx, clientY: cy });
    const fire = (type, t) => el.dispatchEvent(new TouchEvent(type, { bubbles: true, cancelable: true, touches: type === 'touchend' ? [] : [t], changedTouches: [t] }));
    fire('touchstart', touch(x, y));
    fire('touchmove', touch(x + dx / 2, y + dy / 2));
    fire('touchend', touch(x + dx, y + dy));
  }, [dx, dy]);
}

test('phone: no horizontal overflow at 390 or 320 px; tap targets are 44 px; body text at least 15 px', async () => {
  for (const width of [390, 320]) {
    const page = await openPage(browser, { ...PHONE, viewport: { width, height: 740 } });
    await load(page, server.url + '#/yiwu');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(overflow, 0, `horizontal overflow at ${width}px`);
    const small = await page.evaluate(() => [...document.querySelectorAll('.ct-root button, .ct-root [role=button]')]
      .filter((el) => el.getClientRects().length && getComputedStyle(el).visibility !== 'hidden')
      .map((el) => { const r = el.getBoundingClientRect(); return [el.className.baseVal ?? el.className, r.width, r.height]; })
      .filter(([, w, h]) => w < 44 - 0.5 || h < 44 - 0.5));
    assert.deepEqual(small, [], 'every tap target is at least 44×44');
    const fact = await page.locator('.ct-facts li').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    assert.ok(fact >= 15, `body text ${fact}px`);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  }
});

test('phone: a card opens in a sheet below the map, which neither moves nor resizes and keeps a third of the screen; the sheet expands and collapses', async () => {
  const page = await openPage(browser, PHONE);
  await load(page, server.url + '#/');
  const mapBox = () => page.locator('.ct-map').evaluate((el) => {
    const r = el.getBoundingClientRect();
    return [r.x, r.y, r.width, r.height].map(Math.round);
  });
  // A box whose display type changes (block or grid to flex) has its layout tree rebuilt, and with it the
  // whole map's SVG, in the tap's frame: opening a card changes sizes only.
  const displays = () => page.locator('#county-tour .ct-root').evaluate((root) =>
    [root, ...root.querySelectorAll('.ct-stage, .ct-mapbox, .ct-map, .ct-map > svg')].map((el) => getComputedStyle(el).display));
  const overviewMap = await mapBox();
  const overviewDisplays = await displays();
  // On the phone overview the three Wuxi districts share one tap target (the top one opens, and
  // the map then zooms them apart), so open 滨湖 the way a second tap would.
  await page.locator('[data-stop=binhu]').dispatchEvent('click');
  await page.waitForSelector('#ct-card-h');
  await page.waitForTimeout(1000);
  // The card's sheet takes the screen below the map: the map neither jumps nor changes size.
  assert.deepEqual(await mapBox(), overviewMap, 'the map keeps its place and size when the card opens');
  assert.deepEqual(await displays(), overviewDisplays, 'the page, stage and map keep their display types');
  const sheetBottom = await page.locator('.ct-panel').evaluate((el) => Math.round(el.getBoundingClientRect().bottom));
  assert.equal(sheetBottom, 844, 'the sheet reaches the bottom of the screen');
  const visibleMap = async () => page.locator('.ct-map').evaluate((el) => {
    const r = el.getBoundingClientRect();
    return Math.max(0, Math.min(r.bottom, innerHeight) - Math.max(r.top, 0)) / innerHeight;
  });
  assert.ok(await visibleMap() >= 1 / 3, `map share ${await visibleMap()}`);
  const sheet = page.locator('.ct-panel');
  const before = (await sheet.boundingBox()).height;
  await page.getByRole('button', { name: '展开卡片' }).click();
  await page.waitForTimeout(400);
  const expanded = (await sheet.boundingBox()).height;
  assert.ok(expanded > before + 40, `sheet grows: ${before} -> ${expanded}`);
  assert.ok(await visibleMap() >= 1 / 3 - 0.01, 'still a third when expanded');
  await page.getByRole('button', { name: '收起卡片' }).click();
  await page.waitForTimeout(400);
  assert.ok(Math.abs((await sheet.boundingBox()).height - before) < 2);
  await shot(page, 'phone-binhu-sheet');
  await page.context().close();
});

test('phone: swiping the card left and right walks the stops; a vertical swipe does not', async () => {
  const page = await openPage(browser, PHONE);
  await load(page, server.url + '#/yuhang');
  await swipe(page, '.ct-card', -160);
  assert.equal(await titleBecomes(page, '义乌市'), '义乌市');
  await swipe(page, '.ct-card', -160);
  assert.equal(await titleBecomes(page, '柯桥区'), '柯桥区');
  await swipe(page, '.ct-card', 160);
  assert.equal(await titleBecomes(page, '义乌市'), '义乌市');
  await swipe(page, '.ct-card', -30, -200);
  assert.equal(await titleBecomes(page, '义乌市'), '义乌市');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

/** The card panel's scroll: where it is, where its end is, and whether the card's heading and its last line
 *  lie within the panel's visible box. */
const panelScroll = (page) => page.locator('.ct-panel').evaluate((p) => {
  const box = p.getBoundingClientRect();
  const seen = (el) => { const r = el.getBoundingClientRect(); return r.top >= box.top - 1 && r.bottom <= box.bottom + 1; };
  return { top: p.scrollTop, end: p.scrollHeight - p.clientHeight, heading: seen(p.querySelector('#ct-card-h')),
    last: seen(p.querySelector('.ct-card').lastElementChild) };
});

/** The panel's scroll once it has come to rest within 1 px of `want` (a smooth scroll takes a few frames), or
 *  wherever it is after 3 s. */
async function scrollSettles(page, want) {
  await page.waitForFunction((w) => Math.abs(document.querySelector('.ct-panel').scrollTop - w) < 1, want, { timeout: 3000 }).catch(() => {});
  return panelScroll(page);
}

test('phone: a card reached by a swipe opens at its top, wherever the reader left the card before', async () => {
  const page = await openPage(browser, PHONE);
  await load(page, server.url + '#/yuhang');
  for (const [dx, want] of [[-160, '义乌市'], [160, '余杭区']]) {
    const { end } = await panelScroll(page);
    assert.ok(end > 100, `the card runs ${end}px past the sheet`);
    await page.locator('.ct-panel').evaluate((p) => { p.scrollTop = p.scrollHeight; });
    await swipe(page, '.ct-card', dx);
    assert.equal(await titleBecomes(page, want), want);
    const at = await panelScroll(page);
    assert.equal(at.top, 0, `${want} opens scrolled ${at.top}px down`);
    assert.ok(at.heading, `${want}: its heading is in view`);
  }
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('phone: two fingers pinch the map; one finger scrolling up and down is left to the page', async () => {
  const page = await openPage(browser, PHONE);
  await load(page, server.url + '#/route/2');
  await page.waitForTimeout(900);
  assert.equal(await page.locator('.ct-svg').evaluate((el) => getComputedStyle(el).touchAction), 'pan-y');
  const width = async () => Number((await page.locator('.ct-svg').getAttribute('viewBox')).split(' ')[2]);
  const before = await width();
  await page.locator('.ct-svg').evaluate((svg) => {
    const r = svg.getBoundingClientRect();
    const cx = r.left + r.width / 2, cy = r.top + r.height / 2;
    const fire = (type, id, x) => svg.dispatchEvent(new PointerEvent(type, {
      pointerId: id, pointerType: 'touch', isPrimary: id === 1, buttons: type === 'pointerup' ? 0 : 1, clientX: x, clientY: cy, bubbles: true, cancelable: true,
    }));
    fire('pointerdown', 1, cx - 30);
    fire('pointerdown', 2, cx + 30);
    for (let i = 1; i <= 6; i++) { fire('pointermove', 1, cx - 30 - i * 10); fire('pointermove', 2, cx + 30 + i * 10); }
    fire('pointerup', 1, cx - 90);
    fire('pointerup', 2, cx + 90);
  });
  await page.waitForTimeout(200);
  const after = await width();
  assert.ok(after < before * 0.6, `spreading two fingers zooms in: ${before} -> ${after}`);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('map: dragging pans, the wheel waits for a click, and 全图 fits the view again', async () => {
  const page = await openPage(browser);
  await load(page, server.url + '#/route/1');
  await page.waitForTimeout(1000);
  const viewBox = () => page.locator('.ct-svg').getAttribute('viewBox');
  const fitted = await viewBox();
  assert.equal(await page.getByRole('button', { name: '全图' }).count(), 0, 'nothing to fit back to yet');
  const box = await page.locator('.ct-map').boundingBox();
  const cx = box.x + box.width / 2, cy = box.y + box.height / 2;
  // A wheel over an untouched map scrolls the page and shows the hint instead of zooming.
  await page.mouse.move(cx, cy);
  assert.equal(await page.locator('.ct-hint').isVisible(), false, 'no hint before the wheel');
  await page.mouse.wheel(0, -300);
  await page.waitForTimeout(100);
  assert.equal(await viewBox(), fitted);
  assert.equal(await page.locator('.ct-hint').isVisible(), true, 'the hint shows');
  await page.mouse.down();
  await page.mouse.move(cx + 120, cy + 40, { steps: 6 });
  await page.mouse.up();
  const panned = await viewBox();
  assert.notEqual(panned, fitted);
  const [x0] = fitted.split(' ').map(Number), [x1] = panned.split(' ').map(Number);
  assert.ok(x1 < x0, 'dragging right moves the map right');
  // After a click into the map, the wheel zooms.
  const w1 = Number(panned.split(' ')[2]);
  await page.mouse.wheel(0, -300);
  await page.waitForTimeout(300);
  assert.ok(Number((await viewBox()).split(' ')[2]) < w1, 'wheel zoomed in');
  await page.getByRole('button', { name: '全图' }).click();
  await page.waitForTimeout(1100);
  assert.equal(await viewBox(), fitted);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('map: a drag released outside the map lets go of it; moving back over the map does not move it', async () => {
  const page = await openPage(browser);
  await load(page, server.url + '#/route/1');
  await page.waitForTimeout(1000);
  const viewBox = () => page.locator('.ct-svg').getAttribute('viewBox');
  const fitted = await viewBox();
  const box = await page.locator('.ct-svg').boundingBox();
  const cx = box.x + box.width / 2, cy = box.y + box.height / 2;
  // A point off the map: beside it (the card's column) or above it (the tabs).
  const outside = await page.evaluate(([cands]) => cands.find(([x, y]) =>
    x >= 0 && y >= 0 && x < innerWidth && y < innerHeight && !document.elementFromPoint(x, y)?.closest('.ct-svg')),
  [[[box.x + box.width + 60, cy], [cx, box.y - 20], [box.x - 60, cy], [cx, box.y + box.height + 40]]]);
  assert.ok(outside, 'a point off the map');
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  await page.mouse.move(cx + 80, cy + 30, { steps: 5 });
  await page.mouse.move(outside[0], outside[1], { steps: 5 });
  await page.mouse.up();
  await page.waitForTimeout(100);
  const released = await viewBox();
  assert.notEqual(released, fitted, 'the drag moved the map');
  await page.mouse.move(cx - 100, cy - 40, { steps: 8 });
  await page.mouse.move(cx + 60, cy + 60, { steps: 8 });
  await page.waitForTimeout(200);
  assert.equal(await viewBox(), released, 'with no button held the map stays where the drag left it');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a click on a marker rings it in the very next frame, the card follows, and no ring stays behind', async () => {
  for (const options of [undefined, PHONE]) {
    const page = await openPage(browser, options);
    await load(page, server.url + '#/');
    await page.waitForTimeout(300);
    const ring = (id) => page.evaluate((id) => {
      const mk = [...document.querySelectorAll(`#county-tour .ct-map [data-stop="${id}"] .ct-mk`)].find((e) => e.getBoundingClientRect().width > 0);
      return getComputedStyle(mk).strokeWidth;
    }, id);
    // The frames after a click, as the page draws them: the marker's ring and the card's title in each.
    const frames = (id) => page.evaluate((id) => new Promise((resolve) => {
      const seen = [];
      addEventListener('click', () => {
        const mk = [...document.querySelectorAll(`#county-tour .ct-map [data-stop="${id}"] .ct-mk`)].find((e) => e.getBoundingClientRect().width > 0);
        const f = () => {
          seen.push([getComputedStyle(mk).strokeWidth, document.querySelector('#county-tour #ct-card-h')?.textContent || '']);
          if (seen.length < 40 && !seen.at(-1)[1]) requestAnimationFrame(f); else resolve(seen);
        };
        requestAnimationFrame(f);
      }, { capture: true, once: true });
    }), id);
    const plain = await ring('yiwu');
    const spot = (id) => page.evaluate((id) => {
      const mk = [...document.querySelectorAll(`#county-tour .ct-map [data-stop="${id}"] .ct-mk`)].find((e) => e.getBoundingClientRect().width > 0);
      const r = mk.getBoundingClientRect();
      return [r.left + r.width / 2, r.top + r.height / 2];
    }, id);
    const at = (box) => (options ? page.touchscreen.tap(...box) : page.mouse.click(...box));
    const seen = frames('yiwu');
    await at(await spot('yiwu'));
    const log = await seen;
    assert.notEqual(log[0][0], plain, `the first frame after the click rings the marker: ${JSON.stringify(log)}`);
    assert.equal(log.at(-1)[1], '义乌市', `then the card opens: ${JSON.stringify(log)}`);
    assert.ok(log.length <= 10, `within a few frames: ${JSON.stringify(log)}`);
    // Two markers in quick succession, then back to the overview: no marker is left ringed.
    await titleBecomes(page, '义乌市');
    await page.evaluate(() => { location.hash = '#/'; });
    await page.waitForTimeout(800);
    await at(await spot('keqiao'));
    // The second at once, on its link: a second real tap at cixi's overview spot found the flight to 柯桥
    // already under way on a busy machine (the tap in flight selects what is under the finger then, and
    // spine.test.mjs tests that), so it could land beside cixi's moving mark.
    await page.evaluate(() => document.querySelector('#county-tour .ct-map a[data-stop="cixi"]')
      .dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true })));
    assert.equal(await titleBecomes(page, '慈溪市'), '慈溪市');
    await page.waitForTimeout(1200);
    await page.evaluate(() => { location.hash = '#/'; });
    await page.waitForTimeout(1200);
    const ringed = await page.evaluate((plain) => [...document.querySelectorAll('#county-tour .ct-map [data-stop]')]
      .filter((a) => [...a.querySelectorAll('.ct-mk')].some((mk) => getComputedStyle(mk).strokeWidth !== plain))
      .map((a) => a.dataset.stop), plain);
    assert.deepEqual(ringed, [], 'on the overview again, no marker keeps a ring');
    assert.deepEqual(page.problems, []);
    await page.context().close();
  }
});

test('a pointer moving over the widget runs its code only on the map and the language button', async () => {
  // Listeners for the events a moving pointer fires, on any element of the widget (the host included). Yew's
  // own (`onpointermove=` and friends in a view) sit on the host and run wasm for every move and every element
  // entered or left anywhere in the widget, which a finger's tap does just before its pointerdown: 16 ms of a
  // phone tap's INP at 4x CPU (bench/RESULTS.md).
  const page = await openPage(browser);
  await load(page, server.url + '#/');
  const cdp = await page.context().newCDPSession(page);
  const { result } = await cdp.send('Runtime.evaluate', { expression: 'document.getElementById("county-tour")' });
  const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId, depth: -1 });
  const moving = ['pointermove', 'pointerover', 'pointerout', 'pointerenter', 'pointerleave', 'pointerrawupdate',
    'mousemove', 'mouseover', 'mouseout', 'mouseenter', 'mouseleave'];
  const where = [];
  for (const l of listeners.filter((l) => moving.includes(l.type))) {
    const { node } = await cdp.send('DOM.describeNode', { backendNodeId: l.backendNodeId });
    const attrs = Object.fromEntries((node.attributes || []).reduce((a, v, i, all) => (i % 2 ? a : [...a, [v, all[i + 1]]]), []));
    where.push(`${l.type} on ${node.localName}${attrs.id ? '#' + attrs.id : ''}${(attrs.class || '').split(' ').filter(Boolean).map((c) => '.' + c).join('')}`);
  }
  assert.ok(where.includes('pointermove on svg.ct-svg'), `the map listens for its drags: ${where.join(', ')}`);
  assert.ok(where.some((w) => /^pointerenter on button\..*\.ct-lang\b/.test(w)), `the language button fetches ahead: ${where.join(', ')}`);
  assert.deepEqual(where.filter((w) => !/ on svg\.ct-svg$/.test(w) && !/^pointerenter on button\..*\.ct-lang\b/.test(w)), [],
    'no other element listens to a moving pointer');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

/** The frame's height and the height of the document inside it. */
async function frameHeights(page) {
  const frameEl = page.locator('iframe');
  const outer = (await frameEl.boundingBox()).height;
  const frame = await (await frameEl.elementHandle()).contentFrame();
  const inner = await frame.evaluate(() => document.body.offsetHeight);
  const scroll = await frame.evaluate(() => document.documentElement.scrollHeight - document.documentElement.clientHeight);
  return { outer, inner, scroll, frame };
}

async function settleFrame(page, check) {
  for (let i = 0; i < 40; i++) {
    const h = await frameHeights(page);
    if (Math.abs(h.outer - h.inner) <= 4) return h;
    await page.waitForTimeout(100);
  }
  return check ? frameHeights(page) : null;
}

for (const [host, label] of [['pym.html', 'pym.js'], ['plain.html', 'the plain resize script']]) {
  test(`embed with ${label}: the frame follows the content height on load, on a stop and at 400 px`, async () => {
    const page = await openPage(browser, { viewport: { width: 1280, height: 800 } });
    const src = server.url + '?embed#/';
    await page.goto(`${server.origin}/host/${host}?src=${encodeURIComponent(src)}`);
    await page.waitForSelector('iframe');
    const frame = await (await page.locator('iframe').elementHandle()).contentFrame();
    await frame.waitForSelector('[data-stop]');
    let h = await settleFrame(page, true);
    assert.ok(Math.abs(h.outer - h.inner) <= 4, `after load: frame ${h.outer} vs content ${h.inner}`);
    assert.ok(h.scroll <= 4, 'no inner scrollbar');
    assert.ok((await frame.locator('.ct-title').boundingBox()).width <= 1, '?embed hides the page title');
    await frame.locator('[data-stop=yiwu]').click();
    await frame.waitForSelector('#ct-card-h');
    h = await settleFrame(page, true);
    assert.ok(Math.abs(h.outer - h.inner) <= 4, `after a stop: frame ${h.outer} vs content ${h.inner}`);
    const wide = h.outer;
    await page.setViewportSize({ width: 400, height: 800 });
    h = await settleFrame(page, true);
    assert.ok(Math.abs(h.outer - h.inner) <= 4, `at 400px: frame ${h.outer} vs content ${h.inner}`);
    assert.notEqual(h.outer, wide, 'the frame height changed with the width');
    if (host === 'pym.html') await shot(page, 'embed-pym-400');
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });
}

test('a host may navigate the framed widget with the documented message, and junk is ignored', async () => {
  const page = await openPage(browser);
  const src = server.url + '?embed#/';
  await page.goto(`${server.origin}/host/plain.html?src=${encodeURIComponent(src)}`);
  const frame = await (await page.locator('iframe').elementHandle()).contentFrame();
  await frame.waitForSelector('[data-stop]');
  await page.evaluate(() => {
    const w = document.querySelector('iframe').contentWindow;
    for (const junk of [null, 42, 'hello', { type: 'county-tour:navigate' }, { type: 'navigate', hash: '#/yiwu' },
      { type: 'county-tour:navigate', hash: 12 }, [1, 2], { type: 'county-tour:navigate', hash: '#/' + 'x'.repeat(9999) }]) {
      w.postMessage(junk, '*');
    }
  });
  await page.waitForTimeout(200);
  assert.equal(await frame.locator('.ct-overview').count(), 1);
  await page.evaluate(() => document.querySelector('iframe').contentWindow.postMessage({ type: 'county-tour:navigate', hash: '#/kunshan' }, '*'));
  await frame.waitForSelector('#ct-card-h');
  assert.equal(await frame.locator('#ct-card-h').textContent(), '昆山市');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('projector: large type, clicker keys, blackout, automatic tour, and a QR code of the stop', async () => {
  const page = await openPage(browser, PROJECTOR);
  await load(page, server.url + '?present#/binhu');
  const size = await page.locator('.ct-card .ct-facts li').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  assert.ok(size >= 28, `card text ${size}px at 1920×1080`);
  assert.match(await page.locator('.ct-progress-text').textContent(), /第一组 5\/7 · 全程 5\/18/);
  await page.keyboard.press('PageDown');
  assert.equal(await titleBecomes(page, '梁溪区'), '梁溪区');
  await page.keyboard.press('PageUp');
  await page.keyboard.press('PageUp');
  assert.equal(await titleBecomes(page, '新吴区'), '新吴区');
  await page.keyboard.press('End');
  assert.equal(await titleBecomes(page, '如皋市'), '如皋市');
  await page.keyboard.press('Home');
  assert.equal(await titleBecomes(page, '余杭区'), '余杭区');
  await page.keyboard.press('3');
  await page.waitForFunction(() => document.querySelectorAll('.ct-stop.hl').length === 6, null, { timeout: 3000 });
  // The address follows just after the frame that lit the route.
  assert.equal(await hashBecomes(page, '#/route/3'), '#/route/3');
  await page.keyboard.press('PageDown');
  assert.equal(await titleBecomes(page, '余姚市'), '余姚市');

  // The QR code names this stop's link for the audience, without presenter mode. It comes from the
  // extras wasm, fetched when presenting starts; the figure names the link its code holds.
  await page.locator(`.ct-qr[data-url="${server.url}#/yuyao"] svg`).waitFor({ timeout: 5000 });
  await page.addScriptTag({ path: path.join(root, 'node_modules/jsqr/dist/jsQR.js') });
  const decoded = await page.evaluate(async () => {
    const svg = document.querySelector('.ct-qr svg');
    const img = new Image();
    img.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(new XMLSerializer().serializeToString(svg));
    await img.decode();
    const c = document.createElement('canvas');
    c.width = c.height = 400;
    const ctx = c.getContext('2d');
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, 400, 400);
    ctx.drawImage(img, 0, 0, 400, 400);
    return window.jsQR(ctx.getImageData(0, 0, 400, 400).data, 400, 400)?.data;
  });
  assert.equal(decoded, server.url + '#/yuyao');
  const qr = await page.locator('.ct-qr svg').boundingBox();
  assert.ok(qr.width >= 160, `QR ${qr.width}px wide`);
  await shot(page, 'projector-yuyao');

  // Fullscreen: the button and the F key (a presenter's clicker often has neither, but the laptop does).
  const fullscreen = () => page.evaluate(() => document.fullscreenElement?.localName ?? null);
  await page.getByRole('button', { name: '全屏' }).click();
  await page.waitForFunction(() => document.fullscreenElement !== null, null, { timeout: 3000 });
  assert.equal(await fullscreen(), 'html', 'the whole page goes fullscreen');
  await page.keyboard.press('f');
  await page.waitForFunction(() => document.fullscreenElement === null, null, { timeout: 3000 });
  await page.keyboard.press('f');
  await page.waitForFunction(() => document.fullscreenElement !== null, null, { timeout: 3000 });
  await page.keyboard.press('f');
  await page.waitForFunction(() => document.fullscreenElement === null, null, { timeout: 3000 });

  await page.keyboard.press('b');
  await page.locator('.ct-blackout').waitFor({ state: 'visible', timeout: 3000 });
  await page.keyboard.press('b');
  await page.locator('.ct-blackout').waitFor({ state: 'detached', timeout: 3000 });

  await page.keyboard.press(' ');
  await page.waitForSelector('.ct-countdown');
  assert.match(await page.locator('.ct-countdown').textContent(), /\d+ 秒后下一站/);
  await page.keyboard.press('ArrowRight'); // a reader's key stops the tour
  await page.locator('.ct-countdown').waitFor({ state: 'detached', timeout: 3000 });

  await page.keyboard.press('Escape');
  await page.locator('.ct-root.present').waitFor({ state: 'detached', timeout: 3000 });
  await page.keyboard.press('p');
  await page.locator('.ct-root.present').waitFor({ timeout: 3000 });
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('projector: a card or text longer than the screen is shown whole, a screen per press, before the clicker moves on', async () => {
  let page = await openPage(browser, PROJECTOR);
  await load(page, server.url + '?present#/yiwu');
  let at = await panelScroll(page);
  assert.ok(at.end > 100 && !at.last, `义乌市's card runs ${at.end}px past the panel, its end out of sight`);
  // A light edge at the panel's foot says there is more (style.css: the edge stays while the end is out of sight).
  assert.match(await page.locator('.ct-panel').evaluate((p) => getComputedStyle(p).backgroundImage), /gradient/);

  await page.keyboard.press('PageDown');
  at = await scrollSettles(page, at.end);
  assert.equal(await cardTitle(page), '义乌市', 'the first press stays on the card');
  assert.ok(at.top >= at.end - 2 && at.last, `scrolled to ${at.top} of ${at.end}: the card's end is in view`);
  await page.keyboard.press('PageDown');
  assert.equal(await titleBecomes(page, '柯桥区'), '柯桥区', "at the card's end the next press moves on");
  assert.equal((await panelScroll(page)).top, 0);

  // Back: to the top of a long card first, then the stop before it.
  await page.keyboard.press('PageUp');
  assert.equal(await titleBecomes(page, '义乌市'), '义乌市');
  at = await panelScroll(page);
  assert.ok(at.top === 0 && at.heading, 'a card reached going back opens at its top');
  await page.keyboard.press('ArrowDown');
  await scrollSettles(page, at.end);
  await page.keyboard.press('ArrowUp');
  at = await scrollSettles(page, 0);
  assert.equal(await cardTitle(page), '义乌市');
  assert.ok(at.top <= 2 && at.heading, `back up to ${at.top}`);
  await page.keyboard.press('ArrowLeft');
  assert.equal(await titleBecomes(page, '余杭区'), '余杭区');

  // The automatic tour too shows the rest of a long card, one count per screen, before it moves on.
  await page.keyboard.press('ArrowRight');
  assert.equal(await titleBecomes(page, '义乌市'), '义乌市');
  await page.keyboard.press(' ');
  await page.waitForFunction(() => document.querySelector('.ct-panel').scrollTop > 0, null, { timeout: 15000 });
  assert.equal(await cardTitle(page), '义乌市', "the count's end scrolled the card rather than leave it");
  assert.match(await page.locator('.ct-countdown').textContent(), /^1[12] /, 'and counts again');
  assert.deepEqual(page.problems, []);
  await page.context().close();

  // So does the overview's text: the presenter's first press shows more of it, not the first stop.
  page = await openPage(browser, PROJECTOR);
  await load(page, server.url + '?present#/');
  const end = await page.locator('.ct-panel').evaluate((p) => p.scrollHeight - p.clientHeight);
  assert.ok(end > 100, `the overview's text runs ${end}px past the panel`);
  await page.keyboard.press('PageDown');
  await page.waitForFunction(() => document.querySelector('.ct-panel').scrollTop > 100, null, { timeout: 3000 });
  assert.equal(await page.locator('.ct-overview').count(), 1);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the audience QR link keeps the language and other parameters but not the presenter flags', async () => {
  const page = await openPage(browser, PROJECTOR);
  await load(page, server.url + '?lang=en&present=1&utm_source=slides&embed=0#/kunshan');
  assert.equal(await titleBecomes(page, 'Kunshan'), 'Kunshan');
  const url = `${server.url}?lang=en&utm_source=slides#/kunshan`;
  await page.locator(`.ct-qr[data-url="${url}"] svg`).waitFor({ timeout: 5000 });
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the Hunan inset numbers its places legibly on the page and on the projector', async () => {
  for (const [opts, query] of [[PROJECTOR, '?present'], [PROJECTOR, '']]) {
    const page = await openPage(browser, opts);
    await load(page, server.url + query + '#/hunan');
    const fills = await page.locator('.ct-hn-place').first().evaluate((g) => [
      getComputedStyle(g.querySelector('circle')).fill, getComputedStyle(g.querySelector('.ct-mk-n')).fill]);
    assert.notEqual(fills[0], fills[1], `${query || 'page'}: number ${fills[1]} on disc ${fills[0]}`);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  }
});

test('projector at 800×600, 1024×768 and 3840×2160 still lays out map and card side by side, the QR code beside the card', async () => {
  for (const [w, h] of [[800, 600], [1024, 768], [3840, 2160]]) {
    const page = await openPage(browser, { viewport: { width: w, height: h } });
    await load(page, server.url + '?present#/jiashan');
    const map = await page.locator('.ct-map').boundingBox();
    const card = await page.locator('.ct-card').boundingBox();
    assert.ok(card.x >= map.x + map.width - 1, 'card to the right of the map');
    assert.ok(map.y + map.height <= h + 1, 'map fits the screen');
    const overflow = await page.evaluate(() => document.documentElement.scrollHeight - innerHeight);
    assert.ok(overflow <= 1, `no page scroll at ${w}×${h}`);
    // The code sits at the screen's foot, right of the card; it once covered the card's buttons at 1024 px.
    const qr = await page.locator('.ct-qr svg').waitFor({ timeout: 5000 }).then(() => page.locator('.ct-qr').boundingBox());
    assert.ok(card.x + card.width <= qr.x, `card ends at ${card.x + card.width}, the QR code starts at ${qr.x} (${w}×${h})`);
    await shot(page, `projector-${w}x${h}`);
    await page.context().close();
  }
});
