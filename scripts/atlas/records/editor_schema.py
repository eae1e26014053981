"""JSON Schema of each record type, made from the pydantic models, for editors and for the site.

The files are committed under docs/schema/ (so the site publishes them) and every record file
points at its schema in its first line (`# yaml-language-server: $schema=...`), so VS Code and
other editors complete field names and flag mistakes while a partner types.
"""

import json
from pathlib import Path

from atlas.records import kinds

DRAFT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_DIR = Path("docs") / "schema"


def filename(kind: str) -> str:
    return f"{kind}.schema.json"


def schema_of(kind: kinds.Kind) -> dict:
    """The JSON Schema (draft 2020-12) of one record type, without an $id."""
    schema = kind.model.model_json_schema(mode="validation")
    schema["$schema"] = DRAFT
    schema["title"] = f"InduCult2.0 Atlas {kind.name} record"
    schema["description"] = kind.describes
    return schema


def schemas() -> dict[str, str]:
    """{file name: JSON text} for every record type: sorted keys, indent 2, trailing newline."""
    return {
        filename(kind.name): json.dumps(schema_of(kind), sort_keys=True, indent=2, ensure_ascii=False) + "\n"
        for kind in kinds.FILES
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
