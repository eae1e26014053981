"""Long lists of sites, split into pages, so that no page grows with the number of sites.

A region's, a category's or a time layer's sites are listed on its own page while they are few;
past LIST_PAGE entries that page links instead to the list, split into pages of LIST_PAGE each.
The sites overview lists every region's sites, so it lists a region's only up to INDEX_ENTRIES
and links to the region's page past that: eight regions of INDEX_ENTRIES stay under 60 KB of HTML.
"""

import math
from dataclasses import dataclass

from atlas import routes
from atlas.records import kinds

LIST_PAGE = 50
INDEX_ENTRIES = 20


@dataclass(frozen=True)
class SiteList:
    """The sites of one region, category or time layer."""

    kind: kinds.Kind
    key: str

    @property
    def name(self) -> str:
        return f"{self.kind.name}-{self.key}"

    def sites(self, atlas) -> list:
        if self.kind is kinds.REGION:
            return atlas.sites_of(self.key)
        return atlas.sites_in(self.kind.vocabulary, self.key)

    def title(self, atlas, speaker) -> str:
        if self.kind is kinds.REGION:
            return speaker.text(atlas.regions[self.key].name).value
        return speaker.text(atlas.term(self.kind.vocabulary, self.key).label).value

    def page(self, number: int) -> str:
        return routes.list_page(self.name, number)


def is_long(sites) -> bool:
    return len(sites) > LIST_PAGE


def fits_index(sites) -> bool:
    return len(sites) <= INDEX_ENTRIES


def page_count(sites) -> int:
    return math.ceil(len(sites) / LIST_PAGE)


def long_lists(atlas) -> list[SiteList]:
    """Every list of sites too long for its owner's page, in a fixed order."""
    owners = [SiteList(kinds.REGION, region_id) for region_id in sorted(atlas.regions)]
    owners += [SiteList(kinds.CATEGORY, term.id) for term in atlas.taxonomy.categories]
    owners += [SiteList(kinds.LAYER, term.id) for term in atlas.taxonomy.layers]
    return [owner for owner in owners if is_long(owner.sites(atlas))]
