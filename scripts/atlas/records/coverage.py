"""How far the reader-facing texts of the atlas are translated: per language, and what is missing where.

Counted are the texts a reader sees in every record: a region's name, summary and description; a
partner's name and city (when the record gives a city); a pilot action's title, summary,
description and the names of its places; a site's description; and the labels and descriptions
of the taxonomy terms. A site's `names` is optional by design (most places have one native
name), so it is not counted.
"""

from dataclasses import dataclass, field

from atlas.languages import LANGUAGES


@dataclass(frozen=True)
class Missing:
    """One text that lacks one or more languages, and where it stands."""

    kind: str  # region | partner | pilot | site | taxonomy
    record_id: str
    path: str  # as validate shows it: regions/<region>/sites/<id>.yml
    line: int
    field: str  # e.g. description, places[0].name, categories[mining].label
    languages: tuple[str, ...]  # the missing language codes, in the atlas's order

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.field} [missing: {', '.join(self.languages)}]"


@dataclass(frozen=True)
class Share:
    """How many of the counted texts one language has."""

    language: str
    present: int
    total: int

    @property
    def percent(self) -> float:
        return round(100 * self.present / self.total, 1) if self.total else 100.0


@dataclass(frozen=True)
class RegionRecords:
    """What one region has recorded: sites (and how many at a confirmed point), pilot actions."""

    region: str
    sites: int
    confirmed: int
    pilots: int

    def __str__(self) -> str:
        return f"{self.region}: sites {self.sites} ({self.confirmed} at a confirmed point), pilot actions {self.pilots}"


@dataclass
class Report:
    """The translation coverage of the whole atlas, and the records of each region."""

    total: int = 0  # number of counted texts (each is one field of one record)
    shares: list[Share] = field(default_factory=list)  # one per language, in the atlas's order
    missing: list[Missing] = field(default_factory=list)  # sorted by file and line
    regions: list[RegionRecords] = field(default_factory=list)  # sorted by region id

    def share(self, language: str) -> Share:
        return next(s for s in self.shares if s.language == language)

    def text(self) -> str:
        lines = [f"Translations: {self.total} texts, each in {len(LANGUAGES)} languages", ""]
        for s in self.shares:
            lines.append(f"  {s.language}  {s.percent:5.1f}%  ({s.present} of {s.total})")
        lines.append("")
        if self.missing:
            lines.append(f"Missing translations ({len(self.missing)} texts):")
            lines.extend(str(m) for m in self.missing)
        else:
            lines.append("No translation is missing.")
        lines += ["", "Records per region:", *(f"  {r}" for r in self.regions)]
        return "\n".join(lines) + "\n"

    def markdown(self) -> str:
        lines = [
            "## Translations",
            "",
            f"{self.total} texts, each in {len(LANGUAGES)} languages.",
            "",
            "| language | present | share |",
            "|---|---:|---:|",
        ]
        for s in self.shares:
            lines.append(f"| `{s.language}` | {s.present} of {s.total} | {s.percent:.1f}% |")
        lines.append("")
        if self.missing:
            lines += [f"### Missing translations ({len(self.missing)} texts)", ""]
            lines.extend(f"- `{m.path}:{m.line}`: {m.field} [missing: {', '.join(m.languages)}]" for m in self.missing)
        else:
            lines.append("No translation is missing.")
        lines += ["", "## Records per region", "", "| region | sites | at a confirmed point | pilot actions |", "|---|---:|---:|---:|"]
        lines.extend(f"| `{r.region}` | {r.sites} | {r.confirmed} | {r.pilots} |" for r in self.regions)
        return "\n".join(lines) + "\n"


def texts(atlas):
    """(kind, record id, document, location of the text, field name, text) for every counted text."""
    taxonomy_doc = atlas.documents[("taxonomy", "taxonomy")]
    for vocabulary in ("themes", "categories", "layers", "sectors"):
        for i, term in enumerate(getattr(atlas.taxonomy, vocabulary)):
            yield "taxonomy", "taxonomy", taxonomy_doc, (vocabulary, i, "label"), f"{vocabulary}[{term.id}].label", term.label
            if term.description is not None:
                yield "taxonomy", "taxonomy", taxonomy_doc, (vocabulary, i, "description"), f"{vocabulary}[{term.id}].description", term.description
    for region in atlas.regions.values():
        doc = atlas.documents[("region", region.id)]
        for name in ("name", "summary", "description"):
            yield "region", region.id, doc, (name,), name, getattr(region, name)
    for partner in atlas.partners.values():
        doc = atlas.documents[("partner", partner.id)]
        yield "partner", partner.id, doc, ("name",), "name", partner.name
        if partner.city is not None:
            yield "partner", partner.id, doc, ("city",), "city", partner.city
    for pilot in atlas.pilots.values():
        doc = atlas.documents[("pilot", pilot.id)]
        for name in ("title", "summary", "description"):
            yield "pilot", pilot.id, doc, (name,), name, getattr(pilot, name)
        for i, place in enumerate(pilot.places):
            yield "pilot", pilot.id, doc, ("places", i, "name"), f"places[{i}].name", place.name
    for site in atlas.sites.values():
        doc = atlas.documents[("site", site.id)]
        yield "site", site.id, doc, ("description",), "description", site.description


def coverage(atlas) -> Report:
    """Count, per language, the reader-facing texts present, and list every text with gaps."""
    report = Report()
    present = dict.fromkeys(LANGUAGES, 0)
    for kind, record_id, doc, location, name, text in texts(atlas):
        report.total += 1
        lacking = []
        for lang in LANGUAGES:
            if text.get(lang):
                present[lang] += 1
            else:
                lacking.append(lang)
        if lacking:
            line, _ = doc.key_place(location)
            report.missing.append(Missing(kind, record_id, doc.path, line, name, tuple(lacking)))
    report.shares = [Share(lang, present[lang], report.total) for lang in LANGUAGES]
    report.missing.sort(key=lambda m: (m.path, m.line, m.field))
    report.regions = [_records_of(atlas, region_id) for region_id in sorted(atlas.regions)]
    return report


def _records_of(atlas, region_id: str) -> RegionRecords:
    sites = atlas.sites_of(region_id)
    confirmed = sum(not site.approximate for site in sites)
    return RegionRecords(region_id, len(sites), confirmed, len(atlas.pilots_of(region_id)))
