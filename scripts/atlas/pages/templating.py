"""The Jinja2 environment of our templates: record values are only ever its data, and it escapes them.

It is sandboxed as a second line of defence: were a record's text ever compiled as a template,
it could still reach nothing but the values it is given.
"""

from pathlib import Path

from jinja2 import FileSystemLoader, StrictUndefined
from jinja2.sandbox import ImmutableSandboxedEnvironment

from atlas.escaping import front_matter, markdown_text
from atlas.records import prose

TEMPLATES = Path(__file__).parent / "templates"


def environment() -> ImmutableSandboxedEnvironment:
    env = ImmutableSandboxedEnvironment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["description"] = prose.to_html
    env.filters["lead"] = prose.lead
    env.filters["front_matter"] = front_matter
    env.filters["md"] = markdown_text
    return env
