"""Measures the atlas and prints its figures: build time, pages, map sizes, and how maps scale.

Run from the repository: `.venv/bin/python scripts/benchmark.py`. Figures are printed, never
asserted: the tests check behaviour; this script is where speed and size are watched.
"""

import gzip
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml
from atlas import routes
from atlas.languages import LANGUAGES
from atlas.maps import data, documents
from atlas.pages.speaker import Speaker
from atlas.records.loader import load_atlas
from atlas.site import csp, generate

ROOT = Path(__file__).resolve().parent.parent
TILES = documents.tile_provider("OpenStreetMap.Mapnik")


def build() -> None:
    with tempfile.TemporaryDirectory() as site:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", site], cwd=ROOT, check=True,
                       env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"})
        seconds = time.perf_counter() - start
        root = Path(site)
        pages = list(root.rglob("index.html"))
        sites = [p.stat().st_size for p in root.glob("*/atlas/sites/*/index.html")] + [p.stat().st_size for p in root.glob("atlas/sites/*/index.html")]
        print(f"build: {seconds:.1f} s for {len(pages)} pages ({len(pages) / seconds:.0f} pages/s), {sum(f.stat().st_size for f in root.rglob('*') if f.is_file()) / 1e6:.1f} MB in all")
        print(f"site pages: {len(sites)}, {min(sites) / 1e3:.1f}-{max(sites) / 1e3:.1f} KB each")
        atlas_map = root / "atlas/maps/atlas.html"
        print(f"atlas map (en): {atlas_map.stat().st_size / 1e3:.1f} KB")
        indexes = {lang: (root / routes.search_index(lang)).stat().st_size for lang in LANGUAGES}
        print(f"search index per language: {min(indexes.values()) / 1e3:.0f}-{max(indexes.values()) / 1e3:.0f} KB "
              f"(a reader downloads one; all eight together: {sum(indexes.values()) / 1e3:.0f} KB)")


def map_figures(atlas, label: str) -> None:
    """The atlas map document and the map data that every map of a language shares."""
    speaker = Speaker("en")
    policy = csp.map_policy(csp.tile_origin(TILES.url))
    start = time.perf_counter()
    html = documents.render(documents.atlas_map("atlas/maps/atlas.html", "Atlas", atlas, speaker, TILES), policy)
    script = data.script(atlas, speaker).encode()
    seconds = time.perf_counter() - start
    count = len(atlas.sites)
    print(
        f"{label}: {count} sites; atlas map document {len(html.encode()) / 1e3:.1f} KB; map data (en) "
        f"{len(script) / 1e3:.0f} KB, {len(gzip.compress(script)) / 1e3:.0f} KB gzip ({len(script) / count:.0f} B/site); "
        f"rendered in {seconds * 1000:.0f} ms"
    )


def synthetic_records(folder: Path, count: int) -> Path:
    """A copy of the real record files with site files added, moved a little, until there are count sites."""
    regions = folder / "regions"
    shutil.copytree(ROOT / "regions", regions)
    rng = random.Random(1)
    real = sorted((ROOT / "regions").glob("*/sites/*.yml"))
    for i in range(count - len(real)):
        model = real[i % len(real)]
        record = yaml.safe_load(model.read_text(encoding="utf-8"))
        record["id"] = f"{record['id']}-{i}"
        record["location"] = {key: round(value + rng.uniform(-0.05, 0.05), 5) for key, value in record["location"].items()}
        record["same_complex"] = []
        (regions / model.parent.relative_to(ROOT / "regions") / f"{record['id']}.yml").write_text(
            yaml.safe_dump(record, allow_unicode=True, sort_keys=False), encoding="utf-8"
        )
    return regions


def records_figures(count: int) -> None:
    """Validation and generation of every file, timed, on record files of count sites."""
    with tempfile.TemporaryDirectory() as folder:
        regions = synthetic_records(Path(folder), count)
        start = time.perf_counter()
        load_atlas(regions)
        validated = time.perf_counter() - start
        start = time.perf_counter()
        generated = generate.generate(regions, Path(folder) / "docs", TILES.name)
        seconds = time.perf_counter() - start
        # Unchanged files are not written again, as when mkdocs serve regenerates after an edit.
        start = time.perf_counter()
        generate.generate(regions, Path(folder) / "docs", TILES.name)
        again = time.perf_counter() - start
        pages = [p for p in (Path(folder) / "docs").rglob("*.md")]
        largest = max(pages, key=lambda p: p.stat().st_size)
        print(
            f"records of {count} sites: validate {validated:.1f} s; generate {seconds:.1f} s for {generated.total} files "
            f"(again, with every file unchanged: {again:.1f} s); "
            f"largest generated page {largest.stat().st_size / 1e3:.0f} KB ({largest.relative_to(Path(folder) / 'docs')})"
        )


def main() -> None:
    build()
    map_figures(load_atlas(ROOT / "regions"), "real atlas")
    with tempfile.TemporaryDirectory() as folder:
        map_figures(load_atlas(synthetic_records(Path(folder), 2500)), "synthetic atlas")
    records_figures(2500)


if __name__ == "__main__":
    main()
