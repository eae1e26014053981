"""One run of the generator: records in, every generated file of the site out."""

from dataclasses import dataclass
from pathlib import Path

from atlas import output, routes
from atlas.languages import LANGUAGES
from atlas.maps import data
from atlas.maps.documents import UnknownTiles
from atlas.maps.slots import Maps
from atlas.pages import Pages
from atlas.records import Atlas, load_atlas, record_files

# Folders below docs/ that the generator owns entirely (git-ignored).
OWNED = [f"{lang}/{routes.GENERATED}" for lang in LANGUAGES] + ["maps", "opendata"]


class SettingError(Exception):
    pass


@dataclass
class Generated:
    atlas: Atlas
    pages: Pages
    maps: Maps
    written: int
    total: int

    def summary(self) -> str:
        a = self.atlas
        return (
            f"atlas: {len(a.regions)} regions, {len(a.partners)} partners, {len(a.pilots)} pilots, "
            f"{len(a.sites)} sites; {self.total} generated files, {self.written} changed"
        )

    def slot(self, name: str, speaker, source: str) -> str:
        if name == "map":
            return self.maps.slot("atlas", "atlas", speaker, source)
        return self.pages.slot(name, speaker, source)


def build_files(atlas: Atlas, tiles: str) -> tuple[Pages, Maps, dict[str, str]]:
    """Every generated file, by its path below docs/."""
    try:
        maps = Maps(atlas, tiles)
    except UnknownTiles as error:
        raise SettingError(str(error)) from None
    pages = Pages(atlas, maps)
    files = {f"{lang}/{path}": text for lang, rendered in pages.render_all().items() for path, text in rendered.items()}
    files |= maps.files()
    files["opendata/sites.geojson"] = data.open_geojson(atlas)
    files["opendata/sites.csv"] = data.open_csv(atlas)
    files["opendata/README.txt"] = data.README
    return pages, maps, files


def fingerprint(regions_dir: Path) -> tuple:
    """What changes when any record file changes: each file's path, size and modification time."""
    return tuple((str(p), p.stat().st_size, p.stat().st_mtime_ns) for p in record_files(regions_dir))


def generate(regions_dir: Path, docs_dir: Path, tiles: str) -> Generated:
    atlas = load_atlas(regions_dir)
    pages, maps, files = build_files(atlas, tiles)
    written = 0
    for owned in OWNED:
        prefix = owned + "/"
        mine = {path[len(prefix):]: text for path, text in files.items() if path.startswith(prefix)}
        written += len(output.sync(docs_dir / owned, mine))
    return Generated(atlas, pages, maps, written, len(files))
