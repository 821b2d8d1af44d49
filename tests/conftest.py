"""Fixtures shared by the test modules."""

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
STANCEGRAPH = Path(sys.executable).parent / "stancegraph"


@pytest.fixture(scope="session")
def shared() -> Path:
    """The development corpus beside the project (CI lays it there)."""
    if not (SHARED / "gold").is_dir():
        pytest.skip("../shared (development corpus) is not beside the project")
    return SHARED


@pytest.fixture
def write_file(tmp_path: Path):
    """Write text (as UTF-8) or bytes to a path under tmp_path, making folders; return the path."""

    def write(relative: str, content: str | bytes) -> Path:
        path = tmp_path / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        return path

    return write
