"""How a site is shown in a list, in one language: built once, read by pages, map lists and map data.

A site's line in any list, on a page or beside a map, and its popup on the map, show the same
things in the same order: its name, then its region and categories ("Genk · Mining, Energy").
"""

from dataclasses import dataclass

from markupsafe import Markup

from atlas import routes
from atlas.pages.strings import Shown

REGION_SEPARATOR = " · "
LIST_SEPARATOR = ", "


@dataclass(frozen=True)
class SiteEntry:
    id: str
    name: str
    region: Shown
    categories: tuple[Shown, ...]
    page: str  # the source of the site's page, below the language root
    # Categories, and region with categories, as HTML in the entry's language: a site stands in many lists.
    categories_html: Markup
    region_html: Markup

    def meta(self, with_region: bool = True) -> str:
        """Region and categories as plain text, for the map's popups."""
        categories = LIST_SEPARATOR.join(c.value for c in self.categories)
        return REGION_SEPARATOR.join([self.region.value, categories] if with_region else [categories])

    def meta_html(self, with_region: bool = True) -> Markup:
        """Region and categories as HTML; a label shown in another language says which."""
        return self.region_html if with_region else self.categories_html


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
        return [self.by_id[site_id] for site_id in sorted((site.id for site in sites), key=self._rank.__getitem__)]


def _entry(atlas, speaker, site) -> SiteEntry:
    region = speaker.text(atlas.regions[site.region].name)
    categories = tuple(speaker.text(atlas.term("categories", c).label) for c in site.categories)
    categories_html = Markup(LIST_SEPARATOR).join(speaker.show(c) for c in categories)
    return SiteEntry(
        site.id,
        speaker.site_name(site),
        region,
        categories,
        routes.record_page("site", site.id),
        categories_html,
        Markup(REGION_SEPARATOR).join([speaker.show(region), categories_html]),
    )
