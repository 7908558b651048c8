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
from .flow import FLOW_MODELS, FlowGraph, compute_flow
from .infomap import (
    SEED_LIMIT,
    CodelengthResult,
    InfomapOptions,
    InfomapResult,
    Problem,
    TrialResult,
    best_of,
    compute_codelength,
    prepare,
    run_infomap,
    run_trial,
    warmup,
)
from .network import Network
from .openmp import bound_idle_spin
from .tree import Tree

__version__ = "0.1.0"

# before numba loads OpenMP for a first parallel kernel, which importing does not run (see .openmp)
bound_idle_spin()

__all__ = [
    "FLOW_MODELS", "SEED_LIMIT", "CodelengthResult", "EmptyNetworkError", "FlowGraph", "InfomapOptions", "InfomapResult",
    "InvalidWeightError", "MapEqError", "Network", "NetworkError", "OptionError", "ParseError", "PartitionError",
    "Problem", "Tree", "TrialResult", "__version__", "best_of", "compute_codelength", "compute_flow", "prepare",
    "run_infomap", "run_trial", "warmup",
]
