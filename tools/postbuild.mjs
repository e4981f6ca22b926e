// Trunk post_build hook (wired in Trunk.toml): turns Trunk's output in $TRUNK_STAGING_DIR into what we ship.
// It only moves and splices files: everything the page shows was drawn by the Rust code, either by the
// app or, at build time, by the prerender (src/bin/prerender.rs, Trunk's pre_build hook) into
// target/prerender/.
//   index.html         the inline loader moves to boot-<hash>.js, so a strict CSP (script-src 'self') holds;
//                      its <title> and description come from the prerender (page-zh.json);
//                      its comments are dropped;
//                      the stylesheets go inline (one request less before the first paint);
//                      the prerendered overview (first.html: `#ct-first`, the complete overview with real
//                      links and every card) goes before <main id="county-tour">, and the text version for
//                      the panic fallback (static.html) after it, in a <template id="ct-static">, with
//                      the content's Chinese, one string a line (zh-list.html), in a <template id="ct-zh">
//                      before it: the wasm reads it from there instead of carrying it (build.rs from_page).
//   en.html            index.html in English: the prerender's English first paint and text version, its title
//                      and description, <html lang="en">, and data-lang="en" on <main>, which starts the app
//                      in English (src/web.rs requested_lang); the content's English inline.
//   county-tour.html   the same page in one file: CSS, JS and wasm (base64) inlined; works from file://.
//                      The prerender's <head> tags for a shared link (head.html: Open Graph, Twitter's card,
//                      the oEmbed discovery link) go before </head> (in index.html only; en.html gets its
//                      own, head-en.html).
//   share-card.png, share-square.png, oembed.json (and their -en twins, for en.html)   the prerender's share
//                      images and oEmbed documents, copied as they are, under stable names: a crawler's cache,
//                      and a CMS that stored the oEmbed answer, keep their URLs from one build to the next
//                      (src/share.rs).
//   embed.js           stable-named loader for host pages: <div id="county-tour"></div> + this module script.
//   extras-<hash>.js   the second wasm (src/extras.rs: QR code, export, Hunan outlines), which Trunk builds as extras.js and
//                      extras_bg.wasm; renamed by content hash. Each loader above defines
//                      globalThis.__countyTourExtras(), which fetches and starts it once, on first use
//                      (src/lazy.rs); the single file carries it inline and starts it on first use too.
//   en-<hash>.js       the content's English (the prerender's en-list.html, one string a line), which the
//                      wasm does not carry either: each loader defines globalThis.__countyTourEn(), which
//                      fetches it once into a <template id="ct-en"> when a reader asks for English (src/web.rs
//                      with_text); en.html and the single file have that template inline.
//   *_bg.wasm + glue   the wasm's imports, their module and its closure exports renamed to one or two
//                      letters in both files, custom sections dropped (shortenNames: −5 KB gzip).
//   *.js, *.css        minified with esbuild (pinned in package.json): the wasm-bindgen glue and the
//                      stylesheets are a tenth of the page's bytes, and Trunk 0.21's own JS minifier
//                      rejects the glue.
//   *.gz, *.br         every file above precompressed, for hosts that serve them (README, "Hosting").
// Every URL stays relative. The output depends only on the build's files: no timestamps.
// Runs on Node 20; needs `npm ci` (esbuild). By hand: TRUNK_STAGING_DIR=dist node tools/postbuild.mjs (on a fresh build).
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { shortenNames as shorten } from './wasm-names.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WIDGET_CSS = /^style-[0-9a-f]+\.css$/; // the widget's scoped stylesheet; page-*.css styles our own page only
const MAIN_TAG = /<main id="county-tour"[^>]*><\/main>/;
const PRERENDER = path.join(ROOT, 'target', 'prerender');

// ---- small helpers ----

function fail(msg) {
  console.error(`postbuild: ${msg}`);
  process.exit(1);
}


const contentHash = (text) => crypto.createHash('sha256').update(text).digest('hex').slice(0, 16);

