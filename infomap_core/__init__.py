"""mapeq engine: the map equation and its minimizer (InfoMap), no web code."""

from .errors import (
    EmptyNetworkError,
    InvalidWeightError,
    MapEqError,
    NetworkError,
    OptionError,
    ParseError,
    PartitionError,
)
from .network import Network

__version__ = "0.1.0"

__all__ = [
    "EmptyNetworkError",
    "InvalidWeightError",
    "MapEqError",
    "Network",
    "NetworkError",
    "OptionError",
    "ParseError",
    "PartitionError",
    "__version__",
]
