"""Writing generated files: only what changed is written, and what is no longer generated goes."""

import os

from atlas.site import output


def test_sync_writes_what_changed_and_removes_what_is_gone(tmp_path):
    folder = tmp_path / "atlas"
    assert output.sync(folder, {"a.md": "a", "sites/b.md": "b", "old/c.md": "c"}) == ["a.md", "old/c.md", "sites/b.md"]
    os.utime(folder / "a.md", ns=(1, 1))

    written = output.sync(folder, {"a.md": "a", "sites/b.md": "B", "maps/d.html": b"d"})

    assert written == ["maps/d.html", "sites/b.md"]
    assert (folder / "a.md").stat().st_mtime_ns == 1
    assert (folder / "sites/b.md").read_text() == "B" and (folder / "maps/d.html").read_bytes() == b"d"
    assert not (folder / "old").exists()
    assert output.sync(folder, {}) == [] and folder.is_dir() and not any(folder.iterdir())
