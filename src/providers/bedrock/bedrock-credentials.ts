import { UpstreamError } from '../../core/errors.js';
import type { UpstreamTarget } from '../provider.js';

/** AWS access keys, signed with SigV4. */
export interface AwsKeys {
  readonly kind: 'sigv4';
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
}

/** A Bedrock API key, sent as `Authorization: Bearer` (what AWS_BEARER_TOKEN_BEDROCK holds). */
export interface BedrockApiKey {
  readonly kind: 'bearer';
  readonly token: string;
}

export type BedrockCredentials = AwsKeys | BedrockApiKey;

/** The gateway's environment, from which the standard AWS variables are read. */
export type AwsEnvironment = Readonly<Record<string, string | undefined>>;

/** An access key id: AKIA… (long-term) or ASIA… (temporary); AWS documents 16 to 128 word characters. */
const ACCESS_KEY_ID = /^[A-Z0-9]{16,128}$/;

const wrongShape = (modelId: string, what: string) =>
  new UpstreamError(
    `${modelId}: the model's Bedrock credential ${what}; expected a Bedrock API key, ACCESS_KEY_ID:SECRET_ACCESS_KEY[:SESSION_TOKEN], or JSON {"accessKeyId", "secretAccessKey", "sessionToken"?}`,
    { retryable: false, reason: 'auth', provider: 'bedrock' },
  );

function keysFromJson(text: string, modelId: string): AwsKeys {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw wrongShape(modelId, 'starts with { but is not JSON');
  }
  const { accessKeyId, secretAccessKey, sessionToken } = (parsed ?? {}) as Record<string, unknown>;
  if (typeof accessKeyId !== 'string' || typeof secretAccessKey !== 'string' || !ACCESS_KEY_ID.test(accessKeyId) || !secretAccessKey)
    throw wrongShape(modelId, 'is JSON without a valid accessKeyId and secretAccessKey');
  if (sessionToken !== undefined && (typeof sessionToken !== 'string' || !sessionToken))
    throw wrongShape(modelId, 'has a sessionToken that is not a non-empty string');
  return { kind: 'sigv4', accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) };
}

/**
 * A model's own Bedrock credential (`target.apiKey`: its stored credential or the variable its
 * `apiKeyEnv` names), in one of three shapes:
 *
 * - `ACCESS_KEY_ID:SECRET_ACCESS_KEY` or `ACCESS_KEY_ID:SECRET_ACCESS_KEY:SESSION_TOKEN` (access
 *   key ids, secrets and session tokens hold no `:`), signed with SigV4;
 * - JSON `{"accessKeyId": …, "secretAccessKey": …, "sessionToken"?: …}`, signed with SigV4;
 * - anything else without a `:` is a Bedrock API key (base64, as AWS_BEARER_TOKEN_BEDROCK holds
 *   it), sent as `Authorization: Bearer`.
 *
 * A credential of the wrong shape is refused, not retried, with a message that never repeats it.
 * @see https://docs.aws.amazon.com/bedrock/latest/userguide/api-keys-use.html
 * @see https://docs.aws.amazon.com/IAM/latest/APIReference/API_AccessKey.html
 */
export function parseModelCredential(apiKey: string, modelId: string): BedrockCredentials {
  const key = apiKey.trim();
  if (key.startsWith('{')) return keysFromJson(key, modelId);
  if (!key.includes(':')) {
    if (/\s/.test(key)) throw wrongShape(modelId, 'holds whitespace');
    return { kind: 'bearer', token: key };
  }
  const [accessKeyId = '', secretAccessKey = '', sessionToken, ...rest] = key.split(':');
  if (rest.length > 0) throw wrongShape(modelId, 'has more than three :-separated parts');
  if (!ACCESS_KEY_ID.test(accessKeyId)) throw wrongShape(modelId, 'does not start with an access key id (16 to 128 capitals and digits)');
  if (!secretAccessKey) throw wrongShape(modelId, 'has an empty secret access key');
  if (sessionToken === '') throw wrongShape(modelId, 'has an empty session token');
  return { kind: 'sigv4', accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) };
}

/**
 * The credentials of a model without a key of its own: the standard AWS variables of the
 * gateway's environment, AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN for
 * temporary keys), always signed with SigV4 so that no secret of the environment is ever sent on
 * the wire (a Bearer token from the environment would go to whatever `baseUrl` a model names: a
 * Bedrock API key is therefore taken only as a model's own credential).
 * @see https://docs.aws.amazon.com/sdkref/latest/guide/environment-variables.html
 */
export function environmentCredentials(env: AwsEnvironment, modelId: string): AwsKeys {
  const accessKeyId = env.AWS_ACCESS_KEY_ID?.trim();
  const secretAccessKey = env.AWS_SECRET_ACCESS_KEY?.trim();
  const sessionToken = env.AWS_SESSION_TOKEN?.trim();
  if (!accessKeyId || !secretAccessKey)
    throw new UpstreamError(
      `${modelId}: no AWS credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY in the gateway's environment, or give the model a credential (or apiKeyEnv) holding a Bedrock API key or ACCESS_KEY_ID:SECRET_ACCESS_KEY`,
      { retryable: false, reason: 'auth', provider: 'bedrock' },
    );
  return { kind: 'sigv4', accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) };
}

/** The model's own credential when it has one, else the environment's AWS keys. */
export function credentialsFor(target: UpstreamTarget, env: AwsEnvironment): BedrockCredentials {
  return target.apiKey ? parseModelCredential(target.apiKey, target.modelId) : environmentCredentials(env, target.modelId);
}

const configProblem = (message: string) => new UpstreamError(message, { retryable: false, reason: 'config', provider: 'bedrock' });

/** An AWS region name such as us-east-1 or us-gov-west-1. */
const REGION = /^[a-z]{2}(?:-[a-z]+)+-\d+$/;

/**
 * The model's `region`, else AWS_REGION, else AWS_DEFAULT_REGION of the gateway's environment (the
 * AWS SDKs' order); none, or one that is not a region name, is a clear error naming `region`.
 * @see https://docs.aws.amazon.com/sdkref/latest/guide/feature-region.html
 */
export function regionFor(target: UpstreamTarget, env: AwsEnvironment): string {
  const region = target.region ?? (env.AWS_REGION?.trim() || env.AWS_DEFAULT_REGION?.trim());
  if (!region)
    throw configProblem(
      `${target.modelId} is a Bedrock model without a region: set its region (e.g. us-east-1), or AWS_REGION in the gateway's environment`,
    );
  if (!REGION.test(region)) throw configProblem(`${target.modelId}: region ${region} is not an AWS region name such as us-east-1`);
  return region;
}
