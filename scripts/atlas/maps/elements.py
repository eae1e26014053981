"""Folium elements that Folium itself lacks: a site layer from GeoJSON, a filter, a near-me list.

Each is a small MacroElement with its template beside it, in Folium's style; the behaviour is in
the self-hosted atlas-map.js, which each element names as its JavaScript dependency.
"""

import json

from branca.element import MacroElement
from folium.elements import JSCSSMixin
from jinja2 import Template
from markupsafe import Markup


def script_json(value: object) -> Markup:
    """Compact JSON that is safe inside a <script> element."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


class AtlasSites(JSCSSMixin, MacroElement):
    """All sites of a map as one GeoJSON layer inside a marker cluster group (its parent)."""

    _template = Template(
        """{% macro script(this, kwargs) %}
var {{ this.get_name() }} = AtlasMap.sites({{ this.map.get_name() }}, {{ this._parent.get_name() }}, {{ this.data }}, {{ this.legend }});
{% endmacro %}"""
    )

    def __init__(self, geojson: dict, legend: dict, fmap, assets: list):
        super().__init__()
        self._name = "AtlasSites"
        self.data = script_json(geojson)
        self.legend = script_json(legend)
        self.map = fmap
        self.default_js = assets


class SiteControl(MacroElement):
    """A control over the sites of an AtlasSites layer; `function` names its builder in atlas-map.js."""

    function = ""
    _template = Template(
        """{% macro script(this, kwargs) %}
AtlasMap.{{ this.function }}({{ this.sites.get_name() }}, {{ this.options }});
{% endmacro %}"""
    )

    def __init__(self, sites: AtlasSites, options: dict):
        super().__init__()
        self._name = type(self).__name__
        self.sites = sites
        self.options = script_json(options)


class SiteFilter(SiteControl):
    """Checkboxes that show and hide sites by category, time layer and region."""

    function = "filter"


class NearMe(SiteControl):
    """A button that, when pressed, asks for the reader's location and lists the closest sites."""

    function = "nearMe"