/** Replace the one occurrence of `needle` (a string or a RegExp) in `text`; fail the build unless there is exactly one. */
function replaceOnce(text, needle, replacement, what) {
  const count = typeof needle === 'string' ? text.split(needle).length - 1 : (text.match(new RegExp(needle.source, 'g')) || []).length;
  if (count !== 1) fail(`expected one ${what} in index.html, found ${count}`);
  return text.replace(needle, replacement);
}

/** Code about to be inlined into an HTML element must not be able to close it early. */
function assertInlinable(code, tag, what) {
  if (new RegExp(`</${tag}|<!--`, 'i').test(code)) fail(`${what} contains "</${tag}" or "<!--" and cannot be inlined`);
  return code;
}

// ---- reading Trunk's output ----

/** Trunk's inline `<script type="module">` loader, and the glue JS and wasm file names it names. */
function findLoader(html) {
  const tags = [...html.matchAll(/<script type="module"[^>]*>([\s\S]*?)<\/script>/g)].filter((m) => /import init/.test(m[1]));
  if (tags.length !== 1) fail(`expected one inline Trunk loader in index.html, found ${tags.length}`);
  const [tag, code] = tags[0];
  const js = code.match(/from '([^']+\.js)'/)?.[1];
  const wasm = code.match(/module_or_path: '([^']+\.wasm)'/)?.[1];
  if (!js || !wasm) fail('cannot find the JS and wasm file names in Trunk\'s loader');
  return { tag, code, js: path.posix.basename(js), wasm: path.posix.basename(wasm) };
}

/** The stylesheets index.html links, in order: [{ tag, file }]. */
function findStylesheets(html) {
  return [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"[^>]*\/?>/g)].map(([tag, href]) => ({ tag, file: path.posix.basename(href) }));
}

// ---- 1. index.html: a CSP-safe loader ----

/** The prerendered page (`#ct-first`) is the Chinese overview of our own page, shown from the first paint
 *  and without JavaScript. With JavaScript it lies over the page (`ct-over`), so that the app renders
 *  beneath it and nothing shifts when the app removes it. A query pair with which the app looks otherwise
 *  (another language, layout or colours) hides it until the app draws: which pairs those are, the
 *  prerender asks src/address.rs parse_query (first-query.json), so this script only looks them up. If the
 *  app cannot start (its wasm blocked, a browser without WebAssembly), the first paint stays or comes back:
 *  a real map whose markers and tabs are links, and whose cards show by `:target`. Other parameters, such as
 *  a newsletter's tracking tags, do not matter. */
function firstPaint(hideFor) {
  return `
const first = document.getElementById('ct-first');
// By the first paint's language: index.html's Chinese, en.html's English.
const hideFor = ${hideFor.trim()}[first?.lang] || { always: [], dark: [], english: [] };
const dark = matchMedia('(prefers-color-scheme: dark)').matches;
const pairs = [...new URLSearchParams(location.search)].map(([k, v]) => k.toLowerCase() + '=' + v.trim().toLowerCase());
const flagged = pairs.some((pair) => hideFor.always.includes(pair) || (dark && hideFor.dark.includes(pair)));
first?.classList.add('ct-over');
if (first && flagged) first.hidden = true;
const withoutApp = (e) => {
  first?.classList.remove('ct-over');
  if (first) first.hidden = false;
  console.warn('county-tour: the map runs without its app', e);
};
`;
}

/** Trunk's loader as a file: the same code, with the wasm URL resolved against the loader's own URL. */
function bootModule(loader, extras, english) {
  // A reader who asks for English: the content's English is fetched beside the wasm (src/app.rs start waits for it).
  const prefix = firstPaint(prerendered('first-query.json')) + extrasLoader(extras) + englishLoader(english, 'document.body') +
    'if (pairs.some((pair) => hideFor.english.includes(pair))) globalThis.__countyTourEn();\n';
  const code = loader.code.replace(/^(\s*import [^\n]*\n)/, (imp) => imp + prefix);
  if (!code.includes(prefix)) fail('cannot find the import line of Trunk\'s loader');
  const out = code
    .replace(/from '[^']+\.js'/, `from './${loader.js}'`)
    .replace(/module_or_path: '[^']+\.wasm'/, `module_or_path: new URL('./${loader.wasm}', import.meta.url)`)
    .replace(/await init\((\{[^}]*\})\)/, 'await init($1).catch(withoutApp)')
    .replace(/^\s+|\s+$/g, '')
    .replace(/\n{3,}/g, '\n\n') + '\n';
  if (!out.includes('.catch(withoutApp)')) fail('cannot find `await init({ … })` in Trunk\'s loader');
  return out;
}

