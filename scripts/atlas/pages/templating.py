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


class Sandbox(ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox, deciding once for each type of object and name of attribute.

    Its rule (no name starting with _, none of Python's internal attributes, no method that changes
    a list, dict or set) reads nothing but the object's type and the attribute's name, and a run
    of 2,500 sites asks it two million times: each answer is kept, the rule itself is Jinja's.
    """

    def __init__(self, **options):
        super().__init__(**options)
        self._safe: dict[tuple[type, str], bool] = {}

    def is_safe_attribute(self, obj, attr: str, value) -> bool:
        key = (type(obj), attr)
        safe = self._safe.get(key)
        if safe is None:
            safe = self._safe[key] = super().is_safe_attribute(obj, attr, value)
        return safe


def environment() -> Sandbox:
    env = Sandbox(
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
