#!/usr/bin/env python3
"""Writes data/countries.json, the project's own list of the 248 Partner Center countries.

Source: shared/reference/countries.json (the supported countries/regions and their cultures, from
Microsoft's Partner Center documentation). Each entry keeps what the wizard needs: the ISO 3166
alpha-2 code, the supported cultures and, derived from them, the email languages. Names are not
kept: the browser's Intl.DisplayNames gives them in the UI language.

Usage: python3 scripts/generate-countries.py [path/to/reference/countries.json]
"""
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
source = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared/reference/countries.json"
reference = json.loads(source.read_text(encoding="utf-8"))


def language_of(culture: str) -> str:
    """Partner Center names most email languages by their primary subtag, but keeps the region
    where the written language differs by it (pt-PT / pt-BR, zh-Hans / zh-Hant)."""
    primary = culture.split("-")[0]
    return culture if primary in ("pt", "zh") else primary


countries = []
for entry in sorted(reference["countries"], key=lambda c: c["iso2Code"]):
    cultures = entry["supportedCultures"]
    languages = list(dict.fromkeys(language_of(c) for c in cultures))
    countries.append({"iso2": entry["iso2Code"], "cultures": cultures, "languages": languages})

out = ROOT / "data/countries.json"
out.write_text(json.dumps(countries, separators=(",", ":"), ensure_ascii=False) + "\n", encoding="utf-8")
print(f"wrote {len(countries)} countries to {out.relative_to(ROOT)}")