/** Minify JS (an ES module) or CSS; fails the build when esbuild is missing rather than ship unminified. */
async function minify(code, loader) {
  let esbuild;
  try {
    esbuild = await import('esbuild');
  } catch {
    fail('esbuild is missing: run `npm ci` (tools/setup does)');
  }
  const format = loader === 'js' ? { format: 'esm' } : {};
  return (await esbuild.transform(code, { loader, minify: true, legalComments: 'none', target: 'es2022', ...format })).code;
}

/** shortenNames (tools/wasm-names.mjs), failing the build on a glue it does not recognise. */
function shortenNames(wasm, glue, what) {
  try {
    return shorten(wasm, glue);
  } catch (e) {
    fail(`${what}: ${e.message}`);
  }
}

// ---- 1b. the extras wasm, loaded on first use ----

/** `globalThis.__countyTourExtras()` for a loader module: the extras module, fetched and started once
 *  (again after a failure), its files resolved against the loader's own URL. */
function extrasLoader(extras) {
  return `
let extras;
globalThis.__countyTourExtras ??= () => extras ??= import('./${extras.js}')
  .then(async (m) => { await m.default({ module_or_path: new URL('./${extras.wasm}', import.meta.url) }); return m; })
  .catch((e) => { extras = undefined; throw e; });
`;
}

/** The loader of the content's English (src/lazy.rs with_english): the module's text into a
 *  `<template id="ct-en">` appended to `scope`, once; on failure the widget goes on with the language it has,
 *  and the next request tries again. */
function englishLoader(js, scope) {
  return `
let english;
globalThis.__countyTourEn ??= () => english ??= import('./${js}').then((m) => {
  const t = document.createElement('template');
  t.id = 'ct-en';
  t.innerHTML = m.default;
  ${scope}.append(t);
}).catch(() => { english = undefined; });
`;
}

/** The content's English as a module named by its content hash (englishLoader imports it): its file name. */
function hashEnglish(write) {
  const code = `export default ${JSON.stringify(prerendered('en-list.html'))};\n`;
  const js = `en-${contentHash(code)}.js`;
  write(js, code);
  return js;
}

/** Trunk's extras.js and extras_bg.wasm, minified and renamed by content hash: { js, wasm } file names. */
async function hashExtras({ read, write, remove }) {
  const short = shortenNames(read('extras_bg.wasm'), await minify(read('extras.js').toString(), 'js'), 'extras');
  const bytes = short.wasm;
  const wasm = `extras-${contentHash(bytes)}_bg.wasm`;
  const glue = short.glue;
  if (!glue.includes('extras_bg.wasm')) fail('cannot find the wasm file name in extras.js');
  const code = glue.replaceAll('extras_bg.wasm', wasm);
  const js = `extras-${contentHash(code)}.js`;
  write(wasm, bytes);
  write(js, code);
  remove('extras_bg.wasm');
  remove('extras.js');
  return { js, wasm };
}

// ---- 2. the prerendered page ----

/** One of the prerender's files (src/bin/prerender.rs), which Trunk's pre_build hook wrote. */
function prerendered(name, encoding = 'utf8') {
  const file = path.join(PRERENDER, name);
  if (!fs.existsSync(file)) fail(`${file} is missing: the pre_build hook (cargo run --bin prerender) did not run`);
  return fs.readFileSync(file, encoding);
}

// ---- 3. en.html: the same page in English ----

/** The page's `<title>` and description, in the language of `pageFile` (src/prerender.rs page_of), after the
 *  color-scheme meta. */
function withHead(page, pageFile) {
  const { head } = JSON.parse(prerendered(pageFile));
  return replaceOnce(page, /<meta name="color-scheme"[^>]*>/, (meta) => `${meta}\n  ${head}`, 'color-scheme meta');
}

