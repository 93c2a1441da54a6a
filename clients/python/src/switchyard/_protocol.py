"""What the sync and async clients share: request bodies, and reading the gateway's answers."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any, Union

import httpx

from ._errors import SwitchyardError, error_from, error_of_graphql, error_of_rest
from ._types import JSON, Generation, ModelSwitch, StreamDelta, ToolCallDelta, generation_of, switch_of, target_label

DEFAULT_BASE_URL = "http://127.0.0.1:4000"
SSE_HEADERS = {"accept": "text/event-stream", "content-type": "application/json"}
JSON_HEADERS = {"accept": "application/graphql-response+json, application/json", "content-type": "application/json"}


@contextmanager
def transport_errors(base_url: str) -> Iterator[None]:
    """httpx's network errors as a :class:`SwitchyardError` with code CONNECTION_ERROR (never retried: the gateway may have acted)."""
    try:
        yield
    except httpx.TimeoutException as error:
        raise SwitchyardError(f"the gateway at {base_url} did not answer in time ({type(error).__name__})", "CONNECTION_ERROR") from error
    except httpx.TransportError as error:
        raise SwitchyardError(f"could not talk to the gateway at {base_url}: {error or type(error).__name__}", "CONNECTION_ERROR") from error


def auth_headers(api_key: str | None) -> dict[str, str]:
    return {"authorization": f"Bearer {api_key}"} if api_key else {}


def graphql_url(base_url: str) -> str:
    return base_url.rstrip("/") + "/graphql"


def graphql_body(query: str, variables: Mapping[str, Any]) -> JSON:
    return {"query": query, "variables": dict(variables)}


def data_of(status: int, text: str) -> JSON:
    """The ``data`` of a GraphQL answer; its first error raised as a typed exception."""
    try:
        body = json.loads(text)
    except ValueError:
        raise SwitchyardError(f"the gateway answered HTTP {status} without a GraphQL body") from None
    if not isinstance(body, dict):
        raise SwitchyardError(f"the gateway answered HTTP {status} with a body that is not a GraphQL result")
    errors = body.get("errors")
    if isinstance(errors, list) and errors and isinstance(errors[0], Mapping):
        raise error_of_graphql(errors[0], status)
    data = body.get("data")
    if not isinstance(data, dict):
        raise SwitchyardError(f"the gateway answered HTTP {status} without data")
    return data


def rest_answer(status: int, text: str) -> JSON:
    """A REST route's JSON answer; an error answer raised as a typed exception."""
    try:
        body = json.loads(text)
    except ValueError:
        raise SwitchyardError(f"the gateway answered HTTP {status} without a JSON body") from None
    if status >= 400 or not isinstance(body, dict):
        raise error_of_rest(body, status)
    return body


StreamItem = Union[StreamDelta, Generation, None]


def generation_event(payload: Mapping[str, Any]) -> StreamItem:
    """One ``generateStream`` result: a delta, the completed generation, or None (started); a failure raised."""
    errors = payload.get("errors")
    if isinstance(errors, list) and errors and isinstance(errors[0], Mapping):
        raise error_of_graphql(errors[0])
    data = payload.get("data") or {}
    event = data.get("generateStream") if isinstance(data, Mapping) else None
    if not isinstance(event, Mapping):
        raise SwitchyardError("the gateway sent a stream event without data")
    kind = event.get("__typename")
    generation_id = str(event.get("generationId", ""))
    cost = event.get("costUsd")
    cost_usd = float(cost) if isinstance(cost, (int, float)) else None
    if kind == "TokenDelta":
        return StreamDelta("text", generation_id, text=str(event.get("text", "")), cost_usd=cost_usd)
    if kind == "ReasoningDelta":
        return StreamDelta("reasoning", generation_id, text=str(event.get("text", "")), cost_usd=cost_usd)
    if kind == "ToolCallDelta":
        delta = ToolCallDelta(int(event.get("index", 0)), event.get("id"), event.get("name"), str(event.get("argumentsDelta", "")))
        return StreamDelta("tool_call", generation_id, tool_call=delta, cost_usd=cost_usd)
    if kind == "GenerationCompleted":
        return generation_of(event["generation"])
    if kind == "GenerationFailed":
        generation = event.get("generation") or {}
        attempts = generation.get("attempts") if isinstance(generation, Mapping) else None
        raise error_from(
            str(event.get("code", "UPSTREAM_ERROR")),
            str(event.get("message", "the generation failed")),
            {"generationId": generation_id, "partialText": event.get("partialText", ""), "attempts": attempts or []},
        )
    return None


def switch_event(payload: Mapping[str, Any]) -> ModelSwitch:
    errors = payload.get("errors")
    if isinstance(errors, list) and errors and isinstance(errors[0], Mapping):
        raise error_of_graphql(errors[0])
    data = payload.get("data") or {}
    event = data.get("modelSwitched") if isinstance(data, Mapping) else None
    if not isinstance(event, Mapping):
        raise SwitchyardError("the gateway sent a switch event without data")
    return switch_of(event)


def session_switch(created: Mapping[str, Any]) -> ModelSwitch:
    """A new session's first target, as a switch from nothing."""
    return ModelSwitch(
        session_id=str(created["id"]),
        revision=int(created["revision"]),
        model=target_label(created.get("model"), created.get("pool")) or "",
        previous_model=None,
        latency_ms=None,
        switched_at=created.get("createdAt"),
    )


def pool_name(models: Sequence[str]) -> str:
    return re.sub(r"[^A-Za-z0-9._:-]", "-", "pool-" + "-".join(models))[:100]


def pool_input(models: Sequence[str], weights: Sequence[float] | None, name: str, strategy: str | None) -> JSON:
    if not models:
        raise ValueError("models: expected at least one model id")
    if weights is not None and len(weights) != len(models):
        raise ValueError(f"weights: expected one weight per model ({len(models)}), got {len(weights)}")
    members = [{"modelId": m, "weight": float(weights[i]) if weights is not None else 1.0} for i, m in enumerate(models)]
    return {"name": name, "members": members, **({"strategy": strategy.upper()} if strategy else {})}
