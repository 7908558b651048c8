"""Pydantic error locations -> the request's own field names (no FastAPI here).

Pydantic reports where validation failed as a ``loc`` tuple that mixes the request's
fields with its own bookkeeping: the names of union branches (``edges.0.0.int``), the
tag of a discriminated union (``infomap.num_trials`` for a job body) and the ``body``
or ``query`` prefix. :func:`request_field` walks the request model's annotations along
``loc`` and keeps only what a client wrote: field names, list indices and dict keys.
"""

from __future__ import annotations

import types
import typing
from typing import Any, Iterable

from pydantic import BaseModel

_PREFIXES = ("body", "query", "path", "header", "cookie")
#: Longest part of a field name (dict keys and unknown field names come from the client).
_MAX_PART = 80


#: Longest echo of a client-supplied value (an id, a path) in an error message.
MAX_ECHO = 80


def echo(value: str) -> str:
    """``repr`` of a client-supplied value, cut to :data:`MAX_ECHO` characters.

    >>> echo("a" * 100)[-5:], len(echo("a" * 100))
    ('aa...', 80)
    """
    text = repr(value)
    return text if len(text) <= MAX_ECHO else text[:MAX_ECHO - 3] + "..."


def _unwrap(annotation: Any) -> Any:
    """``Annotated[X, ...]`` -> X and ``X | None`` -> X (pydantic adds no loc part for them)."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
            continue
        if origin in (typing.Union, types.UnionType):
            members = [a for a in typing.get_args(annotation) if a is not type(None)]
            if len(members) == 1:
                annotation = members[0]
                continue
        return annotation


def _is_union(annotation: Any) -> bool:
    return typing.get_origin(annotation) in (typing.Union, types.UnionType)


def _union_member(annotation: Any, tag: Any) -> Any:
    """The branch of a union that pydantic names ``tag``, or None when it cannot be told.

    Discriminated unions of models are tagged by the discriminator's value (a job's
    ``kind``); plain unions by the branch's type name (``int``, ``str``, ``float``).
    """
    for member in typing.get_args(annotation):
        member = _unwrap(member)
        if isinstance(member, type) and issubclass(member, BaseModel):
            for field in member.model_fields.values():
                if typing.get_origin(field.annotation) is typing.Literal and tag in typing.get_args(field.annotation):
                    return member
        elif getattr(member, "__name__", None) == tag:
            return member
    return None


def request_field(model: Any, loc: Iterable[Any]) -> str | None:
    """The dotted request field of a pydantic error location.

    Parameters
    ----------
    model : type or None
        The annotation the request body was validated against (a model, a union of
        models, ...); None for query, path or form parameters.
    loc : iterable
        Pydantic's location, e.g. ``("body", "edges", 0, 0, "int")``.

    Returns
    -------
    str or None
        ``"edges.0.0"``; ``"body"`` when the error is about the body as a whole (empty,
        ``null``, not an object); None for an empty location.

    Examples
    --------
    >>> from pydantic import BaseModel
    >>> class Body(BaseModel):
    ...     edges: list[list[int | str | float]]
    >>> request_field(Body, ("body", "edges", 0, 0, "int"))
    'edges.0.0'
    >>> request_field(Body, ("body",))
    'body'
    """
    loc = list(loc)
    if not loc:
        return None
    in_body = loc[0] == "body"
    if loc[0] in _PREFIXES:
        loc = loc[1:]
    if not loc:
        return "body" if in_body else None
    parts: list[str] = []
    current = model if in_body else None
    for part in loc:
        if part == "[key]":  # pydantic marks an invalid dict key so; the key itself is already named
            continue
        current = _unwrap(current) if current is not None else None
        if current is not None and _is_union(current):
            current = _union_member(current, part)  # ``part`` names a branch, not a field: dropped
            continue
        text = str(part)
        parts.append(text if len(text) <= _MAX_PART else text[:_MAX_PART - 3] + "...")
        if current is None:
            continue
        origin = typing.get_origin(current)
        if isinstance(current, type) and issubclass(current, BaseModel):
            field = current.model_fields.get(part) if isinstance(part, str) else None
            current = field.annotation if field is not None else None
        elif origin in (list, tuple, set, frozenset):
            args = typing.get_args(current)
            current = args[0] if args else None
        elif origin is dict:
            args = typing.get_args(current)
            current = args[1] if len(args) == 2 else None
        else:
            current = None
    return ".".join(parts) or ("body" if in_body else None)


def merge_messages(messages: list[str]) -> str:
    """One sentence from the messages of every union branch at one location.

    >>> merge_messages(["Input should be a valid integer", "Input should be a valid string"])
    'Input should be a valid integer or a valid string'
    """
    unique = list(dict.fromkeys(messages))
    prefix = "Input should be "
    if len(unique) > 1 and all(m.startswith(prefix) for m in unique):
        tails = [m[len(prefix):] for m in unique]
        return prefix + ", ".join(tails[:-1]) + " or " + tails[-1]
    return "; ".join(unique)
