"""Durable asynchronous jobs: an SQL job store and a runner that executes on Dask."""
