"""Headless Chromium for the HTML view: launched offline, every request and console error watched.

Used by tests/test_browser.py and benchmarks/html_scale.py. Debian's chromium is driven by
Playwright for Python; no browser is downloaded (`playwright install` is never needed).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

CHROMIUM = Path(os.environ.get("STANCEGRAPH_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]
VIEWPORT = {"width": 1400, "height": 900}
SCREENSHOT_ENV = "STANCEGRAPH_SCREENSHOT"  # =1: the screenshot test rewrites docs/seed-graph.png
READY = "window.stancegraphReady === true"


class BrowserMissing(RuntimeError):
    """Playwright or the chromium binary is not installed."""


@dataclass
class OfflinePage:
    """A page opened from file:// with everything else blocked, and what it tried to do."""

    page: object  # playwright.sync_api.Page
    blocked: list[str] = field(default_factory=list)  # URLs of requests that were refused
    errors: list[str] = field(default_factory=list)  # console errors and uncaught exceptions


def start_chromium():
    """Start Playwright and launch headless chromium; return (playwright, browser)."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as error:
        raise BrowserMissing(
            "Playwright for Python is not installed: pip install playwright "
            "(no `playwright install` needed, Debian's chromium is used)"
        ) from error
    if not CHROMIUM.is_file():
        raise BrowserMissing(f"{CHROMIUM} not found: apt-get install -y chromium")
    playwright = sync_playwright().start()
    try:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    except Exception:
        playwright.stop()
        raise
    return playwright, browser


def open_offline(browser, path: Path, timeout_ms: float = 30_000) -> OfflinePage:
    """Open an HTML file with every non-file: request aborted, and wait until the map is drawn."""
    page = browser.new_context(viewport=VIEWPORT).new_page()
    opened = OfflinePage(page)

    def route(request_route) -> None:
        url = request_route.request.url
        if url.startswith("file:"):
            request_route.continue_()
        else:
            opened.blocked.append(url)
            request_route.abort()

    page.route("**/*", route)
    page.on("console", lambda message: message.type == "error" and opened.errors.append(message.text))
    page.on("pageerror", lambda error: opened.errors.append(str(error)))
    page.goto(path.resolve().as_uri())
    page.wait_for_function(READY, timeout=timeout_ms)
    return opened


def visible_edges(page) -> list[tuple[str, str, str]]:
    """(holder, stance, target) of the edges on screen, checked against what vis-network draws."""
    shown = page.evaluate("""() => edges.get({filter: e => !e.hidden}).map(e => [e.id, e.from, e.stance, e.to])""")
    drawn = page.evaluate(
        """() => Object.keys(network.body.edges).filter(id => !network.body.edges[id].options.hidden)"""
    )
    assert sorted(drawn) == sorted(edge[0] for edge in shown), "the DataSet and the drawing disagree"
    return sorted((holder, stance, target) for _, holder, stance, target in shown)


def set_input(page, selector: str, value: str) -> None:
    """Give a form field a value as a user would leave it: input and change events fired."""
    page.eval_on_selector(
        selector,
        """(field, value) => {
            field.value = value;
            field.dispatchEvent(new Event("input", {bubbles: true}));
            field.dispatchEvent(new Event("change", {bubbles: true}));
        }""",
        value,
    )


def _on_page(page, point: dict) -> tuple[float, float]:
    """Page coordinates of a point given in the network's DOM coordinates."""
    box = page.locator("#sg-graph canvas").bounding_box()
    return box["x"] + point["x"], box["y"] + point["y"]


def edge_middle(page, edge_id: str) -> tuple[float, float]:
    """The middle of an edge's curve, where vis-network picks the edge."""
    point = page.evaluate("""id => network.canvasToDOM(network.body.edges[id].edgeType.getPoint(0.5))""", edge_id)
    return _on_page(page, point)


def click_edge(page, edge_id: str) -> None:
    """A real mouse click on an edge."""
    page.mouse.click(*edge_middle(page, edge_id))


def click_node(page, node_id: str) -> None:
    point = page.evaluate("""id => network.canvasToDOM(network.getPositions([id])[id])""", node_id)
    page.mouse.click(*_on_page(page, point))


def panel_text(page) -> str:
    return page.inner_text("#sg-panel")


def screenshot(page, path: Path) -> Path:
    """Save what the viewport shows as PNG, the selection and hover cleared first."""
    page.evaluate("() => network.unselectAll()")
    page.mouse.move(0, 0)
    path.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(path))
    return path
