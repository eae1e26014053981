"""The generated files made in parts: side by side in processes they are the same as made in one."""

import pytest
from atlas.site import parts
from atlas.site.generate import LOCAL_SITE_URL, build_files

TILES = "OpenStreetMap.Mapnik"


@pytest.mark.build  # generates the whole atlas twice
def test_parts_made_in_two_processes_are_the_files_made_in_one(real_atlas):
    pages, maps, files = build_files(real_atlas, TILES, LOCAL_SITE_URL)
    assert parts.make_all(real_atlas, pages, maps, TILES, LOCAL_SITE_URL, processes=2) == files
