// Every newsroom host: a frame sized by AMP's protocol or by the browser's own responsive iframes, the host
// API both ways (events out, commands in from the parent window only), the same events and commands on an
// inline mount's element, and no layout shift on the host page. Same-origin and cross-origin hosts.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serve, root } from './server.mjs';
import { launch, openPage, shot, PHONE } from './browser.mjs';

let server, browser;
before(async () => {
  server = await serve({ mount: '/news/2025/tour/' });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

/** The host page's origin: the widget's own (same-origin) or another one (localhost vs 127.0.0.1). */
const hostOrigin = (cross) => (cross ? server.origin.replace('127.0.0.1', 'localhost') : server.origin);

async function framedPage(hostPage, { cross = false, width = 1280, query = '?embed', hash = '#/' } = {}) {
  const page = await openPage(browser, { viewport: { width, height: 800 } });
  const src = `${server.url}${query}${hash}`;
  await page.goto(`${hostOrigin(cross)}/host/${hostPage}?src=${encodeURIComponent(src)}`);
  const frame = await (await page.locator('#county-tour-frame').elementHandle()).contentFrame();
  await frame.waitForSelector('.ct-root [data-stop], .ct-root #ct-card-h');
  return { page, frame };
}

/** The frame's height on the host page and its content's height inside, once they agree (or after 4 s). */
async function settled(page, frame, selector = '#county-tour-frame') {
  const element = page.locator(selector);
  let h;
  for (let i = 0; i < 40; i++) {
    const outer = (await element.boundingBox()).height;
    const inner = await frame.evaluate(() => document.documentElement.scrollHeight);
    h = { outer, inner };
    if (Math.abs(outer - inner) <= 4) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return h;
}

/** The frame fits its content (within 4 px) after load, and again once the reader opens 义乌. */
async function fitsOnLoadAndOnAStop(page, frame) {
  for (const moment of ['after load', 'on a stop']) {
    if (moment === 'on a stop') {
      await frame.locator('[data-stop=yiwu]').click();
      await frame.waitForSelector('#ct-card-h');
    }
    const h = await settled(page, frame);
    assert.ok(Math.abs(h.outer - h.inner) <= 4, `${moment}: frame ${h.outer} vs content ${h.inner}`);
  }
}

for (const cross of [false, true]) {
  const origin = cross ? 'cross-origin' : 'same-origin';
  for (const width of [1280, 400]) {
    test(`AMP-protocol host, ${origin}, ${width} px: the frame fits its content on load and on a stop`, async () => {
      const { page, frame } = await framedPage('amp.html', { cross, width });
      await fitsOnLoadAndOnAStop(page, frame);
      assert.equal(await page.evaluate(() => window.ampReady), true, 'embed-ready was sent');
      assert.deepEqual(page.problems, []);
      await page.context().close();
    });
  }

  test(`responsive-iframe host (frame-sizing: content-height), ${origin}: the browser sizes the frame`, async (t) => {
    const { page, frame } = await framedPage('native.html', { cross });
    // Does this Chromium size frames to their content? (Chromium 156 parses `frame-sizing` and has
    // `requestResize`, but sizes nothing while its ResponsiveIframes feature is off.) Ask a tiny frame.
    const works = await page.evaluate(() => new Promise((resolve) => {
      const probe = document.createElement('iframe');
      probe.style.cssText = 'frame-sizing: content-height; border: 0';
      probe.srcdoc = '<meta name="responsive-embedded-sizing"><div style="height: 432px"></div>';
      probe.onload = () => setTimeout(() => { resolve(probe.getBoundingClientRect().height > 400); probe.remove(); }, 300);
      document.body.append(probe);
    }));
    if (!works) {
      t.skip(`this Chromium (${browser.version()}) does not size frames to their content (responsive iframes off)`);
      await page.context().close();
      return;
    }
    await fitsOnLoadAndOnAStop(page, frame);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });

  test(`host API, ${origin}: events name the view, the parent's commands move the widget, other windows are ignored`, async () => {
    const { page, frame } = await framedPage('api.html', { cross });
    const events = () => page.evaluate(() => window.fromWidget.filter((m) => m.type !== 'county-tour:height'));
    await page.waitForFunction(() => window.fromWidget.some((m) => m.type === 'county-tour:ready'));
    assert.deepEqual((await events()).slice(0, 2), [
      { type: 'county-tour:ready', view: 'overview', lang: 'zh' },
      { type: 'county-tour:view', view: 'overview', lang: 'zh' },
    ]);
    await frame.locator('[data-stop=yiwu]').click();
    await page.waitForFunction(() => window.fromWidget.some((m) => m.view === 'yiwu'));
    assert.deepEqual((await events()).at(-1), { type: 'county-tour:view', view: 'yiwu', lang: 'zh' });

    // Another frame on the page (an advert) cannot command the widget.
    await page.evaluate(() => {
      const widget = document.getElementById('county-tour-frame').contentWindow;
      const other = document.getElementById('other').contentWindow;
      other.eval(`parent.frames[0].postMessage({ type: 'county-tour:navigate', hash: '#/kunshan' }, '*');
        parent.frames[0].postMessage({ type: 'county-tour:lang', lang: 'en' }, '*');`);
      return widget === window.frames[0];
    });
    await page.waitForTimeout(300);
    assert.equal(await frame.locator('#ct-card-h').textContent(), '义乌市');

    // The parent can.
    await page.evaluate(() => document.getElementById('county-tour-frame').contentWindow.postMessage({ type: 'county-tour:navigate', hash: '#/route/2' }, '*'));
    await page.waitForFunction(() => window.fromWidget.some((m) => m.view === 'route/2'));
    await page.evaluate(() => document.getElementById('county-tour-frame').contentWindow.postMessage({ type: 'county-tour:lang', lang: 'en' }, '*'));
    await page.waitForFunction(() => window.fromWidget.some((m) => m.lang === 'en'));
    assert.deepEqual((await events()).at(-1), { type: 'county-tour:view', view: 'route/2', lang: 'en' });
    assert.equal(await frame.evaluate(() => document.querySelector('.ct-tab.on').textContent.trim()), '2Group 2');
    // Events carry nothing but the view and the language.
    for (const m of await events()) assert.deepEqual(Object.keys(m).sort(), ['lang', 'type', 'view']);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });
}

test('inline: the same events on the mount element, and commands as events on it', async () => {
  const page = await openPage(browser);
  await page.addInitScript(() => {
    window.heard = [];
    document.addEventListener('county-tour:view', (e) => window.heard.push({ on: e.target.id, ...e.detail }));
    document.addEventListener('county-tour:ready', (e) => window.heard.push({ ready: true, ...e.detail }));
  });
  await page.goto(`${server.origin}/host/inline.html`);
  await page.waitForFunction(() => window.heard.some((h) => h.ready));
  await page.locator('#county-tour [data-stop=yiwu]').click();
  await page.waitForFunction(() => window.heard.some((h) => h.view === 'yiwu'));
  assert.deepEqual(await page.evaluate(() => window.heard.at(-1)), { on: 'county-tour', view: 'yiwu', lang: 'zh' });
  await page.evaluate(() => {
    const el = document.getElementById('county-tour');
    el.dispatchEvent(new CustomEvent('county-tour:navigate', { detail: { hash: '#/kunshan' } }));
    el.dispatchEvent(new CustomEvent('county-tour:lang', { detail: { lang: 'en' } }));
    el.dispatchEvent(new CustomEvent('county-tour:lang', { detail: 'en' })); // junk: ignored
  });
  await page.waitForFunction(() => window.heard.some((h) => h.view === 'kunshan' && h.lang === 'en'));
  assert.match(await page.locator('#county-tour #ct-card-h').textContent(), /Kunshan/);
  assert.equal(await page.evaluate(() => location.hash), '', 'the article\'s address is not rewritten');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

/** A host article's paragraphs, `n` of them. */
const filler = (n) => '<p>The county heads visited eighteen places in six days.</p>'.repeat(n);

/** A host article page whose body (styled `bodyStyle`) is `body`. */
const article = (bodyStyle, body) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
  <meta name="viewport" content="width=device-width"><title>Host article</title><link rel="icon" href="data:,"></head>
  <body style="${bodyStyle}">${body}</body></html>`;

/** README's "plain iframe" snippet, pointing at this server. */
function readmeSnippet() {
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  const m = /<!-- host snippet: plain -->\s*```html\n([\s\S]*?)```/.exec(readme);
  assert.ok(m, 'README has the plain iframe snippet');
  assert.match(m[1], /loading="lazy"/);
  return m[1].replaceAll('https://example.org/tour/', server.url);
}

for (const width of [1280, 400]) {
  for (const where of ['near the top', 'below the fold']) {
    test(`README's lazy iframe ${where} at ${width} px: no layout shift on the host page (CLS 0)`, async () => {
      const page = await openPage(browser, { viewport: { width, height: 800 } });
      server.pages['/article/readme-snippet.html'] = article('margin:0 auto;max-width:1000px',
        `<h1>Hunan's county chiefs go east</h1>${filler(where === 'near the top' ? 3 : 80)}${readmeSnippet()}${filler(40)}`);
      const url = `${hostOrigin(true)}/article/readme-snippet.html`;
      await page.addInitScript(() => {
        if (window !== window.top) return;
        window.cls = 0;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) if (!e.hadRecentInput) window.cls += e.value;
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await page.goto(url);
      if (where === 'below the fold') await page.mouse.wheel(0, 3000); // the reader scrolls down to it
      const frame = await (await page.locator('#county-tour').elementHandle()).contentFrame();
      await frame.waitForSelector('.ct-root [data-stop]', { timeout: 15000 });
      const h = await settled(page, frame, '#county-tour');
      assert.ok(Math.abs(h.outer - h.inner) <= 4, `frame ${h.outer} vs content ${h.inner}`);
      await page.waitForTimeout(300);
      assert.equal(await page.evaluate(() => window.cls), 0);
      assert.deepEqual(page.problems, []);
      await page.context().close();
    });
  }
}

// The first paint shows a linked route or stop by `:target` (it works without JavaScript). A target with a box
// would make the browser scroll to it on load: the widget's own page down to the panel, and a same-origin frame's
// host article down to the frame, before the reader has scrolled there.
test('an address naming a route or a stop scrolls neither the widget\'s page nor the article around its frame', async () => {
  for (const hash of ['#/route/1', '#/yiwu']) {
    const page = await openPage(browser, PHONE);
    await page.goto(server.url + hash);
    await page.waitForSelector('.ct-root [data-stop]');
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => scrollY), 0, `the widget's page at ${hash}`);
    await page.context().close();
    for (const cross of [false, true]) {
      const host = await openPage(browser, PHONE);
      server.pages['/article/deep-link.html'] = article('margin:0', `${filler(60)}<iframe id="county-tour-frame"
        title="county-tour" style="width:100%;height:1400px;border:0" src="${server.url}?embed${hash}"></iframe>${filler(60)}`);
      await host.goto(`${hostOrigin(cross)}/article/deep-link.html`);
      const frame = await (await host.locator('#county-tour-frame').elementHandle()).contentFrame();
      await frame.waitForSelector('.ct-root [data-stop]');
      await host.waitForTimeout(300);
      assert.equal(await host.evaluate(() => scrollY), 0, `the article around a ${cross ? 'cross' : 'same'}-origin frame at ${hash}`);
      assert.deepEqual(host.problems, []);
      await host.context().close();
    }
  }
});
