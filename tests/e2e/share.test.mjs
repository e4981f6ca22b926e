// A link to the widget, shared or pasted into a CMS (src/share.rs, written by the prerender): dist/ has the
// share images and the oEmbed document, index.html names them in its <head>, the oEmbed snippet puts the
// working widget in an article, and none of it costs a reader a request.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serve, root } from './server.mjs';
import { launch, openPage, load } from './browser.mjs';

const dist = path.join(root, 'dist');
const tour = JSON.parse(fs.readFileSync(path.join(root, 'assets', 'tour.json'), 'utf8'));
const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
const head = html.slice(0, html.indexOf('</head>'));

/** The content of each <meta property|name=…>, in order. */
const metas = [...head.matchAll(/<meta (?:property|name)="([^"]+)" content="([^"]*)">/g)].map(([, n, c]) => [n, c]);
const meta = (name) => metas.find(([n]) => n === name)?.[1];

/** A PNG's width and height from its IHDR chunk. */
function pngSize(file) {
  const b = fs.readFileSync(path.join(dist, file));
  assert.equal(b.subarray(1, 4).toString(), 'PNG', `${file} is a PNG`);
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
}

let server, browser;
before(async () => {
  server = await serve({ mount: '/news/2025/tour/' });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

test('index.html carries the share card tags, text from the content', () => {
  assert.equal(meta('og:type'), 'website');
  assert.equal(meta('og:title'), tour.event.headline.zh);
  assert.equal(meta('twitter:title'), tour.event.headline.zh);
  assert.ok(meta('og:description').includes(tour.event.title.zh), meta('og:description'));
  assert.equal(meta('twitter:card'), 'summary_large_image');
  assert.ok(meta('og:image:alt'));
  // Each og:image is a file in dist/ of the size its tags announce (first the card, then the square).
  const images = metas.filter(([n]) => n === 'og:image').map(([, c]) => path.posix.basename(c));
  assert.deepEqual(images, ['share-card.png', 'share-square.png']);
  const sizes = metas.filter(([n]) => /^og:image:(width|height)$/.test(n)).map(([, c]) => Number(c));
  assert.deepEqual([...pngSize(images[0]), ...pngSize(images[1])], sizes);
  assert.deepEqual(sizes, [1200, 630, 300, 300]);
  assert.equal(path.posix.basename(meta('twitter:image')), 'share-card.png');
  assert.match(head, /<link rel="alternate" type="application\/json\+oembed" href="[^"]*oembed\.json" title="[^"]+">/);
  // The single file names no other file, so it has none of them.
  assert.ok(!fs.readFileSync(path.join(dist, 'county-tour.html'), 'utf8').includes('og:image'));
});

test('the oEmbed document is found from the page, and its snippet puts the working widget in an article', async () => {
  const page = await openPage(browser);
  await load(page, server.url);
  // What a CMS does with a pasted URL: find the discovery link, fetch the document and its thumbnail.
  const href = await page.locator('link[rel=alternate][type="application/json+oembed"]').evaluate((l) => l.href);
  const res = await fetch(href);
  assert.equal(res.status, 200, href);
  const doc = await res.json();
  assert.equal(doc.version, '1.0');
  assert.equal(doc.type, 'rich');
  assert.equal(doc.title, tour.event.headline.zh);
  assert.ok(doc.provider_name);
  const thumb = await fetch(new URL(doc.thumbnail_url, href));
  assert.equal(thumb.headers.get('content-type'), 'image/png');
  assert.deepEqual([doc.thumbnail_width, doc.thumbnail_height], pngSize(path.posix.basename(doc.thumbnail_url)));
  await page.context().close();

  // The CMS pastes doc.html into an article (its src made absolute, as a build with COUNTY_TOUR_BASE_URL writes it).
  const snippet = doc.html.replace(/src="([^"]*)"/, (_, src) => `src="${new URL(src, href)}"`);
  assert.match(snippet, /^<iframe [^>]*loading="lazy"[^>]*><\/iframe>$/);
  const host = await openPage(browser);
  const article = `${server.origin}/article.html`;
  await host.route(article, (r) => r.fulfill({ contentType: 'text/html', body: `<!doctype html><meta charset="utf-8"><body style="margin:0"><p>文章</p>${snippet}</body>` }));
  await host.goto(article);
  const frame = host.locator('iframe');
  assert.deepEqual(await frame.evaluate((f) => [f.width, f.height, f.title]), [String(doc.width), String(doc.height), doc.title]);
  const box = await frame.boundingBox();
  assert.deepEqual([box.width, box.height], [doc.width, doc.height]);
  const widget = host.frameLocator('iframe');
  await widget.locator('.ct-root [data-stop]').first().waitFor({ timeout: 15000 });
  assert.equal(await widget.locator('.ct-root [data-stop]').count(), 18);
  // ?embed: without the widget's page title, the map shows within the frame's height.
  const map = await widget.locator('.ct-svg').first().boundingBox();
  assert.ok(map.y + map.height <= box.y + box.height, `map bottom ${map.y + map.height} within the frame's ${box.height} px`);
  assert.deepEqual(host.problems, []);
  await host.context().close();
});

test('en.html carries its own share tags, in English, naming its own card and oEmbed document', async () => {
  const en = fs.readFileSync(path.join(dist, 'en.html'), 'utf8');
  const enHead = en.slice(0, en.indexOf('</head>'));
  const m = [...enHead.matchAll(/<meta (?:property|name)="([^"]+)" content="([^"]*)">/g)].map(([, n, c]) => [n, c]);
  const get = (name) => m.find(([n]) => n === name)?.[1];
  assert.equal(get('og:title').replace(/&#39;|&apos;/g, '\''), tour.event.headline.en);
  assert.equal(get('og:locale'), 'en_GB');
  const images = m.filter(([n]) => n === 'og:image').map(([, c]) => path.posix.basename(c));
  assert.deepEqual(images, ['share-card-en.png', 'share-square-en.png']);
  assert.deepEqual([...pngSize(images[0]), ...pngSize(images[1])], [1200, 630, 300, 300]);
  const oembed = enHead.match(/<link rel="alternate" type="application\/json\+oembed" href="([^"]*)"/)?.[1];
  assert.equal(path.posix.basename(oembed), 'oembed-en.json');
  // Its snippet frames en.html, which opens in English.
  const doc = JSON.parse(fs.readFileSync(path.join(dist, 'oembed-en.json'), 'utf8'));
  const src = doc.html.match(/src="([^"]+)"/)[1];
  assert.match(src, /en\.html\?embed$/);
  const page = await openPage(browser);
  await load(page, new URL(src, server.url).href);
  assert.equal(await page.locator('#county-tour .ct-root').getAttribute('lang'), 'en');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the page itself never fetches the share files', async () => {
  const page = await openPage(browser);
  const before = server.requests.length;
  await load(page, server.url);
  await page.waitForTimeout(300);
  const fetched = server.requests.slice(before).filter((p) => /share-|oembed/.test(p));
  assert.deepEqual(fetched, []);
  await page.context().close();
});
