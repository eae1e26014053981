"""The kinds of record in the atlas, declared once.

Each kind says what it is called, where its files live below regions/, which schema model reads
them, which template makes its page, and how the editor schema describes it. Loading, checks,
scaffolding, the editor schema, pages, maps and routes all ask here instead of spelling a kind out.
"""

from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import NamedTuple

from atlas.records.schema import (
    PROJECT,
    Mirrors,
    Partner,
    Pilot,
    Region,
    Site,
    Strict,
    Taxonomy,
)

REGION_FOLDER = "{region}"
ID = "{id}"


@dataclass(frozen=True)
class Kind:
    name: str
    plural: str
    model: type[Strict] | None = None
    # Where its files live below regions/: path parts in which {region} is a region's folder and
    # {id} the record's id (the file name without .yml); a kind without {id} is one file.
    layouts: tuple[tuple[str, ...], ...] = ()
    template: str | None = None
    describes: str = ""
    # For the terms of the taxonomy that have pages: the vocabulary that holds them.
    vocabulary: str | None = None

    @property
    def single(self) -> bool:
        """One project-wide file, such as the taxonomy, rather than one file per record."""
        return not any(REGION_FOLDER in part or ID in part for layout in self.layouts for part in layout)

    def place_at(self, relative: PurePosixPath) -> "Place | None":
        """Where a record of this kind stands at relative (a path below regions/), or None.

        A region's id is its folder; a project-wide file's id is its kind's name.
        """
        for layout in self.layouts:
            found = _match(layout, relative.parts)
            if found is not None:
                region = found.get("region")
                return Place(self, found.get("id") or region or self.name, region)
        return None

    def file(self, record_id: str, region: str | None = None) -> PurePosixPath:
        """Where a record of this kind lives below regions/: in its region's folder if it has one."""
        layout = next(
            layout for layout in self.layouts
            if len(self.layouts) == 1 or (REGION_FOLDER in layout) == (region is not None)
        )
        return PurePosixPath(*(part.replace(REGION_FOLDER, region or record_id).replace(ID, record_id) for part in layout))


class Place(NamedTuple):
    """A record file's kind, the id its place gives it, and the region folder it stands in (if any)."""

    kind: Kind
    id: str
    region: str | None


def _match(layout: tuple[str, ...], parts: tuple[str, ...]) -> dict[str, str] | None:
    if len(layout) != len(parts):
        return None
    found = {}
    for pattern, part in zip(layout, parts):
        if pattern == REGION_FOLDER and part == PROJECT:
            return None
        if pattern == REGION_FOLDER:
            found["region"] = part
        elif pattern in (ID, f"{ID}.yml") and part.endswith(".yml") == pattern.endswith(".yml"):
            found["id"] = part.removesuffix(".yml")
        elif pattern != part:
            return None
    return found


REGION = Kind(
    "region", "regions", Region, ((REGION_FOLDER, "region.yml"),), "region.md.j2",
    "A partner region of the InduCult2.0 Atlas: regions/<region>/region.yml",
)
PARTNER = Kind(
    "partner", "partners", Partner, ((PROJECT, "partners", f"{ID}.yml"),), "partner.md.j2",
    "A partner organisation of InduCult2.0: regions/_project/partners/<partner-id>.yml",
)
PILOT = Kind(
    "pilot", "pilots", Pilot, ((REGION_FOLDER, "pilots", f"{ID}.yml"), (PROJECT, "pilots", f"{ID}.yml")), "pilot.md.j2",
    "A pilot action: regions/<region>/pilots/<pilot-id>.yml, or regions/_project/pilots/<pilot-id>.yml for several regions",
)
SITE = Kind(
    "site", "sites", Site, ((REGION_FOLDER, "sites", f"{ID}.yml"),), "site.md.j2",
    "A place of industrial culture: regions/<region>/sites/<site-id>.yml",
)
TAXONOMY = Kind(
    "taxonomy", "taxonomy", Taxonomy, ((PROJECT, "taxonomy.yml"),), None,
    "The project-wide vocabularies: regions/_project/taxonomy.yml",
)
MIRRORS = Kind(
    "mirrors", "mirrors", Mirrors, ((PROJECT, "source-mirrors.yml"),), None,
    "Hosts that copy other sites, which records may not cite: regions/_project/source-mirrors.yml",
)
# Terms of the taxonomy that have a page of their own.
CATEGORY = Kind("category", "categories", template="category.md.j2", vocabulary="categories")
LAYER = Kind("layer", "layers", template="layer.md.j2", vocabulary="layers")

# The kinds whose files are records, in the order they are loaded and listed.
FILES = (REGION, PARTNER, PILOT, SITE, TAXONOMY, MIRRORS)
# The kinds with one record per file (the others are one project-wide file each).
RECORDS = tuple(kind for kind in FILES if not kind.single)
# The kinds with a page for each record or term.
PAGES = (REGION, PARTNER, PILOT, SITE, CATEGORY, LAYER)
BY_NAME = {kind.name: kind for kind in (*FILES, CATEGORY, LAYER)}


def at(relative: PurePosixPath) -> Place | None:
    """The kind, id and region folder of the record a file below regions/ holds, by where it stands."""
    for kind in FILES:
        place = kind.place_at(relative)
        if place is not None:
            return place
    return None


def places() -> str:
    """Where record files may stand, for the message about a file that stands elsewhere."""
    shown = ["regions/" + "/".join(layout).replace(ID, "<id>").replace(REGION_FOLDER, "<region>") for kind in RECORDS for layout in kind.layouts]
    return ", ".join(shown[:-1]) + " or " + shown[-1]
