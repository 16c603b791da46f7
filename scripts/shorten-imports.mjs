// Gives the functions the wasm imports from its JS glue short names, in both files; run on
// release builds by the post-build hook (post-build.mjs).
//
// wasm-bindgen names each import `__wbg_<name>_<16 hex digits>`, and the names appear twice, in
// the wasm's import section and as the keys of the glue's import object. The hashes do not
// compress: shortened, the initial load is about 5.8 KB smaller gzipped. Debug builds keep the
// long names, which say what each import is.
//
// The rename is checked before anything is written: every import of the glue's module must
// name a key of the glue's import object, exactly once.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const APP = 'add-customer';
/** The module name under which the wasm imports the glue's functions. */
const GLUE_MODULE = `./${APP}_bg.js`;
/** The names wasm-bindgen gives to the functions it generates in the glue. */
const HASHED = /^__wbg_\w+_[0-9a-f]{16}$/;

const fail = (message) => {
  throw new Error(`shorten-imports: ${message}`);
};

/** Reads an unsigned LEB128 number at `offset`: [value, next offset]. */
function readUnsigned(bytes, offset) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[offset];
    offset += 1;
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return [value, offset];
  }
}

/** `value` as unsigned LEB128. */
function unsigned(value) {
  const bytes = [];
  do {
    let byte = value % 128;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 0x80;
    bytes.push(byte);
  } while (value > 0);
  return Buffer.from(bytes);
}

/** Reads a name (its length, then UTF-8) at `offset`: [text, next offset]. */
function readName(bytes, offset) {
  const [length, start] = readUnsigned(bytes, offset);
  return [bytes.toString('utf8', start, start + length), start + length];
}

const name = (text) => {
  const utf8 = Buffer.from(text, 'utf8');
  return Buffer.concat([unsigned(utf8.length), utf8]);
};

/** The length of an import's description of `kind` at `offset` (the binary format's importdesc). */
function descriptionEnd(bytes, kind, offset) {
  const limits = (at) => {
    const flags = bytes[at];
    let next = readUnsigned(bytes, at + 1)[1];
    if (flags & 0x01) next = readUnsigned(bytes, next)[1];
    return next;
  };
  switch (kind) {
    case 0: // function: a type index
      return readUnsigned(bytes, offset)[1];
    case 1: // table: a reference type, then limits
      return limits(offset + 1);
    case 2: // memory: limits
      return limits(offset);
    case 3: // global: a value type and mutability
      return offset + 2;
    case 4: // tag: an attribute, then a type index
      return readUnsigned(bytes, offset + 1)[1];
    default:
      return fail(`an import of unknown kind ${kind}`);
  }
}

/** The wasm's import section, rebuilt with `rename` applied to the glue module's names. */
function renameImports(wasm, rename) {
  const parts = [wasm.subarray(0, 8)];
  const imported = [];
  let offset = 8;
  while (offset < wasm.length) {
    const id = wasm[offset];
    const [size, start] = readUnsigned(wasm, offset + 1);
    const end = start + size;
    if (id !== 2) {
      parts.push(wasm.subarray(offset, end));
      offset = end;
      continue;
    }
    const [count, first] = readUnsigned(wasm, start);
    const entries = [unsigned(count)];
    let at = first;
    for (let index = 0; index < count; index += 1) {
      const [module, afterModule] = readName(wasm, at);
      const [field, afterField] = readName(wasm, afterModule);
      const kind = wasm[afterField];
      const afterDescription = descriptionEnd(wasm, kind, afterField + 1);
      const renamed = module === GLUE_MODULE ? rename(field) : field;
      if (module === GLUE_MODULE) imported.push(renamed);
      entries.push(name(module), name(renamed), wasm.subarray(afterField, afterDescription));
      at = afterDescription;
    }
    if (at !== end) fail('the import section did not parse to its end');
    const body = Buffer.concat(entries);
    parts.push(Buffer.from([2]), unsigned(body.length), body);
    offset = end;
  }
  return { wasm: Buffer.concat(parts), imported };
}

/** Renames the hashed imports in `dir`'s wasm and glue; answers how many it renamed. */
export function shortenImports(dir) {
  const jsPath = join(dir, `${APP}.js`);
  const wasmPath = join(dir, `${APP}_bg.wasm`);
  let js = readFileSync(jsPath, 'utf8');
  const original = readFileSync(wasmPath);

  const short = new Map();
  const rename = (field) => {
    if (!HASHED.test(field)) return field;
    if (!short.has(field)) short.set(field, `_w${short.size.toString(36)}`);
    return short.get(field);
  };
  const { wasm, imported } = renameImports(original, rename);

  for (const [long, brief] of short) {
    const key = new RegExp(`(?<![\\w$])${long}(?=: function)`, 'g');
    const found = js.match(key)?.length ?? 0;
    if (found !== 1) fail(`${long} is a key of the glue's imports ${found} times, not once`);
    if (new RegExp(`(?<![\\w$.])${brief}(?![\\w$])`).test(js)) fail(`${brief} is already a name in the glue`);
    js = js.replace(key, brief);
  }
  for (const field of imported) {
    if (!new RegExp(`(?<![\\w$])${field}: function`).test(js)) fail(`the glue has no import ${field}`);
  }

  writeFileSync(wasmPath, wasm);
  writeFileSync(jsPath, js);
  return short.size;
}
