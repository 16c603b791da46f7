// Writes data/country-names.tsv: each country of data/country-codes.txt with its name in English
// and in Russian, a line each (code, tab, English, tab, Russian), in code order. The app names
// countries from it (src/domain/country/countries.rs) instead of asking the browser: the first
// `Intl` object a page makes loads the browser's locale data (about 40 ms at 1× CPU, 150 at 4×
// in Chromium), which the first page would pay whenever it shows a chosen country.
//
// The names are CLDR's, as Node's ICU has them (browsers name regions from CLDR too), except
// Partner Center's own codes, which are no ISO 3166 regions and which CLDR cannot name (`XE`,
// `XJ`, `XS`), and the Netherlands Antilles (`AN`), which CLDR names as Curaçao (`CW`, also
// sold in): those take Partner Center's names.
//
// Usage: node scripts/generate-country-names.mjs (after scripts/generate-countries.py).

import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Partner Center's names of the codes CLDR names wrongly or not at all. */
const OWN = {
  AN: ['Netherlands Antilles', 'Нидерландские Антильские острова'],
  XE: ['Sint Eustatius', 'Синт-Эстатиус'],
  XJ: ['Jan Mayen', 'Ян-Майен'],
  XS: ['Saba', 'Саба'],
};

const codes = readFileSync(join(ROOT, 'data/country-codes.txt'), 'utf8').split(/\s+/).filter(Boolean);
const english = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
const russian = new Intl.DisplayNames(['ru'], { type: 'region', fallback: 'none' });
const lines = codes.map((code) => {
  const [en, ru] = OWN[code] ?? [english.of(code), russian.of(code)];
  if (!en || !ru || /\t|\n/.test(en + ru)) throw new Error(`no name for ${code}: give it one in OWN`);
  return `${code}\t${en}\t${ru}`;
});
writeFileSync(join(ROOT, 'data/country-names.tsv'), `${lines.join('\n')}\n`);
console.log(`wrote ${lines.length} names to data/country-names.tsv (CLDR ${process.versions.cldr})`);
