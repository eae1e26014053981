"""Checks across records: ids match files, references resolve, places lie in their region."""

from functools import partial
from pathlib import Path, PurePosixPath

from atlas.records import kinds
from atlas.records.geo import distance_to_box_km
from atlas.records.problems import Problem

REGION_REACH_KM = 25


def check(atlas, regions_dir: Path) -> list[Problem]:
    return [
        *_taxonomy(atlas),
        *_file_names(atlas, regions_dir),
        *_regions(atlas),
        *_partners(atlas),
        *_pilots(atlas),
        *_sites(atlas),
        *_mirrored_sources(atlas),
    ]


def _refer(atlas, kind, record_id, location, wanted, table, what):
    """A problem if the id at location does not name a record of the given table."""
    if wanted in table or wanted in atlas.unreadable:
        return []
    doc = atlas.documents[(kind, record_id)]
    return [doc.problem(location, f"there is no {what} '{wanted}'{_known(table)}")]


def _refer_each(refer, field: str, ids: list[str], table, what: str):
    """A problem for each id in the list field that names no record of the table."""
    return [problem for i, wanted in enumerate(ids) for problem in refer((field, i), wanted, table, what)]


def _known(table) -> str:
    ids = sorted(table)
    return f"; known: {', '.join(ids)}" if len(ids) <= 16 else ""


def _terms(atlas, vocabulary):
    return {t.id: t for t in getattr(atlas.taxonomy, vocabulary)}


def _taxonomy(atlas):
    doc = atlas.documents[("taxonomy", "taxonomy")]
    problems = []
    for vocabulary in ("themes", "categories", "layers", "sectors"):
        seen = set()
        for i, term in enumerate(getattr(atlas.taxonomy, vocabulary)):
            if term.id in seen:
                problems.append(doc.problem((vocabulary, i, "id"), f"'{term.id}' is given twice in {vocabulary}"))
            seen.add(term.id)
    return problems


def _records(atlas):
    """(kind, record, document) of every record that has a file of its own."""
    for kind in kinds.RECORDS:
        for record_id, record in atlas.table(kind).items():
            yield kind, record, atlas.documents[(kind.name, record_id)]


def _file_names(atlas, regions_dir):
    problems = []
    for kind, record, doc in _records(atlas):
        place = kinds.at(PurePosixPath(doc.path).relative_to(regions_dir.name))
        if record.id != place.id:
            where = "folder" if kind is kinds.REGION else "file"
            problems.append(doc.problem(("id",), f"the id '{record.id}' must match the {where} name '{place.id}'"))
        if kind is kinds.SITE:
            problems += _in_its_region_folder(doc, place.region, record.region)
        if kind is kinds.PILOT:
            problems += _pilot_placed(doc, place.region, record)
    return problems


def _in_its_region_folder(doc, folder: str, region: str | None):
    if region != folder:
        return [doc.problem(("region",), f"this record is in the folder of '{folder}' but says region '{region}'")]
    return []


def _pilot_placed(doc, folder: str | None, pilot):
    """A pilot of one region lives in that region's folder; one of several regions in _project/pilots/."""
    if folder is not None:
        if pilot.regions:
            return [doc.problem(("regions",), "a pilot action in a region's folder names its one region with 'region', not 'regions'")]
        return _in_its_region_folder(doc, folder, pilot.region)
    if pilot.region is not None:
        return [doc.problem(("region",), "a pilot action in regions/_project/pilots/ names its regions with 'regions' (two or more); move a pilot of one region to that region's pilots/ folder")]
    if len(set(pilot.regions)) < 2:
        return [doc.problem(("regions",) if pilot.regions else (), "a pilot action in regions/_project/pilots/ needs 'regions': the ids of two or more regions")]
    return []


def _regions(atlas):
    problems = []
    for region in atlas.regions.values():
        doc = atlas.documents[("region", region.id)]
        problems += _refer(atlas, "region", region.id, ("partner",), region.partner, atlas.partners, "partner")
        box = region.bbox
        if box.south >= box.north or box.west >= box.east:
            problems.append(doc.problem(("bbox",), "the bounding box must have south < north and west < east"))
        elif distance_to_box_km(region.centre.lat, region.centre.lon, box) > 0:
            problems.append(doc.problem(("centre",), "the centre lies outside the region's bounding box"))
    return problems


