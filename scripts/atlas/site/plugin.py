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
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger

from atlas import routes
from atlas.languages import DEFAULT, LANGUAGES
from atlas.maps.documents import DEFAULT_TILES
from atlas.pages.speaker import Speaker
from atlas.pages.strings import catalogue
from atlas.records.problems import InvalidRecords
from atlas.site import alternates, csp, edits, generate, parts, search, sharing

log = get_plugin_logger(__name__)

SLOT = re.compile(r"<!--\s*atlas:([a-z-]+)\s*-->")
# Where mkdocs.yml holds each setting of the generator.
SETTINGS = {"tiles": "plugins.atlas.tiles", "site_url": "site_url"}


class AtlasConfig(Config):
    regions = c.Type(str, default="regions")
    tiles = c.Type(str, default=DEFAULT_TILES)
    # A preview of one language beside the default one (`scripts/dev serve --lang de`): the i18n
    # plugin builds only those two, so that an edit shows in seconds even at thousands of sites.
    preview_language = c.Optional(c.Choice(LANGUAGES))


class AtlasPlugin(BasePlugin[AtlasConfig]):
    generated = None
    # The one language of a language build (builds.py), and the pages of every language.
    language_build: str | None = None
    pages = frozenset()

    def on_config(self, config):
        _check_languages(config)
        if self.config.preview_language:
            _build_only(config, {DEFAULT, self.config.preview_language})
        regions = self.regions_dir(config)
        try:
            generated = generate.current(regions, Path(config.docs_dir), self.config.tiles, config.site_url)
        except InvalidRecords as error:
            raise PluginError(f"The records have {len(error.problems)} problem(s):\n{error.report()}") from None
        except generate.SettingError as error:
            raise PluginError(f"mkdocs.yml: {SETTINGS[error.setting]}: {error}") from None
        except parts.WritingFailed as error:
            raise PluginError(f"The generated files could not be written: {error}") from None
        if generated is not self.generated:
            log.info(generated.summary())
        self.generated = generated
        return config

    def regions_dir(self, config) -> Path:
        return Path(config.config_file_path).parent / self.config.regions

    # Before the i18n plugin (priority -100), which makes the files of each language.
    @event_priority(-90)
    def _set_other_languages_aside(self, files, config):
        """Keep the i18n plugin from examining the files of languages this build does not build
        (site/alternates.py): in a language build all but its language, in a preview all but two."""
        if self.language_build:
            self.pages = alternates.set_aside(files, {self.language_build})
        elif self.config.preview_language:
            alternates.set_aside(files, {DEFAULT, self.config.preview_language})
        return files

    # After the i18n plugin.
    @event_priority(-110)
    def _point_edit_buttons(self, files, config):
        """Point each page's edit button at the file it is made of (site/edits.py)."""
        documents_root, docs_dir = self.regions_dir(config).parent, Path(config.docs_dir)
        for file in files.documentation_pages():
            file.edit_uri = edits.edit_uri(file.src_uri, self.generated.atlas, documents_root, docs_dir)
        return files

    on_files = CombinedEvent(_set_other_languages_aside, _point_edit_buttons)

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
        server.watch(str(self.regions_dir(config)))
        return server

    def on_nav(self, nav, config, files):
        """In a language build, after the i18n plugin has made its files: give them their alternates."""
        if self.language_build:
            alternates.attach(files, self.language_build, self.pages, config)
        return nav

    def on_page_markdown(self, markdown, page, config, files):
        """Fill the slots (<!-- atlas:name -->) of hand-written pages in the page's language."""
        if not SLOT.search(markdown):
            return markdown
        speaker = Speaker(config.theme["language"])
        source = routes.source_of(page.file.src_uri)
        return SLOT.sub(lambda match: self.generated.pages.slot(match.group(1), speaker, source), markdown)

    def on_env(self, env, config, files):
        env.globals["atlas_strings"] = catalogue
        env.globals["atlas_page_url"] = routes.atlas_page_url
        env.globals["atlas_edit_label"] = edits.label
        env.globals["atlas_open_graph"] = sharing.open_graph
        return env

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
    language's post_build, and marks it as building. A language build of `atlas build` (builds.py)
    is marked so too, and is indexed once the languages are assembled into one site; a preview of
    one language (`scripts/dev serve --lang`) is not indexed at all, to keep it quick.
    """
    i18n = config.plugins.get("i18n")
    atlas = config.plugins["atlas"]
    return (i18n is None or not i18n.building) and not atlas.config.preview_language


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


def _build_only(config, languages: set[str]) -> None:
    """Have the i18n plugin build only these languages (it reads each language's build flag as it goes)."""
    for language in config.plugins["i18n"].config.languages:
        language.build = language.locale in languages
