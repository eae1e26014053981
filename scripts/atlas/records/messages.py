"""Plain-language wording of schema errors, for partners who are not programmers."""

import difflib
from typing import get_args

from pydantic import BaseModel, ValidationError

from atlas.records.problems import Problem
from atlas.records.schema import RULES
from atlas.records.source import Document

_KINDS = {
    "string_type": "a text",
    "float_type": "a number",
    "int_type": "a whole number",
    "bool_type": "true or false",
    "list_type": "a list",
    "dict_type": "a mapping of keys to values",
    "model_type": "a mapping of keys to values",
}


def _shown(value: object) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    return repr(value)


def _wording(error: dict, fields: list[str]) -> tuple[str, bool]:
    """The message for one pydantic error, and whether it belongs at the key rather than the value."""
    kind, loc, ctx, value = error["type"], error["loc"], error.get("ctx", {}), error.get("input")
    name = str(loc[-1]) if loc else "record"
    if kind == "missing":
        return f"'{name}' is missing: add it", False
    if kind == "extra_forbidden":
        close = difflib.get_close_matches(name, fields, n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else f"; allowed fields: {', '.join(fields)}"
        return f"unknown field '{name}'{hint}", True
    if kind == "literal_error" and loc and loc[-1] == "[key]":
        return f"'{loc[-2]}' is not one of the atlas languages; use {ctx['expected']}", True
    if kind == "literal_error":
        return f"{_shown(value)} is not allowed here; use {ctx['expected']}", False
    if kind == "string_pattern_mismatch":
        wanted = RULES.get(ctx.get("pattern"), f"text matching {ctx.get('pattern')}")
        return f"{_shown(value)} is not {wanted}", False
    if kind in _KINDS:
        return f"'{name}' must be {_KINDS[kind]}, not {_shown(value)}", False
    if kind in ("greater_than_equal", "less_than_equal"):
        return f"'{name}' is {value}, outside the range it allows ({error['msg'].lower()})", False
    if kind in ("too_short", "string_too_short"):
        return f"'{name}' must not be empty", False
    if kind == "value_error":
        return f"'{name}' {ctx.get('error', error['msg'])!s}", False
    return f"'{name}': {error['msg']}", False


def schema_problems(doc: Document, error: ValidationError, model: type, base: tuple = ()) -> list[Problem]:
    """Turn one pydantic ValidationError into problems placed at the lines they concern."""
    problems = []
    for item in error.errors():
        loc = tuple(part for part in item["loc"] if part != "[key]")
        message, at_key = _wording(item, _fields_at(model, loc[:-1]))
        problems.append(doc.problem(base + loc, message, at_key=at_key))
    return problems


def _fields_at(model: type, loc: tuple) -> list[str]:
    """The field names allowed by the model found by following loc, for 'did you mean'."""
    current = model
    for part in loc:
        if isinstance(part, int):
            continue
        field = getattr(current, "model_fields", {}).get(part)
        if field is None:
            return []
        current = _model_of(field.annotation)
        if current is None:
            return []
    return list(current.model_fields) if isinstance(current, type) and issubclass(current, BaseModel) else []


def _model_of(annotation: object) -> type | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = _model_of(arg)
        if found is not None:
            return found
    return None
