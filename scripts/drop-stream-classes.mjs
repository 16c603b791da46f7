// Drops from the JS glue the classes of wasm-streams, whose exports index.html's wasm-opt
// parameters (`--remove-exports=*intounderlying*`) take out of the release wasm; run on release
// builds by the post-build hook (post-build.mjs).
//
// Leptos always turns on server_fn's `browser` feature, which brings wasm-streams for the
// streams of server functions; this app has none. Its three classes are wasm-bindgen exports,
// which no linker may drop, so they stayed in the wasm and the glue although nothing ever makes
// one: without them, the initial load is about 1.5 KB smaller gzipped.
//
// The build fails if the glue is not shaped as expected, or if the wasm still exports them.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const APP = 'add-customer';
const CLASSES = ['IntoUnderlyingByteSource', 'IntoUnderlyingSink', 'IntoUnderlyingSource'];

const fail = (message) => {
  throw new Error(`drop-stream-classes: ${message}`);
};

/** Drops the classes from the glue in `dir`; answers how many it dropped (0 where none are left). */
export function dropStreamClasses(dir) {
  if (readFileSync(join(dir, `${APP}_bg.wasm`)).includes('intounderlying')) {
    fail('the wasm still exports the stream classes: see data-wasm-opt-params in index.html');
  }
  const jsPath = join(dir, `${APP}.js`);
  let js = readFileSync(jsPath, 'utf8');
  // A Leptos that no longer brings wasm-streams leaves nothing to drop.
  if (!/intounderlying/i.test(js)) return 0;
  for (const name of CLASSES) {
    const parts = [
      new RegExp(`^export class ${name} \\{\\n[\\s\\S]*?^\\}\\n`, 'm'),
      new RegExp(`^if \\(Symbol\\.dispose\\) ${name}\\.prototype\\[Symbol\\.dispose\\] = ${name}\\.prototype\\.free;\\n`, 'm'),
      new RegExp(`^const ${name}Finalization = [\\s\\S]*?\\);\\n`, 'm'),
    ];
    for (const part of parts) {
      if (!part.test(js)) fail(`the glue has no ${part.source.slice(1, 40)}…`);
      js = js.replace(part, '');
    }
  }
  if (/intounderlying/i.test(js)) fail('the glue still refers to a stream class');
  writeFileSync(jsPath, js);
  return CLASSES.length;
}
