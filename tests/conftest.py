"""Shared fixtures: the real records, the real atlas built once per test run, small record trees.

Every test is marked by what it needs, from the fixtures it asks for: `browser` (Chromium),
`build` (a full MkDocs build), or else `unit`. `pytest -m unit` runs without a browser stack.
"""

import contextlib
import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path
from urllib.parse import urlparse

import pytest
import yaml
from atlas.records.loader import load_atlas

ROOT = Path(__file__).resolve().parent.parent
MKDOCS = [sys.executable, "-m", "mkdocs"]
ATLAS = [sys.executable, "-m", "atlas"]
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"]


# The fixtures that make a test a browser test or a build test; the others are unit tests.
BROWSER_FIXTURES = {"browser"}
BUILD_FIXTURES = {"built", "hostile_site", "repo_site"}


def pytest_configure(config):
    for marker, meaning in (("unit", "no build, no browser"), ("build", "a full MkDocs build"), ("browser", "Chromium")):
        config.addinivalue_line("markers", f"{marker}: {meaning}")


def pytest_collection_modifyitems(items):
    for item in items:
        if any(item.get_closest_marker(name) for name in ("unit", "build", "browser")):
            continue
        needs = _fixtures_needed(item)
        layer = "browser" if needs & BROWSER_FIXTURES else "build" if needs & BUILD_FIXTURES else "unit"
        item.add_marker(layer)


def _fixtures_needed(item) -> set[str]:
    """Every fixture an item uses, directly or through other fixtures."""
    info = getattr(item, "_fixtureinfo", None)
    return set(info.names_closure) if info else set()


@pytest.fixture(scope="session")
def real_atlas():
    """The real records, loaded and checked."""
    return load_atlas(ROOT / "regions")


def atlas_build(project: Path, site: Path, **env: str) -> subprocess.CompletedProcess:
    """`atlas build` of the project (its mkdocs.yml), as the README, scripts/dev and CI run it."""
    return subprocess.run(
        [*ATLAS, "build", "--config", str(project / "mkdocs.yml"), "--site-dir", str(site)],
        cwd=project, capture_output=True, text=True, check=False, env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env},
    )


def copy_project(target: Path, regions: Path | None = ROOT / "regions") -> Path:
    """The hand-written pages, theme overrides and configuration of the atlas, with the given records
    (or none: the test writes its own into target/regions)."""
    shutil.copytree(ROOT / "docs", target / "docs", ignore=shutil.ignore_patterns("atlas", "maps", "opendata"))
    shutil.copytree(ROOT / "overrides", target / "overrides")
    if regions is not None:
        shutil.copytree(regions, target / "regions")
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    return target


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    """The real atlas, built strictly into a temporary folder: (site folder, build log)."""
    site = tmp_path_factory.mktemp("built") / "site"
    result = atlas_build(ROOT, site)
    assert result.returncode == 0, result.stderr[-4000:]
    return site, result.stderr


# A repository address for the tests only: the publish workflow gives the real one.
TEST_REPO = "https://github.com/example/atlas"
EDIT_URI = "edit/main/docs/"


@pytest.fixture(scope="session")
def repo_site(tmp_path_factory):
    """A small atlas (the records of the `records` fixture) built as the publish workflow builds it,
    with the repository's address (TEST_REPO), so that its pages have edit buttons."""
    project = copy_project(tmp_path_factory.mktemp("repo"), regions=None)
    small_records(project / "regions")
    result = atlas_build(project, project / "site", REPO_URL=TEST_REPO, EDIT_URI=EDIT_URI)
    assert result.returncode == 0, result.stderr[-4000:]
    return project / "site"


@pytest.fixture(scope="session")
def site(built):
    return built[0]


@contextlib.contextmanager
def serve(folder: Path):
    """A built site served on localhost; yields its base URL."""
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


