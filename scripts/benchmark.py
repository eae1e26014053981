"""Measures the atlas end to end and prints its figures; nothing is asserted (the tests check behaviour).

Run from the repository: `.venv/bin/python scripts/benchmark.py [--sites 2500] [--skip-real]`
(or `--search SITE` for the search figures of a site already built). For the
real records and for a synthetic atlas of --sites sites (the real records with sites added), it
prints: validation and generation times; the site built by `atlas build` (languages side by side),
by `atlas build --jobs 1` (the single-language builds one after another) and, as the reference,
by bare Material + mkdocs-static-i18n from the same Markdown (no atlas plugin, no overrides), with
the ratios the targets are stated in; peak memory per process; the largest page; the map data; the
search download of a first query; and how soon `scripts/dev serve --lang de` shows an edited record.
"""

import argparse
import functools
import gzip
import http.server
import os
import random
import re
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

import yaml
from atlas import routes
from atlas.languages import LANGUAGES
from atlas.records.loader import load_atlas
from atlas.site import generate, search

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"]
TILES = "OpenStreetMap.Mapnik"


def project(folder: Path, regions: Path) -> Path:
    """A copy of the atlas's configuration, hand-written pages and theme, with the given records."""
    shutil.copytree(ROOT / "docs", folder / "docs", ignore=shutil.ignore_patterns("atlas", "maps", "opendata"))
    shutil.copytree(ROOT / "overrides", folder / "overrides")
    shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    if regions != folder / "regions":
        shutil.copytree(regions, folder / "regions")
    return folder


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


def timed(run) -> tuple[float, object]:
    start = time.perf_counter()
    result = run()
    return time.perf_counter() - start, result


def records_figures(folder: Path) -> None:
    regions = folder / "regions"
    validated, atlas = timed(lambda: load_atlas(regions))
    generated, result = timed(lambda: generate.generate(regions, folder / "docs", TILES, generate.LOCAL_SITE_URL))
    again, _ = timed(lambda: generate.generate(regions, folder / "docs", TILES, generate.LOCAL_SITE_URL))
    print(f"  records: {len(atlas.sites)} sites; validate {validated:.1f} s; generate {generated:.1f} s "
          f"({result.total} files; {again:.1f} s again with nothing changed)")


def run_build(command: list[str], folder: Path) -> tuple[float, float, str]:
    """Wall seconds, the peak memory of its largest process (MB) and the output of a build command."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    seconds, result = timed(lambda: subprocess.run(command, cwd=folder, env=ENV, capture_output=True, text=True, check=False))
    if result.returncode != 0:
        sys.exit(f"{' '.join(command)} failed:\n{result.stderr[-3000:]}")
    peak = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
    return seconds, peak, result.stdout


def language_seconds(output: str) -> dict[str, tuple[float, float]]:
    """Seconds and peak MB of each language's build, as `atlas build` prints them."""
    return {m[1]: (float(m[2]), float(m[3])) for m in re.finditer(r"^  (\w\w): ([\d.]+) s, (\d+) MB", output, re.MULTILINE)}


def bare_config(folder: Path) -> Path:
    """mkdocs.yml without the atlas plugin and the overrides: Material and the i18n plugin alone, with
    the i18n plugin's own search settings (the atlas turns its search merging off: Pagefind indexes)."""
    text = (folder / "mkdocs.yml").read_text(encoding="utf-8")
    text = re.sub(r"\n  - atlas:\n(      .*\n)+", "\n", text)
    text = re.sub(r"\n *reconfigure_search: false *(#.*)?\n", "\n", text)
    text = text.replace("  custom_dir: overrides\n", "").replace("  favicon: assets/atlas/favicon.svg\n", "").replace("  logo: assets/atlas/favicon.svg\n", "")
    text = text.replace("extra_css:\n  - assets/atlas/atlas.css\n", "")
    bare = folder / "bare.yml"
    bare.write_text(text, encoding="utf-8")
    return bare


