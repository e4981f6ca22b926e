// Bytes are deterministic, so they are tested; times are not, so they live in bench/.
// What a reader's browser fetches for the widget page, gzip- and brotli-compressed as a server would send it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { root } from './server.mjs';

const dist = path.join(root, 'dist');
const gz = (file) => zlib.gzipSync(fs.readFileSync(path.join(dist, file)), { level: 9 }).length;
const br = (file) => {
  const bytes = fs.readFileSync(path.join(dist, file));
  return zlib.brotliCompressSync(bytes, {
    params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
  }).length;
};

/** Every file index.html pulls in: itself (with the stylesheets inline), the boot script, the wasm-bindgen module and the wasm. */
function pageFiles() {
  // The oEmbed discovery link is for CMSs: a browser does not fetch it.
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8').replace(/<link rel="alternate"[^>]*>/g, '');
  const refs = [...html.matchAll(/(?:src|href)="\.\/([^"]+)"/g)].map((m) => m[1]);
  const files = new Set(['index.html', ...refs.filter((f) => fs.existsSync(path.join(dist, f)))]);
  for (const f of fs.readdirSync(dist)) if (/^county-tour-[0-9a-f]+(_bg\.wasm|\.js)$/.test(f)) files.add(f);
  return [...files];
}

// Issue #14 asks for 125 KB gzip and 105 KB brotli; the page was at 155.4 and 127.6 (wasm 123.1 / 102.5,
// index.html 27.7 / 21.0: the whole overview, six marker sets, 18 cards and the start's, 3 route panels,
// styles and share tags inline, and the content's Chinese, one string a line, for the wasm). The release
// build (tools/build: nightly, std rebuilt for size, panics abort at once) took the wasm from 137.5 / 114.1
// KB; since then the Hangzhou card (#16, +1.7 KB), and the shadow-root mount, the host API and the dark theme
// (#15, #17, +2.8 KB) added to it, and the Chinese moved from the wasm to index.html, beside the text that
// repeats it (-1.8 KB gzip in all), with wasm-opt's flags and a few shared helpers (-0.7 KB). Making a tap
// paint its card before the map's render and the address, and flights restyle the marks alone, cost 1.3 KB.
// The content's English left the wasm for a file of its own that only a reader who asks for English fetches
// (-3.9 KB gzip, -3.4 brotli); en.html, data-lang="en" and sliding labels came to 0.1 / 0.2 KB, and the
// extras' three callers sharing one closure shim saved 0.3 KB (151.9 / 124.9). Laying the page's prerendered
// cards out once after the app starts, so that the first card a reader opens lays out in about a third of the
// time (src/web.rs warm_text), cost 0.4 / 0.3 KB (152.4 / 125.3). The map's and the language button's own
// pointer listeners instead of Yew's, so that a tap on a phone no longer runs wasm for every element it enters
// and leaves (tap INP -16 ms at the median, p75 and p95, 4x CPU), cost 0.3 / 0.5 KB (152.7 / 125.7). A live card drawn
// once, hidden, as a page opens on the overview, so that the reader's first tap does not run the card's code for the
// first time (first-tap INP at 4x CPU, 38 fresh pages a build: median 152 -> 136 ms), cost 0.2 / 0.1 KB (152.9 / 125.8;
// a hook of its own instead of the reducer's `Action::Warm` cost 1 KB). A marker's click that rings the marker at
// once and renders the card after that frame (INP of a click at 4x CPU, p50/p75/p95 56/64/88 -> 32/32/48 ms) cost
// 0.25 / 0.09 KB (153.2 / 125.9; a rewrite of strings::date_range without format!, to make up for it, came out
// larger). In presenter mode the clicker shows the rest of a card longer than the screen before it moves on, and any
// new view's panel starts at its top (a phone's sheet had opened the next card halfway down): 0.5 / 0.6 KB (153.7 /
// 126.5). Flights that draw the markers as a few paths of strokes' caps instead of scaling each marker back at every
// frame (src/flight_marks.rs; main-thread work per frame at 4x CPU, median 16.4 -> 10.9 ms), with the tap in flight
// that finds its mark, cost 3.0 / 2.8 KB (156.7 / 129.3). The markers' stroke widths written once, in src/marker.rs, and
// set as CSS variables with each theme's colours (style.css had a copy of its own), with a hash's query no longer
// sending the reader to the overview (15 B gzip of it), cost 0.18 / 0.38 KB (156.9 / 129.4). A resize after a flight's landing that cuts instead of flying, and a
// deep link that no longer scrolls the page to its panel, cost 36 / 78 B (157.0 / 129.5); the map kept within a
// short screen, 32 B gzip more and 105 B brotli less (157.0 / 129.4). The rest of the way is the app's own code and content (see
// bench/RESULTS.md). These budgets, a little above today's figures, stop it
// from growing unnoticed, and fail if the build stops shortening the wasm's names or the release wasm falls
// back to the stable compiler (+14 KB). The figures are those of the precompressed files a host serves
// (postbuild: gzip -9, brotli -q 11).
const BUDGET = { gzip: 157_100, brotli: 129_600 };

