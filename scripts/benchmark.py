"""Measures the atlas and prints its figures: build time, pages, map sizes, search, and how maps scale.

Run from the repository: `.venv/bin/python scripts/benchmark.py`, or
`.venv/bin/python scripts/benchmark.py search <built site>` for the search figures of a site
already built. Figures are printed, never asserted: the tests check behaviour; this script is
where speed and size are watched.
"""

import functools
import gzip
import http.server
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import yaml
from atlas import routes
from atlas.languages import LANGUAGES
from atlas.maps import data, documents
from atlas.pages.speaker import Speaker
from atlas.records.loader import load_atlas
from atlas.site import csp, generate, search

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
        search_figures(root)


# A query per language that the real records answer, typed as a reader types it; the second is
# asked after the first, when the language's index is already loaded.
SEARCHES = {"en": ("ironworks", "mine"), "cs": ("zelezarna", "dul")}


def search_figures(site: Path) -> None:
    """Each language's search index, and what a reader's searches download and wait for, in Chromium.

    A download is counted as a static host serves it: gzip, unless the file is smaller as it is
    (Pagefind's files are compressed already). The first search counts every file fetched from
    the key that opens the search box until the results show, plus search.js, which every page loads.
    """
    from playwright.sync_api import sync_playwright

    files = [p for p in (site / search.FOLDER).rglob("*") if p.is_file()]
    sizes = {lang: sum(p.stat().st_size for p in files if p.name.startswith((f"{lang}_", f"pagefind.{lang}_"))) for lang in LANGUAGES}
    print("search index per language (KB): " + ", ".join(f"{lang} {size / 1e3:.0f}" for lang, size in sizes.items()))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--headless", "--no-sandbox"])
        for lang, queries in SEARCHES.items():
            print(f"search ({lang}): first " + "; then ".join(_searches(browser, site, base, f"{routes.prefix(lang)}about/", queries)))
        browser.close()
    server.shutdown()


def _searches(browser, site: Path, base: str, path: str, queries: tuple[str, ...]) -> list[str]:
    """One figure per query, asked one after the other on the page at path, in a browser with nothing cached."""
    page = browser.new_page()
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(base) else route.abort())
    page.goto(base + path)
    page.wait_for_load_state("networkidle")
    fetched = ["assets/atlas/search.js"]
    page.on("request", lambda request: fetched.append(request.url[len(base):].split("?")[0]))
    page.keyboard.press("/")
    figures = []
    for query in queries:
        counted = _served_size(site, fetched)
        page.fill("input.md-search__input", "")
        page.keyboard.type(query, delay=100)
        start = time.perf_counter()
        page.wait_for_function(
            "q => [...document.querySelectorAll('.md-search-result__link')].some(a => new URL(a.href).searchParams.get('h') === q)",
            arg=query,
        )
        seconds = time.perf_counter() - start
        results = page.locator(".md-search-result__meta").inner_text()
        downloaded = _served_size(site, fetched) - counted
        figures.append(f"'{query}' {downloaded / 1e3:.0f} KB, results {seconds * 1000:.0f} ms after the last key ({results})")
    page.close()
    return figures


def _served_size(site: Path, paths: list[str]) -> int:
    total = 0
    for path in dict.fromkeys(paths):
        data = (site / path).read_bytes()
        total += min(len(data), len(gzip.compress(data, 6)))
    return total


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


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
        pages = [p for p in (Path(folder) / "docs").rglob("*.md")]
        largest = max(pages, key=lambda p: p.stat().st_size)
        print(
            f"records of {count} sites: validate {validated:.1f} s; generate {seconds:.1f} s for {generated.total} files; "
            f"largest generated page {largest.stat().st_size / 1e3:.0f} KB ({largest.relative_to(Path(folder) / 'docs')})"
        )


def main() -> None:
    if sys.argv[1:2] == ["search"]:
        search_figures(Path(sys.argv[2]))
        return
    build()
    map_figures(load_atlas(ROOT / "regions"), "real atlas")
    with tempfile.TemporaryDirectory() as folder:
        map_figures(load_atlas(synthetic_records(Path(folder), 2500)), "synthetic atlas")
    records_figures(2500)


if __name__ == "__main__":
    main()
