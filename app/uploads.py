"""Uploaded bytes -> the text the network readers take (no FastAPI here).

gzip (by its magic bytes ``1f 8b``, whatever the file is called) is decompressed with
a cap: more than ``max_bytes`` of text is refused, so a small "zip bomb" cannot expand
into gigabytes. Anything else that is not text (a NUL byte, or bytes that are not UTF-8,
in the first 64 KiB) is refused: the readers take link lists and Pajek files only.
"""

from __future__ import annotations

import zlib

GZIP_MAGIC = b"\x1f\x8b"
_SNIFF = 65536


class UploadError(ValueError):
    """An upload that cannot be read: ``status`` 413 (too large once decompressed), 415
    (binary, not text) or 422 (a broken gzip stream)."""

    def __init__(self, status: int, code: str, message: str, field: str = "file"):
        super().__init__(message)
        self.status, self.code, self.message, self.field = status, code, message, field

    def __reduce__(self):
        # Keep every attribute across pickling (a job's file is read on a Dask worker).
        return type(self), (self.status, self.code, self.message, self.field)


def gunzip(raw: bytes, max_bytes: int, field: str = "file") -> bytes:
    """Decompress every gzip member of ``raw``; at most ``max_bytes`` out (else 413).

    >>> import gzip
    >>> gunzip(gzip.compress(b"1 2\\n"), 100)
    b'1 2\\n'
    """
    out = bytearray()
    data = raw
    while data:
        inflater = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
        try:
            out += inflater.decompress(data, max_bytes + 1 - len(out))
        except zlib.error as exc:
            raise UploadError(422, "invalid_gzip", f"{field}: broken gzip stream ({exc})", field) from None
        if len(out) > max_bytes:
            raise UploadError(413, "payload_too_large", f"{field}: more than {max_bytes:,} bytes once decompressed "
                              "(MAPEQ_MAX_BODY_BYTES)", field)
        if not inflater.eof:
            raise UploadError(422, "invalid_gzip", f"{field}: truncated gzip stream", field)
        data = inflater.unused_data
        if data and not data.startswith(GZIP_MAGIC):
            break  # trailing garbage after the last member is ignored, as gzip(1) does
    return bytes(out)


def upload_text(raw: bytes, max_bytes: int, field: str = "file") -> bytes:
    """The text of an uploaded network file: gunzipped when gzip, refused (415) when binary."""
    if raw.startswith(GZIP_MAGIC):
        raw = gunzip(raw, max_bytes, field)
    head = raw[:_SNIFF]
    try:
        if b"\x00" in head:
            raise UnicodeDecodeError("utf-8", head, 0, 1, "NUL byte")
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.reason == "unexpected end of data" and exc.start >= len(head) - 4 and len(raw) > _SNIFF:
            return raw  # a multi-byte character cut by the sniff window
        raise UploadError(415, "unsupported_media_type", f"{field}: binary content (not UTF-8 text); send a "
                          "link-list or Pajek file, plain or gzip-compressed", field) from None
    return raw