/** index.html with the prerender's English first paint, text version, title and description, the `lang`
 *  of `<html>`, and the attribute that starts the app in English (src/prerender.rs page_of); the content's
 *  English inline, so nothing more is fetched, and its Chinese for the language switch. */
function englishPage(page, zh) {
  const en = JSON.parse(prerendered('page-en.json'));
  const out = replaceOnce(withHead(page, 'page-en.json'), /<html lang="[^"]*">/, () => `<html lang="${en.html_lang}">`, '<html lang>');
  return aroundMain(out, {
    first: prerendered('first-en.html'),
    attrs: en.main_attrs,
    templates: [['ct-en', prerendered('en-list.html')], ['ct-zh', zh], ['ct-static', prerendered('static-en.html')]],
  });
}

/** Trunk's `<main>` (with `attrs`, if any) between the prerender's first paint and, in their `<template>`s, the
 *  content's lists the wasm reads (src/web.rs TEXT_LISTS) and the text version for the panic fallback. */
function aroundMain(page, { first, attrs, templates }) {
  const lists = templates.map(([id, body]) => `<template id="${id}">${body}</template>`).join('');
  return replaceOnce(
    page,
    MAIN_TAG,
    (main) => `${first}\n  ${attrs ? main.replace('<main id="county-tour"', `$& ${attrs}`) : main}\n  ${lists}`,
    '<main id="county-tour">',
  );
}

// ---- 4. county-tour.html: one self-contained file ----

/** The local name under which minified wasm-bindgen glue exports `name` ("default" for its init). */
function exportedName(glue, name, what) {
  return glue.match(new RegExp(`export\\s*\\{[^}]*?([\\w$]+) as ${name}\\b`))?.[1] ||
    (name === 'default' ? glue.match(/export default ([\w$]+);/)?.[1] : new RegExp(`function ${name}\\b`).test(glue) && name) ||
    fail(`cannot find the export ${name} of ${what}`);
}

/** JS that decodes the base64 wasm in the `<script type="application/octet-stream" id=…>` data block. */
const bytesOf = (id) => `Uint8Array.from(atob(document.getElementById('${id}').textContent), (c) => c.charCodeAt(0))`;

/** The glue JS inlined as a module that passes the wasm bytes (from a base64 data block) to its init. */
function inlineModule(glue) {
  const init = exportedName(glue, 'default', 'the wasm-bindgen JS');
  const start = [
    '',
    '// county-tour: the wasm comes from the #ct-wasm data block; nothing is fetched.',
    `const bytes = ${bytesOf('ct-wasm')};`,
    "document.getElementById('ct-wasm').remove();",
    `await ${init}({ module_or_path: bytes });`,
  ].join('\n');
  return `<script type="module">\n${assertInlinable(glue, 'script', 'the wasm-bindgen JS')}${start}\n</script>`;
}

/** The extras glue inlined as a module: `__countyTourExtras()` starts it from the #ct-extras data block on first use
 *  and gives the widget the module's exports (src/extras.rs), as the fetched module's namespace would. */
function inlineExtras(glue) {
  const init = exportedName(glue, 'default', 'extras.js');
  const exports = [...(glue.match(/export\s*\{([^}]*)\}/)?.[1] || '').matchAll(/([\w$]+) as ([\w$]+)/g)]
    .filter(([, , name]) => name !== 'default' && name !== 'initSync')
    .map(([, local, name]) => `${name}: ${local}`);
  if (!exports.length) fail('cannot find the exports of extras.js');
  const start = [
    '',
    '// county-tour: the extras wasm (QR code, export, Hunan outlines) from the #ct-extras data block, started on first use.',
    'let extras;',
    'globalThis.__countyTourExtras ??= () => extras ??= (async () => {',
    `  await ${init}({ module_or_path: ${bytesOf('ct-extras')} });`,
    `  return { ${exports.join(', ')} };`,
    '})();',
  ].join('\n');
  return `<script type="module">\n${assertInlinable(glue, 'script', 'extras.js')}${start}\n</script>`;
}

