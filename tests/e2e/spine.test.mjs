// The route map end to end on the release build: stops, cards, keys, tabs, the URL, at three screen sizes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from './server.mjs';
import { launch, openPage, load, shot, cardTitle, titleBecomes, PHONE, ARTICLE, PROJECTOR, hashBecomes } from './browser.mjs';

let server, browser;
before(async () => {
  // Served under a sub-path, as a newsroom would, to prove every asset URL is relative.
  server = await serve({ mount: '/news/2025/tour/' });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

test('the overview loads with 18 stop controls, each named in Chinese, and no console errors', async () => {
  const page = await openPage(browser);
  await load(page, server.url);
  const stops = page.getByRole('button', { name: /市|区|县/ }).and(page.locator('[data-stop]'));
  assert.equal(await stops.count(), 18);
  for (const name of ['余杭区', '义乌市', '江阴市', '前湾新区', '如皋市']) {
    assert.equal(await page.getByRole('button', { name: new RegExp(`^${name}`) }).and(page.locator('[data-stop]')).count(), 1, name);
  }
  assert.match(await page.locator('.ct-figs').textContent(), /18.*49/s);
  assert.deepEqual(page.problems, []);
  assert.ok(server.requests.every((p) => p.startsWith('/news/2025/tour/')), server.requests.join(' '));
  await page.context().close();
});

test('opening #/jiangyin shows 江阴市 with reported and background facts and the source', async () => {
  const page = await openPage(browser);
  await load(page, server.url + '#/jiangyin');
  assert.equal(await titleBecomes(page, '江阴市'), '江阴市');
  const card = page.getByRole('region', { name: '江阴市' });
  await assert.doesNotReject(card.waitFor());
  assert.match(await card.textContent(), /第一组.*第7站/);
  assert.match(await card.locator('.ct-sec-a').textContent(), /据报道/);
  assert.match(await card.locator('.ct-bg').textContent(), /背景/);
  assert.match(await card.textContent(), /来源：新浪财经 2025-03-03/);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('clicking a marker opens its card and names it in the URL; arrows walk the tour; Esc returns', async () => {
  const page = await openPage(browser);
  await load(page, server.url + '#/');
  await page.locator('[data-stop=yuhang]').click();
  assert.equal(await titleBecomes(page, '余杭区'), '余杭区');
  assert.equal(await hashBecomes(page, '#/yuhang'), '#/yuhang');
  await page.keyboard.press('ArrowRight');
  assert.equal(await titleBecomes(page, '义乌市'), '义乌市');
  assert.equal(await hashBecomes(page, '#/yiwu'), '#/yiwu');
  // The last stop of group 1 carries on into group 2.
  await page.goto(server.url + '#/jiangyin');
  await page.reload();
  await page.waitForSelector('#ct-card-h');
  await page.keyboard.press('ArrowRight');
  assert.equal(await titleBecomes(page, '海宁市'), '海宁市');
  await page.getByRole('button', { name: '上一站' }).click();
  assert.equal(await titleBecomes(page, '江阴市'), '江阴市');
  await page.keyboard.press('Escape');
  await page.waitForSelector('.ct-overview');
  assert.equal(await hashBecomes(page, '#/'), '#/');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the finer delta outlines show once a stop is zoomed in, and not on the overview', async () => {
  const page = await openPage(browser);
  await load(page, server.url + '#/');
  const shown = () => {
    const g = document.querySelector('#county-tour .ct-detail');
    return g ? g.getBoundingClientRect().width > 0 && getComputedStyle(g).display !== 'none' : null;
  };
  const detailShown = () => page.evaluate(shown);
  // The map follows a new view a frame after the card or the panel shows (web::after_paint): wait for it.
  const detailBecomes = async (want) => {
    for (let i = 0; i < 30 && (await detailShown()) !== want; i++) await page.waitForTimeout(100);
    return detailShown();
  };
  // In the page from the start (so a tap that zooms in parses no outlines), hidden at the overview's scale.
  assert.equal(await detailShown(), false);
  await page.locator('[data-stop=liangxi]').click();
  assert.equal(await titleBecomes(page, '梁溪区'), '梁溪区');
  assert.equal(await detailBecomes(true), true);
  await page.keyboard.press('Escape');
  await page.waitForSelector('.ct-overview');
  assert.equal(await detailBecomes(false), false);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('markers and their numbers keep their size and place through a flight, and when a drag cuts the flight short', async () => {
  const page = await openPage(browser);
  // Every circle marker's drawn width against the size its layer's --inv and camera give it: a mark
  // still scaled by a flight's frame would differ.
  const mismatched = () => page.evaluate(() => {
    const svg = document.querySelector('#county-tour .ct-svg');
    const inv = Number(getComputedStyle(svg).getPropertyValue('--inv'));
    const scale = svg.getScreenCTM().a;
    const marks = svg.querySelectorAll('[data-stop] .ct-mk');
    return [...svg.querySelectorAll('circle.ct-mk')].filter((c) => {
      const want = 2 * Number(c.getAttribute('r')) * inv * scale;
      return Math.abs(c.getBoundingClientRect().width - want) > 0.5;
    }).length + [...svg.querySelectorAll('.k')].filter((k) => k.style.transform).length
      // Each shown order number off its stop's marker, wider than it or under half its height (numbers and
      // markers come in the stops' order; a flight hides the numbers, which must come back on their markers, at
      // their size, when it lands).
      + [...svg.querySelectorAll('.ct-num text')].filter((n, i) => {
        const r = n.getBoundingClientRect();
        const m = marks[i].getBoundingClientRect();
        const [x, y] = [r.left + r.width / 2, r.top + r.height / 2];
        return r.width > 0 && (x < m.left || x > m.right || y < m.top || y > m.bottom || r.width > m.width || r.height < m.height / 2);
      }).length;
  });
  await load(page, server.url + '#/yiwu');
  await page.waitForTimeout(300);
  const sized = () => page.evaluate(() => document.querySelector('#county-tour [data-stop=yiwu] .ct-mk').getBoundingClientRect().width);
  const w0 = await sized();
  assert.equal(await mismatched(), 0);
  await page.keyboard.press('Escape');
  await page.waitForSelector('.ct-overview');
  await page.waitForTimeout(1500);
  await page.locator('[data-stop=yiwu]').click();
  await page.waitForTimeout(1500); // the flight lands
  assert.ok(Math.abs((await sized()) - w0) < 0.5, `yiwu's marker ${await sized()} px after the flight, ${w0} px loaded there`);
  assert.equal(await mismatched(), 0);
  // A drag during the next flight ends it where it is.
  await page.keyboard.press('Escape');
  await page.waitForSelector('.ct-overview');
  await page.waitForTimeout(1500);
  await page.locator('[data-stop=liangxi]').click();
  await page.waitForTimeout(200);
  const box = await page.locator('#county-tour .ct-map').boundingBox();
  await page.mouse.move(box.x + 40, box.y + box.height - 40);
  await page.mouse.down();
  await page.mouse.move(box.x + 120, box.y + box.height - 80, { steps: 5 });
  await page.mouse.up();
  await page.waitForTimeout(1500);
  assert.equal(await mismatched(), 0);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('in flight, every stop stays drawn at its size, and a tap on one opens that stop', async () => {
  const page = await openPage(browser);
  await load(page, server.url + '#/');
  await page.waitForTimeout(1500);
  // What a flight draws in the markers' stead (src/flight_marks.rs): per kind of mark, a ring path and a fill
  // path whose zero-length steps ("M x y m dx dy h0") are the marks, their caps as wide as the markers.
  const inFlight = () => page.evaluate(() => {
    const svg = document.querySelector('#county-tour .ct-svg');
    if (!svg.hasAttribute('data-flying')) return null;
    const ctm = svg.getScreenCTM();
    const kinds = [...svg.querySelectorAll('.ct-fly > g')].map((g) => {
      const [ring, fill] = [...g.querySelectorAll('path')].slice(-2);
      const marks = [...fill.getAttribute('d').matchAll(/M(-?[\d.]+) (-?[\d.]+)m(-?[\d.]+) (-?[\d.]+)/g)].map((m) => {
        const p = new DOMPoint(Number(m[1]) + Number(m[3]), Number(m[2]) + Number(m[4])).matrixTransform(ctm);
        return [p.x, p.y];
      });
      return { marks, width: parseFloat(getComputedStyle(fill).strokeWidth), ring: parseFloat(getComputedStyle(ring).strokeWidth) };
    });
    // The markers' own shapes are hidden meanwhile: they would be drawn at the wrong scale.
    const shown = [...svg.querySelectorAll('[data-stop] .ct-mk')].filter((m) => getComputedStyle(m).visibility !== 'hidden').length;
    return { kinds, shown };
  });
  await page.locator('[data-stop=yiwu]').click();
  await page.waitForFunction(() => document.querySelector('#county-tour .ct-svg').hasAttribute('data-flying'));
  const f = await inFlight();
  assert.ok(f, 'the flight is under way');
  assert.equal(f.kinds.reduce((n, k) => n + k.marks.length, 0), 19, 'the 18 stops and the start');
  assert.equal(f.shown, 0);
  // A stop marker is 22 px across at 1280 (radius 11; on the overview 0.9 times that): its fill 2 px less,
  // its ring 2 px more, whatever the camera's scale in the middle of the flight.
  for (const k of f.kinds.slice(1)) assert.ok(k.width >= 16 && k.width <= 24 && k.ring > k.width, JSON.stringify(k));
  await page.waitForTimeout(1500);
  assert.equal(await inFlight(), null, 'the flight has landed');
  await page.keyboard.press('Escape');
  await page.waitForSelector('.ct-overview');
  await page.waitForTimeout(1500);
  // A tap in flight: the pointer's down and up at the place where 余杭 is drawn at that moment, in one task, so
  // the flight cannot move it in between (a real finger lands on the map itself, the marker being hidden).
  // The kinds come as the start, then group by group: 余杭, group 1's first stop, is group 1's first mark.
  await page.locator('[data-stop=jiangyin]').click();
  await page.waitForFunction(() => document.querySelector('#county-tour .ct-svg').hasAttribute('data-flying'));
  const tapped = await page.evaluate(() => {
    const svg = document.querySelector('#county-tour .ct-svg');
    const ctm = svg.getScreenCTM();
    const fill = [...svg.querySelectorAll('.ct-fly > g')][1].querySelectorAll('path');
    const m = fill[fill.length - 1].getAttribute('d').match(/M(-?[\d.]+) (-?[\d.]+)m(-?[\d.]+) (-?[\d.]+)/);
    const p = new DOMPoint(Number(m[1]) + Number(m[3]), Number(m[2]) + Number(m[4])).matrixTransform(ctm);
    const target = document.elementFromPoint(p.x, p.y);
    const at = { clientX: p.x, clientY: p.y, bubbles: true, pointerId: 1, isPrimary: true, pointerType: 'mouse' };
    target.dispatchEvent(new PointerEvent('pointerdown', { ...at, buttons: 1 }));
    target.dispatchEvent(new PointerEvent('pointerup', { ...at, buttons: 0 }));
    return svg.contains(target);
  });
  assert.ok(tapped, 'the tap lands on the map');
  assert.equal(await titleBecomes(page, '余杭区'), '余杭区');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the URL hash never adds history entries: Back leaves the widget', async () => {
  const page = await openPage(browser);
  // A real page before the widget's, not about:blank: a tab's first about:blank may be replaced by the next
  // navigation instead of staying behind it, and Back then had nowhere to go (a flake on a busy machine).
  server.pages['/before.html'] = '<!doctype html><title>Before</title><link rel="icon" href="data:,"><p>The article.</p>';
  await page.goto(server.origin + '/before.html');
  await load(page, server.url + '#/');
  await page.locator('[data-stop=kunshan]').click();
  await titleBecomes(page, '昆山市');
  await page.keyboard.press('ArrowRight');
  await titleBecomes(page, '常熟市');
  assert.equal(new URL(page.url()).hash, '#/changshu');
  assert.ok(await page.goBack(), 'Back went somewhere');
  assert.equal(page.url(), server.origin + '/before.html');
  await page.context().close();
});

test('tab 第三组 highlights exactly its six stops and frames them', async () => {
  const page = await openPage(browser);
  await load(page, server.url);
  await page.getByRole('tab', { name: /第三组/ }).click();
  const hl = await page.locator('.ct-stop.hl').evaluateAll((els) => els.map((e) => e.dataset.stop));
  assert.deepEqual(hl, ['yuyao', 'qianwan', 'cixi', 'pinghu', 'taixing', 'rugao']);
  assert.equal(await page.locator('.ct-stop.dim').count(), 12);
  assert.equal(await hashBecomes(page, '#/route/3'), '#/route/3');
  assert.equal(await page.getByRole('tab', { selected: true }).textContent(), '3第三组');
  await page.waitForTimeout(1000);
  const box = await page.locator('.ct-map').boundingBox();
  for (const id of hl) {
    const b = await page.locator(`[data-stop=${id}] .ct-mk`).boundingBox();
    assert.ok(b.x >= box.x && b.y >= box.y && b.x + b.width <= box.x + box.width && b.y + b.height <= box.y + box.height, `${id} in view`);
  }
  await page.context().close();
});

test('deep links: #/route/2 opens a group; unknown or malformed hashes show the overview without errors', async () => {
  const page = await openPage(browser);
  await load(page, server.url + '#/route/2');
  assert.equal(await page.locator('.ct-stop.hl').count(), 5);
  for (const junk of ['#/atlantis', '#/route/7', '#%%%', '#/<img src=x onerror=alert(1)>', '#/' + 'x'.repeat(5000)]) {
    await page.goto('about:blank');
    await load(page, server.url + junk);
    assert.equal(await page.locator('.ct-overview').count(), 1, junk);
  }
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the map has a text alternative: each group\'s stops in order, from Hangzhou', async () => {
  const page = await openPage(browser);
  await load(page, server.url);
  assert.equal(await page.locator('.ct-svg').getAttribute('aria-describedby'), 'ct-map-desc');
  const lists = await page.locator('#ct-map-desc ol').evaluateAll((ols) => ols.map((ol) => [...ol.children].map((li) => li.textContent)));
  assert.deepEqual(lists.map((l) => l.length), [8, 6, 7]);
  assert.ok(lists.every((l) => l[0].startsWith('杭州市')));
  assert.deepEqual(lists[2].slice(1).map((t) => t.split(',')[0]), ['余姚市', '前湾新区', '慈溪市', '平湖市', '泰兴市', '如皋市']);
  await page.context().close();
});

test('every stop is a focusable control; Enter opens it', async () => {
  const page = await openPage(browser);
  await load(page, server.url);
  await page.locator('[data-stop=cixi]').focus();
  await page.keyboard.press('Enter');
  assert.equal(await titleBecomes(page, '慈溪市'), '慈溪市');
  // Every marker is a link, in the tab order without a tabindex of its own.
  assert.equal(await page.locator('a[href^="#/"][data-stop]:not([tabindex])').count(), 18);
  await page.context().close();
});

test('screenshots at phone, article and projector sizes', async () => {
  for (const [name, opts, hash] of [
    ['phone-overview', PHONE, '#/'], ['phone-liangxi', PHONE, '#/liangxi'],
    ['article-overview', ARTICLE, '#/'], ['article-yiwu', ARTICLE, '#/yiwu'], ['article-route3', ARTICLE, '#/route/3'],
    ['projector-binhu', PROJECTOR, '?present#/binhu'],
  ]) {
    const page = await openPage(browser, opts);
    await load(page, server.url + hash);
    await shot(page, name);
    assert.deepEqual(page.problems, [], name);
    await page.context().close();
  }
});
