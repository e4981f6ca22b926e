// The browser floor (README, Browsers) for the scripts: every script dist/ serves parses in the oldest browsers
// README names. esbuild, asked to target them, must leave each script as it is: anything it would have to
// rewrite, or cannot (top-level await before Firefox 89), is syntax those browsers lack. The wasm's side is
// tests/wasm_floor.rs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { root } from './server.mjs';

const dist = path.join(root, 'dist');

/** README's floor: "Chrome and Android WebView 96, Safari and iOS 15.1, and Firefox 89". */
function readmeFloor() {
  const section = fs.readFileSync(path.join(root, 'README.md'), 'utf8').split('\n## Browsers\n')[1] ?? '';
  const version = (label) => new RegExp(`${label} (\\d+(?:\\.\\d+)?)`).exec(section)?.[1] ?? assert.fail(`README's floor names ${label}`);
  const [chrome, firefox, safari] = ['Chrome and Android WebView', 'Firefox', 'Safari and iOS'].map(version);
  return [`chrome${chrome}`, `firefox${firefox}`, `safari${safari}`, `ios${safari}`];
}

/** Every script a reader's browser may run: dist's .js files and the single file's inline scripts. */
function scripts() {
  const out = fs.readdirSync(dist).filter((f) => f.endsWith('.js')).map((f) => [f, fs.readFileSync(path.join(dist, f), 'utf8')]);
  const single = fs.readFileSync(path.join(dist, 'county-tour.html'), 'utf8');
  // Only the scripts that run: the single file also carries its wasm as base64 in <script type="application/octet-stream">.
  [...single.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)]
    .filter((m) => !/\btype="(?!module"|text\/javascript")/.test(m[1]))
    .forEach((m, i) => out.push([`county-tour.html script ${i + 1}`, m[2]]));
  return out;
}

/** Why `code` would not run as it is in `target`: esbuild's error, or where it rewrites it; null if it runs. */
async function lacks(code, target) {
  const as = (t) => esbuild.transform(code, { minify: true, format: 'esm', target: t }).then((r) => r.code);
  const latest = await as('esnext');
  let old;
  try {
    old = await as(target);
  } catch (e) {
    return e.message;
  }
  if (old === latest) return null;
  let i = 0;
  while (old[i] === latest[i]) i++;
  return `rewritten at ${latest.slice(Math.max(0, i - 40), i + 60)}`;
}

const floor = readmeFloor();

test(`every script in dist/ parses in ${floor.join(', ')} as it is`, async () => {
  const found = scripts();
  assert.ok(found.length >= 4, `the boot script, the glue, the extras' glue and embed.js: ${found.map(([f]) => f)}`);
  for (const [name, code] of found) {
    const why = await lacks(code, floor);
    assert.equal(why, null, `${name} has syntax ${floor.join(', ')} lack: ${why}`);
  }
});

test('the check tells syntax a browser lacks', async () => {
  assert.equal(await lacks('class A { static x = 1 }', floor), null);
  assert.notEqual(await lacks('export class A { static { globalThis.a = A } }', ['safari15.1']), null, 'class static blocks: Safari 16.4');
  // The boot script's top-level await is why the floor is Firefox 89, not the wasm's 79.
  const boot = scripts().find(([f]) => f.startsWith('boot-'));
  assert.ok(boot, 'dist/ has the boot script');
  assert.match(await lacks(boot[1], ['firefox79']), /Top-level await/);
});
