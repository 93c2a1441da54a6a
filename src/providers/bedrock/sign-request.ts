import { Hash } from '@smithy/core/serde';
import { SignatureV4 } from '@smithy/signature-v4';
import type { BedrockCredentials } from './bedrock-credentials.js';

/** Node's SHA-256 as the signer takes it (what the AWS SDK's Node clients pass: `Hash.bind(null, 'sha256')`). */
export const Sha256 = Hash.bind(null, 'sha256');

/** Bedrock's SigV4 signing name (the runtime's endpoints sign as `bedrock`). */
export const SIGNING_SERVICE = 'bedrock';

/**
 * The headers that authenticate one request: `Authorization: Bearer` for a Bedrock API key, else
 * the SigV4 signature of the AWS SDK's own signer (@smithy/signature-v4, with Node's SHA-256 of
 * @smithy/core's Hash) over the method, the path as sent (the model id percent-encoded), the host,
 * the content type and the body — `authorization`, `x-amz-date` and, for temporary keys,
 * `x-amz-security-token`. The signature is never computed by hand.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv.html
 * @see https://github.com/smithy-lang/smithy-typescript/tree/main/packages/signature-v4
 */
export async function authHeaders(
  credentials: BedrockCredentials,
  region: string,
  request: {
    readonly url: URL;
    readonly method: 'GET' | 'POST';
    readonly headers: Readonly<Record<string, string>>;
    readonly body?: string;
  },
): Promise<Record<string, string>> {
  if (credentials.kind === 'bearer') return { authorization: `Bearer ${credentials.token}` };
  const signer = new SignatureV4({
    credentials: {
      accessKeyId: credentials.accessKeyId,
      secretAccessKey: credentials.secretAccessKey,
      ...(credentials.sessionToken ? { sessionToken: credentials.sessionToken } : {}),
    },
    region,
    service: SIGNING_SERVICE,
    sha256: Sha256,
  });
  const { url } = request;
  const signed = await signer.sign({
    method: request.method,
    protocol: url.protocol,
    hostname: url.hostname,
    ...(url.port ? { port: Number(url.port) } : {}),
    path: url.pathname,
    query: {},
    headers: { ...request.headers, host: url.host },
    ...(request.body !== undefined ? { body: request.body } : {}),
  });
  // undici sends the Host of the URL itself.
  const headers: Record<string, string> = { ...signed.headers };
  delete headers.host;
  return headers;
}
