"""Every map document of the atlas, as files: the atlas map and region maps in each language, and
one small language-neutral map per site and per pilot action."""

from atlas import routes
from atlas.maps import data, documents
from atlas.pages.speaker import Speaker
from atlas.site import csp

PILOT_PLACE_COLOUR = "#d7191c"


class MapFiles:
    def __init__(self, atlas, tiles: str):
        self.atlas = atlas
        self.tiles = documents.tile_provider(tiles)
        self.tile_origin = csp.tile_origin(self.tiles.url)
        self.policy = csp.map_policy(self.tile_origin)

    def language_files(self, lang: str) -> dict[str, str]:
        """The map data and the map documents of one language, by path below docs/."""
        speaker = Speaker(lang)
        out = {routes.docs_path(lang, routes.map_data()): data.script(self.atlas, speaker)}
        path, _ = routes.map_document("atlas", "atlas")
        out[routes.docs_path(lang, path)] = self._atlas_map(speaker, routes.site_path(lang, path))
        for region in self.atlas.regions.values():
            path, _ = routes.map_document("region", region.id)
            out[routes.docs_path(lang, path)] = self._region_map(speaker, region, routes.site_path(lang, path))
        return out

    def small_map_files(self) -> dict[str, str]:
        """The small maps, shared by all languages, by path below docs/."""
        out = {}
        for kind, record_id, points, title, lang in self._small_maps():
            path, _ = routes.map_document(kind, record_id)
            out[path] = documents.render(documents.points_map(path, title, points, self.tiles), self.policy, lang)
        return out

    def _atlas_map(self, speaker: Speaker, path: str) -> str:
        title = speaker.t("map_of", name=speaker.t("site_name"))
        return documents.render(documents.atlas_map(path, title, self.atlas, speaker, self.tiles), self.policy, speaker.code)

    def _region_map(self, speaker: Speaker, region, path: str) -> str:
        title = speaker.t("map_of", name=speaker.text(region.name).value)
        return documents.render(documents.region_map(path, title, self.atlas, region, speaker, self.tiles), self.policy, speaker.code)

    def _colour(self, site) -> str:
        return self.atlas.term("categories", site.categories[0]).colour

    def _small_maps(self):
        """(kind, id, points, title, language of the title) of every small map; the title is the record's own name."""
        colour = self._colour
        for site in self.atlas.sites.values():
            native = self.atlas.regions[site.region].language
            yield "site", site.id, [(site.location.lat, site.location.lon, colour(site))], site.name, native
        for pilot in self.atlas.pilots.values():
            points = [(p.lat, p.lon, PILOT_PLACE_COLOUR) for p in pilot.places]
            points += [(s.location.lat, s.location.lon, colour(s)) for s in map(self.atlas.sites.get, pilot.sites)]
            lang = "en" if "en" in pilot.title else next(iter(pilot.title))
            yield "pilot", pilot.id, points, pilot.title[lang], lang
