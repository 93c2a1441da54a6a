"""The synchronous client."""

from __future__ import annotations

import json
import os
import queue
import socket
import threading
import time
from contextlib import closing, contextmanager
from collections.abc import Callable, Generator, Iterator, Mapping, Sequence
from typing import Any
from urllib.parse import quote

import httpx

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

def abort(response: httpx.Response) -> None:
    """Ends a response another thread is reading: shutting its socket down wakes the blocked read (closing it would not)."""
    stream = response.extensions.get("network_stream")
    sock = stream.get_extra_info("socket") if stream is not None else None
    if isinstance(sock, socket.socket):
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass


#: How long a stream may stay silent before it is given up (the gateway sends a keep-alive every 12 s).
STREAM_READ_TIMEOUT = 60.0


class GenerationStream(Iterator[StreamDelta]):
    """A streamed answer: iterate it for the deltas; :attr:`generation` is the stored generation once it completed.

    A failure raises the typed exception (its ``generation_id`` names the stored record).
    :meth:`close` (or leaving a ``with`` block) ends the request: the gateway cancels the upstream
    call and stores the generation CANCELLED.
    """

    def __init__(self, events: Iterator[StreamDelta | Generation | None]) -> None:
        self._events = events
        self.generation: Generation | None = None
        self.generation_id: str | None = None
        self.text = ""

    def __iter__(self) -> GenerationStream:
        return self

    def __next__(self) -> StreamDelta:
        for item in self._events:
            if isinstance(item, Generation):
                self.generation = item
                self.generation_id = item.id
            elif isinstance(item, StreamDelta):
                self.generation_id = item.generation_id
                if item.kind == "text":
                    self.text += item.text
                return item
        raise StopIteration

    def close(self) -> None:
        close = getattr(self._events, "close", None)
        if close is not None:
            close()

    def __enter__(self) -> GenerationStream:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class Switchyard:
    """A Switchyard client: a session it holds (switched live), generation, streams, switches, models and costs.

    ``api_key`` defaults to ``SWITCHYARD_API_KEY`` (none: the gateway's local mode). With a
    ``session_id`` that session is followed; otherwise one is created on first use. Errors are
    the typed exceptions of :mod:`switchyard`; only what the gateway says is retryable (a rate limit
    with a retry-after of at most ``max_retry_wait`` seconds, a budget store or database that did not
    answer) is retried, up to ``max_retries`` times.
    """

    def __init__(
        self,
        base_url: str = DEFAULT_BASE_URL,
        api_key: str | None = None,
        session_id: str | None = None,
        *,
        timeout: float = 60.0,
        max_retries: int = 2,
        max_retry_wait: float = 30.0,
        http_client: httpx.Client | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.api_key = api_key if api_key is not None else os.environ.get("SWITCHYARD_API_KEY")
        self._session_id = session_id
        self.max_retries = max_retries
        self.max_retry_wait = max_retry_wait
        self._http = http_client or httpx.Client(timeout=timeout)
        self._owns_http = http_client is None

    @property
    def session_id(self) -> str | None:
        """The session this client continues (None until the first use creates one)."""
        return self._session_id

    # -- plumbing ---------------------------------------------------------------------------------

    def _retrying(self, call: Callable[[], JSON]) -> JSON:
        for attempt in range(self.max_retries + 1):
            try:
                return call()
            except SwitchyardError as error:
                if attempt == self.max_retries or not is_retryable(error, self.max_retry_wait):
                    raise
                time.sleep(retry_delay(error, attempt))
        raise AssertionError("unreachable")

    def request(self, query: str, variables: Mapping[str, Any] | None = None) -> JSON:
        """Runs a GraphQL query or mutation; answers its ``data``."""

        def once() -> JSON:
            headers = {**JSON_HEADERS, **auth_headers(self.api_key)}
            with transport_errors(self.base_url):
                response = self._http.post(graphql_url(self.base_url), json=graphql_body(query, variables or {}), headers=headers)
            return data_of(response.status_code, response.text)

        return self._retrying(once)

    def _rest(self, method: str, path: str, body: Mapping[str, Any] | None = None) -> JSON:
        def once() -> JSON:
            with transport_errors(self.base_url):
                response = self._http.request(method, self.base_url + path, json=body, headers=auth_headers(self.api_key))
            return rest_answer(response.status_code, response.text)

        return self._retrying(once)

    @contextmanager
    def _open_events(self, query: str, variables: Mapping[str, Any], read_timeout: float | None) -> Iterator[httpx.Response]:
        """A subscription over GraphQL SSE, open (a refusal raised); the connection closes when the block ends."""
        headers = {**SSE_HEADERS, **auth_headers(self.api_key)}
        timeout = httpx.Timeout(10.0, read=read_timeout)
        body = graphql_body(query, variables)
        with transport_errors(self.base_url), self._http.stream(
            "POST", graphql_url(self.base_url), json=body, headers=headers, timeout=timeout
        ) as response:
            if "text/event-stream" not in response.headers.get("content-type", ""):
                response.read()
                data_of(response.status_code, response.text)
                raise SwitchyardError(f"the gateway answered HTTP {response.status_code} without an event stream")
            yield response

    @staticmethod
    def _payloads(response: httpx.Response) -> Iterator[JSON]:
        """The results an open subscription sends, until its ``complete`` event."""
        decoder = EventStreamDecoder()
        for line in response.iter_lines():
            event = decoder.feed(line)
            if event is None:
                continue
            if event.event == "complete":
                return
            if event.event == "next":
                yield json.loads(event.data)

    def _subscribe(self, query: str, variables: Mapping[str, Any], read_timeout: float | None) -> Generator[JSON, None, None]:
        with self._open_events(query, variables, read_timeout) as response, transport_errors(self.base_url):
            yield from self._payloads(response)

    # -- sessions ---------------------------------------------------------------------------------

    def _target(self, target: JSON, params: Mapping[str, Any]) -> ModelSwitch:
        extra = {"params": params_input(params)} if params else {}
        if self._session_id is None:
            created = self.request(CREATE_SESSION, {"input": {**target, **extra}})["createSession"]
            self._session_id = str(created["id"])
            return session_switch(created)
        switched = self.request(SWITCH_MODEL, {"input": {"sessionId": self._session_id, **target, **extra}})["switchModel"]
        return switch_of(switched)

    def _session(self) -> str:
        if self._session_id is None:
            self._session_id = str(self.request(CREATE_SESSION, {"input": {}})["createSession"]["id"])
        return self._session_id

    def set_model(self, model: str, **params: Any) -> ModelSwitch:
        """Points the session at ``model`` (with ``max_tokens``, ``temperature``, ``top_p``, ``stop``); the switch's revision and latency."""
        return self._target({"modelId": model}, params)

    def set_model_pool(
        self, models: Sequence[str], weights: Sequence[float] | None = None, *, name: str | None = None, strategy: str | None = None
    ) -> ModelSwitch:
        """Spreads the session's requests over ``models`` by ``weights`` (default equal): sets a pool (admin scope), then switches to it."""
        pool = name or pool_name(models)
        self.request(SET_MODEL_POOL, {"input": pool_input(models, weights, pool, strategy)})
        return self._target({"poolName": pool}, {})

    # -- generation -------------------------------------------------------------------------------

    def _options(
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
            session_id=self._session() if session else None,
            cost_limit=cost_limit,
            params=params,
            tools=tools,
            tool_choice=tool_choice,
            response_format=response_format,
            reasoning_effort=reasoning_effort,
        )

    def generate(
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
        """One answer to a prompt (or a list of messages), continuing the session unless ``session=False``.

        ``model`` serves this request only; ``cost_limit`` is the most USD it may cost; ``tools``
        (``{name, description, parameters}``), ``tool_choice`` (``auto``/``none``/``required`` or
        ``{"name": …}``) and ``response_format`` (a JSON Schema, or ``json_object``) as the chat surface takes them.
        """
        options = self._options(model, cost_limit, tools, tool_choice, response_format, reasoning_effort, session, params)
        data = self.request(GENERATE, {"input": generate_input(prompt, options)})
        return generation_of(data["generate"])

    def stream(
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
    ) -> GenerationStream:
        """The answer as it is produced (text, reasoning and tool-call deltas with the running cost); see :class:`GenerationStream`."""
        options = self._options(model, cost_limit, tools, tool_choice, response_format, reasoning_effort, session, params)
        variables = {"input": generate_input(prompt, options)}
        return GenerationStream(self._generation_events(variables))

    def _generation_events(self, variables: JSON) -> Iterator[StreamDelta | Generation | None]:
        for attempt in range(self.max_retries + 1):
            started = False
            try:
                with closing(self._subscribe(GENERATE_STREAM, variables, STREAM_READ_TIMEOUT)) as payloads:
                    for payload in payloads:
                        item = generation_event(payload)
                        started = True
                        yield item
                return
            except SwitchyardError as error:
                # A refusal before anything was produced (nothing was sent upstream) may be retried.
                if started or attempt == self.max_retries or not is_retryable(error, self.max_retry_wait):
                    raise
                time.sleep(retry_delay(error, attempt))

    def generation(self, generation_id: str) -> Generation:
        """A stored generation (NotFoundError when there is none this key may see)."""
        found = self.request(GENERATION, {"id": generation_id})["generation"]
        if found is None:
            raise error_from("NOT_FOUND", f'generation "{generation_id}" does not exist')
        return generation_of(found)

    # -- live switches ----------------------------------------------------------------------------

    def on_model_switched(
        self,
        handler: Callable[[ModelSwitch], object],
        *,
        limit: int | None = None,
        timeout: float | None = None,
        session_id: str | None = None,
    ) -> int:
        """Calls ``handler`` with each switch of the session (``session_id``, else the client's, else every session the key may see).

        Blocks until ``limit`` switches were handled or ``timeout`` seconds passed (both None: until
        the connection ends); answers how many were handled. The handler runs in the calling thread.
        """
        follow = session_id or self._session_id
        variables = {"sessionId": follow} if follow else {}
        deadline = None if timeout is None else time.monotonic() + timeout
        events: queue.Queue[ModelSwitch | BaseException | None] = queue.Queue()
        opened: list[httpx.Response] = []
        stop = threading.Event()

        def read() -> None:
            try:
                with self._open_events(MODEL_SWITCHED, variables, None) as response, transport_errors(self.base_url):
                    opened.append(response)
                    if stop.is_set():
                        return
                    for payload in self._payloads(response):
                        if stop.is_set():
                            return
                        events.put(switch_event(payload))
                events.put(None)
            except BaseException as error:  # handed to the caller's thread (ignored once it has returned)
                events.put(error)

        reader = threading.Thread(target=read, name="switchyard-model-switched", daemon=True)
        reader.start()
        handled = 0
        try:
            while limit is None or handled < limit:
                remaining = None if deadline is None else deadline - time.monotonic()
                if remaining is not None and remaining <= 0:
                    break
                try:
                    item = events.get(timeout=remaining)
                except queue.Empty:
                    break
                if item is None:
                    break
                if isinstance(item, BaseException):
                    raise item
                handler(item)
                handled += 1
        finally:
            stop.set()
            for response in opened:
                abort(response)
            reader.join(5)
        return handled

    # -- registry and costs -----------------------------------------------------------------------

    def models(self) -> list[Model]:
        """The models the key may use, sorted by id."""
        return [model_of(m) for m in self.request(MODELS)["models"]]

    def register_model(self, id: str, provider: str, **fields: Any) -> ModelRegistration:
        """Registers a model through the REST registry (``POST /api/models``, admin): validated, stored, probed.

        ``fields`` are ``registerModel``'s, in snake_case (``upstream_model``, ``base_url``,
        ``api_key_env``, ``context_window``, ``pricing={"input": …, "output": …}``, ``mock={"tokens": …}``).
        """
        return registration_of(self._rest("POST", "/api/models", {"id": id, "provider": provider, **camel_keys(fields)}))

    def retire_model(self, id: str) -> Model:
        """Retires a model (``DELETE /api/models/{id}``, admin); its record and history stay."""
        return model_of(self._rest("DELETE", f"/api/models/{quote(id, safe='')}")["model"])

    def costs(
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
        """Requests, tokens and cost grouped by MODEL, PROVIDER, POOL, SESSION, API_KEY or DAY (``since``/``until``: ISO times)."""
        variables = {"groupBy": group_by.upper(), "filter": cost_filter(since, until, model, pool, provider, api_key_id)}
        return cost_report_of(self.request(COSTS, variables)["costs"])

    # -- lifetime ---------------------------------------------------------------------------------

    def close(self) -> None:
        if self._owns_http:
            self._http.close()

    def __enter__(self) -> Switchyard:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
