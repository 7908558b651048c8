"""Request and response models of the REST API."""

from __future__ import annotations

from typing import Any, Literal

from fastapi import UploadFile
from pydantic import BaseModel, ConfigDict, Field

from infomap_core.flow import MAX_MARKOV_TIME

NodeId = int | str


class Link(BaseModel):
    model_config = ConfigDict(strict=True)

    source: NodeId
    target: NodeId
    weight: float = 1.0


class SparseTensor(BaseModel):
    """A COO tensor: entry ``data[i]`` at ``(row[i], col[i])`` of a square ``shape``."""

    model_config = ConfigDict(strict=True)

    shape: list[int] = Field(..., min_length=2, max_length=2, description="[rows, cols], square")
    row: list[int]
    col: list[int]
    data: list[float]


class NodeInfo(BaseModel):
    model_config = ConfigDict(strict=True)

    id: NodeId
    name: str | None = None
    weight: float | None = Field(None, description="teleportation weight (used with to_nodes)")


class NetworkBody(BaseModel):
    """Exactly one of ``edges``, ``links``, ``sparse``, ``adjacency``."""

    model_config = ConfigDict(extra="forbid", strict=True)

    edges: list[list[NodeId | float]] | None = Field(None, description="[source, target] or [source, target, weight]")
    links: list[Link] | None = None
    sparse: SparseTensor | None = None
    adjacency: list[list[float]] | None = None
    nodes: list[NodeInfo] | None = None
    directed: bool | None = Field(None, description="default: false (matrices: inferred from symmetry)")


class FlowOptions(BaseModel):
    """How links become flow (see infomap_core.flow)."""

    model_config = ConfigDict(strict=True)

    flow_model: Literal["undirected", "directed", "undirdir", "outdirdir", "rawdir"] | None = None
    teleportation_probability: float = Field(0.15, ge=0.0, lt=1.0)
    recorded_teleportation: bool = False
    to_nodes: bool = False
    markov_time: float = Field(1.0, gt=0.0, le=MAX_MARKOV_TIME)


class Options(FlowOptions):
    two_level: bool = False
    num_trials: int = Field(1, ge=1, le=1000)
    seed: int = Field(123, ge=0, lt=2**32)


class InfomapRequest(NetworkBody, Options):
    initial_partition: dict[str, int] | None = Field(None, description="node id (as a string) -> module")
    include_tree: bool = True
    include_flow: bool = False
    include_module_links: bool = Field(False, description=(
        "the flow on the links between the children of every module (the .ftree link sections)"))
    include_links: bool = Field(False, description="the network's links as stored (ids, weights; duplicates summed)")

    model_config = ConfigDict(extra="forbid", strict=True, json_schema_extra={"examples": [{
        "edges": [[1, 2], [2, 3], [3, 1], [3, 4], [4, 5], [5, 6], [6, 4]],
        "two_level": True, "num_trials": 2, "seed": 7,
    }]})


class InfomapFileForm(Options):
    """The multipart form of ``/v1/infomap/file``: the file and every option as a form field."""

    model_config = ConfigDict(extra="forbid", strict=False)

    file: UploadFile = Field(..., description="link list or Pajek, plain or gzip (detected by content)")
    directed: bool = Field(False, description="true: directed links (a Pajek *Arcs section is directed anyway)")
    include_tree: bool = True
    include_flow: bool = False
    include_module_links: bool = False
    include_links: bool = False


class CodelengthRequest(NetworkBody, FlowOptions):
    partition: dict[str, int | str] = Field(..., description="node id -> module, or node id -> tree path '1:2:1'")

    model_config = ConfigDict(extra="forbid", strict=True, json_schema_extra={"examples": [{
        "edges": [[1, 2], [2, 3], [3, 1], [3, 4], [4, 5], [5, 6], [6, 4]],
        "partition": {"1": 1, "2": 1, "3": 1, "4": 2, "5": 2, "6": 2},
    }]})


class RunMetadata(BaseModel):
    seed: int
    engine_version: str
    input_sha256: str
    elapsed_seconds: float


class CodelengthTerms(BaseModel):
    """Codelengths in bits; relative savings = 1 - codelength / one_level_codelength."""

    codelength: float
    index_codelength: float
    module_codelength: float
    one_level_codelength: float
    relative_codelength_savings: float
    num_modules: int
    num_levels: int


class InfomapResponse(CodelengthTerms):
    num_nodes: int
    num_links: int
    modules: dict[str, int]
    trial_codelengths: list[float]
    tree: dict[str, Any] | None = None
    node_flow: dict[str, float] | None = None
    module_links: dict[str, Any] | None = Field(None, description=(
        '{"directed", "modules": [{"path", "enter", "exit", "num_children", "links": [[source_rank, target_rank, '
        'flow]]}]}, root first, then every module depth first'))
    links: dict[str, Any] | None = Field(None, description='{"directed", "source", "target", "weight"}: node ids')
    metadata: RunMetadata


class ModuleBreakdown(BaseModel):
    module: int
    path: str
    flow: float
    enter: float
    exit: float
    codelength: float
    num_nodes: int


class CodelengthResponse(CodelengthTerms):
    flow_model: str
    modules: list[ModuleBreakdown]
