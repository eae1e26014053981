"""Safe YAML loading that remembers the line and column of every key and value.

Record files come from pull requests and are untrusted: before anything is built from a file,
one pass over its YAML events (LibYAML, no construction) rejects what partners never need and an
attacker would use: anchors and aliases (an alias bomb of a few hundred bytes expands to
gigabytes), tags, nesting deeper than any record, and texts or files larger than any real record.
Only then is the file composed, and we build plain Python data from the node tree ourselves so
that each value keeps its place for error messages.
"""

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from atlas.records import limits
from atlas.records.problems import Problem

Location = tuple[str | int, ...]
# LibYAML when PyYAML was built with it (the wheels are); the pure-Python loader otherwise.
Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
STANDARD_TAGS = "tag:yaml.org,2002:"
TIMESTAMP = STANDARD_TAGS + "timestamp"
STRING = STANDARD_TAGS + "str"
_TOO_LARGE = object()


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
        # Dates are written as text in the records; YAML would otherwise turn 2017-09-01 into a date.
        if node.tag == TIMESTAMP:
            return node.value
        value = self._scalar(node)
        if value is _TOO_LARGE:
            self.problems.append(self._problem(node, "this number is too large to be a value of a record"))
            return None
        return value

    def _mapping(self, node: yaml.MappingNode, location: Location) -> dict:
        result: dict = {}
        for key_node, value_node in node.value:
            key = self._scalar(key_node) if isinstance(key_node, yaml.ScalarNode) else None
            if not isinstance(key, (str, int)) or isinstance(key, bool):
                self.problems.append(self._problem(key_node, "a key must be a plain word"))
                continue
            key = str(key)
            if key in result:
                self.problems.append(self._problem(key_node, f"'{key}' is given twice; keep one"))
                continue
            self.doc.keys[location + (key,)] = _start(key_node)
            result[key] = self.build(value_node, location + (key,))
        return result

    def _scalar(self, node: yaml.ScalarNode) -> object:
        # Most values are text, which is the node's value as it stands: no constructor needed.
        if node.tag == STRING:
            return node.value
        try:
            return self.loader.construct_object(node)
        except (ValueError, OverflowError):
            # Python refuses to read integers of more than 4,300 digits.
            return _TOO_LARGE

    def _problem(self, node: yaml.Node, message: str) -> Problem:
        return Problem(self.doc.path, *_start(node), message)


def _start(node_or_event) -> tuple[int, int]:
    return node_or_event.start_mark.line + 1, node_or_event.start_mark.column + 1


def _refused(event: yaml.Event) -> str | None:
    """Why a YAML event has no place in a record file, or None when it is allowed."""
    if isinstance(event, yaml.AliasEvent):
        return f"YAML aliases (*{event.anchor}) are not allowed in records: write the value out in full"
    if getattr(event, "anchor", None):
        return f"YAML anchors (&{event.anchor}) are not allowed in records: remove '&{event.anchor}'"
    if getattr(event, "tag", None):
        tag = event.tag.replace(STANDARD_TAGS, "!!")
        return f"YAML tags ({tag}) are not allowed in records: remove the tag and write a plain value"
    if isinstance(event, yaml.ScalarEvent) and len(event.value) > limits.TEXT_CHARACTERS:
        return (
            f"this text has {len(event.value):,} characters; a text may have at most "
            f"{limits.TEXT_CHARACTERS:,}: shorten it"
        )
    return None


def _screen(text: str, shown_as: str) -> Problem | None:
    """The first thing in a file's YAML that no record may hold, found from its events alone.

    One is enough: an alias bomb would otherwise give a line for each of its hundreds of parts.
    """
    depth = 0
    for event in yaml.parse(text, Loader=Loader):
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1
        reason = _refused(event)
        if depth > limits.NESTING:
            reason = f"the values are nested more than {limits.NESTING} levels deep, deeper than any record: check the indentation and brackets"
        if reason:
            return Problem(shown_as, *_start(event), reason)
    return None


def _read(path: Path, shown_as: str) -> tuple[str | None, list[Problem]]:
    """The file's text, read no further than the size a record file may have."""
    with path.open("rb") as handle:
        data = handle.read(limits.FILE_BYTES + 1)
    if len(data) > limits.FILE_BYTES:
        message = f"the file is larger than {limits.FILE_BYTES // 1024} KB, more than any record needs: shorten its texts"
        return None, [Problem(shown_as, 1, 1, message)]
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        return None, [Problem(shown_as, 1, 1, "the file is not UTF-8 text; save it as UTF-8")]


def load(path: Path, shown_as: str) -> tuple[Document | None, list[Problem]]:
    """Read one YAML file; the document is None when the file cannot be read as a record."""
    text, problems = _read(path, shown_as)
    if text is None:
        return None, problems
    try:
        refused = _screen(text, shown_as)
        if refused:
            return None, [refused]
        return _compose(text, shown_as)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        reason = ", ".join(part for part in (error.context, error.problem) if part) or "not valid YAML"
        return None, [Problem(shown_as, line, column, f"not valid YAML: {reason}")]
    except yaml.YAMLError as error:
        return None, [Problem(shown_as, 1, 1, f"not valid YAML: {error}")]


def _compose(text: str, shown_as: str) -> tuple[Document | None, list[Problem]]:
    loader = Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, [Problem(shown_as, 1, 1, "the file is empty")]
        builder = _Builder(shown_as, loader)
        builder.doc.data = builder.build(node, ())
        # A file with a broken part is not checked further: what follows would only echo it.
        return (None if builder.problems else builder.doc), builder.problems
    finally:
        loader.dispose()
