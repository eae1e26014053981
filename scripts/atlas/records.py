"""Finding, reading and checking the record files under regions/ into one Atlas."""

from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from atlas import checks
from atlas.messages import schema_problems
from atlas.problems import InvalidRecords, Problem
from atlas.schema import (
    PROJECT,
    RECORD_TYPES,
    SINGLE_FILES,
    Mirrors,
    Partner,
    Pilot,
    Region,
    Site,
    Taxonomy,
)
from atlas.source import Document, load


@dataclass
class Atlas:
    """Every record, checked, with the document each came from."""

    taxonomy: Taxonomy
    mirrors: Mirrors | None = None
    regions: dict[str, Region] = field(default_factory=dict)
    partners: dict[str, Partner] = field(default_factory=dict)
    pilots: dict[str, Pilot] = field(default_factory=dict)
    sites: dict[str, Site] = field(default_factory=dict)
    documents: dict[tuple[str, str], Document] = field(default_factory=dict)
    # Ids of records whose files could not be read; references to them are not reported again.
    unreadable: set[str] = field(default_factory=set)

    def term(self, vocabulary: str, term_id: str):
        return next(t for t in getattr(self.taxonomy, vocabulary) if t.id == term_id)

    def sites_of(self, region_id: str) -> list[Site]:
        return [s for s in self.sites.values() if s.region == region_id]

    def pilots_of(self, region_id: str) -> list[Pilot]:
        return [p for p in self.pilots.values() if region_id in p.region_ids]

    def regional_language(self, pilot: Pilot) -> str | None:
        """The language a pilot's texts fall back to after English: its region's, if it has one region."""
        regions = [self.regions[r] for r in pilot.region_ids if r in self.regions]
        return regions[0].language if len(regions) == 1 else None

    def sites_named(self, ids: list[str]) -> list[Site]:
        return [self.sites[i] for i in ids]

    def pilots_at(self, site_id: str) -> list[Pilot]:
        return [p for p in self.pilots.values() if site_id in p.sites]


def kind_of(relative: Path) -> str | None:
    """The record type a file under regions/ holds, by where it stands; None if it stands nowhere."""
    parts = relative.parts
    if parts == (PROJECT, "taxonomy.yml"):
        return "taxonomy"
    if parts == (PROJECT, "source-mirrors.yml"):
        return "mirrors"
    if len(parts) == 3 and parts[:2] == (PROJECT, "partners"):
        return "partner"
    if len(parts) == 2 and parts[0] != PROJECT and parts[1] == "region.yml":
        return "region"
    if len(parts) == 3 and parts[0] != PROJECT and parts[1] in ("pilots", "sites"):
        return parts[1][:-1]
    if len(parts) == 3 and parts[:2] == (PROJECT, "pilots"):
        return "pilot"
    return None


def record_files(regions_dir: Path) -> list[Path]:
    return sorted(p for p in regions_dir.rglob("*") if p.suffix in (".yml", ".yaml") and p.is_file())


def load_atlas(regions_dir: Path) -> Atlas:
    """Read and check every record; raise InvalidRecords with all problems if any."""
    root = regions_dir.parent
    problems: list[Problem] = []
    parsed: list[tuple[str, Document, object]] = []
    unreadable: set[str] = set()
    for path in record_files(regions_dir):
        shown = path.relative_to(root).as_posix()
        kind = kind_of(path.relative_to(regions_dir))
        if path.suffix == ".yaml" or kind is None:
            problems.append(Problem(shown, 1, 1, _misplaced(path)))
            continue
        doc, found = load(path, shown)
        problems.extend(found)
        record, found = _validate(kind, doc)
        problems.extend(found)
        if record is None:
            # A record that fails still exists for references: its problems are reported once, where they are.
            unreadable.update(_ids_of(kind, path.relative_to(regions_dir), doc))
        else:
            parsed.append((kind, doc, record))
    atlas = _assemble(parsed, regions_dir, problems)
    if atlas is not None:
        atlas.unreadable = unreadable
        problems.extend(checks.check(atlas, regions_dir))
    if problems or atlas is None:
        raise InvalidRecords(problems)
    return atlas


def _validate(kind: str, doc: Document | None):
    """The record a document holds, or None with the problems that keep it from being one."""
    if doc is None:
        return None, []
    model = RECORD_TYPES[kind]
    if not isinstance(doc.data, dict):
        return None, [doc.problem((), f"a {kind} record must be a mapping of fields to values")]
    try:
        return model.model_validate(doc.data), []
    except ValidationError as error:
        return None, schema_problems(doc, error, model)


def _ids_of(kind: str, relative: Path, doc: Document | None) -> set[str]:
    """The ids a record file stands for: the one its place gives, and the one it states."""
    ids = {relative.parts[0] if kind == "region" else relative.stem}
    stated = doc.data.get("id") if doc is not None and isinstance(doc.data, dict) else None
    if isinstance(stated, str):
        ids.add(stated)
    return ids


def _misplaced(path: Path) -> str:
    if path.suffix == ".yaml":
        return "record files end in .yml: rename this file"
    return (
        "this file is not where a record can be: use regions/<region>/region.yml, "
        "regions/<region>/sites/<id>.yml, regions/<region>/pilots/<id>.yml, regions/_project/pilots/<id>.yml "
        "(a pilot action of several regions) or regions/_project/partners/<id>.yml"
    )


def _assemble(parsed, regions_dir: Path, problems: list[Problem]) -> Atlas | None:
    taxonomy = [record for kind, _, record in parsed if kind == "taxonomy"]
    if not taxonomy:
        path = regions_dir / PROJECT / "taxonomy.yml"
        if not path.exists():
            shown = path.relative_to(regions_dir.parent).as_posix()
            problems.append(Problem(shown, 1, 1, "the taxonomy file is missing"))
        return None
    atlas = Atlas(taxonomy=taxonomy[0])
    tables = {"region": atlas.regions, "partner": atlas.partners, "pilot": atlas.pilots, "site": atlas.sites}
    for kind, doc, record in parsed:
        if kind in SINGLE_FILES:
            setattr(atlas, kind, record)
            atlas.documents[(kind, kind)] = doc
            continue
        table = tables[kind]
        if record.id in table:
            first = atlas.documents[(kind, record.id)].path
            problems.append(doc.problem(("id",), f"the {kind} id '{record.id}' is already used by {first}"))
            continue
        table[record.id] = record
        atlas.documents[(kind, record.id)] = doc
    return atlas