def _partners(atlas):
    problems = []
    for partner in atlas.partners.values():
        doc = atlas.documents[("partner", partner.id)]
        if partner.kind == "regional" and partner.region is None:
            problems.append(doc.problem((), "a regional partner needs 'region': the id of its region"))
        if partner.kind == "scientific" and partner.region is not None:
            problems.append(doc.problem(("region",), "a scientific partner has no region; remove 'region'"))
        if partner.region is not None:
            problems += _refer(atlas, "partner", partner.id, ("region",), partner.region, atlas.regions, "region")
            region = atlas.regions.get(partner.region)
            if region is not None and region.partner != partner.id:
                problems.append(doc.problem(("region",), f"region '{region.id}' names '{region.partner}' as its partner, not '{partner.id}'"))
    return problems


def _pilots(atlas):
    problems = []
    themes, sectors = _terms(atlas, "themes"), _terms(atlas, "sectors")
    for pilot in atlas.pilots.values():
        refer = partial(_refer, atlas, "pilot", pilot.id)
        if pilot.region is not None:
            problems += refer(("region",), pilot.region, atlas.regions, "region")
        problems += _refer_each(refer, "regions", pilot.regions, atlas.regions, "region")
        problems += refer(("theme",), pilot.theme, themes, "theme")
        problems += _refer_each(refer, "sectors", pilot.sectors, sectors, "stakeholder sector")
        problems += _refer_each(refer, "sites", pilot.sites, atlas.sites, "site")
        regions = [atlas.regions[r] for r in pilot.region_ids if r in atlas.regions]
        for i, place in enumerate(pilot.places):
            problems += _near_region(atlas, "pilot", pilot.id, ("places", i), place, regions)
        if pilot.period and pilot.period.end is not None and pilot.period.end < pilot.period.start:
            problems.append(atlas.documents[("pilot", pilot.id)].problem(("period", "end"), "the period ends before it starts"))
    return problems


def _sites(atlas):
    problems = []
    categories, layers = _terms(atlas, "categories"), _terms(atlas, "layers")
    for site in atlas.sites.values():
        refer = partial(_refer, atlas, "site", site.id)
        problems += refer(("region",), site.region, atlas.regions, "region")
        problems += _refer_each(refer, "categories", site.categories, categories, "category")
        problems += _refer_each(refer, "layers", site.layers, layers, "time layer")
        problems += _refer_each(refer, "same_complex", site.same_complex, atlas.sites, "site")
        region = atlas.regions.get(site.region)
        problems += _near_region(atlas, "site", site.id, ("location",), site.location, [region] if region else [])
    return problems


def _near_region(atlas, kind, record_id, location, point, regions):
    """A problem if the point lies farther than the reach from every one of the record's regions."""
    if not regions:
        return []
    off, region = min((distance_to_box_km(point.lat, point.lon, r.bbox), r.id) for r in regions)
    if off <= REGION_REACH_KM:
        return []
    doc = atlas.documents[(kind, record_id)]
    return [doc.problem(location, f"lat {point.lat}, lon {point.lon} lies {off:.0f} km outside region '{region}' (at most {REGION_REACH_KM} km allowed): check the coordinates, and that lat and lon are not swapped")]


def _cited(record) -> list[tuple[tuple, str]]:
    """(location, address) of every page a record cites: its sources and its website."""
    cited = [(("sources", i), url) for i, url in enumerate(record.sources)]
    website = getattr(record, "website", None)
    return cited + ([(("website",), website)] if website else [])


def _mirrored_sources(atlas):
    if atlas.mirrors is None:
        return []
    problems = []
    for _, record, doc in _records(atlas):
        for location, url in _cited(record):
            mirror = atlas.mirrors.covering(url)
            if mirror:
                problems.append(doc.problem(location, f"'{mirror.host}' is a copy ({mirror.copies}): cite the page it copies instead; copies are listed in regions/_project/source-mirrors.yml"))
    return problems
