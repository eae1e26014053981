"""Rendering the Markdown pages of every record and overview, per language, with Jinja2."""

from atlas import routes
from atlas.pages import lists
from atlas.pages.display import SiteEntries
from atlas.pages.embed import Embeds
from atlas.pages.frames import Frames
from atlas.pages.speaker import Speaker
from atlas.pages.templating import environment
from atlas.records import kinds
from atlas.records.coverage import coverage

# The generated parts that hand-written pages can hold, as <!-- atlas:name -->; map is the atlas map.
SLOTS = {"figures": "_figures.html.j2", "partners": "_partners.html.j2"}
# How many of the nearest other sites a site's page lists.
NEARBY = 5
# The overview pages of the atlas: (source, template).
OVERVIEWS = [
    (routes.index_page(), "atlas.md.j2"),
    *((routes.index_page(kind.plural), f"{kind.plural}.md.j2") for kind in kinds.PAGES),
    (routes.atlas_page("data"), "data.md.j2"),
    (routes.atlas_page("translations"), "translations.md.j2"),
]


class Pages:
    """All generated Markdown of the atlas, keyed by path below docs/<lang>/."""

    def __init__(self, atlas, site_url: str):
        """site_url: the site's published address, absolute and ending in /."""
        self.atlas = atlas
        self.env = environment()
        self.frames = Frames(atlas, self.env)
        self.embeds = Embeds(self.env, site_url)
        self.coverage = coverage(atlas)
        # The nearest sites of each site, the same in every language: worked out on first use.
        self.nearest = None
        # The site entries of each language, by its code: made on first use.
        self.entries: dict[str, SiteEntries] = {}

    def render_language(self, lang: str) -> dict[str, str]:
        speaker = Speaker(lang)
        return {source: self.render(template, source, speaker, **context) for source, template, context in self.plan()}

    def plan(self):
        """(source, template, context) of every generated page; the same for every language."""
        for source, template in OVERVIEWS:
            yield source, template, {"report": self.coverage}
        for kind in kinds.PAGES:
            for record in self.atlas.with_pages(kind):
                yield routes.record_page(kind.name, record.id), kind.template, {kind.name: record}
        for owner in lists.long_lists(self.atlas):
            for number in range(1, lists.page_count(owner.sites(self.atlas)) + 1):
                yield owner.page(number), "list.md.j2", {"owner": owner, "number": number}

    def entries_in(self, speaker: Speaker) -> SiteEntries:
        if speaker.code not in self.entries:
            self.entries[speaker.code] = SiteEntries(self.atlas, speaker)
        return self.entries[speaker.code]

    def _nearby(self, site, entries: SiteEntries) -> list:
        """(entry, km) of the sites nearest to site, closest first, for its page."""
        if self.nearest is None:
            self.nearest = self.atlas.nearest(NEARBY)
        return [(entries.by_id[other.id], km) for other, km in self.nearest[site.id]]

    def slot(self, name: str, speaker: Speaker, source: str) -> str:
        """A generated part of a hand-written page (<!-- atlas:name -->), in the page's language."""
        if name == "map":
            return self.frames.slot("atlas", "atlas", speaker, self.entries_in(speaker), source)
        if name not in SLOTS:
            raise KeyError(f"{source}: there is no atlas slot '{name}'; slots: map, {', '.join(SLOTS)}")
        return self.render(SLOTS[name], source, speaker)

    def render(self, template: str, source: str, speaker: Speaker, **context) -> str:
        entries = self.entries_in(speaker)

        def link(kind_or_path: str, record_id: str | None = None) -> str:
            target = routes.record_page(kind_or_path, record_id) if record_id else kind_or_path
            return routes.relative(source, target)

        return self.env.get_template(template).render(
            atlas=self.atlas,
            lang=speaker.code,
            l10n=speaker,
            t=speaker.t,
            link=link,
            root_link=lambda path: link(speaker.root + path),
            opendata=routes.opendata,
            entries=entries.of,
            nearby=lambda site: self._nearby(site, entries),
            site_list_of=lambda kind, key: lists.SiteList(kinds.BY_NAME[kind], key),
            is_long=lists.is_long,
            fits_index=lists.fits_index,
            page_count=lists.page_count,
            page_size=lists.LIST_PAGE,
            index=lambda section=None: link(routes.index_page(section)),
            map_slot=lambda kind, key: self.frames.slot(kind, key, speaker, entries, source),
            embed_slot=lambda region: self.embeds.slot(region, speaker),
            **context,
        )
