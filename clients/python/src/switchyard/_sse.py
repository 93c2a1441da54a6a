"""Server-sent events, decoded line by line as the WHATWG event-stream format defines them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ServerSentEvent:
    event: str
    data: str


class EventStreamDecoder:
    """Feeds lines (without their line ending); answers an event at each blank line that ends one.

    Comment lines (``:``, the gateway's keep-alives) are skipped; several ``data:`` lines join with
    ``\\n``; an event without a type is a ``message``.
    """

    def __init__(self) -> None:
        self._event = ""
        self._data: list[str] = []
        self._has_data = False

    def feed(self, line: str) -> ServerSentEvent | None:
        line = line.rstrip("\r\n")  # httpx before 0.24 keeps the line ending
        if line == "":
            if not self._has_data and not self._event:
                return None
            event = ServerSentEvent(self._event or "message", "\n".join(self._data))
            self._event, self._data, self._has_data = "", [], False
            return event
        if line.startswith(":"):
            return None
        name, colon, value = line.partition(":")
        if colon and value.startswith(" "):
            value = value[1:]
        if name == "event":
            self._event = value
        elif name == "data":
            self._data.append(value)
            self._has_data = True
        return None
