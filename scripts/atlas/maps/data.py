"""The data behind the maps, per language, and the open data files of all sites."""

import csv
import io
import json
from pathlib import Path

from atlas import routes
from atlas.escaping import csv_cell
from atlas.languages import LANGUAGES

LICENCE = "CC-BY-4.0"
README = (Path(__file__).parent.parent / "templates" / "opendata-README.txt").read_text(encoding="utf-8")


def features(atlas, sites, speaker, document: str) -> dict:
    """The sites as a GeoJSON FeatureCollection in one language, linked from the map document.

    document is the map's path in the built site, so links add the language's folder themselves.
    """
    return {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [site.location.lon, site.location.lat]},
                "properties": {
                    "id": site.id,
                    "name": speaker.site_name(site),
                    "url": routes.relative(document, speaker.site_prefix + routes.directory_url(routes.record_page("site", site.id))),
                    "region": site.region,
                    "categories": site.categories,
                    "layers": site.layers,
                }
                | ({"extent": site.extent} if site.extent else {}),
            }
            for site in sorted(sites, key=lambda s: s.id)
        ],
    }


def legend(atlas, speaker) -> dict:
    """Labels and colours that the popups and filters show, in one language."""
    return {
        "categories": {t.id: {"label": speaker.text(t.label).value, "colour": t.colour} for t in atlas.taxonomy.categories},
        "layers": {t.id: speaker.text(t.label).value for t in atlas.taxonomy.layers},
        "regions": {r.id: speaker.text(r.name).value for r in atlas.regions.values()},
        "extents": {extent: speaker.t(f"extent_{extent}") for extent in ("line", "area")},
    }


def filter_options(atlas, speaker, sites) -> dict:
    """The filter's groups, holding only the terms that occur on this map, in taxonomy order."""
    categories = {c for site in sites for c in site.categories}
    layers = {layer for site in sites for layer in site.layers}
    regions = {site.region for site in sites}
    return {
        "strings": {key: speaker.raw(key) for key in ("filter", "categories", "layers", "shown")}
        | {"regions": speaker.t("regions_filter")},
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
    return {"lang": speaker.code, "count": 10, "strings": {key: speaker.raw(key) for key in keys}}


def open_geojson(atlas) -> str:
    """All sites with their texts in every language, as published open data."""
    collection = {
        "type": "FeatureCollection",
        "licence": LICENCE,
        "attribution": "InduCult2.0 Atlas",
        "features": [
            {
                "type": "Feature",
                "id": site.id,
                "geometry": {"type": "Point", "coordinates": [site.location.lon, site.location.lat]},
                "properties": _open_properties(site),
            }
            for site in sorted(atlas.sites.values(), key=lambda s: s.id)
        ],
    }
    return json.dumps(collection, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def _open_properties(site) -> dict:
    return {
        "id": site.id,
        "region": site.region,
        "name": site.name,
        "names": site.names or {},
        "categories": site.categories,
        "layers": site.layers,
        "approximate": site.approximate,
        "extent": site.extent,
        "address": site.address,
        "website": site.website,
        "wikidata": site.wikidata,
        "description": site.description,
        "page": routes.directory_url(routes.record_page("site", site.id)),
        "sources": site.sources,
    }


CSV_FIELDS = (
    ["id", "region", "name", "lat", "lon", "approximate", "extent", "categories", "layers", "address", "website", "wikidata", "page", "sources"]
    + [f"name_{lang}" for lang in LANGUAGES]
    + [f"description_{lang}" for lang in LANGUAGES]
)


def open_csv(atlas) -> str:
    """The same sites as one CSV table; lists are joined with '|'.

    Text cells that a spreadsheet would run as a formula start with a quote (see csv_cell);
    lat and lon stay numbers.
    """
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_FIELDS, lineterminator="\n")
    writer.writeheader()
    for site in sorted(atlas.sites.values(), key=lambda s: s.id):
        props = _open_properties(site)
        row = {key: props.get(key) or "" for key in CSV_FIELDS if key in props}
        row |= {key: "|".join(props[key]) for key in ("categories", "layers", "sources")}
        row |= {f"name_{lang}": (site.names or {}).get(lang, "") for lang in LANGUAGES}
        row |= {f"description_{lang}": site.description.get(lang, "") for lang in LANGUAGES}
        row = {key: csv_cell(value) if isinstance(value, str) else value for key, value in row.items()}
        row |= {"lat": site.location.lat, "lon": site.location.lon, "approximate": str(site.approximate).lower()}
        writer.writerow(row)
    return out.getvalue()
