"""Where a page's edit button leads: a record's page to the record's YAML file, a hand-written page
to its Markdown file.

MkDocs makes each page's edit_url of repo_url, edit_uri (or edit_uri_template) and the page file's
edit_uri, a path relative to docs_dir, and Material shows it as the edit button; without repo_url
there is none. The record files live beside docs/, so their path climbs out of it with "../". The
other generated pages (overviews, lists, open data) are made from templates and hold nothing a
partner could edit, so they get no button.
"""

import os
from pathlib import Path

from atlas import routes
from atlas.pages.strings import catalogue


def edit_uri(src_uri: str, atlas, documents_root: Path, docs_dir: Path) -> str | None:
    """The file, relative to docs_dir, that the page made of src_uri (<lang>/... below docs/) is edited in.

    documents_root is the folder that the records' own paths (their Document.path) start from.
    """
    source = routes.source_of(src_uri)
    if not routes.is_generated(source):
        return src_uri
    record = routes.record_at(source)
    if record is None:
        return None
    return Path(os.path.relpath(documents_root / atlas.documents[record].path, docs_dir)).as_posix()


def label(src_uri: str, lang: str) -> str | None:
    """The edit button's words on a record's page; None on other pages, which keep Material's own."""
    return catalogue(lang)["edit_record"] if routes.record_at(routes.source_of(src_uri)) else None
