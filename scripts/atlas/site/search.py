"""One search index per language.

The i18n plugin merges every language's pages into the single search/search_index.json, so a
reader searching in Czech would get the same page in all eight languages, and every reader would
download the index of all eight. This splits the merged index into one per language, each beside
its language's pages (search/search_index.json for the default language, <lang>/search/... for the
others); overrides/main.html points each page's search at its own language's file, whose
path the plugin gives templates as `atlas_search_index(lang)`.
"""

import json
from pathlib import Path

from atlas.languages import DEFAULT, LANGUAGES
from atlas.routes import SEARCH_INDEX, language_of, search_index


def split(merged: dict) -> dict[str, dict]:
    """The merged index as one index per language, each with that language's stemmer if lunr has one."""
    stemmed = set(merged["config"].get("lang", []))
    indexes = {}
    for lang in LANGUAGES:
        config = dict(merged["config"], lang=[lang] if lang in stemmed else [DEFAULT])
        docs = [doc for doc in merged["docs"] if language_of(doc["location"]) == lang]
        indexes[lang] = {"config": config, "docs": docs}
    return indexes


def merge(builds: list[Path], site_dir: Path) -> None:
    """The merged index of site_dir from the language builds, each with its own pages' index at its root,
    as the i18n plugin merges them in a full build (the first build's settings, every build's pages)."""
    indexes = [json.loads((build / SEARCH_INDEX).read_text(encoding="utf-8")) for build in builds]
    merged = {"config": indexes[0]["config"], "docs": [doc for index in indexes for doc in index["docs"]]}
    _write(site_dir / SEARCH_INDEX, merged)


def write_per_language(site_dir: Path) -> None:
    """Replace the merged index in site_dir by one index per language."""
    merged_path = site_dir / SEARCH_INDEX
    if not merged_path.is_file():
        return
    merged = json.loads(merged_path.read_text(encoding="utf-8"))
    # The i18n plugin's build of each further language ends with that language's index alone;
    # only the final, merged index (after the last language) is worth splitting.
    if len({language_of(doc["location"]) for doc in merged["docs"]}) < 2:
        return
    for lang, index in split(merged).items():
        _write(site_dir / search_index(lang), index)


def _write(target: Path, index: dict) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