test(`the widget page transfers at most ${BUDGET.gzip / 1000} KB gzip and ${BUDGET.brotli / 1000} KB brotli, everything included`, () => {
  const files = pageFiles();
  assert.ok(files.some((f) => f.endsWith('.wasm')), 'the wasm is counted');
  // The stylesheets are inline in index.html (one request less before the first paint), so counted there.
  assert.match(fs.readFileSync(path.join(dist, 'index.html'), 'utf8'), /<style>[^<]*\.ct-root\{/, 'the stylesheet is counted');
  for (const [how, size] of [['gzip', gz], ['brotli', br]]) {
    const sizes = Object.fromEntries(files.map((f) => [f, size(f)]));
    const total = Object.values(sizes).reduce((a, b) => a + b, 0);
    console.log(`# widget transfer: ${total} B ${how}`, JSON.stringify(sizes));
    assert.ok(total <= BUDGET[how], `${total} B ${how} > ${BUDGET[how]} B`);
  }
});

test('every file in dist/ has its precompressed .gz and .br beside it, byte for byte the file', () => {
  const names = fs.readdirSync(dist);
  const plain = names.filter((f) => !/\.(gz|br)$/.test(f));
  assert.ok(plain.includes('index.html') && plain.includes('county-tour.html'));
  assert.deepEqual(names.filter((f) => /\.(gz|br)$/.test(f)).sort(), plain.flatMap((f) => [`${f}.br`, `${f}.gz`]).sort());
  for (const f of plain) {
    const bytes = fs.readFileSync(path.join(dist, f));
    assert.ok(zlib.gunzipSync(fs.readFileSync(path.join(dist, `${f}.gz`))).equals(bytes), `${f}.gz`);
    assert.ok(zlib.brotliDecompressSync(fs.readFileSync(path.join(dist, `${f}.br`))).equals(bytes), `${f}.br`);
  }
});

test('the QR code and export come in a second wasm that the page does not load', () => {
  const extras = fs.readdirSync(dist).filter((f) => /^extras-[0-9a-f]+(_bg\.wasm|\.js)$/.test(f));
  assert.equal(extras.length, 2, `extras-*.js and extras-*_bg.wasm in dist/: ${extras}`);
  const page = pageFiles();
  assert.ok(!extras.some((f) => page.includes(f)), 'not among the files index.html loads');
  // The encoder's table of error-correction codewords per block (qrcodegen's ECC_CODEWORDS_PER_BLOCK, low
  // level, versions 0 to 9, as i8): the release wasm has no panic locations to find it by its name.
  const QR_TABLE = Buffer.from([-1, 7, 10, 15, 20, 26, 18, 20, 24, 30].map((b) => b & 0xff));
  const has = (f) => fs.readFileSync(path.join(dist, f)).includes(QR_TABLE);
  assert.ok(has(extras.find((f) => f.endsWith('.wasm'))), 'the extras wasm has the QR encoder');
  assert.ok(!has(page.find((f) => f.endsWith('.wasm'))), 'the widget wasm does not');
  const size = extras.reduce((a, f) => a + gz(f), 0);
  console.log(`# extras, on first use: ${size} B gzip`);
  assert.ok(size <= 55_000, `${size} B gzip`);
});

test('the single-file build stays small enough for a newsroom CMS field (under 300 KB gzip)', () => {
  const size = gz('county-tour.html');
  console.log(`# county-tour.html: ${size} B gzip`);
  assert.ok(size <= 300_000, `${size} B`);
});

test('the content\'s English is in a file of its own, which the page fetches only for a reader who asks for English', () => {
  const tour = JSON.parse(fs.readFileSync(path.join(root, 'assets', 'tour.json'), 'utf8'));
  const english = fs.readdirSync(dist).filter((f) => /^en-[0-9a-f]+\.js$/.test(f));
  assert.equal(english.length, 1, `one en-*.js in dist/: ${english}`);
  assert.ok(!pageFiles().includes(english[0]), 'not among the files index.html loads');
  const file = fs.readFileSync(path.join(dist, english[0]), 'utf8');
  const page = pageFiles().map((f) => fs.readFileSync(path.join(dist, f)));
  const single = fs.readFileSync(path.join(dist, 'county-tour.html'), 'utf8');
  for (const en of [tour.event.headline.en, tour.stops[1].facts[0].en, tour.hunan.speakers[0].gist.en]) {
    // As markup's text, as the template takes it (R&D → R&amp;D).
    assert.ok(file.includes(en.replaceAll('&', '&amp;').replaceAll('<', '&lt;')), en);
    assert.ok(!page.some((bytes) => bytes.includes(Buffer.from(en))), `the page's files carry ${en}`);
    assert.ok(single.includes(en.replaceAll('&', '&amp;').replaceAll('<', '&lt;')), `the single file carries ${en}`);
  }
  assert.ok(fs.readFileSync(path.join(dist, 'embed.js'), 'utf8').includes(english[0]), 'embed.js can fetch it');
});

test('the base map outlines travel once: in index.html (its first frame), not in the wasm too', () => {
  const land = JSON.parse(fs.readFileSync(path.join(root, 'assets', 'basemap.json'), 'utf8')).layers.land;
  const probe = land.slice(200, 280);
  assert.equal(probe.length, 80);
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  assert.ok(html.includes(probe), 'index.html carries the land outline');
  const wasm = pageFiles().find((f) => f.endsWith('.wasm'));
  assert.ok(!fs.readFileSync(path.join(dist, wasm)).includes(Buffer.from(probe)), 'the wasm does not');
});

test('the content\'s Chinese travels once: in index.html (its first paint and <template id="ct-zh">), not in the wasm too', () => {
  const tour = JSON.parse(fs.readFileSync(path.join(root, 'assets', 'tour.json'), 'utf8'));
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const list = /<template id="ct-zh">([^<]*)<\/template>/.exec(html)?.[1].split('\n');
  assert.ok(list, 'index.html has the list');
  const wasm = fs.readFileSync(path.join(dist, pageFiles().find((f) => f.endsWith('.wasm'))));
  for (const zh of [tour.event.headline.zh, tour.stops[1].name.zh, tour.stops[1].facts[0].zh, tour.hunan.speakers[0].gist.zh]) {
    assert.ok(list.includes(zh), zh);
    assert.ok(!wasm.includes(Buffer.from(zh)), `the wasm carries ${zh}`);
  }
});
