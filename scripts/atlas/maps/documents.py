"""Folium map documents: the atlas map, region maps and the small maps of sites and pilots."""

import itertools

import folium
import xyzservices
from folium.plugins import MarkerCluster

from atlas import routes
from atlas.escaping import html_text
from atlas.maps import assets, data, elements
from atlas.maps.elements import AtlasSites, NearMe, ShareableView, SiteFilter
from atlas.site import csp

# The tile server when none is configured: an xyzservices name.
DEFAULT_TILES = "OpenStreetMap.Mapnik"


class UnknownTiles(ValueError):
    pass


def tile_provider(name: str) -> xyzservices.TileProvider:
    try:
        return xyzservices.providers.query_name(name)
    except ValueError:
        raise UnknownTiles(f"'{name}' is not a tile provider known to xyzservices (for example OpenStreetMap.Mapnik)") from None


def base_map(document: str, title: str, tiles: xyzservices.TileProvider, bounds) -> folium.Map:
    """An empty map in the site's own assets, showing bounds ((south, west), (north, east))."""
    (south, west), (north, east) = bounds
    fmap = elements.Map(location=[(south + north) / 2, (west + east) / 2], zoom_start=8, tiles=None, control_scale=True)
    fmap.default_js = assets.linked_from(document, assets.MAP_JS)
    fmap.default_css = assets.linked_from(document, assets.MAP_CSS)
    # Branca prints the title into <title> without escaping it.
    fmap.get_root().title = html_text(title)
    elements.TileLayer(tiles).add_to(fmap)
    fit = elements.Bounds([[south, west], [north, east]], max_zoom=15, padding=(30, 30))
    # The map opens on its bounds at once, rather than zooming there from Folium's starting view;
    # the view kept in the address (atlas-map-view.js) is measured from this first one.
    fit.options["animate"] = False
    fit.add_to(fmap)
    return fmap


def site_layer(fmap: folium.Map, document: str, speaker, region: str | None = None) -> AtlasSites:
    """The sites (of one region, or all) as one clustered layer, from the language's shared map data."""
    cluster = MarkerCluster(options={"showCoverageOnHover": False, "maxClusterRadius": 50})
    cluster.default_js = assets.linked_from(document, assets.CLUSTER_JS)
    cluster.default_css = assets.linked_from(document, assets.CLUSTER_CSS)
    cluster.add_to(fmap)
    root = routes.relative(document, speaker.prefix)
    site_data = [("atlas_sites", routes.site_path(speaker.code, routes.map_data()))]
    layer = AtlasSites(data.layer_options(speaker, region, root), fmap, assets.linked_from(document, assets.ATLAS_JS + site_data))
    layer.add_to(cluster)
    return layer


def shareable(fmap: folium.Map, document: str, layer: AtlasSites, speaker, page: str) -> None:
    """The map's view in the address, and the button that copies it; page is the source of the page that shows the map."""
    link = routes.relative(document, speaker.prefix + routes.directory_url(page))
    ShareableView(layer, data.view_options(speaker, link), assets.linked_from(document, assets.VIEW_JS)).add_to(fmap)


def bounds_of(points) -> tuple:
    lats, lons = [p[0] for p in points], [p[1] for p in points]
    return (min(lats), min(lons)), (max(lats), max(lons))


def atlas_map(document: str, title: str, atlas, speaker, tiles) -> folium.Map:
    sites = list(atlas.sites.values())
    boxes = [r.bbox for r in atlas.regions.values()]
    fmap = base_map(document, title, tiles, bounds_of([(b.south, b.west) for b in boxes] + [(b.north, b.east) for b in boxes]))
    layer = site_layer(fmap, document, speaker)
    SiteFilter(layer, data.filter_options(atlas, speaker, sites)).add_to(fmap)
    NearMe(layer, data.near_options(speaker)).add_to(fmap)
    shareable(fmap, document, layer, speaker, routes.index_page())
    return fmap


def region_map(document: str, title: str, atlas, region, speaker, tiles) -> folium.Map:
    box = region.bbox
    fmap = base_map(document, title, tiles, ((box.south, box.west), (box.north, box.east)))
    elements.Rectangle([[box.south, box.west], [box.north, box.east]], color="#555555", weight=1, dash_array="6 6", fill=False).add_to(fmap)
    sites = atlas.sites_of(region.id)
    if sites:
        layer = site_layer(fmap, document, speaker, region.id)
        SiteFilter(layer, data.filter_options(atlas, speaker, sites)).add_to(fmap)
        shareable(fmap, document, layer, speaker, routes.record_page("region", region.id))
    return fmap


def points_map(document: str, title: str, points, tiles) -> folium.Map:
    """A small map of a few points with no text on it, so that one document serves every language."""
    (south, west), (north, east) = bounds_of([(lat, lon) for lat, lon, _ in points])
    pad = 0.01
    fmap = base_map(document, title, tiles, ((south - pad, west - pad), (north + pad, east + pad)))
    for lat, lon, colour in points:
        elements.CircleMarker([lat, lon], radius=8, color="#ffffff", weight=2, fill=True, fill_color=colour, fill_opacity=1).add_to(fmap)
    return fmap


def render(fmap: folium.Map, policy: dict[str, list[str]], lang: str) -> str:
    """The map's HTML in language lang (which screen readers need to read it) under its
    Content-Security-Policy, with Folium's random element ids replaced by a counter so that builds repeat."""
    root = fmap.get_root()
    counter = itertools.count(1)

    def visit(element):
        element._id = f"{next(counter)}"
        for child in element._children.values():
            visit(child)

    visit(root)
    # Branca's document template writes a bare <html>.
    html = root.render().replace("<html>", f'<html lang="{lang}">', 1)
    return csp.protect(html, policy)
