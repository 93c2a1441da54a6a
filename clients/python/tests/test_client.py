"""The synchronous client against the started gateway: every method, a live switch, a cancelled stream."""

from __future__ import annotations

import threading

import pytest

from conftest import Gateway, wait_for
from switchyard import Generation, ModelSwitch, StreamDelta, Switchyard


def test_set_model_creates_the_session_then_switches_it_live(admin: Switchyard) -> None:
    assert admin.session_id is None
    first = admin.set_model("mock-fast", max_tokens=100, temperature=0.7)
    assert (first.model, first.previous_model, first.revision) == ("mock-fast", None, 1)
    assert admin.session_id == first.session_id
    switched = admin.set_model("mock-slow")
    assert (switched.session_id, switched.model, switched.previous_model, switched.revision) == (first.session_id, "mock-slow", "mock-fast", 2)
    assert switched.latency_ms is not None and switched.latency_ms >= 0


def test_generate_answers_text_usage_cost_and_model_and_continues_the_session(admin: Switchyard) -> None:
    admin.set_model("mock-fast")
    answer = admin.generate("Hello, world!")
    assert isinstance(answer, Generation)
    assert answer.text and answer.model == "mock-fast" and answer.status == "SUCCEEDED"
    assert answer.usage.output_tokens == 16 and answer.usage.total_tokens == answer.usage.input_tokens + 16
    assert answer.cost_usd is not None and answer.cost_usd > 0
    assert answer.session_id == admin.session_id
    # The second turn carries the first as history: more input tokens.
    follow_up = admin.generate([{"role": "user", "content": "And again?"}])
    assert follow_up.usage.input_tokens > answer.usage.input_tokens
    one_off = admin.generate("Just this", model="mock-slow", session=False)
    assert (one_off.model, one_off.session_id) == ("mock-slow", None)


def test_a_given_session_is_followed_and_the_key_comes_from_the_environment(
    gateway: Gateway, admin: Switchyard, monkeypatch: pytest.MonkeyPatch
) -> None:
    admin.set_model("mock-slow")
    monkeypatch.setenv("SWITCHYARD_API_KEY", gateway.admin_key)
    with Switchyard(gateway.base_url, session_id=admin.session_id) as other:
        answer = other.generate("Who serves me?")
    assert (answer.session_id, answer.model) == (admin.session_id, "mock-slow")


def test_set_model_pool_spreads_the_session_over_the_weighted_members(admin: Switchyard) -> None:
    switched = admin.set_model_pool(["mock-fast", "mock-slow"], weights=[0.7, 0.3], name="py-pool")
    assert switched.model == "pool:py-pool"
    answer = admin.generate("Hello")
    assert answer.pool == "py-pool" and answer.model in ("mock-fast", "mock-slow")
    with pytest.raises(ValueError, match="weights"):
        admin.set_model_pool(["mock-fast", "mock-slow"], weights=[1.0])


def test_stream_yields_deltas_with_the_running_cost_then_the_stored_generation(admin: Switchyard) -> None:
    admin.set_model("mock-slow")
    with admin.stream("Tell me more") as stream:
        deltas = list(stream)
    assert deltas and all(isinstance(d, StreamDelta) and d.kind == "text" for d in deltas)
    costs = [d.cost_usd for d in deltas if d.cost_usd is not None]
    assert costs == sorted(costs) and costs[-1] > 0
    assert stream.generation is not None and stream.generation.status == "SUCCEEDED"
    assert "".join(d.text for d in deltas) == stream.text == stream.generation.text
    assert admin.generation(stream.generation.id).text == stream.text


def test_a_stream_cancelled_mid_way_is_stored_cancelled(admin: Switchyard) -> None:
    stream = admin.stream("A long story", model="mock-long")
    taken = [next(stream) for _ in range(3)]
    stream.close()
    generation_id = taken[0].generation_id
    wait_for(lambda: admin.generation(generation_id).status == "CANCELLED", "the CANCELLED record")
    stored = admin.generation(generation_id)
    assert stored.text.startswith("".join(d.text for d in taken)) and stored.usage.output_tokens < 2000


def test_a_live_switch_is_seen_by_another_clients_on_model_switched(gateway: Gateway, admin: Switchyard) -> None:
    admin.set_model("mock-fast")
    seen: list[ModelSwitch] = []
    handled: list[int] = []
    # Streams of earlier tests may still be closing: start from none open, then see the watcher's open.
    wait_for(lambda: gateway.metric("switchyard_sse_subscriptions") == 0, "earlier streams to close")
    with Switchyard(gateway.base_url, api_key=gateway.admin_key, session_id=admin.session_id) as watcher:
        thread = threading.Thread(target=lambda: handled.append(watcher.on_model_switched(seen.append, limit=1, timeout=30)))
        thread.start()
        wait_for(lambda: gateway.metric("switchyard_sse_subscriptions") == 1, "the watcher's subscription")
        admin.set_model("mock-slow", temperature=0.2)
        thread.join(30)
    assert handled == [1]
    assert [(s.session_id, s.previous_model, s.model, s.revision) for s in seen] == [(admin.session_id, "mock-fast", "mock-slow", 2)]
    assert seen[0].latency_ms is not None


def test_on_model_switched_returns_at_its_timeout_when_nothing_switches(gateway: Gateway, admin: Switchyard) -> None:
    admin.set_model("mock-fast")
    assert admin.on_model_switched(lambda s: None, timeout=0.2) == 0


def test_models_lists_the_registry_with_prices(admin: Switchyard) -> None:
    models = {m.id: m for m in admin.models()}
    assert {"mock-fast", "mock-slow", "flaky"} <= set(models)
    fast = models["mock-fast"]
    assert (fast.provider, fast.status, fast.context_window) == ("mock", "HEALTHY", 32768)
    assert fast.pricing is not None and (fast.pricing.input, fast.pricing.output) == (0.5, 1.5)


def test_costs_count_a_new_generation(admin: Switchyard) -> None:
    before = admin.costs("MODEL", model="mock-slow").totals
    answer = admin.generate("Count me", model="mock-slow", session=False)
    after = admin.costs("MODEL", model="mock-slow")
    assert after.totals.requests == before.requests + 1
    assert after.totals.cost_usd == pytest.approx(before.cost_usd + (answer.cost_usd or 0))
    assert [g.key for g in after.groups] == ["mock-slow"]


def test_register_model_goes_through_the_rest_registry_and_probes(admin: Switchyard) -> None:
    registered = admin.register_model("py-registered", "mock", mock={"tokens": 3, "token_delay_ms": 0}, pricing={"input": 1, "output": 2})
    assert (registered.model.id, registered.model.status) == ("py-registered", "HEALTHY")
    assert registered.health_check is not None and registered.health_check.ok
    assert admin.generate("Hi", model="py-registered", session=False).usage.output_tokens == 3
    assert admin.retire_model("py-registered").status == "RETIRED"
    assert "py-registered" not in {m.id for m in admin.models()}
