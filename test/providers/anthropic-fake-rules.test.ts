import { describe, expect, it } from 'vitest';
import { anthropicBodyProblem } from '../fakes/anthropic-rules.js';
import { ANTHROPIC_TEST_KEY, startAnthropicFake } from '../fakes/vendors.js';
import { track } from './helpers.js';

const user = (content: unknown) => ({ role: 'user', content });
const assistant = (content: unknown) => ({ role: 'assistant', content });
const body = (messages: unknown[], extra: Record<string, unknown> = {}) => ({ model: 'claude', max_tokens: 2048, messages, ...extra });
const toolUse = (id: string) => ({ type: 'tool_use', id, name: 'get_weather', input: { city: 'Paris' } });
const toolResult = (id: string) => ({ type: 'tool_result', tool_use_id: id, content: '18°C' });
const thinking = { type: 'thinking', thinking: 'hm', signature: 'sig' };

describe('the Anthropic fake refuses what the Messages API refuses', () => {
  it.each([
    ['a system role', body([{ role: 'system', content: 'Be brief.' }, user('Hi')]), 'Unexpected role "system"'],
    ['an empty text block', body([user([{ type: 'text', text: '' }])]), 'text content blocks must be non-empty'],
    ['turns that do not alternate', body([user('Hi'), user('again')]), 'roles must alternate'],
    ['a first turn by the assistant', body([assistant('Hello')]), 'roles must alternate'],
    [
      'a tool_result answering no tool_use of the turn before',
      body([user('Hi'), assistant([toolUse('toolu_1')]), user([toolResult('toolu_2')])]),
      'unexpected `tool_use_id` found in `tool_result` blocks: toolu_2',
    ],
    [
      'a tool_use left unanswered by the next turn',
      body([user('Hi'), assistant([toolUse('toolu_1'), toolUse('toolu_2')]), user([toolResult('toolu_1')])]),
      '`tool_use` ids were found without `tool_result` blocks immediately after: toolu_2',
    ],
    [
      'text before a tool_result',
      body([user('Hi'), assistant([toolUse('toolu_1')]), user([{ type: 'text', text: 'here' }, toolResult('toolu_1')])]),
      '`tool_result` blocks must come before',
    ],
    [
      'a thinking block after a tool_use',
      body([user('Hi'), assistant([toolUse('toolu_1'), thinking])]),
      'thinking blocks must come before',
    ],
    ['tool input that is not an object', body([user('Hi'), assistant([{ ...toolUse('toolu_1'), input: '{}' }])]), 'valid dictionary'],
    ['a BMP image', body([user([{ type: 'image', source: { type: 'base64', media_type: 'image/bmp', data: 'Qk0=' } }])]), 'base64 image'],
    [
      'a thinking budget under 1024',
      body([user('Hi')], { thinking: { type: 'enabled', budget_tokens: 512 } }),
      'greater than or equal to 1024',
    ],
    [
      'a budget not under max_tokens',
      body([user('Hi')], { thinking: { type: 'enabled', budget_tokens: 2048 } }),
      '`max_tokens` must be greater',
    ],
    [
      'a temperature with thinking',
      body([user('Hi')], { max_tokens: 4096, temperature: 0.2, thinking: { type: 'enabled', budget_tokens: 2048 } }),
      'may only be set to 1',
    ],
    [
      'a forced tool with thinking',
      body([user('Hi')], { max_tokens: 4096, tool_choice: { type: 'any' }, thinking: { type: 'enabled', budget_tokens: 2048 } }),
      'forces tool use',
    ],
  ])('should refuse %s', (_, request, message) => {
    expect(anthropicBodyProblem(request)).toContain(message);
  });

  it('should take a well-formed tool-use turn with thinking', () => {
    const request = body(
      [
        user('Hi'),
        assistant([thinking, { type: 'text', text: 'Looking.' }, toolUse('toolu_1')]),
        user([toolResult('toolu_1'), { type: 'text', text: 'Thanks' }]),
      ],
      { max_tokens: 4096, temperature: 1, tool_choice: { type: 'auto' }, thinking: { type: 'enabled', budget_tokens: 2048 } },
    );
    expect(anthropicBodyProblem(request)).toBeUndefined();
  });

  it("should answer a refused body with Anthropic's 400 invalid_request_error over HTTP", async () => {
    const fake = track(await startAnthropicFake({ validate: true }));
    const response = await fetch(`${fake.url}/v1/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': ANTHROPIC_TEST_KEY, 'anthropic-version': '2023-06-01' },
      body: JSON.stringify(body([{ role: 'system', content: 'Be brief.' }])),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      type: 'error',
      error: { type: 'invalid_request_error', message: expect.stringContaining('Unexpected role "system"') },
    });
  });
});
