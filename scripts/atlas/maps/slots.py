"""The maps of the atlas as files, and as a slot on a page: the map with its text alternative."""

from markupsafe import Markup

from atlas import csp, routes
from atlas.languages import LANGUAGES, url_prefix
from atlas.maps import documents
from atlas.pages import Language, environment

MAPS = f"{routes.GENERATED}/maps"


def site_path(lang: str, path: str) -> str:
    """Path in the built site of a file at path below a language's root."""
    return url_prefix(lang) + path


def docs_path(lang: str, path: str) -> str:
    """Path below docs/ of a file at path below a language's root."""
    return f"{lang}/{path}"


class Maps:
    def __init__(self, atlas, tiles: str):
        self.atlas = atlas
        self.tiles = documents.tile_provider(tiles)
        self.tile_origin = csp.tile_origin(self.tiles.url)
        self.policy = csp.map_policy(self.tile_origin)
        self.env = environment()

    def location(self, kind: str, key: str) -> tuple[str, bool]:
        """Where a map lives, below a language root or (for text-free maps) the site root."""
        if kind == "atlas":
            return f"{MAPS}/atlas.html", True
        if kind == "region":
            return f"{MAPS}/regions/{key}.html", True
        return f"maps/{kind}s/{key}.html", False

    def files(self) -> dict[str, str]:
        """Every map document, by its path below docs/."""
        out = {}
        for lang in LANGUAGES:
            speaker = Language(lang)
            path, _ = self.location("atlas", "atlas")
            out[docs_path(lang, path)] = self._render_atlas(speaker, site_path(lang, path))
            for region in self.atlas.regions.values():
                path, _ = self.location("region", region.id)
                title = speaker.t("map_of", name=speaker.text(region.name).value)
                fmap = documents.region_map(site_path(lang, path), title, self.atlas, region, speaker, self.tiles)
                out[docs_path(lang, path)] = documents.render(fmap, self.policy)
        for kind, record_id, points, title in self._small_maps():
            path, _ = self.location(kind, record_id)
            out[path] = documents.render(documents.points_map(path, title, points, self.tiles), self.policy)
        return out

    def _render_atlas(self, speaker, path: str) -> str:
        title = speaker.t("map_of", name=speaker.t("site_name"))
        return documents.render(documents.atlas_map(path, title, self.atlas, speaker, self.tiles), self.policy)

    def _colour(self, site) -> str:
        return self.atlas.term("categories", site.categories[0]).colour

    def _small_maps(self):
        colour = self._colour
        for site in self.atlas.sites.values():
            yield "site", site.id, [(site.location.lat, site.location.lon, colour(site))], site.name
        for pilot in self.atlas.pilots.values():
            points = [(p.lat, p.lon, "#d7191c") for p in pilot.places]
            points += [(s.location.lat, s.location.lon, colour(s)) for s in map(self.atlas.sites.get, pilot.sites)]
            yield "pilot", pilot.id, points, pilot.title.get("en") or next(iter(pilot.title.values()))

    def slot(self, kind: str, key: str, speaker, source: str) -> Markup:
        """The HTML of a map on the page made of source: the map's frame and the same places as a list."""
        path, per_language = self.location(kind, key)
        target = path if per_language else routes.site_root(speaker.code) + path
        # The slot's own template escapes every value it shows.
        return Markup(self.env.get_template("_map.html.j2").render(
            lang=speaker.code,
            l10n=speaker,
            t=speaker.t,
            src=routes.relative(source, target),
            title=self._title(kind, key, speaker),
            kind=kind,
            items=self._items(kind, key, speaker, source),
        ))

    def _title(self, kind, key, speaker) -> str:
        record = {"region": self.atlas.regions, "site": self.atlas.sites, "pilot": self.atlas.pilots}.get(kind, {}).get(key)
        if kind == "atlas":
            name = speaker.t("site_name")
        elif kind == "site":
            name = speaker.site_name(record)
        else:
            name = speaker.text(record.title if kind == "pilot" else record.name).value
        return speaker.t("map_of", name=name)

    def _items(self, kind, key, speaker, source):
        """(name, link or None, detail) for each place shown on the map."""
        atlas = self.atlas

        def link(site):
            return routes.relative(source, routes.record_page("site", site.id))

        def detail(site):
            return ", ".join(speaker.text(atlas.term("categories", c).label).value for c in site.categories)

        if kind == "atlas":
            sites = atlas.sites.values()
        elif kind == "region":
            sites = atlas.sites_of(key)
        elif kind == "site":
            site = atlas.sites[key]
            return [(speaker.site_name(site), None, speaker.coordinates(site.location.lat, site.location.lon))]
        else:
            pilot = atlas.pilots[key]
            places = [(speaker.text(p.name).value, None, speaker.coordinates(p.lat, p.lon)) for p in pilot.places]
            sites = [atlas.sites[s] for s in pilot.sites]
            return places + [(speaker.site_name(s), link(s), detail(s)) for s in sites]
        ordered = sorted(sites, key=lambda s: (s.region, speaker.site_name(s).casefold()))
        return [(speaker.site_name(s), link(s), f"{speaker.text(atlas.regions[s.region].name).value} · {detail(s)}") for s in ordered]
