// Content-hashed names for the files a browser fetches to start the wizard, on release builds
// (run by post-build.mjs, before the compressed copies are made): the JS glue, the wasm and
// the stylesheet become `add-customer-<hash>.js`, `add-customer_bg-<hash>.wasm` and
// `main-<hash>.css`, and every reference to them is rewritten: the glue's own default URL of
// the wasm, `embed.js` (the one stable entry that hosts load) and the demo page's preloads.
//
// A release therefore never gives a file the name of a different file of another release: a
// host or CDN may cache the hashed files for good (`Cache-Control: public, max-age=31536000,
// immutable`), and only `embed.js`, `loader.js` and `index.html`, whose names stay, need a short
// cache. The glue of one build can no longer meet the wasm of another, whose imports it does
// not match. The hash is of the file as shipped; the glue's is taken after its wasm name is
// rewritten, so that it changes with the wasm.

import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The files hashed, in an order where each is hashed after the names in it are final. */
const HASHED = [
  { name: 'add-customer_bg.wasm', stem: 'add-customer_bg', ext: '.wasm' },
  { name: 'main.css', stem: 'main', ext: '.css' },
  { name: 'add-customer.js', stem: 'add-customer', ext: '.js' },
];

/** The files whose references are rewritten (the glue itself too, before it is hashed). */
const REFERRING = ['add-customer.js', 'embed.js', 'index.html'];

/** The first 16 hex digits of the SHA-256 of `bytes`. */
const contentHash = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);

/** Replaces every `from` by `to` in the text file `path`; answers how many were replaced. */
function rewrite(path, from, to) {
  const text = readFileSync(path, 'utf8');
  const parts = text.split(from);
  if (parts.length > 1) writeFileSync(path, parts.join(to));
  return parts.length - 1;
}

/**
 * Renames the hashed files in `dir` and rewrites their references; answers the new names by old
 * name. Fails when `embed.js` would not know a name: it must load every one.
 */
export function hashNames(dir) {
  const names = {};
  for (const file of HASHED) {
    const hashed = `${file.stem}-${contentHash(readFileSync(join(dir, file.name)))}${file.ext}`;
    renameSync(join(dir, file.name), join(dir, hashed));
    names[file.name] = hashed;
    for (const referring of REFERRING) {
      const path = join(dir, referring === file.name ? hashed : (names[referring] ?? referring));
      const count = rewrite(path, file.name, hashed);
      if (referring === 'embed.js' && count === 0) {
        throw new Error(`hash-names: embed.js does not name ${file.name}`);
      }
    }
  }
  return names;
}
