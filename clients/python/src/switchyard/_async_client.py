"""The asynchronous client: :class:`AsyncSwitchyard`, the twin of :class:`switchyard.Switchyard`."""

from __future__ import annotations

import asyncio
import json
import os
import time
from collections.abc import AsyncGenerator, AsyncIterator, Awaitable, Callable, Mapping, Sequence
from typing import Any
from urllib.parse import quote

import httpx

from ._client import STREAM_READ_TIMEOUT
from ._errors import SwitchyardError, error_from, is_retryable, retry_delay
from ._operations import COSTS, CREATE_SESSION, GENERATE, GENERATE_STREAM, GENERATION, MODEL_SWITCHED, MODELS, SET_MODEL_POOL, SWITCH_MODEL
from ._protocol import (
    DEFAULT_BASE_URL,
    JSON_HEADERS,
    SSE_HEADERS,
    auth_headers,
    data_of,
    generation_event,
    graphql_body,
    graphql_url,
    pool_input,
    pool_name,
    rest_answer,
    session_switch,
    switch_event,
    transport_errors,
)
from ._sse import EventStreamDecoder
from ._types import (
    JSON,
    CostReport,
    GenerateOptions,
    Generation,
    Model,
    ModelRegistration,
    ModelSwitch,
    Prompt,
    ResponseFormat,
    StreamDelta,
    ToolChoice,
    camel_keys,
    cost_filter,
    cost_report_of,
    generate_input,
    generation_of,
    model_of,
    params_input,
    registration_of,
    switch_of,
)


class AsyncGenerationStream(AsyncIterator[StreamDelta]):
    """A streamed answer: ``async for`` the deltas; :attr:`generation` once it completed; :meth:`aclose` cancels it (stored CANCELLED)."""

    def __init__(self, events: AsyncIterator[StreamDelta | Generation | None]) -> None:
        self._events = events
        self.generation: Generation | None = None
        self.generation_id: str | None = None
        self.text = ""

    def __aiter__(self) -> AsyncGenerationStream:
        return self

    async def __anext__(self) -> StreamDelta:
        async for item in self._events:
            if isinstance(item, Generation):
                self.generation = item
                self.generation_id = item.id
            elif isinstance(item, StreamDelta):
                self.generation_id = item.generation_id
                if item.kind == "text":
                    self.text += item.text
                return item
        raise StopAsyncIteration

    async def aclose(self) -> None:
        close = getattr(self._events, "aclose", None)
        if close is not None:
            await close()

    async def __aenter__(self) -> AsyncGenerationStream:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()


