"""The pages' template environment compiles our template files and no other text."""

import pytest
from atlas.pages.templating import TEMPLATES, NotATemplateFile, environment


@pytest.mark.parametrize("compile_text", [
    lambda env: env.from_string("{{ 7 * 7 }}"),
    lambda env: env.compile_expression("7 * 7"),
    lambda env: env.compile("{{ 7 * 7 }}", "site.md.j2"),
])
def test_no_text_but_a_template_file_is_compiled(compile_text):
    with pytest.raises(NotATemplateFile):
        compile_text(environment())


def test_every_template_file_compiles():
    env = environment()
    for path in TEMPLATES.glob("*.j2"):
        assert env.get_template(path.name).name == path.name
