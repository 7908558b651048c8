"""Request and response models of the REST API."""

from __future__ import annotations

from typing import Annotated, Any, Literal, Union

from pydantic import BaseModel, ConfigDict, Field
from .binary import Tensor

from .options import (DEFAULTS, FLOW_MODELS, MAX_MARKOV_TIME, MAX_NETWORK_TRIALS, MAX_PREFERRED_LEVELS,
                      MAX_PREFERRED_MODULES, SEED_LIMIT)
from .vectors import options as vector_options
from .vectors.options import VectorOptions

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
    row: Tensor(list[int], "iu", 1)
    col: Tensor(list[int], "iu", 1)
    data: Tensor(list[float], "iuf", 1)


class NodeInfo(BaseModel):
    model_config = ConfigDict(strict=True)

    id: NodeId
    name: str | None = None
    weight: float | None = Field(None, description="teleportation weight (used with to_nodes)")


class LayersBody(BaseModel):
    """A multilayer network (integer layer and node ids): explicit ``links`` between
    (layer, node) pairs, or ``intra`` links with optional ``inter`` links (without them the
    walker relaxes between layers at ``relax_rate``, default 0.15)."""

    model_config = ConfigDict(extra="forbid", strict=True)

    links: list[list[int | float]] | None = Field(None, description="[layer, node, layer, node] or with a weight")
    intra: list[list[int | float]] | None = Field(None, description="[layer, source, target] or with a weight")
    inter: list[list[int | float]] | None = Field(None, description="[layer, node, layer] or with a weight")
    relax_rate: float | None = Field(None, ge=0.0, le=1.0, description="intra only; default 0.15")
    relax_limit: int = Field(-1, ge=-1, description="relax to layers at most this many ids away (-1: any)")
    relax_limit_up: int = Field(-1, ge=-1)
    relax_limit_down: int = Field(-1, ge=-1)
    relax_by_jsd: bool = Field(False, description="intra only: relax to layers in proportion to out-link "
                               "similarity (1 - Jensen-Shannon divergence); needs relax_rate < 1")
    relax_to_self: bool = Field(False, description="relax through the node's own state in the target layer "
                                "(a smaller state network, the same state flow)")


class NetworkBody(BaseModel):
    """Exactly one of ``edges``, ``links``, ``sparse``, ``adjacency``, ``layers``. With ``states``
    the edges/links join state ids; with ``bipartite_start_id`` node ids from it on are feature nodes."""

    model_config = ConfigDict(extra="forbid", strict=True)

    edges: Tensor(list[list[NodeId | float]], "iuf", 2) | None = Field(
        None, description="[source, target] or [source, target, weight]")
    links: list[Link] | None = None
    sparse: SparseTensor | None = None
    adjacency: Tensor(list[list[float]], "iuf", 2) | None = None
    nodes: list[NodeInfo] | None = None
    directed: bool | None = Field(None, description="default: false (matrices: inferred from symmetry)")
    layers: LayersBody | None = None
    states: dict[str, NodeId] | None = Field(None, description="state id -> physical node id (a state network)")
    bipartite_start_id: int | None = Field(None, description="first feature node id (a bipartite network)")


class FlowOptions(BaseModel):
    """How links become flow (see infomap_core.flow)."""

    model_config = ConfigDict(strict=True)

    flow_model: Literal[FLOW_MODELS] | None = DEFAULTS.flow_model
    teleportation_probability: float = Field(DEFAULTS.teleportation_probability, ge=0.0, lt=1.0)
    recorded_teleportation: bool = DEFAULTS.recorded_teleportation
    to_nodes: bool = DEFAULTS.to_nodes
    markov_time: float = Field(DEFAULTS.markov_time, gt=0.0, le=MAX_MARKOV_TIME)
    variable_markov_time: bool = Field(DEFAULTS.variable_markov_time,
                                       description="a local Markov time per node, longer where the network is sparse")
    variable_markov_damping: float = Field(DEFAULTS.variable_markov_damping, ge=0.0, le=1.0,
                                           description="local scale: effective degree (0) to its log (1)")
    variable_markov_min_scale: float = Field(DEFAULTS.variable_markov_min_scale, gt=0.0, le=MAX_MARKOV_TIME,
                                             description="the smallest local scale")
    skip_adjust_bipartite_flow: bool = DEFAULTS.skip_adjust_bipartite_flow
    bipartite_teleportation: bool = Field(DEFAULTS.bipartite_teleportation, description=(
        "bipartite, directed: teleport between primary nodes on the two-step walk"))


