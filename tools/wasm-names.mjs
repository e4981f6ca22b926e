// Shorter names between a wasm-bindgen wasm and its JS glue (used by tools/postbuild.mjs).
import { Buffer } from 'node:buffer';

const fail = (msg) => {
  throw new Error(msg);
};

const leb = (bytes, at) => {
  let value = 0;
  let shift = 0;
  for (;;) {
    const b = bytes[at++];
    value += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if (b < 0x80) return [value, at];
  }
};
const uleb = (n) => {
  const out = [];
  do {
    const b = n & 0x7f;
    n = Math.floor(n / 128);
    out.push(n ? b | 0x80 : b);
  } while (n);
  return Buffer.from(out);
};
const wasmName = (s) => Buffer.concat([uleb(Buffer.byteLength(s)), Buffer.from(s)]);

/** The i-th short name: a … z, A … Z, then two letters. The glue only uses them as object keys and property
 *  names, where any identifier, even a reserved word, is valid. */
const shortName = (i) => {
  const abc = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  return i < abc.length ? abc[i] : abc[Math.floor(i / abc.length) - 1] + abc[i % abc.length];
};

/** A closure shim's export name, as wasm-bindgen 0.2.130 writes it: mostly `…convert__closures_____invoke__h<16
 *  hex>`, with a counter (`_4`) for a second shim of the same hash, and for some closure types (seen in a smaller
 *  tour's build) the demangled path, `…___convert__closures_____invoke___wasm_bindgen_…_JsValue…`. */
const SHIM = /convert__closures_+invoke_/;
/** What any closure shim's name would contain, also under a naming scheme this file does not know. */
const SHIM_LIKE = /invoke|convert__closure/i;

/** wasm-bindgen names each import `__wbg_<method>_<16 hex digits>` and the closure shims it exports
 *  `wasm_bindgen__convert__closures_____invoke__h<16 hex>`, under the module "./<crate>_bg.js"; the wasm
 *  and the glue each carry every name once. They are hashes no compressor can shrink: 3.1 KB of the
 *  wasm's gzip and 2 KB of the glue's were names. This renames the imports, their module and those
 *  exports to one or two letters in both files, and drops the wasm's custom sections (producers,
 *  target_features: nothing reads them). Every renamed name must occur exactly once in the glue (as the
 *  import object's key, or as the glue's one call of the export); anything else throws, and so does a
 *  closure shim it would leave long (named otherwise, or none found where the glue makes closures). */
export function shortenNames(wasm, glue) {
  const renames = new Map(); // old name -> new name
  let shims = 0;
  let module = null;
  const out = [wasm.subarray(0, 8)];
  let at = 8;
  while (at < wasm.length) {
    const sectionStart = at;
    const id = wasm[at];
    const [size, start] = leb(wasm, at + 1);
    const body = wasm.subarray(start, start + size);
    at = start + size;
    if (id === 0) continue; // a custom section
    if (id !== 2 && id !== 7) {
      out.push(wasm.subarray(sectionStart, at));
      continue;
    }
    // The import (2) or export (7) section: a count, then per entry [module], name, kind, index or type.
    let [count, p] = leb(body, 0);
    const parts = [uleb(count)];
    while (count--) {
      if (id === 2) {
        const [ml, q] = leb(body, p);
        const mod = body.subarray(q, q + ml).toString();
        if (module !== null && module !== mod) fail(`imports from two modules (${module}, ${mod})`);
        module = mod;
        p = q + ml;
      }
      const [nl, q] = leb(body, p);
      const name = body.subarray(q, q + nl).toString();
      p = q + nl;
      const desc = p;
      if (id === 2 && body[p] !== 0) fail(`import ${name} is not a function`);
      [, p] = leb(body, p + 1); // the function's type, or the export's index
      let short = name;
      // A shim named otherwise would keep its long hashed name and cost bytes unseen: stop the build instead.
      if (id === 7 && SHIM_LIKE.test(name) && !SHIM.test(name)) {
        fail(`export ${name} looks like a closure shim but is not named …convert__closures_…invoke_…: update tools/wasm-names.mjs`);
      }
      if (id === 7 && SHIM.test(name)) shims++;
      if (id === 2 || SHIM.test(name)) {
        short = (id === 2 ? '' : '_') + shortName(renames.size);
        renames.set(name, short);
      }
      if (id === 2) parts.push(wasmName('a'));
      parts.push(wasmName(short), body.subarray(desc, p));
    }
    const section = Buffer.concat(parts);
    out.push(Buffer.from([id]), uleb(section.length), section);
  }
  if (module === null) fail('the wasm imports nothing');
  // The glue makes closures (it frees them through this export), so the wasm must export their shims.
  if (shims === 0 && glue.includes('__wbindgen_destroy_closure')) {
    fail('the glue makes closures but no closure-shim export (…convert__closures_…invoke_…) was found to shorten');
  }
  const once = (count, label) => count === 1 || fail(`expected ${label} once in the glue, found it ${count} times`);
  const quoted = JSON.stringify(module);
  once(glue.split(quoted).length - 1, `the module name ${quoted}`);
  let js = glue.replace(quoted, '"a"');
  for (const [name, short] of renames) {
    const word = new RegExp(`(?<![\\w$])${name.replace(/[$^.*+?()[\]{}|\\]/g, '\\$&')}(?![\\w$])`, 'g');
    once((js.match(word) || []).length, name);
    js = js.replace(word, short);
  }
  // Every shim the glue calls has been renamed: one left would be an export the wasm does not have under that name.
  const left = js.match(/[\w$]*convert__closures_+invoke_[\w$]*/);
  if (left) fail(`the glue calls ${left[0]}, which the wasm does not export: not shortened`);
  return { wasm: Buffer.concat(out), glue: js };
}
