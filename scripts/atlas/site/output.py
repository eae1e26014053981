"""Writing generated files so that an unchanged file is never touched.

`mkdocs serve` watches docs/; rewriting an unchanged page would make it rebuild forever.
"""

from pathlib import Path


def sync(folder: Path, files: dict[str, str | bytes]) -> list[str]:
    """Make folder hold exactly files (relative path -> content); return the paths written."""
    written = []
    for relative, content in sorted(files.items()):
        data = content.encode("utf-8") if isinstance(content, str) else content
        target = folder / relative
        if target.is_file() and target.read_bytes() == data:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        written.append(relative)
    _remove_stale(folder, set(files))
    return written


def _remove_stale(folder: Path, keep: set[str]) -> None:
    if not folder.is_dir():
        return
    for path in sorted(folder.rglob("*"), reverse=True):
        relative = path.relative_to(folder).as_posix()
        if path.is_file() and relative not in keep:
            path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
