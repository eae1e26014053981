"""The checked records of the atlas, as one object that every stage after loading reads."""

from dataclasses import dataclass, field
from functools import cached_property

from atlas.records.geo import KM_PER_DEGREE_LATITUDE, distance_km
from atlas.records.kinds import Kind
from atlas.records.schema import Mirrors, Partner, Pilot, Region, Site, Taxonomy, Term
from atlas.records.source import Document


@dataclass
class Atlas:
    """Every record, checked, with the document each came from.

    Pages ask for a term, or for the sites of a region or term, tens of thousands of times: the
    answers come from indexes built on first use, so the records must not change after that.
    """

    taxonomy: Taxonomy
    mirrors: Mirrors | None = None
    regions: dict[str, Region] = field(default_factory=dict)
    partners: dict[str, Partner] = field(default_factory=dict)
    pilots: dict[str, Pilot] = field(default_factory=dict)
    sites: dict[str, Site] = field(default_factory=dict)
    documents: dict[tuple[str, str], Document] = field(default_factory=dict)
    # Ids of records whose files could not be read; references to them are not reported again.
    unreadable: set[str] = field(default_factory=set)

    def table(self, kind: Kind) -> dict:
        """The records of one kind, by id."""
        return getattr(self, kind.plural)

    def with_pages(self, kind: Kind) -> list:
        """The records, or taxonomy terms, of a kind that has a page for each."""
        return list(getattr(self.taxonomy, kind.vocabulary) if kind.vocabulary else self.table(kind).values())

    def term(self, vocabulary: str, term_id: str) -> Term:
        return self._terms[(vocabulary, term_id)]

    def sites_of(self, region_id: str) -> list[Site]:
        return list(self._site_groups.get(("region", region_id), ()))

    def sites_in(self, vocabulary: str, term_id: str) -> list[Site]:
        """The sites of one category or time layer."""
        return list(self._site_groups.get((vocabulary, term_id), ()))

    @cached_property
    def _terms(self) -> dict[tuple[str, str], Term]:
        # A term given twice (which validation reports) is found as its first.
        terms = {}
        for vocabulary in type(self.taxonomy).model_fields:
            for term in getattr(self.taxonomy, vocabulary):
                terms.setdefault((vocabulary, term.id), term)
        return terms

    @cached_property
    def _site_groups(self) -> dict[tuple[str, str], list[Site]]:
        """The sites of each region, category and time layer, in record order."""
        groups: dict[tuple[str, str], list[Site]] = {}
        for site in self.sites.values():
            keys = [("region", site.region), *(("categories", c) for c in site.categories), *(("layers", t) for t in site.layers)]
            for key in dict.fromkeys(keys):
                groups.setdefault(key, []).append(site)
        return groups

    def pilots_of(self, region_id: str) -> list[Pilot]:
        return [p for p in self.pilots.values() if region_id in p.region_ids]

    def regional_language(self, pilot: Pilot) -> str | None:
        """The language a pilot's texts fall back to after English: its region's, if it has one region."""
        regions = [self.regions[r] for r in pilot.region_ids if r in self.regions]
        return regions[0].language if len(regions) == 1 else None

    def sites_named(self, ids: list[str]) -> list[Site]:
        return [self.sites[i] for i in ids]

    def pilots_at(self, site_id: str) -> list[Pilot]:
        return [p for p in self.pilots.values() if site_id in p.sites]

    def nearest(self, count: int) -> dict[str, list[tuple[Site, float]]]:
        """For every site, the count other sites closest to it with their distance in km; ties by id.

        Sites are swept in order of latitude: a neighbour farther north or south than the
        count-th best distance so far cannot be nearer, so each search stops early.
        """
        by_latitude = sorted(self.sites.values(), key=lambda s: (s.location.lat, s.id))
        return {site.id: _nearest(by_latitude, i, count) for i, site in enumerate(by_latitude)}


def _nearest(by_latitude: list[Site], index: int, count: int) -> list[tuple[Site, float]]:
    here = by_latitude[index].location
    best: list[tuple[float, str, Site]] = []
    for step in (-1, 1):
        i = index + step
        while 0 <= i < len(by_latitude):
            other = by_latitude[i]
            if len(best) == count and KM_PER_DEGREE_LATITUDE * abs(other.location.lat - here.lat) > best[-1][0]:
                break
            km = distance_km(here.lat, here.lon, other.location.lat, other.location.lon)
            best = sorted([*best, (km, other.id, other)])[:count]
            i += step
    return [(other, km) for km, _, other in best]
