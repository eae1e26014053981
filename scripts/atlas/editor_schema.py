"""JSON Schema of each record type, made from the pydantic models, for editors and for the site.

The files are committed under docs/schema/ (so the site publishes them) and every record file
points at its schema in its first line (`# yaml-language-server: $schema=...`), so VS Code and
other editors complete field names and flag mistakes while a partner types.
"""

import json
from pathlib import Path

from atlas.schema import RECORD_TYPES

DRAFT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_DIR = Path("docs") / "schema"

_DESCRIPTIONS = {
    "region": "A partner region of the InduCult2.0 Atlas: regions/<region>/region.yml",
    "partner": "A partner organisation of InduCult2.0: regions/_project/partners/<partner-id>.yml",
    "pilot": "A pilot action of a region: regions/<region>/pilots/<pilot-id>.yml",
    "site": "A place of industrial culture: regions/<region>/sites/<site-id>.yml",
    "taxonomy": "The project-wide vocabularies: regions/_project/taxonomy.yml",
    "mirrors": "Hosts that copy other sites, which records may not cite: regions/_project/source-mirrors.yml",
}


def filename(kind: str) -> str:
    return f"{kind}.schema.json"


def schema_of(kind: str) -> dict:
    """The JSON Schema (draft 2020-12) of one record type, without an $id."""
    model = RECORD_TYPES[kind]
    schema = model.model_json_schema(mode="validation")
    schema["$schema"] = DRAFT
    schema["title"] = f"InduCult2.0 Atlas {kind} record"
    schema["description"] = _DESCRIPTIONS[kind]
    return schema


def schemas() -> dict[str, str]:
    """{file name: JSON text} for every record type: sorted keys, indent 2, trailing newline."""
    return {
        filename(kind): json.dumps(schema_of(kind), sort_keys=True, indent=2, ensure_ascii=False) + "\n"
        for kind in RECORD_TYPES
    }


def write(directory: Path) -> list[Path]:
    """Write every schema file into directory; return the paths written."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in schemas().items():
        path = directory / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def stale(directory: Path) -> list[str]:
    """The schema file names in directory that are missing or differ from the models."""
    out = []
    for name, text in schemas().items():
        path = directory / name
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            out.append(name)
    return out
