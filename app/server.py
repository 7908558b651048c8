"""uvicorn's HTTP protocol with the service's JSON error body for requests it cannot parse.

uvicorn answers a request it cannot parse (a malformed ``Content-Length``, a broken
request line or header) itself, before the app sees it, in plain text. This subclass
answers with the one error body instead (``400``, code ``bad_request``, field ``body``).
"""

from __future__ import annotations

import orjson
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from .errors import error_body


def bad_request_bytes(reason: str) -> bytes:
    """A complete ``400`` HTTP/1.1 response with the JSON error body; the connection closes."""
    body = orjson.dumps(error_body("bad_request", f"malformed HTTP request ({reason}), e.g. a Content-Length that "
                                   "is not a non-negative integer", "body"))
    head = (b"HTTP/1.1 400 Bad Request\r\ncontent-type: application/json\r\n"
            b"content-length: " + str(len(body)).encode() + b"\r\nconnection: close\r\n\r\n")
    return head + body


class JsonErrorHttpToolsProtocol(HttpToolsProtocol):
    def send_400_response(self, msg: str) -> None:
        self.transport.write(bad_request_bytes(msg.rstrip(".")))
        self.transport.close()
