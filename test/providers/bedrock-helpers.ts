import { createBedrockAdapter } from '../../src/providers/bedrock/bedrock-adapter.js';
import type { AwsEnvironment } from '../../src/providers/bedrock/bedrock-credentials.js';
import type { UpstreamTarget } from '../../src/providers/provider.js';
import { DEFAULT_TIMEOUTS } from '../../src/core/records/model.js';
import { BEDROCK_TEST_KEYS, BEDROCK_TEST_REGION, type BedrockFake, startBedrockFake } from '../fakes/bedrock-fake.js';
import { loopbackHttp, track } from './helpers.js';

/** A Claude inference profile id: its `:` is percent-encoded in the path. */
export const CLAUDE = 'us.anthropic.claude-sonnet-4-20250514-v1:0';
export const STREAM_PATH = `/model/${encodeURIComponent(CLAUDE)}/converse-stream`;

/** The environment of a gateway with the fake's long-term keys and region. */
export const AWS_ENV: AwsEnvironment = {
  AWS_ACCESS_KEY_ID: BEDROCK_TEST_KEYS.accessKeyId,
  AWS_SECRET_ACCESS_KEY: BEDROCK_TEST_KEYS.secretAccessKey,
  AWS_REGION: BEDROCK_TEST_REGION,
};

export function bedrockTarget(fake: BedrockFake, extra: Partial<UpstreamTarget> = {}): UpstreamTarget {
  return {
    modelId: 'bedrock-model',
    upstreamModel: CLAUDE,
    baseUrl: fake.url,
    streamUsage: true,
    ...extra,
    timeouts: DEFAULT_TIMEOUTS,
  };
}

/** A fake, an adapter reading `env` as the gateway's environment, and a target at the fake. */
export async function bedrockSetup(env: AwsEnvironment = AWS_ENV) {
  const fake = track(await startBedrockFake());
  return { fake, adapter: createBedrockAdapter(loopbackHttp(), env), target: bedrockTarget(fake) };
}

/** The JSON body of the fake's `i`th call. */
export function bodyOf(fake: BedrockFake, i = 0): Record<string, unknown> {
  const call = fake.calls[i];
  if (!call) throw new Error(`the fake got no call ${i}`);
  return call.body as Record<string, unknown>;
}
