// Writes a brotli (`.br`) and a gzip (`.gz`) copy beside each script, stylesheet, wasm and data
// file of a release build, compressed once at the highest levels; run by the post-build hook
// (post-build.mjs).
//
// Hosts that serve such copies when the browser accepts them (nginx `gzip_static` and
// `brotli_static`, Caddy's `precompressed br gzip`, an IIS rewrite rule as Blazor uses) then send
// the wasm brotli-compressed at quality 11, about a fifth smaller than gzip -9, and spare
// themselves compressing it on every request; many compress on the fly at a low level or not at
// all for `application/wasm`. Hosts that do not look for them serve the files as before.
//
// Each copy is decompressed and compared with its file before it is written.

import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync, gzipSync } from 'node:zlib';

/**
 * The files a browser fetches: scripts, styles, the wasm and data. Not index.html: hosts edit
 * the demo page (its `data-api-base`, say), and a host that serves copies would go on sending
 * the copy of the page as it was built.
 */
const FETCHED = /\.(js|css|wasm|json|csv)$/;
/** Below this, a compressed copy saves too little to be worth a file: a country file is ~600 B. */
const SMALLEST = 1024;

const ENCODINGS = [
  {
    suffix: '.br',
    compress: (bytes) =>
      brotliCompressSync(bytes, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
          [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
        },
      }),
    decompress: brotliDecompressSync,
  },
  { suffix: '.gz', compress: (bytes) => gzipSync(bytes, { level: 9 }), decompress: gunzipSync },
];

/** Every file under `dir`, with its path. */
function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else yield path;
  }
}

/** Writes the compressed copies of the fetched files under `dir`; answers how many it wrote. */
export function precompress(dir) {
  let written = 0;
  for (const path of files(dir)) {
    if (!FETCHED.test(path) || statSync(path).size < SMALLEST) continue;
    const bytes = readFileSync(path);
    for (const { suffix, compress, decompress } of ENCODINGS) {
      const packed = compress(bytes);
      if (packed.length >= bytes.length) continue;
      if (!decompress(packed).equals(bytes)) throw new Error(`precompress: ${path}${suffix} does not decompress to ${path}`);
      writeFileSync(path + suffix, packed);
      written += 1;
    }
  }
  return written;
}
