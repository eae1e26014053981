"""The data behind the maps, per language: sites as GeoJSON, labels, filter and near-me options."""

from atlas import routes
from atlas.escaping import script_json
from atlas.pages.display import SiteEntries


def features(atlas, speaker) -> dict:
    """Every site as a GeoJSON FeatureCollection in one language, for all the maps of that language.

    Each site carries its list entry (pages/display.py): its name, and its region and categories
    as every list shows them; its page's URL is relative to the language's root.
    """
    entries = SiteEntries(atlas, speaker).by_id
    return {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [site.location.lon, site.location.lat]},
                "properties": {
                    "id": site.id,
                    "name": entries[site.id].name,
                    "meta": entries[site.id].meta(),
                    "url": routes.directory_url(entries[site.id].page),
                    "region": site.region,
                    "categories": site.categories,
                    "layers": site.layers,
                }
                | ({"extent": site.extent} if site.extent else {}),
            }
            for site in sorted(atlas.sites.values(), key=lambda s: s.id)
        ],
    }


def script(atlas, speaker) -> str:
    """The map data of one language as the script that map documents load: fetched once, then cached."""
    return f"AtlasMap.load({script_json({'sites': features(atlas, speaker), 'legend': legend(atlas, speaker)})});\n"


def legend(atlas, speaker) -> dict:
    """Colours and labels that markers and popups show, in one language."""
    return {
        "colours": {t.id: t.colour for t in atlas.taxonomy.categories},
        "layers": {t.id: speaker.text(t.label).value for t in atlas.taxonomy.layers},
        "extents": {extent: speaker.t(f"extent_{extent}") for extent in ("line", "area")},
    }


def filter_options(atlas, speaker, sites) -> dict:
    """The filter's groups, holding only the terms that occur on this map, in taxonomy order."""
    categories = {c for site in sites for c in site.categories}
    layers = {layer for site in sites for layer in site.layers}
    regions = {site.region for site in sites}
    return {
        "strings": strings(speaker, ("filter", "categories", "layers", "shown")) | {"regions": speaker.t("regions_filter")},
        "categories": [
            {"id": t.id, "label": speaker.text(t.label).value, "colour": t.colour}
            for t in atlas.taxonomy.categories
            if t.id in categories
        ],
        "layers": [{"id": t.id, "label": speaker.text(t.label).value} for t in atlas.taxonomy.layers if t.id in layers],
        "regions": [
            {"id": r.id, "label": speaker.text(r.name).value} for r in sorted(atlas.regions.values(), key=lambda r: r.id) if r.id in regions
        ],
    }


def near_options(speaker) -> dict:
    keys = ("near_me", "nearest", "km", "locating", "no_location")
    return {"lang": speaker.code, "count": 10, "strings": strings(speaker, keys)}


def layer_options(speaker, region: str | None, root: str) -> dict:
    """Which region's sites a map shows (None: all), where the language's root lies, and the words
    that its zoom buttons and clusters say to screen readers."""
    return {"region": region, "root": root, "strings": strings(speaker, ("zoom_in", "zoom_out", "cluster"))}


def view_options(speaker, page: str) -> dict:
    """The page that shows the map (a link from its document), for links to a view from other websites."""
    return {"page": page, "strings": strings(speaker, ("copy_link", "link_copied", "copy_manually"))}


def strings(speaker, keys) -> dict:
    return {key: speaker.raw(key) for key in keys}
