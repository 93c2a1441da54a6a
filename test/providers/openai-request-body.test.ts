import { describe, expect, it } from 'vitest';
import type { ChatRequest } from '../../src/core/chat/chat-request.js';
import type { ProviderKind } from '../../src/core/records/model.js';
import { createOpenAICompatibleAdapter } from '../../src/providers/openai/openai-adapter.js';
import { OPENAI_TEST_KEY, startOpenAIFake } from '../fakes/vendors.js';
import { collect, loopbackHttp, signal, targetFor, track } from './helpers.js';

const WEATHER_SCHEMA = { type: 'object', properties: { city: { type: 'string' } }, required: ['city'], additionalProperties: false };

/** A second turn after a tool call: every message kind, part kind and option the surface has. */
const SURFACE: ChatRequest = {
  messages: [
    { role: 'developer', content: 'Answer in French.' },
    {
      role: 'user',
      content: [
        { type: 'text', text: 'What is the weather where this was taken?' },
        { type: 'image', url: 'https://example.com/paris.jpg', detail: 'low' },
        { type: 'audio', data: 'UklGRiQAAABXQVZF', format: 'wav' },
        { type: 'file', data: 'data:application/pdf;base64,JVBERi0xLjQ=', filename: 'trip.pdf' },
      ],
    },
    {
      role: 'assistant',
      content: '',
      toolCalls: [{ id: 'call_paris', name: 'get_weather', arguments: '{"city":"Paris"}' }],
      reasoning: [{ text: 'The photo shows Paris; look the weather up.', signature: 'sig-1' }],
    },
    { role: 'tool', toolCallId: 'call_paris', content: '{"temperature":21}' },
  ],
  params: { maxTokens: 300, temperature: 0.2 },
  tools: [{ name: 'get_weather', description: 'Current weather of a city', parameters: WEATHER_SCHEMA, strict: true }],
  toolChoice: { name: 'get_weather' },
  parallelToolCalls: false,
  responseFormat: { type: 'json_schema', name: 'weather_report', schema: WEATHER_SCHEMA, strict: true },
  reasoning: { effort: 'low' },
};

/** What DashScope and Qianfan carry (no file parts; Qianfan no audio) with a thinking budget. */
const THINKING: ChatRequest = {
  messages: [
    { role: 'developer', content: 'Be brief.' },
    {
      role: 'user',
      content: [
        { type: 'text', text: 'Describe ' },
        { type: 'text', text: 'the weather.' },
      ],
    },
    { role: 'user', content: [{ type: 'image', url: 'data:image/png;base64,iVBORw0KGgo=', detail: 'high' }] },
  ],
  params: { maxTokens: 500 },
  tools: [{ name: 'get_weather', parameters: WEATHER_SCHEMA, strict: true }],
  toolChoice: 'required',
  responseFormat: { type: 'json_object' },
  reasoning: { budgetTokens: 1024 },
};

async function bodySent(kind: ProviderKind, request: ChatRequest, upstreamModel = 'gpt-4o-mini') {
  const fake = track(await startOpenAIFake());
  const adapter = createOpenAICompatibleAdapter(kind, loopbackHttp());
  const parts = await collect(
    await adapter.stream(request, targetFor(fake, { apiKey: OPENAI_TEST_KEY, upstreamModel }), { signal: signal() }),
  );
  expect(parts.at(-1)?.type).toBe('finish'); // the fake's validator (OpenAI's 400s) let the body through
  return fake.calls[0]?.body;
}

