# An exact version tag of the base image (override with --build-arg BASE_IMAGE=...).
ARG BASE_IMAGE=python:3.11.13-slim-bookworm
FROM ${BASE_IMAGE}

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    NUMBA_CACHE_DIR=/var/cache/mapeq/numba \
    MAPEQ_HOST=0.0.0.0 \
    MAPEQ_DATA_DIR=/data

RUN useradd --create-home --uid 10001 mapeq \
    && mkdir -p /var/cache/mapeq/numba /data /app \
    && chown -R mapeq:mapeq /var/cache/mapeq /data /app

WORKDIR /app
# Dependencies from the lock file only (exact versions, hashes checked), then mapeq without deps.
COPY requirements.lock ./
RUN pip install --no-cache-dir --require-hashes -r requirements.lock
COPY pyproject.toml README.md ./
COPY infomap_core ./infomap_core
COPY app ./app
RUN pip install --no-cache-dir --no-deps . \
    && rm -rf /app/infomap_core /app/app

USER mapeq
# Compile every numba kernel once into the image's cache.
RUN python -c "import infomap_core; infomap_core.warmup()"

VOLUME ["/data"]
EXPOSE 8000
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/healthz' % os.environ.get('PORT', os.environ.get('MAPEQ_PORT', '8000')), timeout=4)"]
CMD ["python", "-m", "app"]
