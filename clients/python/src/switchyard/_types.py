"""What the client answers (frozen dataclasses read from the gateway's JSON) and the inputs it builds."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, Union

from ._errors import Attempt, attempt_of

JSON = dict[str, Any]
Message = Mapping[str, Any]
"""``{"role": "system" | "user" | "assistant" | "tool", "content": str}``; a user message may give
``parts`` instead of ``content``, an assistant message its ``tool_calls``, a tool message the
``tool_call_id`` it answers."""
Prompt = Union[str, Sequence[Message]]
ToolChoice = Union[Literal["auto", "none", "required"], Mapping[str, str]]
ResponseFormat = Union[Mapping[str, Any], Literal["json_object"]]
"""A JSON Schema the answer must follow, or ``"json_object"`` for any JSON object."""


@dataclass(frozen=True)
class Usage:
    input_tokens: int
    output_tokens: int
    total_tokens: int
    cached_input_tokens: int = 0
    cache_write_tokens: int = 0
    reasoning_tokens: int = 0
    estimated: bool = False


@dataclass(frozen=True)
class ToolCall:
    """A function call the model made; ``arguments`` is the JSON it wrote."""

    id: str
    name: str
    arguments: str

    def parsed_arguments(self) -> Any:
        return json.loads(self.arguments)


@dataclass(frozen=True)
class Generation:
    """One stored answer: ``text``, ``usage``, ``cost_usd`` (None when the model has no price) and the ``model`` that served it."""

    id: str
    text: str
    model: str
    status: str
    usage: Usage
    cost_usd: float | None
    finish_reason: str | None = None
    pool: str | None = None
    session_id: str | None = None
    tool_calls: tuple[ToolCall, ...] = ()
    attempts: tuple[Attempt, ...] = ()
    latency_ms: int | None = None
    time_to_first_token_ms: int | None = None
    error_code: str | None = None
    error_message: str | None = None
    created_at: str | None = None

    def json(self) -> Any:
        """The answer parsed as JSON (for a ``response_format`` request)."""
        return json.loads(self.text)


@dataclass(frozen=True)
class ModelSwitch:
    """A session's switch: its new target (a model id, or ``pool:<name>``), the revision and the switch's latency."""

    session_id: str
    revision: int
    model: str
    previous_model: str | None
    latency_ms: float | None
    switched_at: str | None = None


@dataclass(frozen=True)
class Pricing:
    """USD per million tokens."""

    input: float
    output: float
    cached_input: float | None = None
    cache_write: float | None = None


@dataclass(frozen=True)
class Model:
    id: str
    provider: str
    status: str
    kind: str | None = None
    upstream_model: str | None = None
    context_window: int | None = None
    pricing: Pricing | None = None


@dataclass(frozen=True)
class HealthCheck:
    ok: bool
    latency_ms: float
    message: str


@dataclass(frozen=True)
class ModelRegistration:
    """A registered model and the health probe the registration ran."""

    model: Model
    health_check: HealthCheck | None


@dataclass(frozen=True)
class CostRow:
    """One group of ``costs`` (``key`` is the model, provider, pool, session, key id or day; None in totals)."""

    key: str | None
    requests: int
    failures: int
    input_tokens: int
    output_tokens: int
    cost_usd: float
    unpriced_requests: int = 0


@dataclass(frozen=True)
class CostReport:
    groups: tuple[CostRow, ...]
    totals: CostRow


@dataclass(frozen=True)
class ToolCallDelta:
    index: int
    id: str | None
    name: str | None
    arguments_delta: str


@dataclass(frozen=True)
class StreamDelta:
    """A piece of a streamed answer: ``text`` (kind ``text`` or ``reasoning``) or a ``tool_call`` delta, with the running cost."""

    kind: Literal["text", "reasoning", "tool_call"]
    generation_id: str
    text: str = ""
    tool_call: ToolCallDelta | None = None
    cost_usd: float | None = None


@dataclass
class GenerateOptions:
    """What ``generate`` and ``stream`` send besides the prompt (GraphQL ``GenerateInput``)."""

    model: str | None = None
    session_id: str | None = None
    cost_limit: float | None = None
    params: Mapping[str, Any] = field(default_factory=dict)
    tools: Sequence[Mapping[str, Any]] | None = None
    tool_choice: ToolChoice | None = None
    response_format: ResponseFormat | None = None
    reasoning_effort: str | None = None


def camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


def camel_keys(value: Any) -> Any:
    """snake_case keys to the gateway's camelCase, recursively (for model definitions; not for JSON Schemas)."""
    if isinstance(value, Mapping):
        return {camel(str(k)): camel_keys(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [camel_keys(v) for v in value]
    return value


PARAM_NAMES = {"max_tokens": "maxTokens", "temperature": "temperature", "top_p": "topP", "stop": "stop"}


def params_input(params: Mapping[str, Any]) -> JSON:
    unknown = sorted(set(params) - set(PARAM_NAMES))
    if unknown:
        raise TypeError(f"unknown generation parameter(s) {', '.join(unknown)}: expected {', '.join(PARAM_NAMES)}")
    return {PARAM_NAMES[k]: (list(v) if k == "stop" else v) for k, v in params.items() if v is not None}


def message_input(message: Message) -> JSON:
    out: JSON = {"role": str(message["role"]).upper()}
    if "parts" in message:
        out["parts"] = camel_keys(message["parts"])
    elif message.get("content") is not None or "tool_calls" not in message:
        out["content"] = message.get("content", "")
    if message.get("tool_calls"):
        out["toolCalls"] = [
            {"id": c.id, "name": c.name, "arguments": c.arguments} if isinstance(c, ToolCall) else dict(c) for c in message["tool_calls"]
        ]
    if "tool_call_id" in message:
        out["toolCallId"] = message["tool_call_id"]
    return out


def generate_input(prompt: Prompt, options: GenerateOptions) -> JSON:
    """GraphQL ``GenerateInput`` for a prompt (or messages) and the options."""
    out: JSON = {"prompt": prompt} if isinstance(prompt, str) else {"messages": [message_input(m) for m in prompt]}
    if options.model:
        out["model"] = options.model
    if options.session_id:
        out["sessionId"] = options.session_id
    if options.cost_limit is not None:
        out["costLimit"] = options.cost_limit
    if options.params:
        out["params"] = params_input(options.params)
    if options.tools is not None:
        out["tools"] = [dict(t) for t in options.tools]
    if isinstance(options.tool_choice, str):
        out["toolChoice"] = {"mode": options.tool_choice.upper()}
    elif options.tool_choice is not None:
        out["toolChoice"] = dict(options.tool_choice)
    if options.response_format == "json_object":
        out["responseFormat"] = {"type": "JSON_OBJECT"}
    elif options.response_format is not None:
        out["responseFormat"] = {"type": "JSON_SCHEMA", "name": "answer", "schema": dict(options.response_format)}
    if options.reasoning_effort:
        out["reasoningEffort"] = options.reasoning_effort.upper()
    return out


def _opt_int(value: Any) -> int | None:
    return int(value) if isinstance(value, (int, float)) else None


def _opt_float(value: Any) -> float | None:
    return float(value) if isinstance(value, (int, float)) else None


def _opt_str(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def usage_of(raw: Mapping[str, Any]) -> Usage:
    return Usage(
        input_tokens=int(raw.get("inputTokens", 0)),
        output_tokens=int(raw.get("outputTokens", 0)),
        total_tokens=int(raw.get("totalTokens", 0)),
        cached_input_tokens=int(raw.get("cachedInputTokens", 0)),
        cache_write_tokens=int(raw.get("cacheWriteTokens", 0)),
        reasoning_tokens=int(raw.get("reasoningTokens", 0)),
        estimated=bool(raw.get("estimated", False)),
    )


def generation_of(raw: Mapping[str, Any]) -> Generation:
    return Generation(
        id=str(raw["id"]),
        text=str(raw.get("text") or ""),
        model=str(raw.get("modelId", "")),
        status=str(raw.get("status", "")),
        usage=usage_of(raw.get("usage") or {}),
        cost_usd=_opt_float(raw.get("costUsd")),
        finish_reason=_opt_str(raw.get("finishReason")),
        pool=_opt_str(raw.get("poolName")),
        session_id=_opt_str(raw.get("sessionId")),
        tool_calls=tuple(ToolCall(str(c["id"]), str(c["name"]), str(c["arguments"])) for c in raw.get("toolCalls") or []),
        attempts=tuple(attempt_of(a) for a in raw.get("attempts") or []),
        latency_ms=_opt_int(raw.get("latencyMs")),
        time_to_first_token_ms=_opt_int(raw.get("timeToFirstTokenMs")),
        error_code=_opt_str(raw.get("errorCode")),
        error_message=_opt_str(raw.get("errorMessage")),
        created_at=_opt_str(raw.get("createdAt")),
    )


def target_label(model: Any, pool: Any) -> str | None:
    """A session's target as the client names it: the model id, or ``pool:<name>``."""
    if isinstance(model, Mapping) and model.get("id"):
        return str(model["id"])
    if isinstance(pool, Mapping) and pool.get("name"):
        return f"pool:{pool['name']}"
    return None


def switch_of(raw: Mapping[str, Any]) -> ModelSwitch:
    session = raw.get("session") or {}
    return ModelSwitch(
        session_id=str(session.get("id", "")),
        revision=int(raw["revision"]),
        model=target_label(raw.get("model"), raw.get("pool")) or "",
        previous_model=target_label(raw.get("previousModel"), raw.get("previousPool")),
        latency_ms=_opt_float(raw.get("latencyMs")),
        switched_at=_opt_str(raw.get("switchedAt")),
    )


def pricing_of(raw: Any) -> Pricing | None:
    if not isinstance(raw, Mapping):
        return None
    return Pricing(float(raw["input"]), float(raw["output"]), _opt_float(raw.get("cachedInput")), _opt_float(raw.get("cacheWrite")))


def model_of(raw: Mapping[str, Any]) -> Model:
    return Model(
        id=str(raw["id"]),
        provider=str(raw.get("provider", "")).lower().replace("_", "-"),
        status=str(raw.get("status", "")),
        kind=(_opt_str(raw.get("kind")) or "").lower() or None,
        upstream_model=_opt_str(raw.get("upstreamModel")),
        context_window=_opt_int(raw.get("contextWindow")),
        pricing=pricing_of(raw.get("pricing")),
    )


def registration_of(raw: Mapping[str, Any]) -> ModelRegistration:
    health = raw.get("healthCheck")
    return ModelRegistration(
        model=model_of(raw["model"]),
        health_check=HealthCheck(bool(health["ok"]), float(health["latencyMs"]), str(health["message"]))
        if isinstance(health, Mapping)
        else None,
    )


def cost_row_of(raw: Mapping[str, Any]) -> CostRow:
    return CostRow(
        key=_opt_str(raw.get("key")),
        requests=int(raw.get("requests", 0)),
        failures=int(raw.get("failures", 0)),
        input_tokens=int(raw.get("inputTokens", 0)),
        output_tokens=int(raw.get("outputTokens", 0)),
        cost_usd=float(raw.get("costUsd", 0)),
        unpriced_requests=int(raw.get("unpricedRequests", 0)),
    )


def cost_report_of(raw: Mapping[str, Any]) -> CostReport:
    return CostReport(groups=tuple(cost_row_of(g) for g in raw.get("groups") or []), totals=cost_row_of(raw["totals"]))


def cost_filter(
    since: str | None, until: str | None, model: str | None, pool: str | None, provider: str | None, api_key_id: str | None
) -> JSON:
    named = {"since": since, "until": until, "modelId": model, "poolName": pool, "provider": provider, "apiKeyId": api_key_id}
    return {k: v for k, v in named.items() if v is not None}
