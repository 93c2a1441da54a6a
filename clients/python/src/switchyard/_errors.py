"""The exceptions the client raises, one class per family of the gateway's ``extensions.code``.

Callers branch with ``except`` instead of comparing strings; every one is a :class:`SwitchyardError`
carrying the server's ``code``, message and ``extensions``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Attempt:
    """One try of a generation: the model asked, how it failed, how long it took."""

    model_id: str
    error_code: str | None
    http_status: int | None
    duration_ms: float | None


class SwitchyardError(Exception):
    """An error the gateway answered (``code`` is its ``extensions.code``), or CLIENT_ERROR for the client's own."""

    def __init__(self, message: str, code: str = "CLIENT_ERROR", extensions: Mapping[str, Any] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.extensions: Mapping[str, Any] = dict(extensions or {})

    @property
    def generation_id(self) -> str | None:
        """The stored generation the failure belongs to, when the gateway named one."""
        value = self.extensions.get("generationId")
        return value if isinstance(value, str) else None

    @property
    def field(self) -> str | None:
        """The input field at fault (BAD_USER_INPUT), when the gateway named one."""
        value = self.extensions.get("field")
        if isinstance(value, str):
            return value
        fields = self.extensions.get("fields")
        return fields[0] if isinstance(fields, list) and fields and isinstance(fields[0], str) else None

    def __str__(self) -> str:
        return f"{self.code}: {self.message}"


class AuthError(SwitchyardError):
    """UNAUTHENTICATED (no, unknown or revoked key) or FORBIDDEN (the key lacks the scope)."""


class NotFoundError(SwitchyardError):
    """NOT_FOUND: no such model, session or generation (or none this key may see)."""


class InvalidInputError(SwitchyardError):
    """BAD_USER_INPUT: the message names every field at fault."""


class RateLimitError(SwitchyardError):
    """RATE_LIMITED: a limit of the key, the model or the vendor; try again after :attr:`retry_after` seconds."""

    @property
    def retry_after(self) -> float | None:
        value = self.extensions.get("retryAfterMs")
        return float(value) / 1000 if isinstance(value, (int, float)) else None


class CostLimitError(SwitchyardError):
    """COST_LIMIT_EXCEEDED: the request would cost more than its ``cost_limit`` (nothing was sent)."""


class BudgetError(CostLimitError):
    """COST_LIMIT_EXCEEDED by the API key's daily or monthly budget (``budget``, ``remaining_usd``)."""

    @property
    def budget(self) -> str | None:
        value = self.extensions.get("budget")
        return value if isinstance(value, str) else None

    @property
    def remaining_usd(self) -> float | None:
        value = self.extensions.get("remainingUsd")
        return float(value) if isinstance(value, (int, float)) else None


class BudgetUnavailableError(BudgetError):
    """BUDGET_UNAVAILABLE: the key's budget could not be checked (its store does not answer); retryable."""


class ModelUnavailableError(SwitchyardError):
    """MODEL_UNAVAILABLE: the model exists but cannot take requests (disabled, retired, unhealthy, circuit open)."""


class UpstreamError(SwitchyardError):
    """UPSTREAM_ERROR: the vendor failed."""


class RetryError(SwitchyardError):
    """RETRY_EXHAUSTED: every attempt failed (the gateway's retries and fallbacks); :attr:`attempts` lists them."""

    @property
    def attempts(self) -> list[Attempt]:
        raw = self.extensions.get("attempts")
        return [attempt_of(a) for a in raw if isinstance(a, Mapping)] if isinstance(raw, list) else []


RetryException = RetryError
"""The article's name for :class:`RetryError`."""


def attempt_of(raw: Mapping[str, Any]) -> Attempt:
    status = raw.get("httpStatus")
    duration = raw.get("durationMs")
    code = raw.get("errorCode")
    return Attempt(
        model_id=str(raw.get("modelId", "")),
        error_code=code if isinstance(code, str) else None,
        http_status=status if isinstance(status, int) else None,
        duration_ms=float(duration) if isinstance(duration, (int, float)) else None,
    )


_BY_CODE: dict[str, type[SwitchyardError]] = {
    "UNAUTHENTICATED": AuthError,
    "FORBIDDEN": AuthError,
    "NOT_FOUND": NotFoundError,
    "BAD_USER_INPUT": InvalidInputError,
    "RATE_LIMITED": RateLimitError,
    "COST_LIMIT_EXCEEDED": CostLimitError,
    "BUDGET_UNAVAILABLE": BudgetUnavailableError,
    "MODEL_UNAVAILABLE": ModelUnavailableError,
    "UPSTREAM_ERROR": UpstreamError,
    "RETRY_EXHAUSTED": RetryError,
}


def error_from(code: str, message: str, extensions: Mapping[str, Any] | None = None) -> SwitchyardError:
    """The typed exception for a gateway error code (a key's budget refusal is a :class:`BudgetError`)."""
    extensions = extensions or {}
    if code == "COST_LIMIT_EXCEEDED" and "budget" in extensions:
        return BudgetError(message, code, extensions)
    return _BY_CODE.get(code, SwitchyardError)(message, code, extensions)


def error_of_graphql(error: Mapping[str, Any], status: int | None = None) -> SwitchyardError:
    """The typed exception for a GraphQL error object ``{message, extensions: {code, …}}``."""
    raw = error.get("extensions")
    extensions: dict[str, Any] = dict(raw) if isinstance(raw, Mapping) else {}
    if status is not None:
        extensions.setdefault("httpStatus", status)
    code = extensions.get("code")
    message = error.get("message")
    return error_from(code if isinstance(code, str) else "INTERNAL", message if isinstance(message, str) else "request failed", extensions)


def error_of_rest(body: Any, status: int) -> SwitchyardError:
    """The typed exception for a REST answer ``{error: {code, message, field}}``."""
    error = body.get("error") if isinstance(body, Mapping) else None
    if not isinstance(error, Mapping):
        return SwitchyardError(f"the gateway answered HTTP {status} without an error body")
    extensions: dict[str, Any] = {"httpStatus": status}
    if isinstance(error.get("field"), str):
        extensions["field"] = error["field"]
    return error_from(str(error.get("code", "INTERNAL")), str(error.get("message", "request failed")), extensions)


def is_retryable(error: SwitchyardError, max_wait: float) -> bool:
    """What the gateway says may be retried: a rate limit with a retry-after, a budget store or a database that did not answer."""
    if isinstance(error, RateLimitError):
        return error.retry_after is not None and error.retry_after <= max_wait
    if isinstance(error, BudgetUnavailableError):
        return True
    return error.code == "INTERNAL" and error.extensions.get("httpStatus") == 503


def retry_delay(error: SwitchyardError, attempt: int) -> float:
    """Seconds to wait before retry number ``attempt`` (0-based): the gateway's retry-after, else a short backoff."""
    if isinstance(error, RateLimitError) and error.retry_after is not None:
        return error.retry_after
    return float(min(0.25 * 2.0**attempt, 4.0))