class AsyncSwitchyard:
    """The asyncio twin of :class:`switchyard.Switchyard`: the same methods, awaited; ``on_model_switched`` is an async iterator."""

    def __init__(
        self,
        base_url: str = DEFAULT_BASE_URL,
        api_key: str | None = None,
        session_id: str | None = None,
        *,
        timeout: float = 60.0,
        max_retries: int = 2,
        max_retry_wait: float = 30.0,
        http_client: httpx.AsyncClient | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.api_key = api_key if api_key is not None else os.environ.get("SWITCHYARD_API_KEY")
        self._session_id = session_id
        self.max_retries = max_retries
        self.max_retry_wait = max_retry_wait
        self._http = http_client or httpx.AsyncClient(timeout=timeout)
        self._owns_http = http_client is None

    @property
    def session_id(self) -> str | None:
        return self._session_id

    async def _retrying(self, call: Callable[[], Awaitable[JSON]]) -> JSON:
        for attempt in range(self.max_retries + 1):
            try:
                return await call()
            except SwitchyardError as error:
                if attempt == self.max_retries or not is_retryable(error, self.max_retry_wait):
                    raise
                await asyncio.sleep(retry_delay(error, attempt))
        raise AssertionError("unreachable")

    async def request(self, query: str, variables: Mapping[str, Any] | None = None) -> JSON:
        async def once() -> JSON:
            headers = {**JSON_HEADERS, **auth_headers(self.api_key)}
            with transport_errors(self.base_url):
                response = await self._http.post(graphql_url(self.base_url), json=graphql_body(query, variables or {}), headers=headers)
            return data_of(response.status_code, response.text)

        return await self._retrying(once)

    async def _rest(self, method: str, path: str, body: Mapping[str, Any] | None = None) -> JSON:
        async def once() -> JSON:
            with transport_errors(self.base_url):
                response = await self._http.request(method, self.base_url + path, json=body, headers=auth_headers(self.api_key))
            return rest_answer(response.status_code, response.text)

        return await self._retrying(once)

    async def _subscribe(self, query: str, variables: Mapping[str, Any], deadline: float | None = None) -> AsyncGenerator[JSON, None]:
        headers = {**SSE_HEADERS, **auth_headers(self.api_key)}
        timeout = httpx.Timeout(10.0, read=STREAM_READ_TIMEOUT)
        events = self._events(query, variables, deadline, headers, timeout)
        try:
            with transport_errors(self.base_url):
                async for payload in events:
                    yield payload
        finally:
            await events.aclose()  # closes the response now: the gateway sees the client go away

    async def _events(
        self, query: str, variables: Mapping[str, Any], deadline: float | None, headers: Mapping[str, str], timeout: httpx.Timeout
    ) -> AsyncGenerator[JSON, None]:
        async with self._http.stream(
            "POST", graphql_url(self.base_url), json=graphql_body(query, variables), headers=headers, timeout=timeout
        ) as response:
            if "text/event-stream" not in response.headers.get("content-type", ""):
                await response.aread()
                data_of(response.status_code, response.text)
                raise SwitchyardError(f"the gateway answered HTTP {response.status_code} without an event stream")
            decoder = EventStreamDecoder()
            lines = response.aiter_lines()
            while True:
                remaining = None if deadline is None else deadline - time.monotonic()
                if remaining is not None and remaining <= 0:
                    return
                try:
                    line = await asyncio.wait_for(lines.__anext__(), remaining)
                except (StopAsyncIteration, asyncio.TimeoutError):
                    return
                event = decoder.feed(line)
                if event is None:
                    continue
                if event.event == "complete":
                    return
                if event.event == "next":
                    yield json.loads(event.data)

    async def _target(self, target: JSON, params: Mapping[str, Any]) -> ModelSwitch:
        extra = {"params": params_input(params)} if params else {}
        if self._session_id is None:
            created = (await self.request(CREATE_SESSION, {"input": {**target, **extra}}))["createSession"]
            self._session_id = str(created["id"])
            return session_switch(created)
        data = await self.request(SWITCH_MODEL, {"input": {"sessionId": self._session_id, **target, **extra}})
        return switch_of(data["switchModel"])

    async def _session(self) -> str:
        if self._session_id is None:
            self._session_id = str((await self.request(CREATE_SESSION, {"input": {}}))["createSession"]["id"])
        return self._session_id

    async def set_model(self, model: str, **params: Any) -> ModelSwitch:
        return await self._target({"modelId": model}, params)

    async def set_model_pool(
        self, models: Sequence[str], weights: Sequence[float] | None = None, *, name: str | None = None, strategy: str | None = None
    ) -> ModelSwitch:
        pool = name or pool_name(models)
        await self.request(SET_MODEL_POOL, {"input": pool_input(models, weights, pool, strategy)})
        return await self._target({"poolName": pool}, {})

    async def _options(
        self,
        model: str | None,
        cost_limit: float | None,
        tools: Sequence[Mapping[str, Any]] | None,
        tool_choice: ToolChoice | None,
        response_format: ResponseFormat | None,
        reasoning_effort: str | None,
        session: bool,
        params: Mapping[str, Any],
    ) -> GenerateOptions:
        if response_format is not None and not isinstance(response_format, Mapping) and response_format != "json_object":
            raise ValueError("response_format: expected a JSON Schema (a mapping) or 'json_object'")
        return GenerateOptions(
            model=model,
            session_id=await self._session() if session else None,
            cost_limit=cost_limit,
            params=params,
            tools=tools,
            tool_choice=tool_choice,
            response_format=response_format,
            reasoning_effort=reasoning_effort,
        )

    async def generate(
        self,
        prompt: Prompt,
        *,
        model: str | None = None,
        cost_limit: float | None = None,
        tools: Sequence[Mapping[str, Any]] | None = None,
        tool_choice: ToolChoice | None = None,
        response_format: ResponseFormat | None = None,
        reasoning_effort: str | None = None,
        session: bool = True,
        **params: Any,
    ) -> Generation:
        options = await self._options(model, cost_limit, tools, tool_choice, response_format, reasoning_effort, session, params)
        data = await self.request(GENERATE, {"input": generate_input(prompt, options)})
        return generation_of(data["generate"])

    async def stream(
        self,
        prompt: Prompt,
        *,
        model: str | None = None,
        cost_limit: float | None = None,
        tools: Sequence[Mapping[str, Any]] | None = None,
        tool_choice: ToolChoice | None = None,
        response_format: ResponseFormat | None = None,
        reasoning_effort: str | None = None,
        session: bool = True,
        **params: Any,
    ) -> AsyncGenerationStream:
        options = await self._options(model, cost_limit, tools, tool_choice, response_format, reasoning_effort, session, params)
        return AsyncGenerationStream(self._generation_events({"input": generate_input(prompt, options)}))

    async def _generation_events(self, variables: JSON) -> AsyncIterator[StreamDelta | Generation | None]:
        for attempt in range(self.max_retries + 1):
            started = False
            payloads = self._subscribe(GENERATE_STREAM, variables)
            try:
                async for payload in payloads:
                    item = generation_event(payload)
                    started = True
                    yield item
                return
            except SwitchyardError as error:
                if started or attempt == self.max_retries or not is_retryable(error, self.max_retry_wait):
                    raise
                await asyncio.sleep(retry_delay(error, attempt))
            finally:
                await payloads.aclose()  # a stream given up ends its request now (stored CANCELLED)

    async def generation(self, generation_id: str) -> Generation:
        found = (await self.request(GENERATION, {"id": generation_id}))["generation"]
        if found is None:
            raise error_from("NOT_FOUND", f'generation "{generation_id}" does not exist')
        return generation_of(found)

    async def on_model_switched(
        self, *, limit: int | None = None, timeout: float | None = None, session_id: str | None = None
    ) -> AsyncIterator[ModelSwitch]:
        """The session's switches as they happen, until ``limit`` of them or ``timeout`` seconds (see ``Switchyard.on_model_switched``)."""
        follow = session_id or self._session_id
        deadline = None if timeout is None else time.monotonic() + timeout
        handled = 0
        if limit is not None and limit <= 0:
            return
        events = self._subscribe(MODEL_SWITCHED, {"sessionId": follow} if follow else {}, deadline)
        try:
            async for payload in events:
                yield switch_event(payload)
                handled += 1
                if limit is not None and handled >= limit:
                    return
        finally:
            await events.aclose()

    async def models(self) -> list[Model]:
        return [model_of(m) for m in (await self.request(MODELS))["models"]]

    async def register_model(self, id: str, provider: str, **fields: Any) -> ModelRegistration:
        return registration_of(await self._rest("POST", "/api/models", {"id": id, "provider": provider, **camel_keys(fields)}))

    async def retire_model(self, id: str) -> Model:
        return model_of((await self._rest("DELETE", f"/api/models/{quote(id, safe='')}"))["model"])

    async def costs(
        self,
        group_by: str = "MODEL",
        *,
        since: str | None = None,
        until: str | None = None,
        model: str | None = None,
        pool: str | None = None,
        provider: str | None = None,
        api_key_id: str | None = None,
    ) -> CostReport:
        variables = {"groupBy": group_by.upper(), "filter": cost_filter(since, until, model, pool, provider, api_key_id)}
        return cost_report_of((await self.request(COSTS, variables))["costs"])

    async def aclose(self) -> None:
        if self._owns_http:
            await self._http.aclose()

    async def __aenter__(self) -> AsyncSwitchyard:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()
