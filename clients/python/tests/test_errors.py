"""Each typed exception, as the gateway's ``extensions.code`` chooses it; retries only of what the gateway says is retryable."""

from __future__ import annotations

import pytest

from conftest import Gateway
from switchyard import (
    AuthError,
    BudgetError,
    CostLimitError,
    InvalidInputError,
    ModelUnavailableError,
    NotFoundError,
    RateLimitError,
    RetryError,
    RetryException,
    Switchyard,
    SwitchyardError,
)


def test_auth_error_for_an_unknown_key_and_for_a_missing_scope(gateway: Gateway) -> None:
    with Switchyard(gateway.base_url, api_key="sy-not-a-key-0000000000") as stranger, pytest.raises(AuthError) as unknown:
        stranger.models()
    assert unknown.value.code == "UNAUTHENTICATED"
    with Switchyard(gateway.base_url, api_key="sy-not-a-key-0000000000") as stranger, pytest.raises(AuthError):
        stranger.on_model_switched(lambda s: None, timeout=10)
    with Switchyard(gateway.base_url, api_key=gateway.create_key(name="py-client")) as client, pytest.raises(AuthError) as forbidden:
        client.register_model("py-forbidden", "mock")
    assert forbidden.value.code == "FORBIDDEN"


def test_not_found_and_invalid_input(admin: Switchyard) -> None:
    with pytest.raises(NotFoundError) as missing:
        admin.set_model("no-such-model")
    assert "no-such-model" in missing.value.message
    with pytest.raises(NotFoundError):
        admin.generation("00000000-0000-4000-8000-000000000000")
    with pytest.raises(InvalidInputError) as invalid:
        admin.set_model("mock-fast", temperature=5)
    assert invalid.value.field is not None and "temperature" in invalid.value.field


def test_cost_limit_error_for_a_request_over_its_cost_limit(admin: Switchyard) -> None:
    with pytest.raises(CostLimitError) as refused:
        admin.generate("Too dear", model="mock-slow", cost_limit=1e-12, session=False)
    assert not isinstance(refused.value, BudgetError)


def test_budget_error_for_a_key_over_its_budget(gateway: Gateway) -> None:
    key = gateway.create_key(name="py-budget", budget={"daily": 0.0000001})
    with Switchyard(gateway.base_url, api_key=key) as client, pytest.raises(BudgetError) as refused:
        client.generate("Hello there, what a long prompt this is", model="mock-slow", session=False)
    assert isinstance(refused.value, CostLimitError) and refused.value.budget == "daily"


def test_rate_limit_error_with_retry_after_and_not_retried_past_max_retry_wait(gateway: Gateway) -> None:
    key = gateway.create_key(name="py-rate", requestsPerMinute=1)
    with Switchyard(gateway.base_url, api_key=key, max_retry_wait=0.0) as client:
        client.generate("one", session=False)
        with pytest.raises(RateLimitError) as limited:
            client.generate("two", session=False)
    assert limited.value.retry_after is not None and limited.value.retry_after > 0


def test_model_unavailable_error_for_a_retired_model(admin: Switchyard) -> None:
    admin.register_model("py-retired", "mock")
    admin.retire_model("py-retired")
    with pytest.raises(ModelUnavailableError):
        admin.generate("Hi", model="py-retired", session=False)


def test_retry_error_lists_the_attempts_and_the_client_does_not_retry_it(gateway: Gateway, admin: Switchyard) -> None:
    calls_before = gateway.vendor.chat_calls
    with pytest.raises(RetryException) as failed:
        admin.generate("Hi", model="flaky", session=False)
    assert isinstance(failed.value, RetryError) and failed.value.code == "RETRY_EXHAUSTED"
    assert [a.model_id for a in failed.value.attempts] == ["flaky", "flaky"]
    assert all(a.error_code == "UPSTREAM_ERROR" and a.http_status == 503 for a in failed.value.attempts)
    # The gateway retried (its 2 attempts); the client sent the request once.
    assert gateway.vendor.chat_calls == calls_before + 2


def test_a_stream_that_fails_raises_the_typed_error_naming_the_stored_generation(admin: Switchyard) -> None:
    with pytest.raises(SwitchyardError) as failed, admin.stream("Hi", model="flaky", session=False) as stream:
        list(stream)
    assert isinstance(failed.value, RetryError)
    assert failed.value.generation_id is not None
    assert admin.generation(failed.value.generation_id).status == "FAILED"
