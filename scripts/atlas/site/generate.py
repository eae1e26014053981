"""One run of the generator: records in, every generated file of the site out."""

from dataclasses import dataclass
from pathlib import Path

from atlas import routes
from atlas.maps.documents import UnknownTiles
from atlas.maps.files import MapFiles
from atlas.pages.render import Pages
from atlas.records.loader import load_atlas, record_files
from atlas.records.model import Atlas
from atlas.site import output, parts


class SettingError(Exception):
    pass


@dataclass
class Generated:
    atlas: Atlas
    pages: Pages
    maps: MapFiles
    written: int
    total: int

    def summary(self) -> str:
        a = self.atlas
        return (
            f"atlas: {len(a.regions)} regions, {len(a.partners)} partners, {len(a.pilots)} pilots, "
            f"{len(a.sites)} sites; {self.total} generated files, {self.written} changed"
        )


def build_files(atlas: Atlas, tiles: str) -> tuple[Pages, MapFiles, dict[str, str]]:
    """Every generated file, by its path below docs/."""
    try:
        maps = MapFiles(atlas, tiles)
    except UnknownTiles as error:
        raise SettingError(str(error)) from None
    pages = Pages(atlas)
    return pages, maps, parts.make_all(atlas, pages, maps, tiles, parts.processes_for(atlas))


def fingerprint(regions_dir: Path) -> tuple:
    """What changes when any record file changes: each file's path, size and modification time."""
    return tuple((str(p), p.stat().st_size, p.stat().st_mtime_ns) for p in record_files(regions_dir))


def generate(regions_dir: Path, docs_dir: Path, tiles: str) -> Generated:
    atlas = load_atlas(regions_dir)
    pages, maps, files = build_files(atlas, tiles)
    written = 0
    for owned in routes.owned_folders():
        prefix = owned + "/"
        mine = {path[len(prefix):]: text for path, text in files.items() if path.startswith(prefix)}
        written += len(output.sync(docs_dir / owned, mine))
    return Generated(atlas, pages, maps, written, len(files))
