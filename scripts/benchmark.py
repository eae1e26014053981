"""Measures the atlas and prints its figures: build time, pages, map sizes, and how maps scale.

Run from the repository: `.venv/bin/python scripts/benchmark.py`. Figures are printed, never
asserted: the tests check behaviour; this script is where speed and size are watched.
"""

import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from atlas import routes
from atlas.languages import LANGUAGES
from atlas.maps import data, documents
from atlas.pages.speaker import Speaker
from atlas.records.loader import load_atlas
from atlas.records.schema import Site

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
    speaker = Speaker("en")
    sites = list(atlas.sites.values())
    start = time.perf_counter()
    html = documents.render(documents.atlas_map("atlas/maps/atlas.html", "Atlas", atlas, speaker, TILES))
    seconds = time.perf_counter() - start
    raw = len(json.dumps(data.features(atlas, sites, speaker, "atlas/maps/atlas.html"), ensure_ascii=False, separators=(",", ":")).encode())
    size = len(html.encode())
    overhead = size - raw
    print(
        f"{label}: {len(sites)} sites, map {size / 1e3:.1f} KB = GeoJSON {raw / 1e3:.1f} KB ({raw / len(sites):.0f} B/site) "
        f"+ {overhead / 1e3:.1f} KB fixed; {size / len(sites):.0f} B/site in all; rendered in {seconds * 1000:.0f} ms"
    )


def synthetic(atlas, count: int):
    """The real atlas with its sites copied, moved a little, until it holds count sites."""
    rng = random.Random(1)
    real = list(atlas.sites.values())
    for i in range(count - len(real)):
        model = real[i % len(real)]
        moved = {"lat": model.location.lat + rng.uniform(-0.05, 0.05), "lon": model.location.lon + rng.uniform(-0.05, 0.05)}
        copy = Site.model_validate(model.model_dump() | {"id": f"{model.id}-{i}", "location": moved, "same_complex": []})
        atlas.sites[copy.id] = copy
    return atlas


def main() -> None:
    build()
    map_figures(load_atlas(ROOT / "regions"), "real atlas")
    map_figures(synthetic(load_atlas(ROOT / "regions"), 2500), "synthetic atlas")


if __name__ == "__main__":
    main()
