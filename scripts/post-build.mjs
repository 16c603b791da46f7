// Trunk's post-build hook (Trunk.toml). On every build, the demo page gets its pre-rendered first
// page (scripts/prerender.mjs). On release builds: the glue loses the stream classes the
// wasm no longer exports, the wasm's imports get short names, the scripts and the stylesheet are
// minified, the glue, the wasm and the stylesheet get content-hashed names (embed.js, the stable
// entry, learns them), then every fetched file gets its compressed copies. One hook, because Trunk runs the
// hooks of a stage at the same time, and the copies must be made from the changed files.

import { dropStreamClasses } from './drop-stream-classes.mjs';
import { hashNames } from './hash-names.mjs';
import { minify } from './minify.mjs';
import { precompress } from './precompress.mjs';
import { insertPrerendered } from './prerender.mjs';
import { shortenImports } from './shorten-imports.mjs';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  process.stderr.write('post-build: run by Trunk, which sets TRUNK_STAGING_DIR\n');
  process.exit(1);
}
try {
  insertPrerendered(staging, process.env.TRUNK_SOURCE_DIR ?? process.cwd());
} catch (error) {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}
if (process.env.TRUNK_PROFILE === 'release') {
  try {
    const dropped = dropStreamClasses(staging);
    const renamed = shortenImports(staging);
    const minified = minify(staging);
    const hashed = Object.values(hashNames(staging));
    const copies = precompress(staging);
    process.stdout.write(
      `post-build: ${dropped} unused classes dropped, ${renamed} imports renamed, ${minified} bytes minified away, ` +
        `${copies} compressed copies written; hashed names: ${hashed.join(', ')}\n`,
    );
  } catch (error) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}
