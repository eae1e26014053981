"""The record types of the atlas: one definition that validates the YAML and yields JSON Schema."""

import re
from dataclasses import dataclass
from functools import cached_property
from typing import Annotated, Literal
from urllib.parse import urlsplit

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

from atlas.languages import LanguageCode
from atlas.records import prose


@dataclass(frozen=True)
class Rule:
    """A pattern that a value must match, and what such a value is, in a partner's words."""

    pattern: str
    wording: str


SLUG = Rule(r"^[a-z0-9]+(-[a-z0-9]+)*$", "an id of lower-case letters, digits and hyphens, like 'august-horch-museum'")
COUNTRY = Rule(r"^[A-Z]{2}$", "a two-letter country code in capitals, like DE or CZ")
DATE = Rule(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$", "a date written YYYY, YYYY-MM or YYYY-MM-DD, in quotes")
WIKIDATA = Rule(r"^Q[1-9]\d*$", "a Wikidata id, like Q560530")
COLOUR = Rule(r"^#[0-9a-f]{6}$", "a colour like #1f78b4")
HOST = Rule(r"^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$", "a host name in lower case, like example.org")
PATH = Rule(r"^/\S*$", "a path that starts with /")
NOT_EMPTY = Rule(r"\S", "a text that is not empty")
# The wording of each rule by its pattern, for the messages of validation (messages.py).
RULES = {rule.pattern: rule.wording for rule in (SLUG, COUNTRY, DATE, WIKIDATA, COLOUR, HOST, PATH, NOT_EMPTY)}

Slug = Annotated[
    str,
    StringConstraints(pattern=SLUG.pattern),
    Field(description="Lower-case id: letters a-z, digits and single hyphens"),
]
Country = Annotated[
    str, StringConstraints(pattern=COUNTRY.pattern), Field(description="ISO 3166-1 alpha-2 code")
]
# Characters a reader cannot see that change how text reads: controls, line and paragraph
# separators, and the direction overrides of "Trojan Source" (CVE-2021-42574).
_INVISIBLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _visible(value: str) -> str:
    found = _INVISIBLE.search(value)
    if found:
        raise ValueError(f"contains the invisible character U+{ord(found.group()):04X}: remove it")
    return value


def _one_line(value: str) -> str:
    if "\n" in value:
        raise ValueError("must be one line: remove the line break")
    return value


def _markdown_subset(value: str) -> str:
    found = prose.problem(value)
    if found:
        raise ValueError(found)
    return value


Prose = Annotated[str, StringConstraints(min_length=1, pattern=NOT_EMPTY.pattern), AfterValidator(_visible)]
Line = Annotated[Prose, AfterValidator(_one_line)]
PartialDate = Annotated[
    str,
    StringConstraints(pattern=DATE.pattern),
    Field(description="YYYY, YYYY-MM or YYYY-MM-DD, in quotes"),
]
WikidataId = Annotated[str, StringConstraints(pattern=WIKIDATA.pattern)]

_WEB_URL = re.compile(r"^https?://[^\s/?#]+\.[^\s/?#.]+([/?#][^\s]*)?$")


def _web_url(value: str) -> str:
    if not _WEB_URL.match(value):
        raise ValueError("must be a web address starting with https:// or http://")
    return value


Url = Annotated[
    str,
    AfterValidator(_web_url),
    Field(json_schema_extra={"pattern": _WEB_URL.pattern, "format": "uri"}),
]
Text = Annotated[
    dict[LanguageCode, Prose],
    Field(
        min_length=1,
        description="A text in each of the eight languages: en cs de it sl hr pl nl; paragraphs apart by a blank line",
    ),
]
Description = Annotated[
    dict[LanguageCode, Annotated[Prose, AfterValidator(_markdown_subset)]],
    Field(
        min_length=1,
        description=f"A text in each of the eight languages: en cs de it sl hr pl nl; {prose.SUBSET}; HTML is shown as text",
    ),
]
Name = Annotated[
    dict[LanguageCode, Line],
    Field(min_length=1, description="A name in each of the eight languages: en cs de it sl hr pl nl, one line each"),
]
Sources = Annotated[list[Url], Field(min_length=1, description="Public pages the facts come from")]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class Point(Strict):
    lat: Annotated[float, Field(ge=-90, le=90)]
    lon: Annotated[float, Field(ge=-180, le=180)]


class Place(Point):
    name: Name


class BoundingBox(Strict):
    south: Annotated[float, Field(ge=-90, le=90)]
    west: Annotated[float, Field(ge=-180, le=180)]
    north: Annotated[float, Field(ge=-90, le=90)]
    east: Annotated[float, Field(ge=-180, le=180)]


class Period(Strict):
    start: PartialDate
    end: PartialDate | None = None


class Region(Strict):
    """A partner region of InduCult2.0."""

    id: Slug
    country: Country
    language: LanguageCode = Field(description="The region's own language")
    partner: Slug = Field(description="Id of the region's partner organisation")
    name: Name
    summary: Text
    description: Description
    centre: Point
    bbox: BoundingBox
    website: Url
    sources: Sources


class Partner(Strict):
    """A partner organisation: one per region, and the scientific partners."""

    id: Slug
    kind: Literal["regional", "scientific"]
    lead: bool = False
    name: Name
    native_name: Line
    city: Name | None = Field(None, description="The seat of the organisation, where a source confirms it")
    country: Country
    website: Url | None = Field(None, description="The official website, where a source confirms it")
    region: Slug | None = Field(None, description="For regional partners: id of their region")
    sources: Sources


class Pilot(Strict):
    """A pilot action run by a region to test Living Industrial Culture in practice."""

    id: Slug
    region: Slug | None = Field(None, description="The region, for a pilot action in regions/<region>/pilots/")
    regions: list[Slug] = Field(
        [], description="The regions, for a pilot action of several regions in regions/_project/pilots/ (two or more)"
    )
    theme: Slug = Field(description="One of the project's four themes (taxonomy.yml)")
    title: Name
    summary: Text
    description: Description
    period: Period | None = Field(None, description="When it ran, as far as a source dates it")
    places: Annotated[list[Place], Field(min_length=1)]
    sectors: Annotated[list[Slug], Field(min_length=1)]
    sites: list[Slug] = []
    sources: Sources

    @property
    def region_ids(self) -> list[str]:
        return [self.region] if self.region else self.regions


class Site(Strict):
    """A place of industrial culture: heritage, working industry or a place of the future."""

    id: Slug
    region: Slug
    name: Line = Field(description="The native name, as the place calls itself")
    names: Name | None = Field(None, description="Names in other languages, where they differ")
    categories: Annotated[list[Slug], Field(min_length=1)]
    layers: Annotated[list[Slug], Field(min_length=1, description="past, present, future")]
    location: Point
    approximate: bool = Field(
        False,
        description="true when the coordinates are those of the town or area a source names, not of the place itself",
    )
    extent: Literal["line", "area"] | None = Field(
        None,
        description=(
            "line: a railway, tunnel, canal, route or circuit; area: a landscape, lake, park, mining district, "
            "village or town quarter. The point then marks one spot of it"
        ),
    )
    address: Line | None = None
    website: Url | None = None
    wikidata: WikidataId | None = None
    same_complex: list[Slug] = Field([], description="Sites of the same complex")
    description: Description
    sources: Sources


class Term(Strict):
    id: Slug
    label: Name
    description: Text | None = None
    colour: Annotated[str, StringConstraints(pattern=COLOUR.pattern)] | None = None


class Taxonomy(Strict):
    """The project-wide vocabularies with their labels."""

    themes: Annotated[list[Term], Field(min_length=1)]
    categories: Annotated[list[Term], Field(min_length=1)]
    layers: Annotated[list[Term], Field(min_length=1)]
    sectors: Annotated[list[Term], Field(min_length=1)]


class Mirror(Strict):
    """A host that copies other sites' pages; records cite the page it copies instead."""

    host: Annotated[
        str,
        StringConstraints(pattern=HOST.pattern),
        Field(description="The host name, lower case; it covers its subdomains too"),
    ]
    path: Annotated[str, StringConstraints(pattern=PATH.pattern)] | None = Field(None, description="Only addresses whose path starts with this")
    copies: Line = Field(description="What it copies, for the message a partner reads")

    def covers(self, url: str) -> bool:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
        on_host = host == self.host or host.endswith("." + self.host)
        return on_host and parts.path.startswith(self.path or "/")


class Mirrors(Strict):
    """The hosts that copy other sites (regions/_project/source-mirrors.yml)."""

    mirrors: Annotated[list[Mirror], Field(min_length=1)]

    def covering(self, url: str) -> Mirror | None:
        # Nearly every address lies on no mirror's host: one look-up of its host and the domains
        # above it settles those, instead of parsing it again for each mirror.
        if self.hosts.isdisjoint(_domains(url)):
            return None
        return next((mirror for mirror in self.mirrors if mirror.covers(url)), None)

    @cached_property
    def hosts(self) -> frozenset[str]:
        return frozenset(mirror.host for mirror in self.mirrors)


def _domains(url: str) -> set[str]:
    """The address's host (lower case) and every domain above it: a.b.org, b.org, org."""
    labels = (urlsplit(url).hostname or "").lower().split(".")
    return {".".join(labels[i:]) for i in range(len(labels))}


# The folder of project-wide records, beside the regions' folders.
PROJECT = "_project"
