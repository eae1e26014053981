"""The MkDocs plugin: generates the atlas pages before MkDocs collects its files.

MkDocs calls on_config once per build (and again on every `mkdocs serve` rebuild), while the
i18n plugin repeats the later events for each language; so the records are loaded, checked and
rendered here, once, for all eight languages.
"""

import re
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger

from atlas import routes
from atlas.languages import DEFAULT, LANGUAGES
from atlas.maps.documents import DEFAULT_TILES
from atlas.pages.speaker import Speaker
from atlas.records.problems import InvalidRecords
from atlas.site import csp, generate, search

log = get_plugin_logger(__name__)

SLOT = re.compile(r"<!--\s*atlas:([a-z-]+)\s*-->")


class AtlasConfig(Config):
    regions = c.Type(str, default="regions")
    tiles = c.Type(str, default=DEFAULT_TILES)


class AtlasPlugin(BasePlugin[AtlasConfig]):
    generated = None
    fingerprint = None

    def on_config(self, config):
        _check_languages(config)
        regions = Path(config.config_file_path).parent / self.config.regions
        # The i18n plugin runs on_config again for each language: generate once per state of the records.
        fingerprint = generate.fingerprint(regions)
        if self.generated is not None and fingerprint == self.fingerprint:
            return config
        try:
            self.generated = generate.generate(regions, Path(config.docs_dir), self.config.tiles)
            self.fingerprint = fingerprint
        except InvalidRecords as error:
            raise PluginError(f"The records have {len(error.problems)} problem(s):\n{error.report()}") from None
        except generate.SettingError as error:
            raise PluginError(f"mkdocs.yml: plugins.atlas.tiles: {error}") from None
        log.info(f"{self.generated.summary()}")
        return config

    def on_post_page(self, output, page, config):
        return csp.protect(output, self.page_policy())

    def on_post_template(self, output_content, template_name, config):
        """Pages that come from a theme template alone, such as 404.html."""
        if not template_name.endswith(".html"):
            return output_content
        # Every language's build writes its 404.html at the site root, where the host looks for it,
        # and the last one would win: keep the default language's (MkDocs skips an empty output).
        if template_name == "404.html" and config.theme["language"] != DEFAULT:
            return ""
        return csp.protect(output_content, self.page_policy())

    def page_policy(self) -> dict[str, list[str]]:
        return csp.page_policy(self.generated.maps.tile_origin)

    def on_serve(self, server, config, builder):
        server.watch(str(Path(config.config_file_path).parent / self.config.regions))
        return server

    def on_page_markdown(self, markdown, page, config, files):
        """Fill the slots (<!-- atlas:name -->) of hand-written pages in the page's language."""
        if not SLOT.search(markdown):
            return markdown
        speaker = Speaker(config.theme["language"])
        source = routes.source_of(page.file.src_uri)
        return SLOT.sub(lambda match: self.generated.pages.slot(match.group(1), speaker, source), markdown)

    # After the i18n plugin (priority -100), whose post_build builds every further language.
    @event_priority(-110)
    def on_post_build(self, config):
        if _builds_every_language(config):
            try:
                search.index_site(Path(config.site_dir))
            except search.IndexingFailed as error:
                raise PluginError(str(error)) from None


def _builds_every_language(config) -> bool:
    """Whether this post_build ends the build of all languages, so the whole site is there to index.

    The i18n plugin runs each further language's build, post_build included, inside the default
    language's post_build; a build of one language alone (build_only_locale) is indexed after the
    languages are put together into one site, not here.
    """
    i18n = config.plugins.get("i18n")
    return i18n is None or not (i18n.building or i18n.config.build_only_locale)


def _check_languages(config) -> None:
    """The i18n plugin must build exactly the atlas's languages (languages.py), with the same default."""
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return
    configured = [language.locale for language in i18n.config.languages]
    default = next((language.locale for language in i18n.config.languages if language.default), None)
    if sorted(configured) != sorted(LANGUAGES) or default != DEFAULT:
        raise PluginError(
            f"mkdocs.yml: plugins.i18n.languages has {', '.join(configured)} (default {default}), but the atlas "
            f"speaks {', '.join(LANGUAGES)} (default {DEFAULT}; scripts/atlas/languages.py): make them agree"
        )
