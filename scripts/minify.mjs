// Minifies the scripts and the wizard's stylesheet of a release build with esbuild; run by the
// post-build hook (post-build.mjs) after the glue has been reshaped and before the compressed
// copies are made.
//
// The JS glue that wasm-bindgen writes, embed.js, loader.js, prerendered.js and main.css are shipped as written: comments,
// long local names and indentation. Minified, the initial load is about 3.9 KB smaller gzipped
// (the glue 7.2 to 4.9 KB). Trunk's own minifier fails on the glue, so esbuild does it (npm,
// installed by scripts/ensure-tools.sh, found on PATH). Debug builds are left readable.
//
// Not demo.css: Trunk processed it and wrote its hash into index.html's `integrity`, which a
// changed file would fail. Each minified file is checked before it replaces the original: a
// script must still export what it exported.

import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The files minified, each with the export names that the others import from it. */
const FILES = [
  { name: 'add-customer.js', exports: ['default', 'mount', 'mount_marked'] },
  { name: 'embed.js', exports: ['mount', 'mountMarked'] },
  { name: 'loader.js', exports: [] },
  // A classic script, not a module.
  { name: 'prerendered.js', exports: [], format: 'iife' },
  { name: 'main.css', exports: [] },
];

const fail = (message) => {
  throw new Error(`minify: ${message}`);
};

/** `source` minified by esbuild: scripts as ES modules (or as `format` says), stylesheets as CSS. */
function minified(name, source, format = 'esm') {
  const loader = name.endsWith('.css') ? 'css' : 'js';
  try {
    return execFileSync('esbuild', [`--loader=${loader}`, '--minify', `--format=${format}`, '--log-level=warning'], {
      input: source,
      encoding: 'utf8',
      stdio: ['pipe', 'pipe', 'inherit'],
    });
  } catch (error) {
    fail(`esbuild failed on ${name}: ${error.code === 'ENOENT' ? 'esbuild is not on PATH (scripts/ensure-tools.sh installs it)' : error.message}`);
  }
}

/** The names `source` exports, as esbuild writes them (`export{a as mount,...}`) or as written. */
function exportNames(source) {
  const names = new Set();
  for (const [, list] of source.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const item of list.split(',')) {
      const name = item.trim().split(/\s+as\s+/).pop();
      if (name) names.add(name);
    }
  }
  for (const [, name] of source.matchAll(/export\s+(?:async\s+)?(?:function|class|const|let)\s*\*?\s*([\w$]+)/g)) {
    names.add(name);
  }
  if (/export\s+default\b/.test(source)) names.add('default');
  return names;
}

/** Minifies the release files in `dir`; answers how many bytes they lost in all. */
export function minify(dir) {
  let saved = 0;
  for (const { name, exports, format } of FILES) {
    const path = join(dir, name);
    const source = readFileSync(path, 'utf8');
    const output = minified(name, source, format);
    const found = exportNames(output);
    const missing = exports.filter((expected) => !found.has(expected));
    if (missing.length > 0) fail(`${name} no longer exports ${missing.join(', ')} once minified`);
    if (output.length === 0 || output.length >= source.length) fail(`${name} came out ${output.length} bytes from ${source.length}`);
    writeFileSync(path, output);
    saved += source.length - output.length;
  }
  return saved;
}
