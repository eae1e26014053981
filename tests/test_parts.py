"""The generated files made in parts: written side by side in processes, they are the files written in one."""

import pytest
from atlas.maps.files import MapFiles
from atlas.pages.render import Pages
from atlas.site import parts
from atlas.site.generate import LOCAL_SITE_URL
from conftest import tree

TILES = "OpenStreetMap.Mapnik"


@pytest.mark.build  # generates the whole atlas twice
def test_parts_written_in_two_processes_are_the_files_written_in_one(real_atlas, tmp_path):
    one = parts.write_all(real_atlas, Pages(real_atlas, LOCAL_SITE_URL), MapFiles(real_atlas, TILES), TILES, LOCAL_SITE_URL, tmp_path / "one", processes=1)
    two = parts.write_all(real_atlas, Pages(real_atlas, LOCAL_SITE_URL), MapFiles(real_atlas, TILES), TILES, LOCAL_SITE_URL, tmp_path / "two", processes=2)
    assert one == two and one[0] == one[1]
    assert tree(tmp_path / "one") == tree(tmp_path / "two")


def test_a_process_that_stops_fails_the_writing_with_a_message(tmp_path):
    # No atlas: each process fails as it starts, and the pool is left broken.
    with pytest.raises(parts.WritingFailed, match="stopped before it finished"):
        parts.write_all(None, None, None, TILES, LOCAL_SITE_URL, tmp_path, processes=2)
