"""SPARQL through `stancegraph query` and `push`: on files, on a real Oxigraph server on
loopback, and against stores that fail."""

import csv
import http.server
import io
import json
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from decimal import Decimal, InvalidOperation

import pytest
from rdflib import Graph

from conftest import ROOT, STANCEGRAPH

EXPORT = ROOT / "exports" / "stancegraph.ttl"
OXIGRAPH = STANCEGRAPH.parent / "oxigraph"
GRAPH = "https://w3id.org/stancegraph/graph"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


def run(*args, env=None):
    return subprocess.run([str(STANCEGRAPH), *map(str, args)], capture_output=True, text=True, env=env)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """A real Oxigraph server on loopback, for the whole module."""
    port = free_port()
    process = subprocess.Popen([str(OXIGRAPH), "serve", "--location", str(tmp_path_factory.mktemp("oxigraph")),
                                "--bind", f"127.0.0.1:{port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(f"{base}/query?query=ASK%7B%7D", timeout=1)
            break
        except OSError:
            time.sleep(0.1)
    else:
        process.kill()
        pytest.fail("the Oxigraph server did not start")
    yield base
    process.terminate()
    process.wait(10)


def _value(term: dict) -> str:
    """A term's value, numbers in canonical form ("0.700" and "0.7" are one decimal)."""
    try:
        return str(Decimal(term["value"]).normalize()) if "datatype" in term else term["value"]
    except InvalidOperation:
        return term["value"]


def _rows(bindings: list[dict]) -> list[str]:
    # an empty binding is no answer (rdflib gives one for an aggregate over nothing)
    return sorted(json.dumps({k: _value(v) for k, v in b.items()}, sort_keys=True) for b in bindings if b)


def rows(json_text: str) -> list[str]:
    return _rows(json.loads(json_text)["results"]["bindings"])


def count_in_store(base: str, graph: str = GRAPH) -> int:
    query = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"
    result = run("query", query, "--endpoint", f"{base}/query", "--format", "json")
    return int(json.loads(result.stdout)["results"]["bindings"][0]["n"]["value"])


QUERIES = [
    ("supporters", ["actor=Russia"]),
    ("said-about", ["holder=France", "target=Russia"]),
    ("timeline", ["holder=the West", "target=Russia"]),
    ("contested", []),
    ("speakers", []),
    ("actors", []),
    ("confident", ["min=0.7"]),
]


def test_query_list_names_every_shipped_question():
    out = run("query", "--list").stdout
    for name, _ in QUERIES:
        assert name in out


@pytest.mark.parametrize("name,params", QUERIES)
def test_query_same_answer_from_file_rdflib_and_server(server, name, params):
    assert run("push", EXPORT, "--store", f"{server}/store", "--graph", GRAPH).returncode == 0
    args = [a for p in params for a in ("--param", p)]
    local = run("query", name, *args, "--format", "json")
    assert local.returncode == 0, local.stderr
    remote = run("query", name, *args, "--format", "json", "--endpoint", f"{server}/query", "--graph", GRAPH)
    assert remote.returncode == 0, remote.stderr
    # an independent engine: rdflib on the same file, the parameters bound as initBindings
    from rdflib import Literal

    from stancegraph.query import resolve

    bindings = {}
    for p in params:
        key, value = p.split("=", 1)
        bindings[key] = Literal(value) if not value.replace(".", "").isdigit() else Literal(value, datatype=(
            "http://www.w3.org/2001/XMLSchema#decimal"))
    graph = Graph().parse(EXPORT)
    theirs = json.loads(graph.query(resolve(name), initBindings=bindings).serialize(format="json"))
    expected = _rows(theirs["results"]["bindings"])
    assert rows(local.stdout) == expected == rows(remote.stdout)
    assert expected or name == "contested"  # the seed build has no contested pair


def test_query_push_twice_leaves_one_copy(server):
    triples = len(Graph().parse(EXPORT))
    for _ in range(2):
        result = run("push", EXPORT, "--store", f"{server}/store", "--graph", GRAPH, "--batch", "100")
        assert result.returncode == 0, result.stderr
        assert f"pushed {triples} triples" in result.stdout
    assert count_in_store(server) == triples


def test_query_push_of_a_broken_file_leaves_the_graph(server, tmp_path):
    assert run("push", EXPORT, "--store", f"{server}/store", "--graph", GRAPH).returncode == 0
    before = count_in_store(server)
    broken = tmp_path / "broken.ttl"
    broken.write_text("<a> <b> .\n")
    result = run("push", broken, "--store", f"{server}/store", "--graph", GRAPH)
    assert result.returncode == 2 and "not valid Turtle" in result.stderr
    assert count_in_store(server) == before


@pytest.mark.parametrize("update", [
    "DELETE WHERE { ?s ?p ?o }",
    "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
    "DROP ALL",
    "CLEAR DEFAULT",
    "LOAD <http://example.org/x.ttl>",
    "PREFIX sg: <https://w3id.org/stancegraph/ns#>\n# a comment\ndelete where { ?s sg:supports ?o }",
])
def test_query_updates_are_refused_and_the_file_untouched(tmp_path, update):
    data = tmp_path / "copy.ttl"
    data.write_bytes(EXPORT.read_bytes())
    result = run("query", update, "--data", data)
    assert result.returncode == 2
    assert "read-only" in result.stderr and "Traceback" not in result.stderr
    assert data.read_bytes() == EXPORT.read_bytes()


def test_query_injection_through_param_is_just_a_string(server, tmp_path):
    data = tmp_path / "copy.ttl"
    data.write_bytes(EXPORT.read_bytes())
    hostile = 'actor=Russia" } ; DROP ALL ; #'
    local = run("query", "supporters", "--param", hostile, "--data", data, "--format", "json")
    assert local.returncode == 0, local.stderr
    assert rows(local.stdout) == []
    assert data.read_bytes() == EXPORT.read_bytes()
    assert run("push", EXPORT, "--store", f"{server}/store", "--graph", GRAPH).returncode == 0
    before = count_in_store(server)
    remote = run("query", "supporters", "--param", hostile, "--endpoint", f"{server}/query", "--graph", GRAPH,
                 "--format", "json")
    assert remote.returncode == 0, remote.stderr
    assert rows(remote.stdout) == []
    assert count_in_store(server) == before


@pytest.mark.parametrize("fmt", ["csv", "tsv", "json", "table"])
def test_query_result_formats(fmt):
    result = run("query", "supporters", "--param", "actor=Russia", "--format", fmt)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    if fmt == "json":
        assert json.loads(out)["head"]["vars"] == ["supporter", "assertions", "articles"]
    elif fmt == "csv":
        assert next(csv.reader(io.StringIO(out))) == ["supporter", "assertions", "articles"]
    elif fmt == "tsv":
        assert out.splitlines()[0].split("\t") == ["?supporter", "?assertions", "?articles"]
    else:
        assert out.splitlines()[0].split() == ["supporter", "assertions", "articles"] and "Venezuela" in out


def test_query_timeout_stops_a_long_query():
    heavy = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    result = run("query", heavy, "--timeout", "1")
    assert result.returncode == 2
    assert "did not finish within 1 s" in result.stderr


class _Failing(http.server.BaseHTTPRequestHandler):
    status = 500

    def do_POST(self):  # noqa: N802
        if self.status == 0:
            time.sleep(3)
        self.send_response(self.status or 200)
        self.end_headers()

    do_GET = do_DELETE = do_PUT = do_POST  # noqa: N815

    def log_message(self, *args):
        pass


@pytest.fixture
def failing_store():
    servers = []

    def start(status):
        handler = type("Handler", (_Failing,), {"status": status})
        httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        servers.append(httpd)
        return f"http://127.0.0.1:{httpd.server_address[1]}/store"

    yield start
    for httpd in servers:
        httpd.shutdown()


@pytest.mark.parametrize("status,message", [(401, "HTTP 401 not authorised"), (500, "HTTP 500"),
                                            (0, "no answer within 0.5 s")])
def test_query_push_to_a_failing_store(failing_store, status, message):
    env = {**__import__("os").environ, "STANCEGRAPH_STORE_USER": "analyst", "STANCEGRAPH_STORE_PASSWORD": "s3cret-pw"}
    result = run("push", EXPORT, "--store", failing_store(status), "--timeout", "0.5", env=env)
    assert result.returncode == 2
    assert message in result.stderr
    assert "s3cret-pw" not in result.stderr + result.stdout and "Traceback" not in result.stderr


def test_query_push_to_a_closed_port_and_no_credentials_in_urls():
    result = run("push", EXPORT, "--store", f"http://127.0.0.1:{free_port()}/store")
    assert result.returncode == 2 and "cannot connect" in result.stderr
    result = run("push", EXPORT, "--store", "http://user:pw123@127.0.0.1:9/store")
    assert result.returncode == 2 and "credentials are not accepted" in result.stderr and "pw123" not in result.stderr


def test_query_validate_exports_and_a_broken_graph(tmp_path):
    ok = run("validate", EXPORT)
    assert ok.returncode == 0, ok.stdout
    assert "valid (0 violations" in ok.stdout
    broken = tmp_path / "broken.ttl"
    text = EXPORT.read_text().replace("sg:evidence ", "sg:evidenceX ", 1)
    text = text.replace('sg:confidence "0.', 'sg:confidence "7.', 1)
    broken.write_text(text)
    bad = run("validate", broken)
    assert bad.returncode == 1
    assert "a stance assertion needs its evidence text (sg:evidence)" in bad.stdout
    assert "between 0 and 1" in bad.stdout


def test_query_build_formats_parse_back_to_the_same_graph(tmp_path):
    result = run("build", "seeds", "--out", tmp_path, "-q", "--format", "ttl", "--format", "nt", "--format", "jsonld")
    assert result.returncode == 0, result.stderr
    from rdflib.compare import isomorphic

    turtle = Graph().parse(tmp_path / "stancegraph.ttl")
    assert isomorphic(turtle, Graph().parse(tmp_path / "stancegraph.nt", format="nt"))
    assert isomorphic(turtle, Graph().parse(tmp_path / "stancegraph.jsonld", format="json-ld"))
    again = tmp_path / "again"
    run("build", "seeds", "--out", again, "-q", "--format", "nt", "--format", "jsonld")
    for name in ("stancegraph.nt", "stancegraph.jsonld"):
        assert (again / name).read_bytes() == (tmp_path / name).read_bytes()


def test_query_bad_input_is_one_line(tmp_path):
    for args in (["SELECT * WHERE { ?s ?p }"], ["supporters"], ["x.rq"], ["SELECT * WHERE {?s ?p ?o}", "--data",
                                                                        tmp_path / "none.ttl"]):
        result = run("query", *args)
        assert result.returncode == 2, args
        assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr


if __name__ == "__main__":
    sys.exit(pytest.main([__file__]))


def test_query_push_failing_midway_leaves_the_remote_graph_as_it_was(server, tmp_path):
    """A store that takes two batches and fails on the third (a real Oxigraph server behind a
    proxy that breaks): the target graph keeps its previous triples and no staging is left."""
    assert run("push", EXPORT, "--store", f"{server}/store", "--graph", GRAPH).returncode == 0
    before = count_in_store(server)
    other = tmp_path / "other.ttl"
    other.write_text("".join(f"<urn:s{i}> <urn:p> \"{i}\" .\n" for i in range(250)), encoding="utf-8")
    uploads = []

    class Proxy(http.server.BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            if self.path.startswith("/store"):
                uploads.append(len(body))
                if len(uploads) == 3:
                    self.send_response(500)
                    self.end_headers()
                    return
            request = urllib.request.Request(server + self.path, data=body, method="POST",
                                             headers={"Content-Type": self.headers.get("Content-Type", "")})
            with urllib.request.urlopen(request, timeout=10) as answer:
                status, data = answer.status, answer.read()
            self.send_response(status)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args):
            pass

    proxy = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Proxy)
    threading.Thread(target=proxy.serve_forever, daemon=True).start()
    try:
        result = run("push", other, "--store", f"http://127.0.0.1:{proxy.server_address[1]}/store",
                     "--graph", GRAPH, "--batch", "100")
    finally:
        proxy.shutdown()
    assert result.returncode == 2 and "HTTP 500" in result.stderr and "Traceback" not in result.stderr
    assert len(uploads) == 3  # two batches reached the store before it failed
    assert count_in_store(server) == before
    assert count_in_store(server, GRAPH + ".staging") == 0
