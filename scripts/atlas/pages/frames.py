"""A map on a page: its frame, and beside it the same places as a list that works without JavaScript."""

from markupsafe import Markup

from atlas import routes
from atlas.pages import lists
from atlas.records import kinds


class Frames:
    def __init__(self, atlas, env):
        self.atlas = atlas
        self.env = env

    def slot(self, kind: str, key: str, speaker, entries, source: str) -> Markup:
        """The HTML of a map on the page made of source: the map's frame and its places as a list."""
        path, per_language = routes.map_document(kind, key)
        target = path if per_language else speaker.root + path
        # The slot's own template escapes every value it shows.
        return Markup(self.env.get_template("_map.html.j2").render(
            lang=speaker.code,
            l10n=speaker,
            t=speaker.t,
            link=lambda to: routes.relative(source, to),
            src=routes.relative(source, target),
            title=speaker.t("map_of", name=self._name(kind, key, speaker)),
            kind=kind,
            **self._contents(kind, key, speaker, entries),
        ))

    def _name(self, kind, key, speaker) -> str:
        if kind == "atlas":
            return speaker.t("site_name")
        if kind == "site":
            return speaker.site_name(self.atlas.sites[key])
        if kind == "pilot":
            return speaker.text(self.atlas.pilots[key].title).value
        return speaker.text(self.atlas.regions[key].name).value

    def _contents(self, kind, key, speaker, entries) -> dict:
        """What the list beside a map holds, never more than a page of entries: places that are not
        sites (name, coordinates), the sites' entries, the regions (name, page, number of sites) of
        the atlas map, and the owner of the long list that stands in for too many sites, with its size."""
        atlas = self.atlas
        contents = {"places": [], "sites": [], "regions": [], "more": None, "count": 0, "pages": 0}
        if kind == "atlas":
            regions = sorted(atlas.regions.values(), key=lambda r: speaker.text(r.name).value.casefold())
            rows = [(speaker.text(r.name).value, routes.record_page("region", r.id), len(atlas.sites_of(r.id))) for r in regions]
            return contents | {"regions": rows, "count": len(atlas.sites)}
        if kind == "site":
            site = atlas.sites[key]
            place = (speaker.site_name(site), speaker.coordinates(site.location.lat, site.location.lon))
            return contents | {"places": [place], "count": 1}
        if kind == "region":
            owner = lists.SiteList(kinds.REGION, key)
            sites = owner.sites(atlas)
            if lists.is_long(sites):
                return contents | {"more": owner, "count": len(sites), "pages": lists.page_count(sites)}
            return contents | {"sites": entries.of(sites), "count": len(sites)}
        pilot = atlas.pilots[key]
        places = [(speaker.text(p.name).value, speaker.coordinates(p.lat, p.lon)) for p in pilot.places]
        sites = entries.of(atlas.sites_named(pilot.sites))
        return contents | {"places": places, "sites": sites, "count": len(places) + len(sites)}
