"""Search: a chunked Pagefind index of the built site for each language, made by one Pagefind run each.

Pagefind reads every page's <html lang> and keeps each language apart, so a reader's search,
which picks the index of its own page's language, finds pages in that language only. It folds
diacritics (`zelezarna` finds `železárna`), stems the languages it has a stemmer for (en, de,
it, nl, pl) and indexes the others (cs, sl, hr) word for word, never with English stemming or
stop words. A search fetches only the chunks its words fall in and the fragments of the results
shown, so what a reader downloads stays small whatever the number of pages.

Material's own search (lunr) has every page download the whole index of its language (6.7 MB,
320 KB gzip, at 2,500 sites) and build it in the browser; its index files are removed, and its
search box is answered by Pagefind (overrides/assets/atlas/search.js).
"""

import json
import subprocess
import sys
from pathlib import Path

from atlas import routes
from atlas.languages import LANGUAGES

# Where the indexes go below the site root, one folder per language (bundle()).
FOLDER = "pagefind"
# Every page is a folder's index.html; map documents and 404.html are not pages to find.
PAGES = "**/index.html"
# The text of a page is Material's article; the lists beside maps only repeat the site pages,
# and the ¶ of each heading is no word.
ARTICLE = "article.md-content__inner"
LEFT_OUT = ("[data-search-exclude]", ".headerlink")


class IndexingFailed(RuntimeError):
    """Pagefind could not index the site; the message is its own output."""


def index_site(site_dir: Path) -> None:
    """Index every language of the assembled site in site_dir for the search box.

    Call it once, after every language's pages are in place (English at the root, the others
    below /<lang>/): it writes one index per language, site_dir/pagefind/<lang>/, and removes
    Material's lunr indexes. Pagefind holds an index in memory while it writes it: one language
    at a time keeps that to an eighth (about 400 MB at 2,500 sites, where all eight took 1.6 GB).
    """
    for lang in LANGUAGES:
        if (site_dir / routes.prefix(lang)).is_dir():
            _index_language(site_dir, lang)
        lunr = site_dir / routes.search_index(lang)
        lunr.unlink(missing_ok=True)
        if lunr.parent.is_dir() and not any(lunr.parent.iterdir()):
            lunr.parent.rmdir()


def bundle(lang: str) -> str:
    """Where a language's index goes below the site root; search.js loads its pagefind.js from there."""
    return f"{FOLDER}/{lang}"


def _index_language(site_dir: Path, lang: str) -> None:
    command = [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--output-subdir", bundle(lang),
               "--glob", _pages_of(site_dir, lang), "--root-selector", ARTICLE, "--silent"]
    for selector in LEFT_OUT:
        command += ["--exclude-selectors", selector]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise IndexingFailed(f"pagefind failed for {lang}:\n{result.stdout}{result.stderr}")
    _sort_entry(site_dir / bundle(lang) / "pagefind-entry.json")


def _pages_of(site_dir: Path, lang: str) -> str:
    """The glob of a language's pages: its folder, or for the default language the site's root
    page and every top folder that is no other language's (nor the index's own)."""
    if routes.prefix(lang):
        return f"{routes.prefix(lang)}{PAGES}"
    folders = sorted(path.name for path in site_dir.iterdir() if path.is_dir() and path.name not in (*LANGUAGES, FOLDER))
    return "{" + ",".join(["index.html", *(f"{folder}/{PAGES}" for folder in folders)]) + "}"


def _sort_entry(entry: Path) -> None:
    """Pagefind lists the languages in its entry file in a different order on each run: same site, same bytes."""
    data = json.loads(entry.read_text(encoding="utf-8"))
    entry.write_text(json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")), encoding="utf-8")
