"""Routers of the auxiliary techniques (``docs/techniques-api.md``), one per technique, all under /v1.

The numeric work lives in :mod:`app.techniques`; these modules only declare the request and
response models, the OpenAPI examples and the error documentation.
"""

from . import attention, mlm, optimizers, span, tied, variance, vq

ROUTERS = [variance.router, attention.router, span.router, mlm.router, tied.router, optimizers.router, vq.router]

__all__ = ["ROUTERS"]
