"""A map on a page: its frame, and beside it the same places as a list that works without JavaScript."""

from markupsafe import Markup

from atlas import routes
from atlas.pages.display import site_entries


class Frames:
    def __init__(self, atlas, env):
        self.atlas = atlas
        self.env = env

    def slot(self, kind: str, key: str, speaker, source: str) -> Markup:
        """The HTML of a map on the page made of source: the map's frame and its places as a list."""
        path, per_language = routes.map_document(kind, key)
        target = path if per_language else speaker.root + path
        places, sites = self._contents(kind, key, speaker)
        # The slot's own template escapes every value it shows.
        return Markup(self.env.get_template("_map.html.j2").render(
            lang=speaker.code,
            l10n=speaker,
            t=speaker.t,
            link=lambda to: routes.relative(source, to),
            src=routes.relative(source, target),
            title=speaker.t("map_of", name=self._name(kind, key, speaker)),
            kind=kind,
            places=places,
            sites=sites,
        ))

    def _name(self, kind, key, speaker) -> str:
        if kind == "atlas":
            return speaker.t("site_name")
        if kind == "site":
            return speaker.site_name(self.atlas.sites[key])
        if kind == "pilot":
            return speaker.text(self.atlas.pilots[key].title).value
        return speaker.text(self.atlas.regions[key].name).value

    def _contents(self, kind, key, speaker):
        """(name, coordinates) of the places that are not sites, and the entries of the sites, on one map."""
        atlas = self.atlas
        if kind == "atlas":
            return [], site_entries(atlas, speaker, atlas.sites.values())
        if kind == "region":
            return [], site_entries(atlas, speaker, atlas.sites_of(key))
        if kind == "site":
            site = atlas.sites[key]
            return [(speaker.site_name(site), speaker.coordinates(site.location.lat, site.location.lon))], []
        pilot = atlas.pilots[key]
        places = [(speaker.text(p.name).value, speaker.coordinates(p.lat, p.lon)) for p in pilot.places]
        return places, site_entries(atlas, speaker, atlas.sites_named(pilot.sites))