class MapEquationOptions(FlowOptions):
    """The map-equation variants (see infomap_core.mapequation.Objective); names as the official's."""

    regularized: bool = Field(DEFAULTS.regularized,
                              description="Bayesian prior network (codes its steps as recorded teleportation)")
    regularization_strength: float = Field(DEFAULTS.regularization_strength, ge=0.0)
    entropy_corrected: bool = DEFAULTS.entropy_corrected
    entropy_correction_strength: float = Field(DEFAULTS.entropy_correction_strength, ge=0.0)  # <= MAX_VARIANT_WEIGHT: the engine says it
    preferred_number_of_modules: int = Field(DEFAULTS.preferred_number_of_modules, ge=0, le=MAX_PREFERRED_MODULES,
                                             description="0: no preference")
    meta_data: dict[str, int | str] | None = Field(None, description="node id (as a string) -> category, for "
                                                   "every node (the meta map equation)")
    meta_data_rate: float = Field(DEFAULTS.meta_data_rate, ge=0.0)  # <= MAX_VARIANT_WEIGHT: the engine says it
    meta_data_unweighted: bool = DEFAULTS.meta_data_unweighted
    use_node_weights_as_flow: bool = Field(DEFAULTS.use_node_weights_as_flow,
                                           description="node flow = the nodes' weights, normalized (undirected)")
    node_limit: int = Field(DEFAULTS.node_limit, ge=0, description=(
        "only the nodes of integer id at most node_limit and the links between them (0: every node)"))


class Options(MapEquationOptions):
    two_level: bool = DEFAULTS.two_level
    fast_hierarchical_solution: int = Field(DEFAULTS.fast_hierarchical_solution, ge=0, le=3, description=(
        "a quicker hierarchy (the official -F, -FF, -FFF): 1 top modules found fast, 2 and 3 the fast levels "
        "over the two-level modules; 0: the full search"))
    preferred_number_of_levels: int = Field(DEFAULTS.preferred_number_of_levels, ge=0, le=MAX_PREFERRED_LEVELS,
                                            description=(
        "multilevel: the tree of least codelength + strength x |levels - this| among those a trial builds (found, "
        "levels collapsed, top modules grouped deeper); 0: no preference, 1 refused; two_level: only 2"))
    preferred_number_of_levels_strength: float = Field(DEFAULTS.preferred_number_of_levels_strength, ge=0.0,
                                                       description="bits per level away from preferred_number_of_levels")
    num_trials: int = Field(DEFAULTS.num_trials, ge=1, le=MAX_NETWORK_TRIALS)
    seed: int = Field(DEFAULTS.seed, ge=0, lt=SEED_LIMIT)


HIDE_BIPARTITE_NODES = ("bipartite: leave the feature nodes out of modules and node_flow (and the node rows of the "
                        "file formats), as the official --hide-bipartite-nodes")


class InfomapRequest(NetworkBody, Options):
    initial_partition: dict[str, int] | None = Field(None, description="node id (as a string) -> module")
    include_tree: bool = True
    include_flow: bool = False
    include_module_links: bool = Field(False, description=(
        "the flow on the links between the children of every module (the .ftree link sections)"))
    include_links: bool = Field(False, description="the network's links as stored (ids, weights; duplicates summed)")
    hide_bipartite_nodes: bool = Field(False, description=HIDE_BIPARTITE_NODES)

    model_config = ConfigDict(extra="forbid", strict=True, json_schema_extra={"examples": [{
        "edges": [[1, 2], [2, 3], [3, 1], [3, 4], [4, 5], [5, 6], [6, 4]],
        "two_level": True, "num_trials": 2, "seed": 7,
    }]})


class InfomapFileOptions(Options):
    """The options of ``/v1/infomap/file`` as form fields (with the file: :class:`app.forms.InfomapFileForm`)."""

    model_config = ConfigDict(extra="forbid", strict=False)

    directed: bool = Field(False, description="true: directed links")
    include_tree: bool = True
    include_flow: bool = False
    include_module_links: bool = False
    include_links: bool = False
    hide_bipartite_nodes: bool = Field(False, description=HIDE_BIPARTITE_NODES)
    meta_data: None = Field(None, description="not in a form (a JSON object): POST /v1/infomap takes it")


