"""Talking to a triple store: SPARQL 1.1 Graph Store Protocol uploads and Protocol requests.

`push` replaces a named graph without readers ever seeing half of it: the export goes in
batches into a staging graph, then one SPARQL update moves it over the target. Credentials
come from the environment (STANCEGRAPH_STORE_TOKEN, or STANCEGRAPH_STORE_USER and
STANCEGRAPH_STORE_PASSWORD) or ~/.netrc, never from the command line, and never appear in
messages.
"""

from __future__ import annotations

import base64
import netrc
import os
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from stancegraph.errors import StancegraphError

BATCH = 50_000  # triples per upload request


class StoreError(StancegraphError):
    """The store refused, failed or could not be reached."""


@dataclass(frozen=True)
class PushReport:
    graph: str
    triples: int
    batches: int


def safe_url(url: str) -> str:
    """The URL without any user name, password or query string, for messages."""
    parts = urllib.parse.urlsplit(url)
    host = parts.hostname or ""
    if parts.port:
        host += f":{parts.port}"
    return urllib.parse.urlunsplit((parts.scheme, host, parts.path, "", ""))


def _credentials(url: str) -> str | None:
    """The Authorization header for `url`, from the environment or ~/.netrc."""
    token = os.environ.get("STANCEGRAPH_STORE_TOKEN")
    if token:
        return f"Bearer {token}"
    user, password = os.environ.get("STANCEGRAPH_STORE_USER"), os.environ.get("STANCEGRAPH_STORE_PASSWORD")
    if not user:
        try:
            found = netrc.netrc().authenticators(urllib.parse.urlsplit(url).hostname or "")
        except (OSError, netrc.NetrcParseError):
            found = None
        if found:
            user, _, password = found
    if user:
        return "Basic " + base64.b64encode(f"{user}:{password or ''}".encode()).decode()
    return None


def check_url(url: str) -> None:
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise StoreError(f"{safe_url(url)}: not an http(s) URL")
    if parts.username or parts.password:
        raise StoreError(f"{safe_url(url)}: credentials are not accepted in the URL; set "
                         "STANCEGRAPH_STORE_USER and STANCEGRAPH_STORE_PASSWORD or use ~/.netrc")


def open_url(request: urllib.request.Request, timeout: float | None) -> tuple[bytes, str]:
    """Send `request` with credentials; the body and media type, or a StoreError."""
    check_url(request.full_url)
    auth = _credentials(request.full_url)
    if auth:
        request.add_unredirected_header("Authorization", auth)
    where = safe_url(request.full_url)
    try:
        with urllib.request.urlopen(request, timeout=timeout or 60) as response:
            return response.read(), response.headers.get("Content-Type", "")
    except urllib.error.HTTPError as error:
        detail = {401: "not authorised (check STANCEGRAPH_STORE_USER/PASSWORD or ~/.netrc)",
                  403: "forbidden"}.get(error.code, error.reason)
        raise StoreError(f"{where}: HTTP {error.code} {detail}") from None
    except TimeoutError:
        raise StoreError(f"{where}: no answer within {timeout or 60:g} s") from None
    except urllib.error.URLError as error:
        reason = error.reason if isinstance(error.reason, str) else getattr(error.reason, "strerror", None)
        raise StoreError(f"{where}: cannot connect ({reason or error.reason})") from None


def _request(url: str, method: str, body: bytes | None = None, media: str | None = None) -> urllib.request.Request:
    headers = {"Content-Type": media} if media else {}
    return urllib.request.Request(url, data=body, method=method, headers=headers)


def _graph_url(store: str, graph: str) -> str:
    return f"{store}{'&' if '?' in store else '?'}graph={urllib.parse.quote(graph, safe='')}"


def update_url_for(store: str) -> str:
    """The update endpoint beside a Graph Store endpoint (Oxigraph: /store and /update)."""
    parts = urllib.parse.urlsplit(store)
    if not parts.path.endswith("/store"):
        raise StoreError(f"{safe_url(store)}: give the update endpoint with --update")
    return urllib.parse.urlunsplit(parts._replace(path=parts.path[: -len("store")] + "update"))


def push(path: Path, store: str, graph: str, update: str | None = None, batch: int = BATCH,
         timeout: float | None = 60) -> PushReport:
    """Replace `graph` on the store with the triples of `path`, atomically for readers."""
    check_url(store)
    update = update or update_url_for(store)
    check_url(update)
    try:
        ox.NamedNode(graph)
    except ValueError:
        raise StoreError(f"{graph}: not an IRI") from None
    try:
        triples = list(ox.parse(path=str(path), format=ox.RdfFormat.TURTLE))
    except OSError as error:
        raise StoreError(f"{path}: cannot read ({error.strerror or error})") from None
    except SyntaxError as error:
        raise StoreError(f"{path}: not valid Turtle ({error})") from None
    has_blank = any(isinstance(t.subject, ox.BlankNode) or isinstance(t.object, ox.BlankNode) for t in triples)
    size = len(triples) if has_blank else batch  # blank nodes must travel in one request
    staging = graph + ".staging"
    open_url(_request(f"{update}", "POST", f"DROP SILENT GRAPH <{staging}>".encode(),
                      "application/sparql-update"), timeout)
    batches = 0
    try:
        for start in range(0, len(triples), max(size, 1)):
            chunk = ox.serialize(triples[start:start + size], format=ox.RdfFormat.N_TRIPLES)
            open_url(_request(_graph_url(store, staging), "POST", chunk, "application/n-triples"), timeout)
            batches += 1
        open_url(_request(update, "POST", f"MOVE SILENT GRAPH <{staging}> TO GRAPH <{graph}>".encode(),
                          "application/sparql-update"), timeout)
    except StoreError:
        try:
            open_url(_request(update, "POST", f"DROP SILENT GRAPH <{staging}>".encode(),
                              "application/sparql-update"), timeout)
        except StoreError:
            pass  # the store is gone; the target graph was never touched
        raise
    return PushReport(graph, len(triples), batches)
