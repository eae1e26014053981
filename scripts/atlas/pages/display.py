"""How a site is shown in a list, in one language: built once, read by pages, map lists and map data.

A site's line in any list, on a page or beside a map, and its popup on the map, show the same
things in the same order: its name, then its region and categories ("Genk · Mining, Energy").
"""

from dataclasses import dataclass, field
from operator import attrgetter

from markupsafe import Markup

from atlas import routes
from atlas.pages.strings import Shown

REGION_SEPARATOR = " · "
LIST_SEPARATOR = ", "
_ID = attrgetter("id")


@dataclass(frozen=True)
class SiteEntry:
    id: str
    name: str
    region: Shown
    categories: tuple[Shown, ...]
    page: str  # the source of the site's page, below the language root
    # meta_html by (language, with_region): a site stands in many lists of a language.
    _html: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    def meta(self, with_region: bool = True) -> str:
        """Region and categories as plain text, for the map's popups."""
        categories = LIST_SEPARATOR.join(c.value for c in self.categories)
        return REGION_SEPARATOR.join([self.region.value, categories] if with_region else [categories])

    def meta_html(self, speaker, with_region: bool = True) -> Markup:
        """Region and categories as HTML; a label shown in another language says which."""
        key = (speaker.code, with_region)
        if key not in self._html:
            categories = Markup(LIST_SEPARATOR).join(speaker.show(c) for c in self.categories)
            self._html[key] = Markup(REGION_SEPARATOR).join([speaker.show(self.region), categories] if with_region else [categories])
        return self._html[key]


class SiteEntries:
    """Every site's entry in one language, made once: pages, map lists and map data read them from here."""

    def __init__(self, atlas, speaker):
        made = (_entry(atlas, speaker, site) for site in atlas.sites.values())
        ordered = sorted(made, key=lambda entry: (entry.name.casefold(), entry.id))
        self.by_id = {entry.id: entry for entry in ordered}
        # Each site's place in the order every list shows them, so a list sorts by a look-up.
        self._rank = {entry.id: i for i, entry in enumerate(ordered)}

    def of(self, sites) -> list[SiteEntry]:
        """The sites' entries in the order every list shows them."""
        return list(map(self.by_id.__getitem__, sorted(map(_ID, sites), key=self._rank.__getitem__)))


def _entry(atlas, speaker, site) -> SiteEntry:
    return SiteEntry(
        site.id,
        speaker.site_name(site),
        speaker.text(atlas.regions[site.region].name),
        tuple(speaker.text(atlas.term("categories", c).label) for c in site.categories),
        routes.record_page("site", site.id),
    )
