"""The chat surface through the client: tools and their results, tool-call deltas, structured output, reasoning."""

from __future__ import annotations

from switchyard import Switchyard

WEATHER = {
    "name": "get_weather",
    "description": "The weather in a city.",
    "parameters": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]},
}


def test_a_tool_call_and_its_result_round_trip(admin: Switchyard) -> None:
    called = admin.generate("Weather in Paris?", model="mock-fast", tools=[WEATHER], tool_choice="required", session=False)
    assert called.finish_reason == "TOOL_CALLS" and [c.name for c in called.tool_calls] == ["get_weather"]
    call = called.tool_calls[0]
    assert isinstance(call.parsed_arguments()["city"], str)
    answered = admin.generate(
        [
            {"role": "user", "content": "Weather in Paris?"},
            {"role": "assistant", "tool_calls": [call]},
            {"role": "tool", "tool_call_id": call.id, "content": "Sunny, 21 C"},
        ],
        model="mock-fast",
        tools=[WEATHER],
        session=False,
    )
    assert "Sunny, 21 C" in answered.text


def test_a_streamed_tool_call_arrives_as_tool_call_deltas(admin: Switchyard) -> None:
    with admin.stream("Weather?", model="mock-fast", tools=[WEATHER], tool_choice={"name": "get_weather"}, session=False) as stream:
        deltas = [d for d in stream if d.kind == "tool_call"]
    assert deltas and deltas[0].tool_call is not None and deltas[0].tool_call.name == "get_weather"
    arguments = "".join(d.tool_call.arguments_delta for d in deltas if d.tool_call is not None)
    assert stream.generation is not None and stream.generation.tool_calls[0].arguments == arguments


def test_structured_output_follows_the_schema(admin: Switchyard) -> None:
    schema = {"type": "object", "properties": {"city": {"type": "string"}, "days": {"type": "integer"}}, "required": ["city", "days"]}
    answer = admin.generate("Plan a trip", model="mock-fast", response_format=schema, session=False)
    value = answer.json()
    assert isinstance(value["city"], str) and isinstance(value["days"], int)
    assert isinstance(admin.generate("Any JSON", model="mock-fast", response_format="json_object", session=False).json(), dict)


def test_reasoning_streams_as_reasoning_deltas(admin: Switchyard) -> None:
    with admin.stream("Think first", model="mock-fast", reasoning_effort="low", session=False) as stream:
        kinds = {d.kind for d in stream}
    assert kinds == {"reasoning", "text"}
    assert stream.generation is not None and stream.generation.usage.reasoning_tokens > 0
