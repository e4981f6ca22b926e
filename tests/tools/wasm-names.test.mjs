// tools/wasm-names.mjs on small hand-made modules: it shortens what wasm-bindgen 0.2.130 names, and it stops the
// build, rather than leave a name long without a word, when a closure shim is not where it expects one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Buffer } from 'node:buffer';
import { shortenNames } from '../../tools/wasm-names.mjs';

const str = (s) => [Buffer.byteLength(s), ...Buffer.from(s)];
const uleb = (n) => {
  const out = [];
  do {
    out.push((n & 0x7f) | (n > 0x7f ? 0x80 : 0));
    n >>>= 7;
  } while (n);
  return out;
};
const section = (id, entries) => {
  const body = [entries.length, ...entries.flat()];
  return [id, ...uleb(body.length), ...body];
};
/** A module importing one function from "./x_bg.js" and exporting `exports` (functions 0, 1, …). */
function wasm(imp, exports) {
  return Buffer.from([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(2, [[...str('./x_bg.js'), ...str(imp), 0x00, 0x00]]),
    ...section(7, exports.map((name, i) => [...str(name), 0x00, i])),
  ]);
}

const IMP = '__wbg_log_0123456789abcdef';
const SHIM = 'wasm_bindgen__convert__closures_____invoke__h0123456789abcdef';
const glue = (shim) => `const i={"./x_bg.js":{${IMP}:()=>{}}};` +
  `function f(a,b){wasm.${shim}(a,b)}const r=new FinalizationRegistry(s=>wasm.__wbindgen_destroy_closure(s.a,s.b));`;

test('wasm-names: imports, their module and closure shims become a letter or two in both files', () => {
  const out = shortenNames(wasm(IMP, [SHIM, '__wbindgen_destroy_closure']), glue(SHIM));
  assert.ok(!out.glue.includes(IMP) && !out.glue.includes(SHIM) && !out.glue.includes('./x_bg.js'), out.glue);
  assert.match(out.glue, /wasm\._b\(a,b\)/);
  assert.ok(!out.wasm.includes(Buffer.from(SHIM)) && out.wasm.includes(Buffer.from('__wbindgen_destroy_closure')));
  assert.ok(out.wasm.length < wasm(IMP, [SHIM, '__wbindgen_destroy_closure']).length);
});

test('wasm-names: a second shim of the same hash, and one named by its path, are shortened too', () => {
  const twin = `${SHIM}_4`;
  const path = 'wasm_bindgen_a0e2943c55c7281d___convert__closures_____invoke___wasm_bindgen_a0e2943c55c7281d___JsValue__true_';
  const out = shortenNames(wasm(IMP, [SHIM, twin, path, '__wbindgen_destroy_closure']),
    glue(SHIM) + `wasm.${twin}();wasm.${path}();`);
  assert.ok(!out.glue.includes('invoke'), out.glue);
  assert.match(out.glue, /wasm\._b\(a,b\).*wasm\._c\(\);wasm\._d\(\)/);
});

test('wasm-names: a closure shim named otherwise stops the build', () => {
  const other = 'wasm_bindgen__closure_invoke1_mut__h0123456789abcdef0';
  assert.throws(() => shortenNames(wasm(IMP, [other, '__wbindgen_destroy_closure']), glue(other)), /looks like a closure shim/);
});

test('wasm-names: a glue that makes closures with no shim found in the wasm stops the build', () => {
  assert.throws(() => shortenNames(wasm(IMP, ['__wbindgen_destroy_closure']), glue('closure_call_7')), /no closure-shim export/);
});

test('wasm-names: a shim the glue calls but the wasm does not export stops the build', () => {
  const missing = 'wasm_bindgen__convert__closures_____invoke__hfedcba9876543210';
  assert.throws(() => shortenNames(wasm(IMP, [SHIM, '__wbindgen_destroy_closure']), glue(SHIM) + `wasm.${missing}();`),
    /does not export/);
});

test('wasm-names: a module without closures needs no shim', () => {
  const out = shortenNames(wasm(IMP, ['main']), `const i={"./x_bg.js":{${IMP}:()=>{}}};wasm.main();`);
  assert.match(out.glue, /"a":\{a:/);
});
