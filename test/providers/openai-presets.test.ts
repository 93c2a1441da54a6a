import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ChatRequest } from '../../src/core/chat/chat-request.js';
import type { UpstreamError } from '../../src/core/errors.js';
import { PROVIDER_PRESETS, type ProviderPreset } from '../../src/core/records/model.js';
import { PRESET_FEATURES } from '../../src/core/records/provider-kinds.js';
import { PROVIDER_PRESET_DEFAULTS } from '../../src/core/records/provider-presets.js';
import { createOpenAICompatibleAdapter } from '../../src/providers/openai/openai-adapter.js';
import { PRESET_DIALECTS } from '../../src/providers/openai/openai-dialect.js';
import { KeyEnvPolicy } from '../../src/security/key-env-policy.js';
import { startFakeUpstream } from '../fakes/fake-upstream.js';
import { mistralRequestProblem } from '../fakes/host-rules.js';
import { fixture, OPENAI_TEST_KEY, startOpenAIFake } from '../fakes/vendors.js';
import { collect, HELLO, loopbackHttp, signal, targetFor, textOf, track } from './helpers.js';

const presetTarget = (url: string, preset: ProviderPreset) =>
  targetFor({ url } as never, { apiKey: OPENAI_TEST_KEY, preset, streamUsage: PROVIDER_PRESET_DEFAULTS[preset].streamUsage });