describe('openai adapter request bodies', () => {
  it('should send OpenAI the whole surface: developer role, parts, tool turns, tools, forced choice, json_schema, effort', async () => {
    expect(await bodySent('openai', SURFACE, 'o4-mini')).toMatchInlineSnapshot(`
      {
        "max_completion_tokens": 300,
        "messages": [
          {
            "content": "Answer in French.",
            "role": "developer",
          },
          {
            "content": [
              {
                "text": "What is the weather where this was taken?",
                "type": "text",
              },
              {
                "image_url": {
                  "detail": "low",
                  "url": "https://example.com/paris.jpg",
                },
                "type": "image_url",
              },
              {
                "input_audio": {
                  "data": "UklGRiQAAABXQVZF",
                  "format": "wav",
                },
                "type": "input_audio",
              },
              {
                "file": {
                  "file_data": "data:application/pdf;base64,JVBERi0xLjQ=",
                  "filename": "trip.pdf",
                },
                "type": "file",
              },
            ],
            "role": "user",
          },
          {
            "content": null,
            "role": "assistant",
            "tool_calls": [
              {
                "function": {
                  "arguments": "{"city":"Paris"}",
                  "name": "get_weather",
                },
                "id": "call_paris",
                "type": "function",
              },
            ],
          },
          {
            "content": "{"temperature":21}",
            "role": "tool",
            "tool_call_id": "call_paris",
          },
        ],
        "model": "o4-mini",
        "parallel_tool_calls": false,
        "reasoning_effort": "low",
        "response_format": {
          "json_schema": {
            "name": "weather_report",
            "schema": {
              "additionalProperties": false,
              "properties": {
                "city": {
                  "type": "string",
                },
              },
              "required": [
                "city",
              ],
              "type": "object",
            },
            "strict": true,
          },
          "type": "json_schema",
        },
        "stream": true,
        "stream_options": {
          "include_usage": true,
        },
        "temperature": 0.2,
        "tool_choice": {
          "function": {
            "name": "get_weather",
          },
          "type": "function",
        },
        "tools": [
          {
            "function": {
              "description": "Current weather of a city",
              "name": "get_weather",
              "parameters": {
                "additionalProperties": false,
                "properties": {
                  "city": {
                    "type": "string",
                  },
                },
                "required": [
                  "city",
                ],
                "type": "object",
              },
              "strict": true,
            },
            "type": "function",
          },
        ],
      }
    `);
  });

  it('should send an OpenAI-compatible server system for developer, max_tokens, and the same parts and tools', async () => {
    expect(await bodySent('openai-compatible', SURFACE)).toMatchInlineSnapshot(`
      {
        "max_tokens": 300,
        "messages": [
          {
            "content": "Answer in French.",
            "role": "system",
          },
          {
            "content": [
              {
                "text": "What is the weather where this was taken?",
                "type": "text",
              },
              {
                "image_url": {
                  "detail": "low",
                  "url": "https://example.com/paris.jpg",
                },
                "type": "image_url",
              },
              {
                "input_audio": {
                  "data": "UklGRiQAAABXQVZF",
                  "format": "wav",
                },
                "type": "input_audio",
              },
              {
                "file": {
                  "file_data": "data:application/pdf;base64,JVBERi0xLjQ=",
                  "filename": "trip.pdf",
                },
                "type": "file",
              },
            ],
            "role": "user",
          },
          {
            "content": null,
            "role": "assistant",
            "tool_calls": [
              {
                "function": {
                  "arguments": "{"city":"Paris"}",
                  "name": "get_weather",
                },
                "id": "call_paris",
                "type": "function",
              },
            ],
          },
          {
            "content": "{"temperature":21}",
            "role": "tool",
            "tool_call_id": "call_paris",
          },
        ],
        "model": "gpt-4o-mini",
        "parallel_tool_calls": false,
        "reasoning_effort": "low",
        "response_format": {
          "json_schema": {
            "name": "weather_report",
            "schema": {
              "additionalProperties": false,
              "properties": {
                "city": {
                  "type": "string",
                },
              },
              "required": [
                "city",
              ],
              "type": "object",
            },
            "strict": true,
          },
          "type": "json_schema",
        },
        "stream": true,
        "stream_options": {
          "include_usage": true,
        },
        "temperature": 0.2,
        "tool_choice": {
          "function": {
            "name": "get_weather",
          },
          "type": "function",
        },
        "tools": [
          {
            "function": {
              "description": "Current weather of a city",
              "name": "get_weather",
              "parameters": {
                "additionalProperties": false,
                "properties": {
                  "city": {
                    "type": "string",
                  },
                },
                "required": [
                  "city",
                ],
                "type": "object",
              },
              "strict": true,
            },
            "type": "function",
          },
        ],
      }
    `);
  });

  it('should send DashScope its dialect: enable_thinking with thinking_budget, max_completion_tokens, text parts as a string, base64 audio as a data URL', async () => {
    const request: ChatRequest = {
      ...THINKING,
      messages: [...THINKING.messages, { role: 'user', content: [{ type: 'audio', data: 'UklGRiQAAABXQVZF', format: 'wav' }] }],
    };
    expect(await bodySent('dashscope', request, 'qwen-plus')).toMatchInlineSnapshot(`
      {
        "enable_thinking": true,
        "max_completion_tokens": 500,
        "messages": [
          {
            "content": "Be brief.",
            "role": "system",
          },
          {
            "content": "Describe the weather.",
            "role": "user",
          },
          {
            "content": [
              {
                "image_url": {
                  "url": "data:image/png;base64,iVBORw0KGgo=",
                },
                "type": "image_url",
              },
            ],
            "role": "user",
          },
          {
            "content": [
              {
                "input_audio": {
                  "data": "data:;base64,UklGRiQAAABXQVZF",
                  "format": "wav",
                },
                "type": "input_audio",
              },
            ],
            "role": "user",
          },
        ],
        "model": "qwen-plus",
        "response_format": {
          "type": "json_object",
        },
        "stream": true,
        "stream_options": {
          "include_usage": true,
        },
        "thinking_budget": 1024,
        "tool_choice": "required",
        "tools": [
          {
            "function": {
              "name": "get_weather",
              "parameters": {
                "additionalProperties": false,
                "properties": {
                  "city": {
                    "type": "string",
                  },
                },
                "required": [
                  "city",
                ],
                "type": "object",
              },
            },
            "type": "function",
          },
        ],
      }
    `);
  });

  it('should send Qianfan its dialect: enable_thinking with thinking_budget or reasoning_effort, max_tokens', async () => {
    expect(await bodySent('qianfan', THINKING, 'ernie-4.5-turbo-vl')).toMatchInlineSnapshot(`
      {
        "enable_thinking": true,
        "max_tokens": 500,
        "messages": [
          {
            "content": "Be brief.",
            "role": "system",
          },
          {
            "content": "Describe the weather.",
            "role": "user",
          },
          {
            "content": [
              {
                "image_url": {
                  "url": "data:image/png;base64,iVBORw0KGgo=",
                },
                "type": "image_url",
              },
            ],
            "role": "user",
          },
        ],
        "model": "ernie-4.5-turbo-vl",
        "response_format": {
          "type": "json_object",
        },
        "stream": true,
        "stream_options": {
          "include_usage": true,
        },
        "thinking_budget": 1024,
        "tool_choice": "required",
        "tools": [
          {
            "function": {
              "name": "get_weather",
              "parameters": {
                "additionalProperties": false,
                "properties": {
                  "city": {
                    "type": "string",
                  },
                },
                "required": [
                  "city",
                ],
                "type": "object",
              },
            },
            "type": "function",
          },
        ],
      }
    `);
    expect(await bodySent('qianfan', { ...THINKING, reasoning: { effort: 'high' } }, 'ernie-x1.1')).toMatchObject({
      enable_thinking: true,
      reasoning_effort: 'high',
    });
  });

  it('should leave out tool_choice and parallel_tool_calls without tools, and send text-only parts to OpenAI as parts', async () => {
    const body = await bodySent('openai', {
      messages: [{ role: 'user', content: [{ type: 'text', text: 'Hi' }] }],
      params: { maxTokens: 10 },
      tools: [],
      toolChoice: 'auto',
      parallelToolCalls: true,
    });
    expect(body).toEqual({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: [{ type: 'text', text: 'Hi' }] }],
      max_completion_tokens: 10,
      stream: true,
      stream_options: { include_usage: true },
    });
  });
});
