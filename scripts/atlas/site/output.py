"""Writing generated files so that an unchanged file is never touched.

`mkdocs serve` watches docs/; rewriting an unchanged page would make it rebuild forever.
"""

import os
from pathlib import Path


def sync(folder: Path, files: dict[str, str | bytes]) -> list[str]:
    """Make folder hold exactly files (relative path -> content); return the paths written."""
    # One walk finds what is there, instead of asking the file system about each of 25,000 files.
    existing, folders = _contents(folder)
    written = []
    made = set(folders)
    for relative, content in sorted(files.items()):
        data = content.encode("utf-8") if isinstance(content, str) else content
        target = os.path.join(folder, relative)
        if relative in existing and _read(target) == data:
            continue
        parent = os.path.dirname(target)
        if parent not in made:
            os.makedirs(parent, exist_ok=True)
            made.add(parent)
        with open(target, "wb") as handle:
            handle.write(data)
        written.append(relative)
    _remove_stale(existing - set(files), folder, folders)
    return written


def _contents(folder: Path) -> tuple[set[str], list[str]]:
    """The files below folder (relative, with /), and folder with every folder below it, each before its own."""
    files, folders = set(), []
    pending = [(os.fspath(folder), "")]
    while pending:
        here, prefix = pending.pop()
        try:
            entries = list(os.scandir(here))
        except FileNotFoundError:
            continue
        folders.append(here)
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                pending.append((entry.path, prefix + entry.name + "/"))
            elif entry.is_file():
                files.add(prefix + entry.name)
    return files, folders


def _read(path: str) -> bytes:
    with open(path, "rb") as handle:
        return handle.read()


def _remove_stale(stale: set[str], folder: Path, folders: list[str]) -> None:
    for relative in stale:
        os.unlink(os.path.join(folder, relative))
    # Deepest first, so that a folder emptied of empty folders goes too; folder itself stays.
    for here in reversed(folders[1:]):
        if not os.listdir(here):
            os.rmdir(here)
