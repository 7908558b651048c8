"""The service layer: a request model -> an engine call -> a result payload (no web code).

The synchronous routers (:mod:`app.routers`), the job tasks (:mod:`app.jobs.tasks`) and the
job endpoints call these functions; the routers only translate HTTP. Errors are the engine's
(:class:`infomap_core.errors.MapEqError` and subclasses, each naming the request field) and the
cost model's (:class:`app.cost.LimitExceeded`); the routers' error handlers map them to HTTP in
one place (:mod:`app.errors`).

* :mod:`.networks` a request's network: checked (a job's submission) or built
* :mod:`.infomap`  ``/v1/infomap``, ``/v1/infomap/file`` and ``/v1/codelength`` payloads, and the
  pieces of an infomap job (prepare, trial, finish)
* :mod:`.jobs`     job kinds: the check at submission and the stored request on the worker
* :mod:`.results`  a job's output formats, rendered on demand from its stored result

Defaults and ranges of the options come from one place, :mod:`app.options` (the engine's option
types). Vector clustering has its own package (:mod:`app.vectors`, :func:`app.vectors.cluster_vectors`).
"""