function singleFile(html, { boot, loader, extras, stylesheets, read }) {
  let out = html
    .replace(/<link rel="(?:modulepreload|preload)"[^>]*>/g, '')
    .replace(/<script>[^<]*\.well-known\/trunk\/ws[\s\S]*?<\/script>/, ''); // `trunk serve`'s reload script
  for (const { tag, file } of stylesheets) {
    out = out.replace(tag, () => `<style>\n${assertInlinable(read(file).toString(), 'style', file)}</style>`);
  }
  // Module scripts run in document order: the extras loader is defined before the widget can ask for it.
  out = replaceOnce(out, `<script type="module" src="./${boot}"></script>`,
    () => `${inlineExtras(read(extras.js).toString())}\n${inlineModule(read(loader.js).toString())}`, 'boot script');
  // Nothing is fetched: the content's English is in the file too.
  out = replaceOnce(out, '<template id="ct-zh">', (zh) => `<template id="ct-en">${prerendered('en-list.html')}</template>${zh}`, 'Chinese list');
  const wasm = `<script type="application/octet-stream" id="ct-wasm">${read(loader.wasm).toString('base64')}</script>\n` +
    `<script type="application/octet-stream" id="ct-extras">${read(extras.wasm).toString('base64')}</script>\n`;
  return out.replace('</body>', () => `${wasm}</body>`);
}

// ---- 5. embed.js: mount inline in a host page ----

function embedModule({ loader, extras, english, widgetCss, outlines, zh }) {
  return `// county-tour inline-mount loader (generated by tools/postbuild.mjs). A host page adds
//   <div id="county-tour"></div>  and  <script type="module" src="…/embed.js"></script>
// Every file is resolved against this script's own URL. The widget renders into a shadow root on that
// element, with its stylesheet inside: the host page's CSS cannot select anything in the widget, and the
// widget's root takes no inherited property from the article (.ct-root { all: initial }). The host page's
// own styles and <html lang> are left alone. A browser without shadow DOM gets the light-DOM mount.
import init from './${loader.js}';

const here = import.meta.url;
const wasm = fetch(new URL('./${loader.wasm}', here)); // start early; init() awaits it
${extrasLoader(extras).trim()}
${englishLoader(english, 'scope').trim()}

function addStylesheet(parent, href) {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = href;
  const loaded = new Promise((resolve) => { link.onload = link.onerror = resolve; });
  parent.append(link);
  return loaded;
}

if (document.readyState === 'loading') await new Promise((resolve) => document.addEventListener('DOMContentLoaded', resolve, { once: true }));
let host = document.getElementById('county-tour');
if (!host) {
  host = document.createElement('div');
  host.id = 'county-tour';
  document.body.append(host);
}
let shadow = host.shadowRoot;
try { shadow ||= host.attachShadow({ mode: 'open' }); } catch { shadow = null; }
const scope = shadow || host;
const css = new URL('./${widgetCss}', here).href;
// Mount only once the styles are in, so the widget never shows unstyled.
if (shadow) await addStylesheet(shadow, css);
else if (![...document.querySelectorAll('link[rel=stylesheet]')].some((l) => l.href === css)) await addStylesheet(document.head, css);
// The base map's outlines, which the widget's own page carries in its first frame; the widget takes
// them from this hidden element into its map and removes the element once it has drawn.
const outlines = document.createElement('div');
outlines.id = 'ct-first';
outlines.hidden = true;
outlines.innerHTML = ${JSON.stringify(outlines)};
scope.append(outlines);
// The content's Chinese, which the wasm reads from the page rather than carrying it (src/web.rs page_zh).
const zh = document.createElement('template');
zh.id = 'ct-zh';
zh.innerHTML = ${JSON.stringify(zh)};
scope.append(zh);
if (shadow) {
  const mount = document.createElement('div');
  mount.id = 'ct-mount'; // the app renders here (src/web.rs mount_point)
  shadow.append(mount);
}
await init({ module_or_path: wasm });
`;
}

// ---- main ----

