"""The site built one language per MkDocs process, side by side, then assembled into one site.

The i18n plugin builds the eight languages one after another in one process, and re-examines every
file of every language for each of them. Here each language is its own MkDocs build in its own
process: the records are generated once, before the processes fork, and each process builds one
language exactly as the i18n plugin's own loop would (same URL space: English at the root, the
others under /<lang>/, every page with its alternates in all languages), so that the assembled site
is the site `mkdocs build` makes, file for file.
"""

import logging
import multiprocessing
import os
import resource
import shutil
import subprocess
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from atlas.languages import DEFAULT, LANGUAGES
from atlas.site import search, sitemap

log = logging.getLogger("atlas.build")


class BuildFailed(Exception):
    """Some language did not build; the message names each one with what MkDocs said."""


@dataclass(frozen=True)
class LanguageBuild:
    lang: str
    seconds: float
    peak_memory_mb: float


def build_language(config_file: Path, lang: str, stage: Path) -> LanguageBuild:
    """Build one language into stage, as the i18n plugin builds it in a full build.

    mkdocs-static-i18n's own `build_only_locale` would build the language as the site's only one, at
    the root, with no alternates: each language would need its own copy of the theme's files and
    its links rewritten. Setting the plugin's current language instead (and marking a build as
    under way, which stops it from building the other languages after this one) keeps the site's
    one URL space; tests/test_builds.py compares the result with the full build. The atlas plugin
    keeps the other languages' files from the i18n plugin (alternates.py).
    """
    start = time.perf_counter()
    config = load_config(str(config_file), site_dir=str(stage))
    i18n = config.plugins["i18n"]
    i18n.current_language = lang
    i18n.building = True
    config.plugins["atlas"].language_build = lang
    build(config)
    return LanguageBuild(lang, time.perf_counter() - start, _peak_memory_mb())


def _peak_memory_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _build_in_worker(config_file: Path, lang: str, stage: Path) -> LanguageBuild | str:
    """A language's build, or what went wrong, as the worker process can send it back."""
    # Each worker's messages say which language they come from.
    logging.basicConfig(level=logging.WARNING, format=f"{lang}: %(levelname)s - %(message)s", force=True)
    try:
        return build_language(config_file, lang, stage)
    except MkDocsException as error:
        return f"{lang}: {error.message}"
    except Exception as error:  # noqa: BLE001 - any failure of one language fails the build, with its reason
        return f"{lang}: {type(error).__name__}: {error}"


def build_languages(config_file: Path, stages: Path, languages=LANGUAGES, jobs: int | None = None) -> list[LanguageBuild]:
    """Build each language into stages/<lang>, as many at once as there are cores."""
    _prepare(config_file)
    jobs = jobs or os.cpu_count() or 1
    # Forked workers inherit the generated files of _prepare, so no process generates them again.
    with ProcessPoolExecutor(max_workers=min(jobs, len(languages)), mp_context=multiprocessing.get_context("fork")) as pool:
        futures = [pool.submit(_build_in_worker, config_file, lang, stages / lang) for lang in languages]
        try:
            results = [future.result() for future in futures]
        except BrokenProcessPool:
            raise BuildFailed("a language build was stopped from outside (out of memory?); nothing was assembled") from None
    failures = [result for result in results if isinstance(result, str)]
    if failures:
        raise BuildFailed("\n".join(failures))
    return results


def _prepare(config_file: Path) -> None:
    """Generate the atlas's files once, in this process, for all language builds."""
    try:
        config = load_config(str(config_file))
        config.plugins["atlas"].on_config(config)
    except MkDocsException as error:
        raise BuildFailed(error.message) from None


def assemble(stages: Path, site_dir: Path) -> None:
    """One site from the language builds in stages/<lang>: the default language's build whole,
    each other language's own folder, one sitemap of all, one search index of all. The site appears
    whole or not at all."""
    missing = [lang for lang in LANGUAGES if not (stages / lang).is_dir()]
    if missing:
        raise BuildFailed(f"no build of {', '.join(missing)} in {stages}")
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    new = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-", dir=site_dir.parent))
    try:
        shutil.copytree(stages / DEFAULT, new, dirs_exist_ok=True)
        for lang in LANGUAGES:
            if lang != DEFAULT:
                shutil.copytree(stages / lang / lang, new / lang)
        sitemap.merge([stages / lang for lang in LANGUAGES], new)
        search.index_site(new)
        _replace(site_dir, new)
    except search.IndexingFailed as error:
        raise BuildFailed(str(error)) from None
    finally:
        shutil.rmtree(new, ignore_errors=True)


def _replace(site_dir: Path, new: Path) -> None:
    old = site_dir.with_name(f".{site_dir.name}-old")
    shutil.rmtree(old, ignore_errors=True)
    if site_dir.exists():
        site_dir.rename(old)
    new.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)


def build_site(config_file: Path, site_dir: Path, jobs: int | None = None) -> list[LanguageBuild]:
    """Every language built in parallel and assembled into site_dir."""
    with tempfile.TemporaryDirectory(prefix="atlas-stages-") as stages:
        builds = build_languages(config_file, Path(stages), LANGUAGES, jobs)
        assemble(Path(stages), site_dir)
    return builds


def date_by_last_commit(repository: Path) -> None:
    """Date the build by the last commit, so that two builds of one commit are the same, byte for byte.

    MkDocs dates the sitemap's lastmod and its gzip copy by SOURCE_DATE_EPOCH when it is set.
    """
    if "SOURCE_DATE_EPOCH" in os.environ:
        return
    result = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=repository, capture_output=True, text=True, check=False)
    if result.returncode == 0 and result.stdout.strip():
        os.environ["SOURCE_DATE_EPOCH"] = result.stdout.strip()
