"""A document of every kind the site serves, per language, with record ids taken from the real records."""

from atlas import routes
from atlas.languages import DEFAULT
from atlas.pages import lists

# The hand-written pages about the project, all of one kind.
PROJECT = ["about/", "themes/", "outputs/", "method/", "partnership/", "programme/"]
# {site}, {pilot} and the like are filled in from the records; {list} is the second page of a long list.
PAGES = [
    "", *PROJECT, "atlas/", "atlas/regions/", "atlas/regions/{region}/", "atlas/pilots/", "atlas/pilots/{pilot}/",
    "atlas/sites/", "atlas/sites/{site}/", "atlas/partners/", "atlas/partners/{partner}/",
    "atlas/categories/", "atlas/categories/{category}/", "atlas/layers/", "atlas/layers/{layer}/",
    "{list}", "atlas/data/", "atlas/translations/",
]
MAPS = ["atlas/maps/atlas.html", "atlas/maps/regions/{region}.html"]
# Only the default language's 404 page is published, at the root, where hosts look for it.
NOT_FOUND = "404.html"


def pages(atlas, lang: str, project: tuple[str, ...] = tuple(PROJECT)) -> list[str]:
    """Site paths of a page of every kind in lang, with the project pages in project."""
    kept = [page for page in PAGES if page not in PROJECT or page in project]
    return _fill(atlas, lang, kept) + ([NOT_FOUND] if lang == DEFAULT else [])


def maps(atlas, lang: str) -> list[str]:
    """Site paths of the map documents in lang that carry text."""
    return _fill(atlas, lang, MAPS)


def _fill(atlas, lang: str, patterns: list[str]) -> list[str]:
    ids = {
        "region": min(atlas.regions), "pilot": min(atlas.pilots), "site": min(atlas.sites), "partner": min(atlas.partners),
        "category": atlas.taxonomy.categories[0].id, "layer": atlas.taxonomy.layers[0].id,
        "list": routes.directory_url(lists.long_lists(atlas)[0].page(2)),
    }
    return [routes.site_path(lang, pattern.format(**ids)) for pattern in patterns]