def build_figures(folder: Path) -> Path:
    site = folder / "site"
    parallel, parallel_peak, output = run_build([PYTHON, "-m", "atlas", "build", "--site-dir", str(site)], folder)
    languages = language_seconds(output)
    one_by_one, _, output_one = run_build([PYTHON, "-m", "atlas", "build", "--jobs", "1", "--site-dir", str(folder / "site-1")], folder)
    singles = sum(seconds for seconds, _ in language_seconds(output_one).values())
    bare, bare_peak, _ = run_build([PYTHON, "-m", "mkdocs", "build", "-q", "-f", str(bare_config(folder)), "-d", str(folder / "bare")], folder)
    pages = list(site.rglob("*.html"))
    print(f"  reference, bare Material + mkdocs-static-i18n (same Markdown): {bare:.0f} s, peak {bare_peak:.0f} MB")
    print(f"  atlas build, {os.cpu_count()} at once: {parallel:.0f} s = {parallel / bare:.2f} x reference (target <= 0.35)")
    print(f"  atlas build --jobs 1: {one_by_one:.0f} s; its language builds one after another: {singles:.0f} s "
          f"= {singles / bare:.2f} x reference (target <= 0.6)")
    print("  each language: " + ", ".join(f"{lang} {s:.0f} s {mb:.0f} MB" for lang, (s, mb) in languages.items()))
    print(f"  peak memory of any process: {parallel_peak:.0f} MB (target <= 600)")
    largest = max(pages, key=lambda p: p.stat().st_size)
    print(f"  {len(pages)} HTML files, {sum(f.stat().st_size for f in site.rglob('*') if f.is_file()) / 1e6:.0f} MB in all; "
          f"largest page {largest.stat().st_size / 1e3:.1f} KB ({largest.relative_to(site)}; target <= 60)")
    return site


def download_figures(site: Path) -> None:
    data = {lang: gzip_size(site / routes.site_path(lang, routes.map_data())) for lang in LANGUAGES}
    print(f"  map data per language: {min(data.values()) / 1e3:.0f}-{max(data.values()) / 1e3:.0f} KB gzip (target <= 250)")
    search_figures(site)


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
    print("  search index per language (KB): " + ", ".join(f"{lang} {size / 1e3:.0f}" for lang, size in sizes.items()))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        for lang, queries in SEARCHES.items():
            print(f"  search ({lang}): first " + "; then ".join(_searches(browser, site, base, f"{routes.prefix(lang)}about/", queries)))
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


def gzip_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), 6))


def preview_figures(folder: Path) -> None:
    """`scripts/dev serve --lang de`: until it first serves, then until an edited site name shows."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    record = min((folder / "regions").glob("*/sites/*.yml"))
    url = f"http://127.0.0.1:{port}/de/{routes.directory_url(routes.record_page('site', record.stem))}"
    server = subprocess.Popen([ROOT / "scripts/dev", "serve", "--lang", "de", "-f", folder / "mkdocs.yml", "-a", f"127.0.0.1:{port}"],
                              env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        first, _ = timed(lambda: wait_for(url, "</html>"))
        text = record.read_text(encoding="utf-8")
        record.write_text(re.sub(r"^name: (.*)$", r"name: \1 Benchmark", text, count=1, flags=re.MULTILINE), encoding="utf-8")
        edited, _ = timed(lambda: wait_for(url, "Benchmark"))
        print(f"  scripts/dev serve --lang de: first served in {first:.0f} s; an edited record shown in {edited:.0f} s (target <= 60)")
    finally:
        server.terminate()
        server.wait()


def wait_for(url: str, text: str, seconds: float = 900) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if text in response.read().decode("utf-8"):
                    return
        except OSError:
            pass
        time.sleep(0.5)
    raise TimeoutError(f"{url} did not show {text!r} within {seconds:.0f} s")


def measure(folder: Path, label: str) -> None:
    print(f"{label}:", flush=True)
    records_figures(folder)
    site = build_figures(folder)
    download_figures(site)
    preview_figures(folder)


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--sites", type=int, default=2500, help="sites of the synthetic atlas (default 2500)")
    options.add_argument("--skip-real", action="store_true", help="measure the synthetic atlas only")
    options.add_argument("--search", type=Path, metavar="SITE", help="only the search figures of a site already built")
    args = options.parse_args()
    # Each figure shows as soon as it is measured, also when the output goes to a file.
    sys.stdout.reconfigure(line_buffering=True)
    if args.search:
        search_figures(args.search)
        return
    print(f"{os.cpu_count()} cores")
    with tempfile.TemporaryDirectory(prefix="atlas-benchmark-") as folder:
        if not args.skip_real:
            measure(project(Path(folder) / "real", ROOT / "regions"), "real atlas")
        synthetic = Path(folder) / "synthetic"
        measure(project(synthetic, synthetic_records(synthetic, args.sites)), f"synthetic atlas of {args.sites} sites")


if __name__ == "__main__":
    main()
