"""New site and pilot records: a file with every field and all eight languages, ready to fill in.

The values a person must supply are left as placeholders that `atlas validate` rejects (empty
texts "", empty lists [], coordinates `null`), so a record cannot be merged half-filled; once
they are filled in, the record passes.
"""

import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import yaml

from atlas.languages import LANGUAGES
from atlas.records import kinds
from atlas.records.schema import PROJECT, SLUG


class ScaffoldError(Exception):
    """The record cannot be written; the message says why, in one line."""


@dataclass(frozen=True)
class ToFill:
    line: int
    field: str
    hint: str


@dataclass(frozen=True)
class Scaffold:
    path: Path
    text: str
    to_fill: list[ToFill]


def slugify(name: str) -> str:
    """An id from a name: 'Zeche Zollverein – Schacht 12' -> 'zeche-zollverein-schacht-12'."""
    name = name.replace("ß", "ss").replace("ł", "l").replace("Ł", "L").replace("đ", "d").replace("Đ", "D")
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")


class _Lines:
    """The file being written, remembering the lines a person must fill in."""

    def __init__(self):
        self.lines: list[str] = []
        self.to_fill: list[ToFill] = []

    def add(self, text: str, fill: str | None = None, hint: str = "") -> None:
        self.lines.append(text)
        if fill is not None:
            self.to_fill.append(ToFill(len(self.lines), fill, hint))

    def text_field(self, key: str, comment: str, hint: str, indent: str = "", label: str | None = None) -> None:
        """A text in the eight languages, each an empty placeholder."""
        self.add(f"{key}:{'  # ' + comment if comment else ''}")
        for lang in LANGUAGES:
            self.add(f'{indent}  {lang}: ""', f"{label or key}.{lang}", hint)

    def render(self) -> str:
        return "\n".join(self.lines) + "\n"


def _terms(regions_dir: Path, vocabulary: str) -> str:
    """The ids of one taxonomy vocabulary, for the hints; empty if the taxonomy cannot be read."""
    try:
        data = yaml.safe_load((regions_dir / kinds.TAXONOMY.file(kinds.TAXONOMY.name)).read_text(encoding="utf-8"))
        return ", ".join(term["id"] for term in data[vocabulary])
    except Exception:  # noqa: BLE001 - hints only; validate reports a broken taxonomy
        return ""


def _header(kind: kinds.Kind, record_id: str, region: str) -> _Lines:
    out = _Lines()
    depth = len(kind.file(record_id, region).parts)
    out.add(f"# yaml-language-server: $schema={'../' * depth}docs/schema/{kind.name}.schema.json")
    out.add(f"# New {kind.name}: fill in every value that is \"\" [] or null (see CONTRIBUTING.md), then run: atlas validate")
    out.add(f"id: {record_id}")
    out.add(f"region: {region}")
    return out


def site_lines(record_id: str, region: str, name: str, regions_dir: Path) -> _Lines:
    out = _header(kinds.SITE, record_id, region)
    if name:
        out.add(f"name: {json.dumps(name, ensure_ascii=False)}  # the native name, as the place writes itself")
    else:
        out.add('name: ""  # the native name, as the place writes itself', "name", "the native name, with correct diacritics")
    out.text_field("names", "optional: the name in other languages where it differs; fill in or delete all nine lines",
                   "the name in this language, or delete 'names' and its eight lines")
    categories = _terms(regions_dir, "categories")
    out.add(f"categories: []  # one or more of: {categories}", "categories", f"one or more of: {categories}")
    out.add("layers: []  # one or more of: past, present, future", "layers", "one or more of: past, present, future")
    out.add("location: {lat: null, lon: null}  # decimal degrees (WGS 84), e.g. {lat: 50.7366, lon: 12.4880}",
            "location", "latitude and longitude in decimal degrees")
    out.add("address:  # optional: street and number, postcode, town, country")
    out.add("website:  # optional: the official website, starting with https://")
    out.add("wikidata:  # optional: the Wikidata id, like Q560530")
    out.add("same_complex: []  # optional: ids of other sites of the same complex")
    out.text_field("description", "what the place is, its history and what it is today; paragraphs with |",
                   "the description in this language")
    out.add("sources:  # the public pages the facts come from")
    out.add('  - ""', "sources", "a web address starting with https://")
    return out


