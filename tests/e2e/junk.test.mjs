// Junk in, overview out: hundreds of generated hashes, queries and host messages never break the widget.
// Everything is generated from a fixed seed, so a failure names an input that can be replayed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mulberry32 } from './random.mjs';
import { serve } from './server.mjs';
import { launch, openPage, load, ARTICLE, hashBecomes } from './browser.mjs';

let server, browser;
before(async () => {
  server = await serve({ mount: '/news/2025/tour/' });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });


const IDS = ['yuhang', 'yiwu', 'keqiao', 'xinwu', 'binhu', 'liangxi', 'jiangyin', 'haining', 'tongxiang', 'jiashan',
  'kunshan', 'changshu', 'yuyao', 'qianwan', 'cixi', 'pinghu', 'taixing', 'rugao'];

function junkMaker(seed) {
  const rnd = mulberry32(seed);
  const int = (n) => Math.floor(rnd() * n);
  const pick = (xs) => xs[int(xs.length)];
  const bytes = (n) => Array.from({ length: n }, () => '%' + int(256).toString(16).padStart(2, '0').toUpperCase()).join('');
  const chars = (n, alphabet) => Array.from({ length: n }, () => alphabet[int(alphabet.length)]).join('');
  const ALNUM = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/-_.~%#?&=';
  const UNICODE = ['义乌', '滨湖区', '😀', '\u202e', '\u0301', '\ufeff', '\u00a0', 'ẞ', 'İ', '\u2028', 'ｙｉｗｕ', '𝔂𝓲𝔀𝓾', '\ud800', '\udfff'];
  const atoms = [
    '<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', 'javascript:alert(1)', 'data:text/html,<b>x</b>',
    '%', '%%', '%zz', '%E4%B9', '%F0%28%8C%28', '%00', '%2F', '%23', '..', '../..', '//', '\\', '\t', ' ',
    '/route/NaN', '/route/0', '/route/4', '/route/-1', '/route/1e0', '/route/0x2', '/route/٢', '/route/2/', '/route//2',
    '/route/999999999999999999999', '/hunan/x', '/HUNAN', '/undefined', '/null', '/__proto__', '/constructor', '/toString',
  ];
  const hash = () => {
    switch (int(8)) {
      case 0: return '#' + bytes(1 + int(300));
      case 1: return '#/' + chars(10_000 + int(90_000), ALNUM);
      case 2: return '#' + pick(atoms) + pick(atoms);
      case 3: return '#/' + Array.from({ length: 1 + int(6) }, () => pick(UNICODE)).join('');
      case 4: { // a valid id with junk around it, in any case and encoding
        const id = pick(IDS).split('').map((c) => (rnd() < 0.3 ? c.toUpperCase() : rnd() < 0.2 ? '%' + c.charCodeAt(0).toString(16) : c)).join('');
        return pick(['#', '#/', '#//', '# /', '#%2F']) + pick(['', pick(atoms), pick(UNICODE)]) + id + pick(['', '/', '//', pick(atoms), pick(UNICODE), '?x=1', '#' + id]);
      }
      case 5: return pick(['#/route/', '#route/', '#/ROUTE/']) + pick(['NaN', '1', '2', '3', '-0', '+1', '01', '1.0', ' 3', '3 ', '%33', bytes(2)]);
      case 6: return '#' + chars(int(200), ALNUM);
      default: return pick(['', '#', '#/', '#/hunan', '#/route/1', '#/' + pick(IDS)]);
    }
  };
  const query = () => {
    const pairs = Array.from({ length: int(6) }, () => {
      const k = pick(['lang', 'LANG', 'present', 'embed', 'childId', 'x', '', '%6C%61%6E%67', 'lang%', pick(atoms)]);
      const v = pick(['en', 'zh', 'xx', 'EN', 'zh-Hans', 'maybe', '1', 'true', '0', '', '%', pick(atoms), bytes(int(8))]);
      return rnd() < 0.2 ? k : `${k}=${v}`;
    });
    if (rnd() < 0.1) pairs.push('x=' + chars(500 + int(2000), ALNUM.replace(/[#&]/g, '')));
    if (rnd() < 0.2) pairs.push('lang=xx&present=maybe&embed=1&lang=en');
    return pairs.length ? '?' + pairs.join('&').replace(/#/g, '%23') : '';
  };
  return { hash, query, rnd, int, pick };
}

/** The widget is alive: whatever it shows, a click on a stop opens that stop's card. */
async function stillResponds(page, label) {
  await page.waitForTimeout(50);
  if (await page.locator('[data-stop]').count() === 0) await page.keyboard.press('Escape'); // #/hunan has no markers
  await page.waitForSelector('[data-stop]', { timeout: 3000 });
  const current = await page.locator('#ct-card-h').textContent({ timeout: 200 }).catch(() => null);
  const [id, name] = current === '昆山市' || current === 'Kunshan' ? ['cixi', /慈溪市|Cixi/] : ['kunshan', /昆山市|Kunshan/];
  await page.locator(`[data-stop=${id}]`).dispatchEvent('click');
  await page.waitForFunction((re) => new RegExp(re).test(document.querySelector('#ct-card-h')?.textContent ?? ''), name.source, { timeout: 3000 }).catch(() => {});
  assert.match(await page.locator('#ct-card-h').textContent({ timeout: 500 }).catch(() => ''), name, `${label}: a click on ${id} opens its card`);
  assert.equal(await page.locator('.ct-error').count(), 0, `${label}: no fallback`);
}

test('500 junk hashes and queries: no error, no warning, and the widget keeps working', async () => {
  const g = junkMaker(20250223);
  const inputs = Array.from({ length: 500 }, () => ({ query: g.rnd() < 0.5 ? g.query() : '', hash: g.hash() }));
  const short = (s) => JSON.stringify(s.length > 120 ? s.slice(0, 120) + `…(${s.length})` : s);

  // A few dozen by full navigation: the first render sees the junk.
  let page = await openPage(browser, ARTICLE);
  for (const [i, { query, hash }] of inputs.slice(0, 36).entries()) {
    await page.goto('about:blank');
    await load(page, server.url + query + hash);
    assert.deepEqual(page.problems, [], `full navigation #${i}: ${short(query + hash)}`);
    if (i % 6 === 5) await stillResponds(page, `after full navigation #${i}`);
  }
  await page.context().close();

  // The rest in running pages, by hashchange: `location.hash = …`, or replaceState plus a hashchange event.
  // A fresh page every 58 inputs stays under Chromium's limit of 200 history changes per 10 s per page.
  const rest = inputs.slice(36);
  for (let b = 0; b < rest.length; b += 58) {
    page = await openPage(browser, ARTICLE);
    await load(page, server.url + '#/yiwu');
    const batch = rest.slice(b, b + 58);
    const thrown = await page.evaluate(async (batch) => {
      const errors = [];
      for (const [i, { query, hash }] of batch.entries()) {
        try {
          if (i % 2) {
            location.hash = hash;
          } else {
            const old = location.href;
            history.replaceState(null, '', location.pathname + query + (hash || '#'));
            window.dispatchEvent(new HashChangeEvent('hashchange', { oldURL: old, newURL: location.href }));
          }
        } catch (e) {
          errors.push(`${i}: ${e}`);
        }
        await new Promise((r) => setTimeout(r, 2));
      }
      return errors;
    }, batch);
    assert.deepEqual(thrown, [], `batch ${b}: setting the URL threw`);
    assert.deepEqual(page.problems, [], `batch at ${b}: ${batch.map((x) => short(x.query + x.hash)).join(' ')}`);
    await stillResponds(page, `batch at ${b}`);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  }
});

test('a hand-made link with a query after the view (#/yiwu?lang=en) opens that view, not the overview', async () => {
  const page = await openPage(browser, ARTICLE);
  for (const [hash, name] of [['#/yiwu?lang=en', '义乌市'], ['#/route/2/?embed', '第二组']]) {
    await page.goto('about:blank');
    await load(page, server.url + hash);
    const shown = hash.includes('route') ? '.ct-tabs [aria-selected=true]' : '#ct-card-h';
    await page.waitForFunction(([sel, n]) => document.querySelector(sel)?.textContent.includes(n), [shown, name], { timeout: 5000 }).catch(() => {});
    assert.match(await page.locator(shown).textContent({ timeout: 500 }).catch(() => ''), new RegExp(name), hash);
  }
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('200 junk postMessages from the host page: nothing throws, nothing navigates but the documented shape', async () => {
  const page = await openPage(browser, ARTICLE);
  const src = server.url + '?embed#/kunshan';
  await page.goto(`${server.origin}/host/plain.html?src=${encodeURIComponent(src)}`);
  const frame = await (await page.locator('iframe').elementHandle()).contentFrame();
  await frame.waitForSelector('#ct-card-h');
  assert.equal(await frame.locator('#ct-card-h').textContent(), '昆山市');

  const result = await page.evaluate(async (seed) => {
    let a = seed >>> 0;
    const rnd = () => {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const int = (n) => Math.floor(rnd() * n);
    const pick = (xs) => xs[int(xs.length)];
    const T = 'county-tour:navigate';
    const hashes = ['#/yiwu', '#/', '#/hunan', '#/route/2', '#/nowhere', '', '#/' + 'y'.repeat(300)];
    const scalar = () => pick([null, undefined, 0, -1, NaN, Infinity, 1e308, 42n, true, false, '', 'hello', T,
      'pymxPYMxxPYMxwidthxPYMx640', 'pymxPYMxxPYMxheightxPYMx1', '#/yiwu', '{"type":"county-tour:navigate","hash":"#/yiwu"}',
      'x'.repeat(1 << (10 + int(10))), new Date(0), /re/g, new ArrayBuffer(8), new Uint8Array([1, 2, 3])]);
    const nested = (d) => (d <= 0 ? scalar() : pick([
      () => Array.from({ length: int(5) }, () => nested(d - 1)),
      () => ({ [pick(['type', 'hash', 'data', 'message', 'x'])]: nested(d - 1), type: pick([T, 'x', nested(d - 1)]) }),
      () => new Map([[ 'type', T ], [ 'hash', '#/yiwu' ]]),
      () => new Set([T, '#/yiwu']),
      scalar,
    ])());
    const nearMiss = () => pick([
      () => ({ type: T }),
      () => ({ hash: pick(hashes) }),
      () => ({ type: T.toUpperCase(), hash: '#/yiwu' }),
      () => ({ type: ' ' + T, hash: '#/yiwu' }),
      () => ({ type: T + ' ', hash: '#/yiwu' }),
      () => ({ type: 'county-tour:Navigate', hash: '#/yiwu' }),
      () => ({ type: 'county-tour:height', hash: '#/yiwu', height: 100 }),
      () => ({ Type: T, Hash: '#/yiwu' }),
      () => ({ type: [T], hash: '#/yiwu' }),
      () => ({ type: T, hash: ['#/yiwu'] }),
      () => ({ type: T, hash: { toString: 'x' } }),
      () => ({ type: T, hash: new String('#/yiwu') }),
      () => ({ type: new String(T), hash: '#/yiwu' }),
      () => ({ type: T, hash: 7 }),
      () => ({ type: T, hash: null }),
      () => ({ type: T, hash: '#/yiwu'.padEnd(201 + int(100000), pick([' ', '/', 'x'])) }),
      () => ({ data: { type: T, hash: '#/yiwu' } }),
      () => [{ type: T, hash: '#/yiwu' }],
      () => [T, '#/yiwu'],
      () => JSON.stringify({ type: T, hash: '#/yiwu' }),
      () => Object.assign(Object.create(null), { typ: T, hash: '#/yiwu' }),
    ])();
    const msgs = Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? nearMiss() : nested(int(4))));
    // Only exactly { type: T, hash: <string of at most 200 characters> } navigates; none of these is that.
    const valid = (m) => m && typeof m === 'object' && !Array.isArray(m) && m.type === T && typeof m.hash === 'string' && m.hash.length <= 200;
    const w = document.querySelector('iframe').contentWindow;
    const errors = [];
    let sent = 0;
    for (const m of msgs) {
      if (valid(m)) continue;
      try {
        w.postMessage(m, '*');
        sent++;
      } catch (e) {
        errors.push(String(e)); // the sender cannot clone it: not the widget's business
      }
      if (sent % 20 === 0) await new Promise((r) => setTimeout(r, 5));
    }
    return { sent, errors };
  }, 1984);
  assert.ok(result.sent >= 180, `sent ${result.sent} junk messages (${result.errors.length} uncloneable)`);
  await page.waitForTimeout(300);
  assert.equal(await frame.locator('#ct-card-h').textContent(), '昆山市', 'no junk message navigated');
  assert.equal(await hashBecomes(frame, '#/kunshan'), '#/kunshan');
  assert.deepEqual(page.problems, []);

  // The documented shape still works after all that, and a junk hash in it lands on the overview.
  await page.evaluate(() => document.querySelector('iframe').contentWindow.postMessage({ type: 'county-tour:navigate', hash: '#/yiwu' }, '*'));
  await frame.waitForFunction(() => document.querySelector('#ct-card-h')?.textContent === '义乌市', null, { timeout: 3000 });
  await page.evaluate(() => document.querySelector('iframe').contentWindow.postMessage({ type: 'county-tour:navigate', hash: '#/<b>' }, '*'));
  await frame.waitForSelector('.ct-overview', { timeout: 3000 });
  assert.equal(await frame.locator('.ct-error').count(), 0);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
