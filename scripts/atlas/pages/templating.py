"""The Jinja2 environment of our templates: record values are only ever its data, and it escapes them.

Record text is hostile, so it must never become template source: this environment compiles the
files of templates/, which its loader reads, and refuses any other text (from_string, an
expression). Record values reach the templates only as values, and autoescape escapes each one
that is not safe Markup made by our own code (escaping.py, prose.py). Jinja's sandbox was a second
line of defence in case record text were ever compiled; with that made impossible here, it had
nothing left to guard, and it cost about a sixth of the time of rendering the pages.
"""

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from atlas.escaping import front_matter, markdown_text
from atlas.records import prose

TEMPLATES = Path(__file__).parent / "templates"


class NotATemplateFile(TypeError):
    pass


class FileTemplates(Environment):
    """A Jinja2 environment that compiles the template files of this package and nothing else."""

    def compile(self, source, name=None, filename=None, raw=False, defer_init=False):
        if filename is None or Path(filename).parent != TEMPLATES:
            raise NotATemplateFile(f"only the files of {TEMPLATES} are compiled as templates, not {name or 'a text'}")
        return super().compile(source, name, filename, raw, defer_init)


def environment() -> FileTemplates:
    env = FileTemplates(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        # One environment serves one run of the generator: its templates do not change meanwhile,
        # so a template is not checked on disk each time a page asks for it.
        auto_reload=False,
    )
    env.filters["description"] = prose.to_html
    env.filters["lead"] = prose.lead
    env.filters["front_matter"] = front_matter
    env.filters["md"] = markdown_text
    return env
