"""State-level and physical-level membership of a state (memory, multilayer) network.

A physical node belongs to every module that holds one of its state nodes, with the
summed flow of those state nodes there: modules overlap in physical nodes.

Examples
--------
>>> from infomap_core import Network
>>> net = Network.from_states({1: "i", 2: "j", 3: "i"}, [(1, 2), (2, 3), (3, 1)], directed=True)
>>> import numpy as np
>>> states, physical = membership(net, np.array([1, 1, 2]), np.array([0.25, 0.5, 0.25]))
>>> states["3"]
{'physical_id': 'i', 'module': 2, 'flow': 0.25}
>>> physical["i"]
[{'module': 1, 'flow': 0.25}, {'module': 2, 'flow': 0.25}]
"""

from __future__ import annotations

import numpy as np

from .network import Network

__all__ = ["membership"]


def membership(network: Network, modules: np.ndarray, node_flow: np.ndarray) -> tuple[dict, dict]:
    """``(states, physical)``: for each state id (a string) its physical id, layer (multilayer
    networks), module and flow; for each physical id (a string) the modules holding it, each
    with the summed flow of its state nodes there (by module)."""
    physical_ids = network.physical_ids.tolist()
    states: dict[str, dict] = {}
    groups: dict[tuple[int, int], float] = {}
    for a, (state, p, m, f) in enumerate(zip(network.node_ids.tolist(), network.physical.tolist(),
                                             np.asarray(modules).tolist(), np.asarray(node_flow).tolist())):
        entry = {"physical_id": physical_ids[p], "module": int(m), "flow": float(f)}
        if network.layers is not None:
            entry = {"physical_id": physical_ids[p], "layer_id": int(network.layers[a]), "module": int(m),
                     "flow": float(f)}
        states[str(state)] = entry
        groups[(p, int(m))] = groups.get((p, int(m)), 0.0) + float(f)
    physical: dict[str, list] = {}
    for (p, m), f in sorted(groups.items()):
        physical.setdefault(str(physical_ids[p]), []).append({"module": m, "flow": f})
    return states, physical
