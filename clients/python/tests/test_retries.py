"""What the client retries, against a scripted transport (no gateway): only what the gateway says may be retried."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from switchyard import BudgetUnavailableError, RateLimitError, RetryError, Switchyard, SwitchyardError
from switchyard._sse import EventStreamDecoder, ServerSentEvent


def scripted(answers: list[dict[str, Any]]) -> tuple[Switchyard, list[httpx.Request]]:
    sent: list[httpx.Request] = []
    script: Iterator[dict[str, Any]] = iter(answers)

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200, json=next(script))

    return Switchyard("http://gateway.test", api_key="k", http_client=httpx.Client(transport=httpx.MockTransport(answer))), sent


def refusal(code: str, **extensions: Any) -> dict[str, Any]:
    return {"errors": [{"message": code.lower(), "extensions": {"code": code, **extensions}}], "data": None}


MODELS = {"data": {"models": [{"id": "m", "provider": "MOCK", "status": "HEALTHY"}]}}


def test_a_rate_limit_with_a_short_retry_after_is_retried_after_it() -> None:
    client, sent = scripted([refusal("RATE_LIMITED", retryAfterMs=10), MODELS])
    assert [m.id for m in client.models()] == ["m"]
    assert len(sent) == 2 and sent[0].headers["authorization"] == "Bearer k"


def test_a_rate_limit_past_max_retry_wait_or_without_retry_after_is_raised_at_once() -> None:
    client, sent = scripted([refusal("RATE_LIMITED", retryAfterMs=60_000)])
    with pytest.raises(RateLimitError) as limited:
        client.models()
    assert (len(sent), limited.value.retry_after) == (1, 60.0)
    client, sent = scripted([refusal("RATE_LIMITED")])
    with pytest.raises(RateLimitError):
        client.models()
    assert len(sent) == 1


def test_an_unavailable_budget_store_is_retried_up_to_max_retries() -> None:
    client, sent = scripted([refusal("BUDGET_UNAVAILABLE")] * 3)
    client.max_retries = 2
    with pytest.raises(BudgetUnavailableError):
        client.models()
    assert len(sent) == 3


def test_retry_exhausted_is_never_retried_by_the_client() -> None:
    attempts = [{"modelId": "a", "errorCode": "UPSTREAM_ERROR", "httpStatus": 503, "durationMs": 3}]
    client, sent = scripted([refusal("RETRY_EXHAUSTED", attempts=attempts)])
    with pytest.raises(RetryError) as failed:
        client.models()
    assert len(sent) == 1 and [(a.model_id, a.http_status) for a in failed.value.attempts] == [("a", 503)]


def test_a_gateway_that_cannot_be_reached_is_a_connection_error_not_retried() -> None:
    sent: list[httpx.Request] = []

    def refuse(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        raise httpx.ConnectError("connection refused", request=request)

    client = Switchyard("http://gateway.test", http_client=httpx.Client(transport=httpx.MockTransport(refuse)))
    with pytest.raises(SwitchyardError) as failed:
        client.models()
    assert (failed.value.code, len(sent)) == ("CONNECTION_ERROR", 1)
    assert "http://gateway.test" in failed.value.message


def test_the_event_stream_decoder_follows_the_format() -> None:
    decoder = EventStreamDecoder()
    lines = [":", "", "event: next", 'data: {"a":', "data: 1}", "", "data:x", "\n", "event: complete", "data:", ""]
    events = [e for e in (decoder.feed(line) for line in lines) if e is not None]
    assert events == [ServerSentEvent("next", '{"a":\n1}'), ServerSentEvent("message", "x"), ServerSentEvent("complete", "")]
    assert json.loads(events[0].data) == {"a": 1}
