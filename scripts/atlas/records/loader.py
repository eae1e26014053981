"""Finding, reading and checking the record files under regions/ into one Atlas."""

from pathlib import Path, PurePosixPath

from pydantic import ValidationError

from atlas.records import checks, kinds
from atlas.records.kinds import Kind
from atlas.records.messages import schema_problems
from atlas.records.model import Atlas
from atlas.records.problems import InvalidRecords, Problem
from atlas.records.source import Document, load


def record_files(regions_dir: Path) -> list[Path]:
    return sorted(p for p in regions_dir.rglob("*") if p.suffix in (".yml", ".yaml") and p.is_file())


def load_atlas(regions_dir: Path) -> Atlas:
    """Read and check every record; raise InvalidRecords with all problems if any."""
    root = regions_dir.parent
    problems: list[Problem] = []
    parsed: list[tuple[Kind, Document, object]] = []
    unreadable: set[str] = set()
    for path in record_files(regions_dir):
        shown = path.relative_to(root).as_posix()
        relative = PurePosixPath(path.relative_to(regions_dir).as_posix())
        found = kinds.at(relative)
        if path.suffix == ".yaml" or found is None:
            problems.append(Problem(shown, 1, 1, _misplaced(path)))
            continue
        kind, record_id = found.kind, found.id
        doc, reading = load(path, shown)
        problems.extend(reading)
        record, validating = _validate(kind, doc)
        problems.extend(validating)
        if record is None:
            # A record that fails still exists for references: its problems are reported once, where they are.
            unreadable.update(_ids_of(record_id, doc))
        else:
            parsed.append((kind, doc, record))
    atlas = _assemble(parsed, regions_dir, problems)
    if atlas is not None:
        atlas.unreadable = unreadable
        problems.extend(checks.check(atlas, regions_dir))
    if problems or atlas is None:
        raise InvalidRecords(problems)
    return atlas


def _validate(kind: Kind, doc: Document | None):
    """The record a document holds, or None with the problems that keep it from being one."""
    if doc is None:
        return None, []
    if not isinstance(doc.data, dict):
        return None, [doc.problem((), f"a {kind.name} record must be a mapping of fields to values")]
    try:
        return kind.model.model_validate(doc.data), []
    except ValidationError as error:
        return None, schema_problems(doc, error, kind.model)


def _ids_of(record_id: str, doc: Document | None) -> set[str]:
    """The ids a record file stands for: the one its place gives, and the one it states."""
    stated = doc.data.get("id") if doc is not None and isinstance(doc.data, dict) else None
    return {record_id, stated} if isinstance(stated, str) else {record_id}


def _misplaced(path: Path) -> str:
    if path.suffix == ".yaml":
        return "record files end in .yml: rename this file"
    return f"this file is not where a record can be: use {kinds.places()}"


def _assemble(parsed, regions_dir: Path, problems: list[Problem]) -> Atlas | None:
    taxonomy = [record for kind, _, record in parsed if kind is kinds.TAXONOMY]
    if not taxonomy:
        path = regions_dir / kinds.TAXONOMY.file(kinds.TAXONOMY.name)
        if not path.exists():
            shown = path.relative_to(regions_dir.parent).as_posix()
            problems.append(Problem(shown, 1, 1, "the taxonomy file is missing"))
        return None
    atlas = Atlas(taxonomy=taxonomy[0])
    for kind, doc, record in parsed:
        if kind.single:
            setattr(atlas, kind.name, record)
            atlas.documents[(kind.name, kind.name)] = doc
            continue
        table = atlas.table(kind)
        if record.id in table:
            first = atlas.documents[(kind.name, record.id)].path
            problems.append(doc.problem(("id",), f"the {kind.name} id '{record.id}' is already used by {first}"))
            continue
        table[record.id] = record
        atlas.documents[(kind.name, record.id)] = doc
    return atlas