@pytest.fixture(scope="session")
def served(site):
    with serve(site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, driven by Playwright (imported here, so that other tests need neither)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        yield browser
        browser.close()


# Records each Content-Security-Policy violation of a document in window.__csp, for the checks.
WATCH_CSP = (
    "window.__csp = [];"
    "document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective), true);"
)


@pytest.fixture(scope="module")
def policy_page(browser):
    """One browser page that records policy violations and never leaves localhost."""
    context = browser.new_context()
    context.add_init_script(WATCH_CSP)
    context.route("**/*", lambda route: route.continue_() if "://127.0.0.1" in route.request.url else route.abort())
    page = context.new_page()
    yield page
    context.close()


# The site layer of the map document in a page, once atlas-map.js has made it.
SITES_LAYER = "document.querySelector('.folium-map') && window[document.querySelector('.folium-map').id].atlasSites"


class Watched:
    """A browser page that blocks and records every request leaving localhost, and its console errors."""

    def __init__(self, browser, **context):
        self.context = browser.new_context(**context)
        self.context.set_default_timeout(20_000)
        self.outside, self.errors = [], []
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

    def _route(self, route):
        if urlparse(route.request.url).hostname in ("127.0.0.1", "localhost"):
            route.continue_()
        else:
            self.outside.append(route.request.url)
            route.abort()

    def open_map(self, url):
        self.page.goto(url)
        self.page.wait_for_function(SITES_LAYER)
        return self.page

    def real_errors(self):
        # Tiles are blocked on purpose; their failed loads are the only errors allowed.
        return [e for e in self.errors if "ERR_FAILED" not in e and "net::" not in e]

    def close(self):
        self.context.close()


@pytest.fixture
def watched(browser):
    pages = []

    def open_page(**context):
        pages.append(Watched(browser, **context))
        return pages[-1]

    yield open_page
    for page in pages:
        page.close()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture
def records(tmp_path):
    """A small valid record tree copied from the real taxonomy, to be broken by each test."""
    return small_records(tmp_path / "regions")


def small_records(regions: Path) -> Path:
    """Write a small valid record tree (one region, partner, site and pilot) at regions."""
    (regions / "_project" / "partners").mkdir(parents=True)
    shutil.copy(ROOT / "regions" / "_project" / "taxonomy.yml", regions / "_project" / "taxonomy.yml")
    write(regions / "_project/partners/p-one.yml", PARTNER)
    write(regions / "one/region.yml", REGION)
    write(regions / "one/sites/mine.yml", SITE)
    write(regions / "one/pilots/days.yml", PILOT)
    return regions


class _PlainDumper(yaml.SafeDumper):
    """Writes a value used twice out twice: record files may not hold anchors and aliases."""

    def ignore_aliases(self, data):
        return True


def yaml_text(data) -> str:
    return yaml.dump(data, Dumper=_PlainDumper, allow_unicode=True, sort_keys=False, width=1_000_000)


def write(path: Path, data) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(data if isinstance(data, str) else yaml_text(data), encoding="utf-8")
    return path


def tree(folder: Path) -> dict[str, bytes]:
    """Every file below folder, by its path below it, with its bytes."""
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


TEXT = {"en": "Text", "cs": "Text cs"}
PARTNER = {
    "id": "p-one", "kind": "regional", "name": {"en": "Partner"}, "native_name": "Partner", "city": {"en": "Town"},
    "country": "DE", "website": "https://example.org/", "region": "one", "sources": ["https://example.org/"],
}
REGION = {
    "id": "one", "country": "DE", "language": "de", "partner": "p-one", "name": {"en": "One"}, "summary": TEXT,
    "description": TEXT, "centre": {"lat": 50.7, "lon": 12.5}, "bbox": {"south": 50.5, "west": 12.2, "north": 50.9, "east": 12.8},
    "website": "https://example.org/", "sources": ["https://example.org/"],
}
SITE = {
    "id": "mine", "region": "one", "name": "Zeche", "categories": ["mining"], "layers": ["past"],
    "location": {"lat": 50.72, "lon": 12.49}, "description": TEXT, "sources": ["https://example.org/mine"],
}
PILOT = {
    "id": "days", "region": "one", "theme": "identity", "title": {"en": "Days"}, "summary": TEXT, "description": TEXT,
    "period": {"start": "2018-09", "end": "2018-10"}, "places": [{"name": {"en": "Town"}, "lat": 50.7, "lon": 12.5}],
    "sectors": ["museums"], "sites": ["mine"], "sources": ["https://example.org/days"],
}
