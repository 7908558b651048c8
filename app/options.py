"""Defaults and ranges of the service's options, written once.

The engine's option types own their defaults and ranges (:class:`infomap_core.InfomapOptions`,
:data:`infomap_core.SEED_LIMIT`, :data:`infomap_core.FLOW_MODELS`); the request models
(:mod:`app.schemas`, the form fields of the routers) take them from here, and
:func:`engine_options` turns a validated request into the engine's options, whose
constructor is the one validation of the values.
"""

from __future__ import annotations

from dataclasses import fields
from typing import Any

from infomap_core import FLOW_MODELS, SEED_LIMIT, InfomapOptions
from infomap_core.infomap import MAX_PREFERRED_LEVELS, MAX_PREFERRED_MODULES, MAX_VARIANT_WEIGHT
from infomap_core.flow import MAX_MARKOV_TIME

__all__ = ["DEFAULTS", "FLOW_MODELS", "MAX_MARKOV_TIME", "MAX_NETWORK_TRIALS", "MAX_PREFERRED_LEVELS",
           "MAX_PREFERRED_MODULES", "MAX_VARIANT_WEIGHT", "SEED_LIMIT", "engine_options"]

#: The engine's defaults (seed, teleportation, Markov time, ...).
DEFAULTS = InfomapOptions()
#: Most trials of one search of a network, synchronous or job (the synchronous limit may be lower:
#: ``MAPEQ_MAX_SYNC_TRIALS``). Vector clustering has its own (:data:`app.vectors.options.MAX_TRIALS`).
MAX_NETWORK_TRIALS = 1000

_ENGINE_FIELDS = tuple(f.name for f in fields(InfomapOptions))


def engine_options(request: Any, **given: Any) -> InfomapOptions:
    """The engine's options of a validated request: every option the request has, the engine's
    defaults for the others; ``given`` overrides both.

    Examples
    --------
    >>> from app.schemas import CodelengthRequest
    >>> engine_options(CodelengthRequest(edges=[[1, 2]], partition={"1": 1}), seed=7).seed
    7
    >>> engine_options(CodelengthRequest(edges=[[1, 2]], partition={"1": 1})).seed == DEFAULTS.seed
    True
    """
    values = {name: getattr(request, name) for name in _ENGINE_FIELDS if hasattr(request, name)}
    values.update(given)
    return InfomapOptions(**values)
