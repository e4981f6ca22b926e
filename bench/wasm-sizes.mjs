#!/usr/bin/env node
// Where the widget wasm's bytes go, for size work (issue #14): the release wasm (tools/build's compiler and
// profile) through wasm-bindgen and `wasm-opt -Oz -g`, which keeps the function names that dist/'s wasm drops,
// then binaryen's own per-function metrics (`wasm-opt --func-metrics`; twiggy cannot read wasm-bindgen
// 0.2.130's compact import section). Raw bytes of code per function and per module, and the data section.
// Run from the repository, after `source tools/env.sh` (bench/wasm-sizes does both):
//   node bench/wasm-sizes.mjs [TOP]          TOP functions listed (default 25)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';

const top = Number(process.argv[2] || 25);
const run = (cmd, args, opts = {}) => execFileSync(cmd, args, { stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 28, ...opts });
run('cargo', ['build', '--quiet', '--release', '--target', 'wasm32-unknown-unknown', '--bin', 'county-tour']);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wasm-sizes-'));
run('wasm-bindgen', ['--target', 'web', '--out-dir', tmp, 'target/wasm32-unknown-unknown/release/county-tour.wasm']);
const named = path.join(tmp, 'named.wasm');
run('wasm-opt', ['-Oz', '-g', '--all-features', path.join(tmp, 'county-tour_bg.wasm'), '-o', named]);
const stripped = path.join(tmp, 'stripped.wasm');
run('wasm-opt', ['--strip-debug', '--all-features', named, '-o', stripped]);
const metrics = run('wasm-opt', ['--all-features', named, '--func-metrics'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString();

// "func: NAME" then its metrics, among them "[binary-bytes] : N".
const funcs = [];
let name = null;
for (const line of metrics.split('\n')) {
  if (line.startsWith('func: ')) name = line.slice(6);
  const m = /^\s*\[binary-bytes\]\s*:\s*(\d+)/.exec(line);
  if (m && name !== null) { funcs.push({ name, bytes: Number(m[1]) }); name = null; }
}
const dataBytes = Number((/\[memory-data\]\s*:\s*(\d+)/.exec(metrics) || [0, 0])[1]);

/** The module a function belongs to: county_tour::<module>, else the crate. Hash suffixes dropped. */
function owner(n) {
  const clean = n.replace(/\[[0-9a-f]{16}\]/g, '');
  const ours = /county_tour::(\w+)/.exec(clean);
  if (ours) return `county_tour::${ours[1]}`;
  const crate = /^<?&?(?:mut )?(\w+)/.exec(clean);
  return crate ? crate[1] : 'other';
}
const byOwner = new Map();
for (const f of funcs) byOwner.set(owner(f.name), (byOwner.get(owner(f.name)) || 0) + f.bytes);
const code = funcs.reduce((a, f) => a + f.bytes, 0);
const bytes = fs.readFileSync(stripped);
const kB = (b) => (b / 1000).toFixed(1).padStart(7);

console.log(`wasm (names stripped; dist/'s is smaller still: wasm-opt -O2 and shortened import names): ${kB(bytes.length)} kB raw, ${kB(zlib.gzipSync(bytes, { level: 9 }).length)} kB gzip`);
console.log(`code: ${kB(code)} kB raw in ${funcs.length} functions; data: ${kB(dataBytes)} kB raw\n`);
console.log('by module (raw code, kB; a function inlined into another counts for its caller):');
for (const [k, v] of [...byOwner].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`${kB(v)}  ${k}`);
console.log(`\nlargest ${top} functions (raw code, kB):`);
for (const f of funcs.sort((a, b) => b.bytes - a.bytes).slice(0, top)) {
  console.log(`${kB(f.bytes)}  ${f.name.replace(/\[[0-9a-f]{16}\]/g, '').slice(0, 150)}`);
}
fs.rmSync(tmp, { recursive: true, force: true });
