"""Safe YAML loading that remembers the line and column of every key and value.

PyYAML's composer already knows where each node starts; we build plain Python data from the
node tree ourselves so that each value keeps its place for error messages.
"""

import datetime
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from atlas.problems import Problem

Location = tuple[str | int, ...]


@dataclass
class Document:
    """One YAML file: its data and where each part of it stands."""

    path: str
    data: object
    values: dict[Location, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Location, tuple[int, int]] = field(default_factory=dict)

    def place(self, location: Location) -> tuple[int, int]:
        """Line and column (1-based) of the value at location, or of its nearest known parent."""
        loc = tuple(location)
        while loc not in self.values and loc:
            loc = loc[:-1]
        return self.values.get(loc, (1, 1))

    def key_place(self, location: Location) -> tuple[int, int]:
        return self.keys.get(tuple(location)) or self.place(location)

    def problem(self, location: Location, message: str, at_key: bool = False) -> Problem:
        line, column = self.key_place(location) if at_key else self.place(location)
        return Problem(self.path, line, column, message)


class _Builder:
    def __init__(self, path: str, loader: yaml.SafeLoader):
        self.doc = Document(path, None)
        self.loader = loader
        self.problems: list[Problem] = []

    def build(self, node: yaml.Node, location: Location) -> object:
        self.doc.values[location] = _start(node)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, location)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, location + (i,)) for i, item in enumerate(node.value)]
        value = self.loader.construct_object(node)
        # Dates are written as text in the records; YAML would otherwise turn 2017-09-01 into a date.
        if isinstance(value, datetime.date):
            return node.value
        return value

    def _mapping(self, node: yaml.MappingNode, location: Location) -> dict:
        result: dict = {}
        for key_node, value_node in node.value:
            key = self.loader.construct_object(key_node)
            if not isinstance(key, (str, int)) or isinstance(key, bool):
                line, column = _start(key_node)
                self.problems.append(Problem(self.doc.path, line, column, "a key must be a plain word"))
                continue
            key = str(key)
            if key in result:
                line, column = _start(key_node)
                self.problems.append(
                    Problem(self.doc.path, line, column, f"'{key}' is given twice; keep one")
                )
                continue
            self.doc.keys[location + (key,)] = _start(key_node)
            result[key] = self.build(value_node, location + (key,))
        return result


def _start(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def load(path: Path, shown_as: str) -> tuple[Document | None, list[Problem]]:
    """Read one YAML file; the document is None when the file cannot be read as YAML."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return None, [Problem(shown_as, 1, 1, "the file is not UTF-8 text; save it as UTF-8")]
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        builder = _Builder(shown_as, loader)
        if node is None:
            return None, [Problem(shown_as, 1, 1, "the file is empty")]
        builder.doc.data = builder.build(node, ())
        return builder.doc, builder.problems
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        reason = error.problem or error.context or "not valid YAML"
        return None, [Problem(shown_as, line, column, f"not valid YAML: {reason}")]
    finally:
        loader.dispose()
