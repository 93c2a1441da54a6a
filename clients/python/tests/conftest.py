"""One gateway for the whole test session: the compiled build (``node dist/main.js``, what ``npm run build`` makes),
on a loopback port, a fresh SQLite file and a config of its own, with an admin key; plus a loopback fake vendor."""

from __future__ import annotations

import json
import os
import subprocess
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from threading import Thread
from typing import Any

import httpx
import pytest

from switchyard import Switchyard

REPO = Path(__file__).resolve().parents[3]
ADMIN_KEY = "python-tests-admin-key-0123456789"
START_TIMEOUT = 60.0


def wait_for(condition: Callable[[], bool], what: str, timeout: float = 10.0) -> None:
    """Polls ``condition`` until it holds (a condition, never a fixed sleep); fails naming ``what``."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.02)


class FakeVendor(ThreadingHTTPServer):
    """An OpenAI-format vendor that lists its model (the health probe passes) and answers every chat with 503."""

    chat_calls = 0


class FakeVendorHandler(BaseHTTPRequestHandler):
    server: FakeVendor

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def _json(self, status: int, body: object) -> None:
        text = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(text)))
        self.end_headers()
        self.wfile.write(text)

    def do_GET(self) -> None:
        self._json(200, {"object": "list", "data": [{"id": "flaky", "object": "model", "owned_by": "fake"}]})

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("content-length", "0")))
        self.server.chat_calls += 1
        self._json(503, {"error": {"message": "The server is overloaded", "type": "server_error", "code": None}})


@dataclass(frozen=True)
class Gateway:
    base_url: str
    admin_key: str
    vendor: FakeVendor

    def admin(self, **options: Any) -> Switchyard:
        return Switchyard(self.base_url, api_key=self.admin_key, **options)

    def metric(self, name: str) -> float:
        """The value of an unlabelled metric on /metrics."""
        for line in httpx.get(f"{self.base_url}/metrics").text.splitlines():
            if line.startswith(name + " "):
                return float(line.split()[1])
        return 0.0

    def create_key(self, **input: Any) -> str:
        with self.admin() as admin:
            data = admin.request(
                "mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { key } }",
                {"input": {"scopes": ["CLIENT"], **input}},
            )
        return str(data["createApiKey"]["key"])


def ensure_build() -> Path:
    """``dist/main.js``, built with ``npm run build`` when it is missing or older than the sources."""
    main = REPO / "dist" / "main.js"
    newest = max(p.stat().st_mtime for p in (REPO / "src").rglob("*.ts"))
    if not main.exists() or main.stat().st_mtime < newest:
        built = subprocess.run(["npm", "run", "build"], cwd=REPO, capture_output=True, text=True)
        if built.returncode != 0 or not main.exists():
            pytest.exit(f"npm run build failed:\n{built.stdout[-4000:]}\n{built.stderr[-4000:]}", returncode=1)
    return main


def mock(id: str, tokens: int, delay_ms: int, price_in: float, price_out: float) -> str:
    """A mock model's entry of the config's ``models:`` list."""
    return (
        f"  - {{ id: {id}, provider: mock, capabilities: [chat, streaming], contextWindow: 32768,"
        f" pricing: {{ input: {price_in}, output: {price_out} }}, mock: {{ tokens: {tokens}, tokenDelayMs: {delay_ms} }} }}\n"
    )


def config_text(database: Path, vendor_url: str) -> str:
    return (
        "server: { host: 127.0.0.1, port: 0 }\n"
        f"database: {{ url: {json.dumps(str(database))} }}\n"
        "security: { allowPrivateEndpoints: true }\n"
        "logging: { level: info }\n"
        "defaultModel: mock-fast\n"
        "routing: { retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 5 }, healthCheckIntervalMs: 600000 }\n"
        "models:\n"
        + mock("mock-fast", 16, 0, 0.5, 1.5)
        + mock("mock-slow", 32, 5, 3, 15)
        + mock("mock-long", 2000, 20, 3, 15)
        + f"  - {{ id: flaky, provider: openai, baseUrl: {json.dumps(vendor_url)}, apiKeyEnv: OPENAI_API_KEY,"
        " pricing: { input: 1, output: 2 }, retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 5 } }\n"
    )


@pytest.fixture(scope="session")
def gateway(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Gateway]:
    main = ensure_build()
    vendor = FakeVendor(("127.0.0.1", 0), FakeVendorHandler)
    Thread(target=vendor.serve_forever, name="fake-vendor", daemon=True).start()
    home = tmp_path_factory.mktemp("gateway")
    config = home / "switchyard.config.yml"
    config.write_text(config_text(home / "switchyard.db", f"http://127.0.0.1:{vendor.server_address[1]}/v1"))
    log = home / "gateway.log"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SWITCHYARD_", "OTEL_")) and k not in ("PORT", "HOST", "DATABASE_URL", "REDIS_URL")}
    env.update(SWITCHYARD_ADMIN_KEY=ADMIN_KEY, OPENAI_API_KEY="sk-fake-vendor-key", LOG_LEVEL="info")
    with log.open("w") as out:
        process = subprocess.Popen(["node", str(main), "--config", str(config)], cwd=REPO, env=env, stdout=out, stderr=subprocess.STDOUT)
    url: list[str] = []

    def listening() -> bool:
        if process.poll() is not None:
            raise AssertionError(f"the gateway exited with {process.returncode}:\n{log.read_text()[-4000:]}")
        for line in log.read_text().splitlines():
            if line.startswith("{") and "listening" in line:
                url.append(json.loads(line)["url"].removesuffix("/graphql"))
                return True
        return False

    try:
        wait_for(listening, "the gateway to listen", START_TIMEOUT)
        yield Gateway(url[0], ADMIN_KEY, vendor)
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
        vendor.shutdown()


@pytest.fixture
def admin(gateway: Gateway) -> Iterator[Switchyard]:
    with gateway.admin() as client:
        yield client
