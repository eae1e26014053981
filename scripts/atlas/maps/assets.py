"""The self-hosted front-end files that map documents load, by their path in the built site."""

import posixpath

LEAFLET = "assets/vendor/leaflet-1.9.4"
MARKERCLUSTER = "assets/vendor/leaflet.markercluster-1.5.3"
ATLAS = "assets/atlas"

MAP_JS = [("leaflet", f"{LEAFLET}/leaflet.js")]
MAP_CSS = [("leaflet_css", f"{LEAFLET}/leaflet.css"), ("atlas_map_css", f"{ATLAS}/atlas-map.css")]
CLUSTER_JS = [("markerclusterjs", f"{MARKERCLUSTER}/leaflet.markercluster.js")]
CLUSTER_CSS = [
    ("markerclustercss", f"{MARKERCLUSTER}/MarkerCluster.css"),
    ("markerclusterdefaultcss", f"{MARKERCLUSTER}/MarkerCluster.Default.css"),
]
ATLAS_JS = [("atlas_map", f"{ATLAS}/atlas-map.js")]
VIEW_JS = [("atlas_map_view", f"{ATLAS}/atlas-map-view.js")]


def linked_from(document: str, assets: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The asset list with each path made relative to the map document at `document`."""
    here = posixpath.dirname(document) or "."
    return [(name, posixpath.relpath(path, here)) for name, path in assets]
