"""The package is typed (py.typed) and passes ``mypy --strict``, its tests (which use it as a caller would) included."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1]


def test_mypy_strict_passes_on_the_package_and_its_tests() -> None:
    checked = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "src/switchyard", "tests"], cwd=PACKAGE, capture_output=True, text=True
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert (PACKAGE / "src" / "switchyard" / "py.typed").exists()
