// The release build under a strict Content-Security-Policy sent as a real response header: no inline script,
// so the widget must load from its files alone, with no violation reported.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serve, root } from './server.mjs';
import { launch, openPage, load, cardTitle } from './browser.mjs';

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:";

let server, browser;
before(async () => {
  server = await serve({ mount: '/news/2025/tour/', headers: { 'content-security-policy': CSP } });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

test('index.html has no inline script and only relative URLs', () => {
  const html = fs.readFileSync(path.join(root, 'dist', 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
  assert.equal(scripts.length, 1);
  assert.match(scripts[0][1], /type="module" src="\.\/boot-[0-9a-f]{16}\.js"/);
  assert.equal(scripts[0][2], '');
  // Files by relative URL; the prerendered markers and tabs link to the page's own views (#/yiwu). The
  // oEmbed discovery link is for CMSs, never loaded by a browser (and absolute when the build has a base URL).
  // The head's render-blocking link names an element of the page itself (its first frame), never a file.
  const expect = html.match(/<link rel="expect" href="#([\w-]+)" blocking="render">/);
  assert.ok(expect, 'the render-blocking link is there');
  assert.match(html, new RegExp(`<[a-z]+ [^>]*id="${expect[1]}"`), 'and names an element of the page');
  const withoutOembed = html.replace(/<link rel="alternate" type="application\/json\+oembed"[^>]*>/, '');
  assert.notEqual(withoutOembed, html, 'the oEmbed link is there');
  const loaded = withoutOembed.replace(expect[0], '');
  for (const [, url] of loaded.matchAll(/\s(?:src|href)="([^"]*)"/g)) assert.match(url, /^(\.\/[\w.-]+|data:,|#\/[\w/]*)$/, url);
});

test('under the CSP the widget renders and works, with no violation and no console error', async () => {
  const page = await openPage(browser);
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const [response] = await Promise.all([page.waitForResponse(server.url), load(page, server.url)]);
  assert.equal(response.headers()['content-security-policy'], CSP);
  assert.equal(await page.locator('.ct-root [data-stop]').count(), 18);
  await page.locator('[data-stop=yiwu]').click();
  assert.equal(await cardTitle(page), '义乌市');
  await page.keyboard.press('ArrowRight');
  assert.equal(await cardTitle(page), '柯桥区');
  await page.waitForTimeout(3500); // an unused <link rel=preload> would warn after ~3 s
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
  assert.deepEqual(page.problems, []);
  // The preloads are used: the glue JS and the wasm are each fetched once.
  for (const ext of ['.wasm', /county-tour-[0-9a-f]+\.js$/]) {
    const n = server.requests.filter((p) => (typeof ext === 'string' ? p.endsWith(ext) : ext.test(p))).length;
    assert.equal(n, 1, `${ext} fetched ${n} times`);
  }
  // And the policy is really enforced: an injected inline script is refused and reported.
  await page.evaluate(() => { const s = document.createElement('script'); s.textContent = 'window.__ran = 1'; document.head.append(s); });
  await page.waitForTimeout(100);
  assert.equal(await page.evaluate(() => window.__ran), undefined);
  assert.equal((await page.evaluate(() => window.__cspViolations)).length, 1);
  await page.context().close();
});
