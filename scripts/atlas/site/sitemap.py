"""One sitemap of every language, from the sitemaps of the language builds.

Each language build writes a sitemap.xml of its own pages (each with its alternates in every
language); the site's sitemap lists them all, in the order of the languages, as the i18n plugin's
full build does.
"""

import gzip
import io
from datetime import UTC, datetime
from pathlib import Path

NAME = "sitemap.xml"
END = "\n</urlset>"


def merge(builds: list[Path], site_dir: Path) -> None:
    """Write site_dir/sitemap.xml (and its gzip copy) from the sitemaps of builds, in their order."""
    texts = [(build / NAME).read_text(encoding="utf-8") for build in builds]
    head = texts[0][: _first_url(texts[0])]
    urls = "".join(text[_first_url(text) : text.rindex(END)] for text in texts)
    merged = head + urls + END + texts[0][texts[0].rindex(END) + len(END) :]
    (site_dir / NAME).write_text(merged, encoding="utf-8")
    (site_dir / f"{NAME}.gz").write_bytes(_gzip(merged, _latest_date(merged)))


def _first_url(text: str) -> int:
    at = text.find("\n    <url>")
    return at if at >= 0 else text.rindex(END)


def _latest_date(text: str) -> int:
    """The gzip copy's time: the latest lastmod, as MkDocs dates it (the same day gives the same bytes)."""
    dates = [line.strip()[len("<lastmod>") : -len("</lastmod>")] for line in text.splitlines() if "<lastmod>" in line]
    day = max(dates) if dates else "1970-01-01"
    return int(datetime.fromisoformat(day).replace(tzinfo=UTC).timestamp())


def _gzip(text: str, mtime: int) -> bytes:
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, filename=f"{NAME}.gz", mode="wb", mtime=mtime) as gz:
        gz.write(text.encode("utf-8"))
    return buffer.getvalue()
