"""Folium elements that Folium itself lacks: a site layer from GeoJSON, a filter, a near-me list,
the view kept in the address; and the Folium elements that every map document has, written out as they are.

Each of ours is a small MacroElement with its template beside it, in Folium's style; the behaviour
is in the self-hosted atlas-map.js, which each element names as its JavaScript dependency.

Branca compiles the output of every MacroElement's macros as a new template before it writes it
out, so record text inside that output would run as Jinja code. Our elements carry record data,
so they hand their output to the document as it is (`Verbatim`) and never to that compiler. So
do Folium's map, tiles, bounds, circles and rectangle that our documents use: their output holds
no template syntax, so it reads the same, and that compiling was most of the time it took to make
the small map of each of 2,500 sites.
"""

import folium
from branca.element import Element, Figure, MacroElement
from folium.elements import JSCSSMixin
from folium.map import FitBounds
from jinja2.sandbox import ImmutableSandboxedEnvironment

from atlas.escaping import script_json

_TEMPLATES = ImmutableSandboxedEnvironment(autoescape=True)


class Verbatim(Element):
    """Finished output that the document writes as it is."""

    def __init__(self, text: str):
        super().__init__()
        self.text = text

    def render(self, **kwargs) -> str:
        return self.text


class DataElement(MacroElement):
    """A MacroElement whose output, which may hold record data, is never compiled as a template."""

    def render(self, **kwargs):
        figure = self.get_root()
        assert isinstance(figure, Figure), "a map element renders only inside a map document"
        macros = self._template.module.__dict__
        for part in ("header", "html", "script"):
            if part in macros:
                getattr(figure, part).add_child(Verbatim(str(macros[part](self, kwargs))), name=self.get_name())
        for child in self._children.values():
            child.render(**kwargs)


# Folium's own elements, each written out as it is (DataElement comes before MacroElement in their order).
class Map(folium.Map, DataElement):
    pass


class TileLayer(folium.TileLayer, DataElement):
    pass


class Bounds(FitBounds, DataElement):
    pass


class CircleMarker(folium.CircleMarker, DataElement):
    pass


class Rectangle(folium.Rectangle, DataElement):
    pass


class AtlasSites(JSCSSMixin, DataElement):
    """The sites of a map as one layer inside a marker cluster group (its parent).

    The sites come from the language's map data (maps/data.py), a script that every map document
    of that language loads, so the browser fetches them once; options say which region, if any,
    and where the language's root lies, for the links to the sites' pages.
    """

    _template = _TEMPLATES.from_string(
        """{% macro script(this, kwargs) %}
var {{ this.get_name() }} = AtlasMap.sites({{ this.map.get_name() }}, {{ this.cluster_name }}, {{ this.options }});
{% endmacro %}"""
    )

    def __init__(self, options: dict, fmap, assets: list):
        super().__init__()
        self._name = "AtlasSites"
        self.options = script_json(options)
        self.map = fmap
        self.default_js = assets

    @property
    def cluster_name(self) -> str:
        return self._parent.get_name()


class SiteControl(DataElement):
    """A control over the sites of an AtlasSites layer; `function` names its builder in atlas-map.js."""

    function = ""
    _template = _TEMPLATES.from_string(
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


class ShareableView(JSCSSMixin, SiteControl):
    """The map's view (filters, zoom and centre, the open site) kept in the address, so that the back
    button steps through it and a link restores it, and a button that copies that link; its
    behaviour is atlas-map-view.js, the asset it is given."""

    function = "view"

    def __init__(self, sites: AtlasSites, options: dict, assets: list):
        super().__init__(sites, options)
        self.default_js = assets
