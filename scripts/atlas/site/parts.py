"""The generated files in parts that need nothing from one another, made side by side on every core.

A part is one language (its pages, its map data and map documents), a share of the small maps
that all languages show, or the open data. Rendering is pure Python, so only processes make
parts side by side. Each starts afresh (spawn) rather than as a copy of this process, which may
be MkDocs serving with threads of its own; it gets the checked atlas once and makes parts until
none is left.
"""

import os
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context

from atlas import opendata, routes
from atlas.languages import LANGUAGES
from atlas.maps.files import MapFiles
from atlas.pages.render import Pages

# Starting the processes (Python, the generator's modules, the atlas) costs about a second and a
# half; from some hundreds of sites the time they save is larger.
PROCESSES_FROM_SITES = 500
# The small maps are split into shares, so that every core gets some of them to make.
SMALL_MAP_SHARES = 4
# The largest parts first, so that no core is left with a large one at the end.
PARTS = [
    *(("language", lang) for lang in LANGUAGES),
    *(("small maps", share) for share in range(SMALL_MAP_SHARES)),
    ("open data", None),
]


class Maker:
    """Makes any part of the generated files of one atlas."""

    def __init__(self, atlas, pages: Pages, maps: MapFiles):
        self.atlas = atlas
        self.pages = pages
        self.maps = maps

    def make(self, part: tuple) -> dict[str, str]:
        """The files of one part, by path below docs/."""
        kind, key = part
        if kind == "language":
            pages = {routes.docs_path(key, path): text for path, text in self.pages.render_language(key).items()}
            return pages | self.maps.language_files(key)
        if kind == "small maps":
            return self.maps.small_map_files(key, SMALL_MAP_SHARES)
        return {
            routes.opendata("sites.geojson"): opendata.open_geojson(self.atlas),
            routes.opendata("sites.csv"): opendata.open_csv(self.atlas),
            routes.opendata("README.txt"): opendata.README,
        }


def processes_for(atlas) -> int:
    """How many processes make the parts: one per core, once the atlas is large enough for them to pay."""
    if len(atlas.sites) < PROCESSES_FROM_SITES:
        return 1
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return min(cores, len(PARTS))


def make_all(atlas, pages: Pages, maps: MapFiles, tiles: str, site_url: str, processes: int = 1) -> dict[str, str]:
    """Every generated file, by its path below docs/: in this process with pages and maps, or in processes of their own."""
    if processes < 2:
        made = map(Maker(atlas, pages, maps).make, PARTS)
    else:
        with ProcessPoolExecutor(processes, mp_context=get_context("spawn"), initializer=_start, initargs=(atlas, tiles, site_url)) as pool:
            made = list(pool.map(_make, PARTS))
    files: dict[str, str] = {}
    for part in made:
        files |= part
    return files


# The maker of a worker process, set once when it starts.
_maker: Maker | None = None


def _start(atlas, tiles: str, site_url: str) -> None:
    global _maker
    _maker = Maker(atlas, Pages(atlas, site_url), MapFiles(atlas, tiles))


def _make(part: tuple) -> dict[str, str]:
    return _maker.make(part)
