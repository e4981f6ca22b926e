// Yew's floor: builds bench/floor (a Yew counter) as the widget is built: with tools/build (the widget's
// nightly and size recipe), its profile and Trunk options; gives its glue the widget's treatment (esbuild,
// shortenNames), and writes the gzip and brotli sizes of its wasm and glue to bench/.cache/floor.json.
// bench/run calls it; measure.mjs puts the figure under the byte table, because it says how much of any Yew
// page's transfer comes before the app's own code and data.
//   node bench/floor.mjs   (needs what tools/setup --build installs)
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { shortenNames } from '../tools/wasm-names.mjs';

const BENCH = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(BENCH, '..');
const DIST = path.join(ROOT, 'target', 'floor', 'dist');

try {
  execFileSync(path.join(ROOT, 'tools', 'build'), [], {
    cwd: path.join(BENCH, 'floor'),
    env: { ...process.env, CARGO_TARGET_DIR: path.join(ROOT, 'target', 'floor') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
} catch (e) {
  console.error(`${e.stdout}${e.stderr}bench/floor: trunk build failed`);
  process.exit(1);
}
const esbuild = await import('esbuild');
const glue = (await esbuild.transform(fs.readFileSync(path.join(DIST, 'yew-floor.js'), 'utf8'), {
  loader: 'js', minify: true, legalComments: 'none', target: 'es2022', format: 'esm',
})).code;
const short = shortenNames(fs.readFileSync(path.join(DIST, 'yew-floor_bg.wasm')), glue);
const sizes = (bytes) => ({
  raw: bytes.length,
  gzip: zlib.gzipSync(bytes, { level: 9 }).length,
  brotli: zlib.brotliCompressSync(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
});
const wasm = sizes(short.wasm);
const js = sizes(Buffer.from(short.glue));
const out = { wasm, glue: js, total: Object.fromEntries(['raw', 'gzip', 'brotli'].map((k) => [k, wasm[k] + js[k]])) };
fs.mkdirSync(path.join(BENCH, '.cache'), { recursive: true });
fs.writeFileSync(path.join(BENCH, '.cache', 'floor.json'), JSON.stringify(out, null, 2) + '\n');
console.log(`yew floor: wasm ${wasm.gzip} B + glue ${js.gzip} B = ${out.total.gzip} B gzip`);