describe('the preset table', () => {
  it.each(PROVIDER_PRESETS)('%s has a base URL, a key variable unless local, its docs, a dialect and features', (preset) => {
    const defaults = PROVIDER_PRESET_DEFAULTS[preset];
    const url = new URL(defaults.baseUrl);
    if (defaults.local) {
      expect(url.origin).toMatch(/^http:\/\/localhost:\d+$/);
      expect(defaults.apiKeyEnv).toBeUndefined();
    } else {
      expect(url.protocol).toBe('https:');
      expect(defaults.apiKeyEnv).toMatch(/^[A-Z]+_API_KEY$/);
      expect(new KeyEnvPolicy().allows(defaults.apiKeyEnv ?? '')).toBe(true);
    }
    expect(defaults.docs).toMatch(/^https:\/\//);
    expect(PRESET_DIALECTS[preset]).toBeDefined();
    expect(PRESET_FEATURES[preset]).toBeDefined();
  });

  it("is the README's presets table, row for row", () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    for (const preset of PROVIDER_PRESETS) {
      const { baseUrl, apiKeyEnv } = PROVIDER_PRESET_DEFAULTS[preset];
      expect(readme).toContain(`| \`${preset}\` | ${baseUrl} | ${apiKeyEnv ? `\`${apiKeyEnv}\`` : 'none'} |`);
    }
  });
});

/** A request asking for what dialects differ on: a developer message, an image with detail, a strict tool, a reasoning effort. */
const ASKING: ChatRequest = {
  messages: [
    { role: 'developer', content: 'Be brief.' },
    {
      role: 'user',
      content: [
        { type: 'text', text: 'What is it?' },
        { type: 'image', url: 'https://example.com/a.png', detail: 'low' },
      ],
    },
  ],
  tools: [{ name: 'look', parameters: { type: 'object', properties: {} }, strict: true }],
  reasoning: { effort: 'low' },
  params: { maxTokens: 64 },
};

describe('each preset’s dialect on the wire', () => {
  it('should send the token limit, role, tool strictness, image detail and effort each host documents', async () => {
    const fake = track(await startOpenAIFake(undefined, { validate: false }));
    const adapter = createOpenAICompatibleAdapter('openai-compatible', loopbackHttp());
    const sent: Record<string, unknown> = {};
    for (const preset of PROVIDER_PRESETS) {
      await collect(await adapter.stream(ASKING, presetTarget(fake.url, preset), { signal: signal() }));
      const body = fake.calls.at(-1)?.body as Record<string, unknown> & {
        messages: { role: string; content: unknown }[];
        tools: { function: { strict?: boolean } }[];
      };
      const image = ((body.messages[1]?.content ?? []) as { image_url?: { detail?: string } }[])[1]?.image_url;
      sent[preset] = [
        'max_completion_tokens' in body ? 'max_completion_tokens' : 'max_tokens',
        body.messages[0]?.role,
        body.tools[0]?.function.strict === true ? 'strict' : '-',
        image?.detail ?? '-',
        body.reasoning_effort ?? '-',
        'stream_options' in body ? 'stream_options' : '-',
      ].join(' ');
    }
    expect(sent).toEqual({
      mistral: 'max_tokens system strict - low -',
      groq: 'max_completion_tokens system - - low stream_options',
      deepseek: 'max_tokens system - - low stream_options',
      together: 'max_tokens system - - low stream_options',
      fireworks: 'max_tokens system - - low stream_options',
      xai: 'max_completion_tokens system - low low stream_options',
      openrouter: 'max_tokens system - - low stream_options',
      ollama: 'max_tokens system - - low stream_options',
      vllm: 'max_tokens system - - low stream_options',
      lmstudio: 'max_tokens system - - low -',
    });
  });
});

describe('mistral: a host that refuses stream_options (422 extra_forbidden)', () => {
  async function mistralFake() {
    const fake = track(
      await startFakeUpstream({
        check: mistralRequestProblem,
        auth: (headers) =>
          headers.authorization === `Bearer ${OPENAI_TEST_KEY}`
            ? undefined
            : { type: 'json', status: 401, body: { message: 'Unauthorized' } },
      }),
    );
    fake.respond('POST /v1/chat/completions', { type: 'sse', body: fixture('mistral/chat-text.sse') });
    return fake;
  }

  it('should answer through the preset, with the usage Mistral sends unasked in its last chunk', async () => {
    const fake = await mistralFake();
    const adapter = createOpenAICompatibleAdapter('openai-compatible', loopbackHttp());
    const parts = await collect(
      await adapter.stream(
        { ...HELLO, messages: [{ role: 'developer', content: 'Be brief.' }, ...HELLO.messages] },
        presetTarget(fake.url, 'mistral'),
        { signal: signal() },
      ),
    );
    expect(textOf(parts)).toBe('Bonjour !');
    expect(parts.at(-1)).toMatchObject({
      type: 'finish',
      finishReason: 'stop',
      usage: { inputTokens: 9, outputTokens: 3, estimated: false },
    });
    expect(fake.calls[0]?.body).not.toHaveProperty('stream_options');
  });

  it('should fail as a bare openai-compatible model against the same host, the 422 naming the field', async () => {
    const fake = await mistralFake();
    const adapter = createOpenAICompatibleAdapter('openai-compatible', loopbackHttp());
    const error = (await adapter
      .stream(HELLO, targetFor(fake, { apiKey: OPENAI_TEST_KEY }), { signal: signal() })
      .catch((e: unknown) => e)) as UpstreamError;
    expect(error.message).toBe('openai-compatible answered 422: body.stream_options: Extra inputs are not permitted');
    expect(error.isRetryable).toBe(false);
    // And with OpenAI's own dialect (max_completion_tokens, the developer role) it would fail twice over.
    const openai = createOpenAICompatibleAdapter('openai', loopbackHttp());
    const asOpenAI = (await openai
      .stream(
        { ...HELLO, messages: [{ role: 'developer', content: 'Be brief.' }, ...HELLO.messages] },
        { ...targetFor(fake, { apiKey: OPENAI_TEST_KEY }), streamUsage: false },
        { signal: signal() },
      )
      .catch((e: unknown) => e)) as UpstreamError;
    expect(asOpenAI.message).toBe('openai answered 422: body.max_completion_tokens: Extra inputs are not permitted');
  });
});

describe('hosts’ stream quirks', () => {
  const sse = (...chunks: unknown[]) => `${chunks.map((c) => `data: ${JSON.stringify(c)}\n\n`).join('')}data: [DONE]\n\n`;
  const chunk = (delta: Record<string, unknown>, finish: string | null = null, usage?: Record<string, unknown>) => ({
    id: 'x',
    object: 'chat.completion.chunk',
    model: 'm',
    choices: [{ index: 0, delta, finish_reason: finish }],
    ...(usage ? { usage } : {}),
  });

  it("should read DeepSeek's reasoning_content and its prompt_cache_hit_tokens as cached input", async () => {
    const fake = track(await startOpenAIFake(undefined, { validate: false }));
    fake.respond('POST /v1/chat/completions', {
      type: 'sse',
      body: sse(
        chunk({ role: 'assistant', reasoning_content: 'Think.' }),
        chunk({ content: 'Done.' }),
        chunk({}, 'stop', {
          prompt_tokens: 20,
          completion_tokens: 6,
          prompt_cache_hit_tokens: 16,
          prompt_cache_miss_tokens: 4,
          completion_tokens_details: { reasoning_tokens: 3 },
        }),
      ),
    });
    const adapter = createOpenAICompatibleAdapter('openai-compatible', loopbackHttp());
    const parts = await collect(await adapter.stream(HELLO, presetTarget(fake.url, 'deepseek'), { signal: signal() }));
    expect(parts.map((p) => p.type)).toEqual(['start', 'reasoning-delta', 'reasoning-end', 'text-delta', 'finish']);
    expect(parts.at(-1)).toMatchObject({
      usage: { inputTokens: 20, cachedInputTokens: 16, outputTokens: 6, reasoningTokens: 3, estimated: false },
    });
  });

  it("should read OpenRouter's (and Groq's, Ollama's) delta.reasoning as reasoning", async () => {
    const fake = track(await startOpenAIFake(undefined, { validate: false }));
    fake.respond('POST /v1/chat/completions', {
      type: 'sse',
      body: sse(chunk({ role: 'assistant', reasoning: 'Hmm.' }), chunk({ content: 'Yes.' }), chunk({}, 'stop')),
    });
    const adapter = createOpenAICompatibleAdapter('openai-compatible', loopbackHttp());
    const parts = await collect(await adapter.stream(HELLO, presetTarget(fake.url, 'openrouter'), { signal: signal() }));
    expect(parts.filter((p) => p.type === 'reasoning-delta')).toEqual([{ type: 'reasoning-delta', text: 'Hmm.' }]);
    expect(textOf(parts)).toBe('Yes.');
  });
});
