"""The README's Python example runs as written against the started gateway (only its address substituted)."""

from __future__ import annotations

import os
import re
import subprocess
import sys

from conftest import REPO, Gateway

BLOCK = re.compile(r"<!-- not run: Python; clients/python/tests/test_readme\.py[^\n]*-->\n```python\n(.*?)\n```", re.S)


def test_the_readme_python_example_runs(gateway: Gateway) -> None:
    found = BLOCK.search((REPO / "README.md").read_text())
    assert found, "the README's Python example (marked for test_readme.py) is missing"
    code = found.group(1).replace("http://127.0.0.1:4000", gateway.base_url)
    env = {**os.environ, "SWITCHYARD_API_KEY": gateway.admin_key}
    ran = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    assert ran.returncode == 0, ran.stderr
    lines = ran.stdout.splitlines()
    assert re.match(r"^mock-fast 16 \S", lines[0]), lines
    assert re.match(r"^now pool:pool-mock-fast-mock-slow revision 2 in \d+\.\d ms$", lines[1]), lines
    assert len(lines[2]) > 20, lines
    assert re.match(r"^\d+ requests so far$", lines[3]), lines
