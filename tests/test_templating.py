"""The pages' template environment: Jinja's sandbox, whatever it was asked before."""

import pytest
from atlas.pages.templating import environment
from jinja2.sandbox import SecurityError


class Box:
    clear = "a field called clear"
    pop = "a field called pop"


@pytest.mark.parametrize("source", ["{{ data.clear() }}", "{{ items.pop() }}", "{{ box.__class__ }}", "{{ link.__globals__ }}"])
def test_templates_can_change_no_data_and_reach_no_python_internals(source):
    env = environment()
    # The same names where they are harmless first: what is allowed of one type is not of another.
    assert env.from_string("{{ box.clear }} {{ box.pop }}").render(box=Box()) == "a field called clear a field called pop"
    with pytest.raises(SecurityError):
        env.from_string(source).render(box=Box(), data={"a": 1}, items=[1], link=lambda: 1)