class CodelengthRequest(NetworkBody, MapEquationOptions):
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
    level_penalty: float | None = Field(None, description=(
        "with preferred_number_of_levels: strength x |num_levels - preferred_number_of_levels| bits, the term the "
        "choice of tree added (not in codelength)"))
    tree: dict[str, Any] | None = None
    node_flow: dict[str, float] | None = None
    module_links: dict[str, Any] | None = Field(None, description=(
        '{"directed", "modules": [{"path", "enter", "exit", "num_children", "links": [[source_rank, target_rank, '
        'flow]]}]}, root first, then every module depth first'))
    links: dict[str, Any] | None = Field(None, description='{"directed", "source", "target", "weight"}: node ids')
    states: dict[str, dict[str, Any]] | None = Field(None, description="state networks: each state's physical id "
                                                     "(and layer), module and flow")
    physical_modules: dict[str, list[dict[str, Any]]] | None = Field(
        None, description="state networks: each physical node's modules (they may overlap), each with its flow")
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


_VECTORS = VectorOptions()


class VectorOptionsFields(BaseModel):
    """The clustering options (JSON fields or form fields); defaults and ranges from :mod:`app.vectors.options`."""

    model_config = ConfigDict(extra="forbid")

    top_k: int = Field(_VECTORS.top_k, ge=1, le=vector_options.MAX_TOP_K, description="neighbours per vector")
    min_similarity: float = Field(_VECTORS.min_similarity, allow_inf_nan=False,
                                  description="links below this similarity are dropped (cosine: in [-1, 1])")
    metric: Literal[vector_options.METRICS] = Field(_VECTORS.metric, description="cosine, or the plain inner product")
    method: Literal[vector_options.METHODS] = Field(_VECTORS.method, description=(
        f"kNN search: exact, approximate (faiss IVF-Flat, recall checked on {vector_options.RECALL_SAMPLE} sampled "
        f"vectors), or auto (exact up to {vector_options.EXACT_MAX_VECTORS:,} vectors)"))
    dtype: Literal[vector_options.DTYPES] = Field(_VECTORS.dtype, description=(
        "precision of the kNN search; auto: float32 for float32 files and approximate searches, else float64"))
    recall_target: float = Field(_VECTORS.recall_target, gt=0, le=1, description=(
        "the approximate search widens until the sampled recall@top_k reaches this"))
    directed: bool = _VECTORS.directed
    two_level: bool = _VECTORS.two_level
    num_trials: int = Field(_VECTORS.num_trials, ge=1, le=vector_options.MAX_TRIALS)
    seed: int = Field(_VECTORS.seed, ge=0, lt=SEED_LIMIT)

    def options(self) -> VectorOptions:
        return VectorOptions(**self.model_dump(include=set(VectorOptionsFields.model_fields)))


class ClusterVectorsRequest(VectorOptionsFields):
    model_config = ConfigDict(extra="forbid", strict=True, json_schema_extra={"examples": [{
        "vectors": [[1, 0, 0], [0.9, 0.1, 0], [0.95, 0.05, 0.0], [0, 1, 0], [0.1, 0.9, 0], [0, 0.95, 0.05]],
        "labels": ["cat", "kitten", "lion", "car", "truck", "bus"], "top_k": 2, "min_similarity": 0.5,
    }]})

    vectors: Tensor(list[list[float]], "iuf", 2) = Field(..., description="[n, d] embedding vectors")
    labels: list[str] | None = Field(None, description="one label per vector")


class Cluster(BaseModel):
    module: int
    size: int
    flow: float
    members: list[str]


class ClusterVectorsResponse(BaseModel):
    codelength: float
    one_level_codelength: float
    relative_codelength_savings: float
    num_clusters: int
    clusters: list[Cluster]
    graph: dict[str, Any]
    metadata: dict[str, Any] = Field(..., description=(
        "seed, engine version, input hash, engine seconds and `knn`: the method (exact or approximate), metric, "
        "dtype, recall_at_k on recall_sample vectors, and the index parameters"))


class InfomapJob(InfomapRequest):
    kind: Literal["infomap"]
    distributed: bool = Field(False, description=(
        "search across the Dask workers (infomap_core.distributed; num_trials: trials of its finish): the network is "
        "the link-list file "
        "`path` on the workers' shared storage, never sent or gathered"))
    path: str | None = Field(None, description="distributed: the link-list file, relative to the service's "
                             "MAPEQ_SHARED_DATA_DIR")


class CodelengthJob(CodelengthRequest):
    kind: Literal["codelength"]


class ClusterVectorsJob(ClusterVectorsRequest):
    kind: Literal["cluster_vectors"]


#: The body of ``POST /v1/jobs``: a sync endpoint's body and its ``kind``.
JobBody = Annotated[Union[InfomapJob, CodelengthJob, ClusterVectorsJob], Field(discriminator="kind")]
#: Job kind -> the model of its stored request.
JOB_MODELS: dict[str, type[BaseModel]] = {"infomap": InfomapJob, "codelength": CodelengthJob,
                                          "cluster_vectors": ClusterVectorsJob}
