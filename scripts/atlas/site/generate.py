"""One run of the generator: records in, every generated file of the site out."""

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from atlas.maps.documents import UnknownTiles
from atlas.maps.files import MapFiles
from atlas.pages.render import Pages
from atlas.records.loader import load_atlas, record_files
from atlas.records.model import Atlas
from atlas.site import parts

# The address `mkdocs serve` serves the site at, which mkdocs.yml also takes when SITE_URL is not set.
LOCAL_SITE_URL = "http://127.0.0.1:8000/"


class SettingError(Exception):
    """A setting of the generator that cannot be used: which one (tiles, site_url), and why."""

    def __init__(self, setting: str, message: str):
        super().__init__(message)
        self.setting = setting


def site_address(site_url: str | None) -> str:
    """The published address of the site, which the code that embeds a map names: absolute, ending in /."""
    parts = urlsplit(site_url or "")
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise SettingError(
            "site_url",
            f"'{site_url or ''}' is not an absolute address like https://example.org/atlas/; "
            "the code that shows a region's map on other websites needs the site's published address",
        )
    return site_url if site_url.endswith("/") else site_url + "/"


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


def fingerprint(regions_dir: Path) -> tuple:
    """What changes when any record file changes: each file's path, size and modification time."""
    return tuple((str(p), p.stat().st_size, p.stat().st_mtime_ns) for p in record_files(regions_dir))


# The last generation of this process: (regions, docs, tiles, site URL, fingerprint of the records) -> result.
_last: dict[tuple, Generated] = {}


def current(regions_dir: Path, docs_dir: Path, tiles: str, site_url: str) -> Generated:
    """The generated files for the records as they are now, generated only if they changed.

    MkDocs runs the plugin's on_config once per language build (the i18n plugin) and again on every
    `mkdocs serve` rebuild; the parallel build generates once and forks its language builds, which
    find the result here.
    """
    key = (regions_dir.resolve(), docs_dir.resolve(), tiles, site_url, fingerprint(regions_dir))
    if key not in _last:
        generated = generate(regions_dir, docs_dir, tiles, site_url)
        _last.clear()
        _last[key] = generated
    return _last[key]


def generate(regions_dir: Path, docs_dir: Path, tiles: str, site_url: str) -> Generated:
    """Check the records, then write every generated file below docs_dir (only those that changed);
    site_url is the site's published address."""
    atlas = load_atlas(regions_dir)
    try:
        maps = MapFiles(atlas, tiles)
    except UnknownTiles as error:
        raise SettingError("tiles", str(error)) from None
    address = site_address(site_url)
    pages = Pages(atlas, address)
    written, total = parts.write_all(atlas, pages, maps, tiles, address, docs_dir, parts.processes_for(atlas))
    return Generated(atlas, pages, maps, written, total)