def pilot_lines(record_id: str, region: str, title: str, regions_dir: Path) -> _Lines:
    out = _header(kinds.PILOT, record_id, region)
    themes = _terms(regions_dir, "themes")
    sectors = _terms(regions_dir, "sectors")
    out.add(f'theme: ""  # one of: {themes}', "theme", f"one of: {themes}")
    out.text_field("title", "the name of the pilot action", "the title in this language")
    if title:
        out.lines[-len(LANGUAGES)] = f"  en: {json.dumps(title, ensure_ascii=False)}"
        out.to_fill = [f for f in out.to_fill if f.field != "title.en"]
    out.text_field("summary", "one or two sentences", "the summary in this language")
    out.text_field("description", "what was done, who took part, what came of it; paragraphs with |",
                   "the description in this language")
    out.add('period: {start: "", end: null}  # "YYYY", "YYYY-MM" or "YYYY-MM-DD"; end may stay null',
            "period", 'start (and end) as "YYYY-MM"')
    out.add("places:  # where it took place; copy the block for more places")
    out.text_field("  - name", "", "the place name in this language", indent="    ", label="places[0].name")
    out.add("    lat: null  # decimal degrees (WGS 84)", "places[0].lat", "latitude in decimal degrees")
    out.add("    lon: null", "places[0].lon", "longitude in decimal degrees")
    out.add(f"sectors: []  # stakeholder sectors involved, one or more of: {sectors}", "sectors", f"one or more of: {sectors}")
    out.add("sites: []  # optional: ids of related sites")
    out.add("sources:  # the public pages the facts come from")
    out.add('  - ""', "sources", "a web address starting with https://")
    return out


# The kinds of record that `atlas new` makes, with what writes each.
MAKERS = {kinds.SITE.name: (kinds.SITE, site_lines), kinds.PILOT.name: (kinds.PILOT, pilot_lines)}


def new_record(regions_dir: Path, kind_name: str, region: str, record_id: str | None, name: str | None) -> Scaffold:
    """Build the new record file (not yet written); raise ScaffoldError when it cannot be made."""
    if kind_name not in MAKERS:
        raise ScaffoldError(f"'{kind_name}' is not a kind of record that can be made: use {' or '.join(MAKERS)}")
    kind, lines = MAKERS[kind_name]
    if region == PROJECT or not (regions_dir / kinds.REGION.file(region)).is_file():
        known = sorted(p.parent.name for p in regions_dir.glob("*/region.yml"))
        raise ScaffoldError(f"there is no region '{region}' in {regions_dir}; known: {', '.join(known) or 'none'}")
    if record_id is None:
        if not name:
            raise ScaffoldError("give the new record's --name (its id is made from it) or its --id")
        record_id = slugify(name)
    if not re.match(SLUG.pattern, record_id):
        raise ScaffoldError(f"'{record_id}' is not {SLUG.wording}")
    path = regions_dir / kind.file(record_id, region)
    if path.exists():
        raise ScaffoldError(f"{path.as_posix()} already exists: choose another --id")
    clash = sorted(p for p in regions_dir.rglob(f"{record_id}.yml") if _holds_site_or_pilot(regions_dir, p))
    if clash:
        raise ScaffoldError(f"the id '{record_id}' is already used by {clash[0].as_posix()}: choose another --id")
    out = lines(record_id, region, name or "", regions_dir)
    return Scaffold(path, out.render(), out.to_fill)


def _holds_site_or_pilot(regions_dir: Path, path: Path) -> bool:
    found = kinds.at(PurePosixPath(path.relative_to(regions_dir).as_posix()))
    return found is not None and found.kind in (kinds.SITE, kinds.PILOT)


def write(scaffold: Scaffold) -> None:
    scaffold.path.parent.mkdir(parents=True, exist_ok=True)
    with open(scaffold.path, "x", encoding="utf-8") as handle:
        handle.write(scaffold.text)
