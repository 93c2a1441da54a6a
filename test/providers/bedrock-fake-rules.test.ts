import { describe, expect, it } from 'vitest';
import { converseProblem } from '../fakes/bedrock-rules.js';
import { startBedrockFake } from '../fakes/bedrock-fake.js';
import { track } from './helpers.js';

const user = (text: string) => ({ role: 'user', content: [{ text }] });
const assistant = (text: string) => ({ role: 'assistant', content: [{ text }] });

/** The fake must refuse what Converse refuses, or the adapter's tests prove nothing. */
describe('bedrock fake: what Converse refuses', () => {
  it('should accept a well-formed body', () => {
    expect(converseProblem({ messages: [user('hi')], system: [{ text: 'Be brief.' }], inferenceConfig: { maxTokens: 5 } })).toBeUndefined();
  });

  it.each([
    ['an unknown top-level field', { messages: [user('hi')], max_tokens: 5 }, 'extraneous key [max_tokens]'],
    [
      'an unknown inferenceConfig field',
      { messages: [user('hi')], inferenceConfig: { maxOutputTokens: 5 } },
      'extraneous key [maxOutputTokens]',
    ],
    ['no messages', { messages: [] }, 'messages must be a non-empty list'],
    ['a first assistant turn', { messages: [assistant('hi'), user('yo')] }, 'must start with a user message'],
    ['two user turns in a row', { messages: [user('a'), user('b')] }, 'must alternate between user and assistant'],
    ['blank text', { messages: [user(' ')] }, 'The text field in the ContentBlock object at messages.0.content.0 is blank'],
    ['empty content', { messages: [{ role: 'user', content: [] }] }, 'The content field in the Message object at messages.0 is empty'],
    [
      'a block of two kinds',
      { messages: [{ role: 'user', content: [{ text: 'a', image: {} }] }] },
      'exactly one of the ContentBlock members',
    ],
    [
      'an image format it does not take',
      { messages: [{ role: 'user', content: [{ image: { format: 'bmp', source: { bytes: 'AA==' } } }] }] },
      'image.format',
    ],
    [
      'a document name with dots',
      { messages: [{ role: 'user', content: [{ document: { format: 'pdf', name: 'a.pdf', source: { bytes: 'AA==' } } }] }] },
      'document.name',
    ],
    [
      'tool blocks without toolConfig',
      {
        messages: [
          user('a'),
          { role: 'assistant', content: [{ toolUse: { toolUseId: 't', name: 'f', input: {} } }] },
          { role: 'user', content: [{ toolResult: { toolUseId: 't', content: [] } }] },
        ],
      },
      'The toolConfig field must be defined',
    ],
    [
      'a tool result answering no tool call',
      {
        messages: [user('a'), assistant('b'), { role: 'user', content: [{ toolResult: { toolUseId: 'x', content: [{ text: 'r' }] } }] }],
        toolConfig: { tools: [{ toolSpec: { name: 'f', inputSchema: { json: { type: 'object' } } } }] },
      },
      'does not match any toolUse block',
    ],
    [
      'a tool name with spaces',
      { messages: [user('a')], toolConfig: { tools: [{ toolSpec: { name: 'a b', inputSchema: { json: {} } } }] } },
      'toolSpec.name',
    ],
    [
      'a tool choice naming no tool',
      {
        messages: [user('a')],
        toolConfig: { tools: [{ toolSpec: { name: 'f', inputSchema: { json: {} } } }], toolChoice: { tool: { name: 'g' } } },
      },
      'is not one of the tools',
    ],
    ['a temperature above 1', { messages: [user('a')], inferenceConfig: { temperature: 1.2 } }, 'temperature must be between 0 and 1'],
    [
      'a thinking budget not below maxTokens',
      {
        messages: [user('a')],
        inferenceConfig: { maxTokens: 2000 },
        additionalModelRequestFields: { thinking: { type: 'enabled', budget_tokens: 2000 } },
      },
      'must be greater than `thinking.budget_tokens`',
    ],
  ])('should refuse %s', (_what, body, message) => {
    expect(converseProblem(body)).toContain(message);
  });

  it('should refuse an unsigned request with 403 and AWS error shape', async () => {
    const fake = track(await startBedrockFake());
    const response = await fetch(`${fake.url}/model/m/converse-stream`, {
      method: 'POST',
      body: JSON.stringify({ messages: [user('hi')] }),
    });
    expect(response.status).toBe(403);
    expect(response.headers.get('x-amzn-errortype')).toMatch(/^MissingAuthenticationTokenException:/);
    expect(await response.json()).toEqual({ message: 'Missing Authentication Token' });
    const forged = await fetch(`${fake.url}/model/m/converse-stream`, {
      method: 'POST',
      headers: {
        authorization: `AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20250101/us-east-1/bedrock/aws4_request, SignedHeaders=host;x-amz-date, Signature=${'0'.repeat(64)}`,
        'x-amz-date': '20250101T000000Z',
      },
      body: JSON.stringify({ messages: [user('hi')] }),
    });
    expect(forged.status).toBe(403);
    expect(((await forged.json()) as { message: string }).message).toContain('The request signature we calculated does not match');
  });
});
