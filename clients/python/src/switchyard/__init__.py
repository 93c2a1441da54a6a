"""Switchyard's Python client: ``Switchyard`` (sync) and ``AsyncSwitchyard`` (asyncio).

>>> from switchyard import Switchyard, RetryError
>>> client = Switchyard("http://127.0.0.1:4000")
>>> client.set_model("mock-fast", max_tokens=100, temperature=0.7)  # doctest: +SKIP
>>> print(client.generate("Hello, world!").text)  # doctest: +SKIP
"""

from ._async_client import AsyncGenerationStream, AsyncSwitchyard
from ._client import GenerationStream, Switchyard
from ._errors import (
    Attempt,
    AuthError,
    BudgetError,
    BudgetUnavailableError,
    CostLimitError,
    InvalidInputError,
    ModelUnavailableError,
    NotFoundError,
    RateLimitError,
    RetryError,
    RetryException,
    SwitchyardError,
    UpstreamError,
)
from ._types import (
    CostReport,
    CostRow,
    Generation,
    HealthCheck,
    Model,
    ModelRegistration,
    ModelSwitch,
    Pricing,
    StreamDelta,
    ToolCall,
    ToolCallDelta,
    Usage,
)

__version__ = "0.1.0"

__all__ = [
    "AsyncGenerationStream",
    "AsyncSwitchyard",
    "Attempt",
    "AuthError",
    "BudgetError",
    "BudgetUnavailableError",
    "CostLimitError",
    "CostReport",
    "CostRow",
    "Generation",
    "GenerationStream",
    "HealthCheck",
    "InvalidInputError",
    "Model",
    "ModelRegistration",
    "ModelSwitch",
    "ModelUnavailableError",
    "NotFoundError",
    "Pricing",
    "RateLimitError",
    "RetryError",
    "RetryException",
    "StreamDelta",
    "Switchyard",
    "SwitchyardError",
    "ToolCall",
    "ToolCallDelta",
    "Usage",
    "UpstreamError",
]