async function main() {
  const stage = process.env.TRUNK_STAGING_DIR;
  if (!stage) fail('run by Trunk as a post_build hook (TRUNK_STAGING_DIR is not set)');
  const file = (name) => path.join(stage, name);
  const read = (name) => fs.readFileSync(file(name));
  const write = (name, text) => fs.writeFileSync(file(name), text);
  const remove = (name) => fs.rmSync(file(name));

  // index.html's own comments are notes for whoever edits it, not for the reader's download.
  let html = read('index.html').toString().replace(/<!--[\s\S]*?-->\s*/g, '');
  const loader = findLoader(html);
  let stylesheets = findStylesheets(html);
  const widgetCss = stylesheets.find((s) => WIDGET_CSS.test(s.file))?.file || fail('no style-<hash>.css linked from index.html');
  const short = shortenNames(read(loader.wasm), await minify(read(loader.js).toString(), 'js'), loader.wasm);
  write(loader.wasm, short.wasm);
  write(loader.js, short.glue);
  // The styles go inline: the first paint then needs index.html alone, not a second round trip that
  // a slow network makes the reader wait for (150 ms on slow 4G). The files stay for embed.js.
  for (const { tag, file: css } of stylesheets) {
    write(css, await minify(read(css).toString(), 'css'));
    html = replaceOnce(html, tag, () => `<style>${assertInlinable(read(css).toString(), 'style', css)}</style>`, `link to ${css}`);
  }
  stylesheets = findStylesheets(html);

  const extras = await hashExtras({ read, write, remove });
  const english = hashEnglish(write);
  const bootCode = await minify(bootModule(loader, extras, english), 'js');
  const boot = `boot-${contentHash(bootCode)}.js`;
  write(boot, bootCode);
  html = html.replace(loader.tag, () => `<script type="module" src="./${boot}"></script>`);
  const first = prerendered('first.html');
  const text = prerendered('static.html');
  const zh = prerendered('zh-list.html');
  // The first frame waits for the whole map (src/prerender.rs first_paint_head); both pages have the first paint.
  html = replaceOnce(html, '<link rel="icon"', (icon) => `${prerendered('first-head.html')}\n  ${icon}`, 'the favicon link');
  // The prerender's files for sharing a link, copied into dist/ under their own (stable) names, as it lists them.
  const shared = JSON.parse(prerendered('shared.json'));
  for (const name of shared) write(name, prerendered(name, null));
  const page = html;
  // The list before the text version, which then compresses against it (0.7 KB gzip less than after).
  html = aroundMain(withHead(page, 'page-zh.json'), { first, templates: [['ct-zh', zh], ['ct-static', text]] });
  // The share tags name other files (the images, oembed.json), so only index.html and en.html (its own, in
  // English) have them, not the single file.
  write('index.html', replaceOnce(html, '</head>', () => `${prerendered('head.html')}\n</head>`, '</head>'));
  write('en.html', replaceOnce(englishPage(page, zh), '</head>', () => `${prerendered('head-en.html')}\n</head>`, '</head>'));

  write('county-tour.html', singleFile(html, { boot, loader, extras, stylesheets, read }));
  write('embed.js', embedModule({ loader, extras, english, widgetCss, outlines: prerendered('outlines.html'), zh }));

  const size = (name) => `${name} ${(fs.statSync(file(name)).size / 1024).toFixed(1)} KiB`;
  console.log(`postbuild: ${['index.html', 'en.html', boot, loader.js, widgetCss, 'county-tour.html', 'embed.js', extras.js, extras.wasm, english, ...shared].map(size).join(', ')}`);
  precompress(stage);
}

/** `<file>.gz` and `<file>.br` beside every file, for hosts that serve precompressed files (README: nginx
 *  `gzip_static`/`brotli_static`, Caddy `precompressed`, …): the strongest settings, which a host
 *  compressing on the fly seldom uses (gzip level 9, brotli quality 11). Deterministic: no timestamps. */
function precompress(dir) {
  for (const name of fs.readdirSync(dir)) {
    const f = path.join(dir, name);
    if (/\.(gz|br)$/.test(name) || !fs.statSync(f).isFile()) continue;
    const bytes = fs.readFileSync(f);
    fs.writeFileSync(`${f}.gz`, zlib.gzipSync(bytes, { level: 9 }));
    fs.writeFileSync(`${f}.br`, zlib.brotliCompressSync(bytes, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }));
  }
}

await main();
