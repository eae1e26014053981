"""The generated files, made and written folder by folder, side by side on every core.

Each folder below docs/ that the generator owns (routes.owned_folders) is a part that needs
nothing from the others: a language's folder (its pages, map data and map documents), the small
maps that all languages share, and the open data. A part is made and then written into its folder
(only the files that changed, output.sync), so one core writes while the other renders.

Rendering is pure Python, so only processes make parts side by side. Each starts afresh (spawn)
rather than as a copy of this process, which may be MkDocs serving with threads of its own; it
gets the checked atlas once and takes parts until none is left.
"""

import os
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing import get_context
from pathlib import Path

from atlas import opendata, routes
from atlas.languages import LANGUAGES
from atlas.maps.files import MapFiles
from atlas.pages.render import Pages
from atlas.site import output

# Starting the processes (Python, the generator's modules, the atlas) costs about a second and a
# half; from some hundreds of sites the time they save is larger.
PROCESSES_FROM_SITES = 500
_LANGUAGE_FOLDERS = {routes.docs_path(lang, routes.GENERATED): lang for lang in LANGUAGES}
# The largest part (the small maps) first, so that no core is left with a large one at the end.
PARTS = sorted(routes.owned_folders(), key=lambda folder: folder != routes.SHARED_MAPS)


class WritingFailed(Exception):
    """The generated files could not be written: where, and why (the file system's own words)."""


class Maker:
    """Makes and writes any part of the generated files of one atlas."""

    def __init__(self, atlas, pages: Pages, maps: MapFiles):
        self.atlas = atlas
        self.pages = pages
        self.maps = maps

    def make(self, folder: str) -> dict[str, str]:
        """The files of one owned folder, by path below docs/."""
        if folder == routes.SHARED_MAPS:
            return self.maps.small_map_files()
        if folder == routes.OPENDATA:
            return {
                routes.opendata("sites.geojson"): opendata.open_geojson(self.atlas),
                routes.opendata("sites.csv"): opendata.open_csv(self.atlas),
                routes.opendata("README.txt"): opendata.README,
            }
        lang = _LANGUAGE_FOLDERS[folder]
        pages = {routes.docs_path(lang, path): text for path, text in self.pages.render_language(lang).items()}
        return pages | self.maps.language_files(lang)

    def write(self, folder: str, docs_dir: Path) -> tuple[int, int]:
        """Make one owned folder hold its files: how many were written (changed), and how many it holds."""
        files = self.make(folder)
        prefix = folder + "/"
        written = output.sync(docs_dir / folder, {path[len(prefix):]: text for path, text in files.items()})
        return len(written), len(files)


def processes_for(atlas) -> int:
    """How many processes make the parts: one per core, once the atlas is large enough for them to pay."""
    if len(atlas.sites) < PROCESSES_FROM_SITES:
        return 1
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return min(cores, len(PARTS))


def write_all(atlas, pages: Pages, maps: MapFiles, tiles: str, site_url: str, docs_dir: Path, processes: int = 1) -> tuple[int, int]:
    """Every part written below docs_dir, in this process with pages and maps or in processes of their own:
    how many files were written (changed), and how many there are."""
    try:
        if processes < 2:
            maker = Maker(atlas, pages, maps)
            counts = [maker.write(folder, docs_dir) for folder in PARTS]
        else:
            with ProcessPoolExecutor(processes, mp_context=get_context("spawn"), initializer=_start, initargs=(atlas, tiles, site_url)) as pool:
                counts = list(pool.map(_write, PARTS, [docs_dir] * len(PARTS)))
    except OSError as error:
        raise WritingFailed(f"{error.filename or docs_dir}: {error.strerror or error}") from None
    except BrokenProcessPool:
        raise WritingFailed("a process making the generated files stopped before it finished (out of memory?)") from None
    return sum(written for written, _ in counts), sum(total for _, total in counts)


# The maker of a worker process, set once when it starts.
_maker: Maker | None = None


def _start(atlas, tiles: str, site_url: str) -> None:
    global _maker
    _maker = Maker(atlas, Pages(atlas, site_url), MapFiles(atlas, tiles))


def _write(folder: str, docs_dir: Path) -> tuple[int, int]:
    return _maker.write(folder, docs_dir)
