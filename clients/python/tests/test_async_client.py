"""The asyncio twin against the same gateway: each method awaited, switches as an async iterator, a cancelled stream."""

from __future__ import annotations

import asyncio
import inspect
import time
from collections.abc import AsyncIterator, Awaitable, Callable

import pytest

from conftest import Gateway
from switchyard import AsyncSwitchyard, ModelSwitch, NotFoundError, RetryError, Switchyard


@pytest.fixture
async def client(gateway: Gateway) -> AsyncIterator[AsyncSwitchyard]:
    async with AsyncSwitchyard(gateway.base_url, api_key=gateway.admin_key) as c:
        yield c


async def until(condition: Callable[[], bool | Awaitable[bool]], what: str, timeout: float = 10.0) -> None:
    """Polls ``condition`` (sync or async) until it holds; fails naming ``what``."""
    deadline = time.monotonic() + timeout
    while True:
        held = condition()
        if inspect.isawaitable(held):
            held = await held
        if held:
            return
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.02)


async def test_set_model_generate_and_the_session(client: AsyncSwitchyard) -> None:
    first = await client.set_model("mock-fast", max_tokens=50)
    assert (first.model, first.revision, client.session_id) == ("mock-fast", 1, first.session_id)
    answer = await client.generate("Hello, world!")
    assert answer.text and answer.model == "mock-fast" and answer.session_id == client.session_id
    assert answer.cost_usd is not None and answer.usage.output_tokens == 16
    switched = await client.set_model("mock-slow")
    assert (switched.previous_model, switched.model, switched.revision) == ("mock-fast", "mock-slow", 2)


async def test_set_model_pool(client: AsyncSwitchyard) -> None:
    switched = await client.set_model_pool(["mock-fast", "mock-slow"], weights=[3, 1], name="py-async-pool")
    assert switched.model == "pool:py-async-pool"
    assert (await client.generate("Hi")).pool == "py-async-pool"


async def test_stream_and_its_cancellation(client: AsyncSwitchyard) -> None:
    stream = await client.stream("Tell me more", model="mock-slow", session=False)
    deltas = [d async for d in stream]
    assert stream.generation is not None and "".join(d.text for d in deltas) == stream.generation.text
    assert deltas[-1].cost_usd is not None and deltas[-1].cost_usd > 0

    long = await client.stream("A long story", model="mock-long", session=False)
    first = await long.__anext__()
    await long.aclose()

    async def cancelled() -> bool:
        return (await client.generation(first.generation_id)).status == "CANCELLED"

    await until(cancelled, "the CANCELLED record")


async def test_on_model_switched_iterates_another_clients_switches(gateway: Gateway, client: AsyncSwitchyard) -> None:
    await client.set_model("mock-fast")
    await until(lambda: gateway.metric("switchyard_sse_subscriptions") == 0, "earlier streams to close")
    async with AsyncSwitchyard(gateway.base_url, api_key=gateway.admin_key, session_id=client.session_id) as watcher:

        async def watch() -> list[ModelSwitch]:
            return [s async for s in watcher.on_model_switched(limit=2, timeout=30)]

        watching = asyncio.create_task(watch())
        await until(lambda: gateway.metric("switchyard_sse_subscriptions") == 1, "the subscription")
        await client.set_model("mock-slow")
        with Switchyard(gateway.base_url, api_key=gateway.admin_key, session_id=client.session_id) as sync_client:
            sync_client.set_model("mock-fast")
        seen = await asyncio.wait_for(watching, 30)
    assert [(s.previous_model, s.model, s.revision) for s in seen] == [("mock-fast", "mock-slow", 2), ("mock-slow", "mock-fast", 3)]
    assert [s async for s in client.on_model_switched(timeout=0.2)] == []


async def test_models_costs_register_and_errors(client: AsyncSwitchyard) -> None:
    assert "mock-fast" in {m.id for m in await client.models()}
    registered = await client.register_model("py-async-registered", "MOCK", mock={"tokens": 2})
    assert registered.model.status == "HEALTHY" and registered.health_check is not None
    await client.generate("Hi", model="py-async-registered", session=False)
    report = await client.costs("MODEL", model="py-async-registered")
    assert report.totals.requests == 1 and [g.key for g in report.groups] == ["py-async-registered"]
    assert (await client.retire_model("py-async-registered")).status == "RETIRED"
    with pytest.raises(NotFoundError):
        await client.set_model("no-such-model")
    with pytest.raises(RetryError):
        await client.generate("Hi", model="flaky", session=False)
