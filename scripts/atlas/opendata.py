"""The open data of the atlas: every site with its texts in all languages, as GeoJSON and CSV."""

import csv
import io
import json

from atlas import routes
from atlas.escaping import csv_cell
from atlas.languages import LANGUAGES
from atlas.pages.templating import TEMPLATES

LICENCE = "CC-BY-4.0"
README = (TEMPLATES / "opendata-README.txt").read_text(encoding="utf-8")


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
