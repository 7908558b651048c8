"""Multipart forms (FastAPI's ``UploadFile`` and the options as form fields), shared by the routers.

The options are the service layer's models (:mod:`app.schemas`); only the file field is web code.
"""

from __future__ import annotations

from fastapi import UploadFile
from pydantic import Field

from .schemas import InfomapFileOptions


class InfomapFileForm(InfomapFileOptions):
    """The multipart form of ``/v1/infomap/file`` (and of a file job): the file and the options as form fields."""

    file: UploadFile = Field(..., description=(
        "link list or Pajek, plain or gzip; or .npy (m, 2|3) source, target[, weight]; .npz (edges, or "
        "source/target/weight); Arrow IPC or Parquet table with source, target[, weight] columns (detected by content)"))
