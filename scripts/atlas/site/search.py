"""Search: one Pagefind index over the whole built site, one chunked index per language inside it.

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

# Where the index goes below the site root; search.js loads FOLDER/pagefind.js from there.
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
    below /<lang>/): it writes site_dir/pagefind/ and removes Material's lunr indexes.
    """
    command = [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--output-subdir", FOLDER,
               "--glob", PAGES, "--root-selector", ARTICLE, "--silent"]
    for selector in LEFT_OUT:
        command += ["--exclude-selectors", selector]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise IndexingFailed(f"pagefind failed:\n{result.stdout}{result.stderr}")
    _sort_entry(site_dir / FOLDER / "pagefind-entry.json")
    for lang in LANGUAGES:
        lunr = site_dir / routes.search_index(lang)
        lunr.unlink(missing_ok=True)
        if lunr.parent.is_dir() and not any(lunr.parent.iterdir()):
            lunr.parent.rmdir()


def _sort_entry(entry: Path) -> None:
    """Pagefind lists the languages in its entry file in a different order on each run: same site, same bytes."""
    data = json.loads(entry.read_text(encoding="utf-8"))
    entry.write_text(json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")), encoding="utf-8")
