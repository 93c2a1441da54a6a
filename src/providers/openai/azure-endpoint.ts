import { UpstreamError } from '../../core/errors.js';
import type { UpstreamTarget } from '../provider.js';
import { apiRoot, JSON_HEADERS, type OpenAIEndpoint } from './openai-endpoint.js';

/** A Microsoft Entra ID access token is a JWT (three base64url parts, the header `eyJ…`); an Azure OpenAI key never is. */
const JWT = /^eyJ[\w-]*\.[\w-]+\.[\w-]*$/;

/**
 * How Azure OpenAI is called. The model's `baseUrl` is the resource's endpoint
 * (`https://NAME.openai.azure.com`; a trailing `/openai` or `/openai/v1` is tolerated). With an
 * `apiVersion`, the classic form `{endpoint}/openai/deployments/{deployment}/{operation}?api-version=…`
 * (the deployment in the URL; the body's `model` is accepted and ignored, as the OpenAI SDK's
 * AzureOpenAI client sends it); without one, the v1 form `{endpoint}/openai/v1/{operation}`, which
 * takes no api-version and names the deployment as the body's `model`.
 *
 * The key goes in `api-key`, unless it is a Microsoft Entra ID access token (a JWT): that goes as
 * `Authorization: Bearer`, which both forms take. A token is short-lived, so it belongs in a stored
 * credential that whatever refreshes it rotates (`rotateCredential`), not in a variable read at start.
 *
 * No model list names a deployment (`GET /openai/models` lists the models the resource could
 * deploy), so the health probe is a 1-token completion on the deployment.
 * @see https://learn.microsoft.com/en-us/azure/ai-foundry/openai/reference
 * @see https://learn.microsoft.com/en-us/azure/ai-foundry/openai/api-version-lifecycle
 * @see https://learn.microsoft.com/en-us/azure/ai-foundry/openai/how-to/managed-identity
 * @see https://github.com/openai/openai-node/blob/master/src/azure.ts
 * @see https://github.com/vercel/ai/blob/main/packages/azure/src/azure-openai-provider.ts
 */
export const AZURE_OPENAI_ENDPOINT: OpenAIEndpoint = {
  url(target, operation) {
    const resource = apiRoot('azure-openai', target).replace(/\/openai(?:\/v1)?$/, '');
    if (!target.apiVersion) return `${resource}/openai/v1/${operation}`;
    if (!target.deployment)
      throw new UpstreamError(`${target.modelId}: apiVersion ${target.apiVersion} needs a deployment (the URL names it)`, {
        retryable: false,
        reason: 'config',
      });
    const version = `api-version=${encodeURIComponent(target.apiVersion)}`;
    if (operation === 'models') return `${resource}/openai/models?${version}`;
    return `${resource}/openai/deployments/${encodeURIComponent(target.deployment)}/${operation}?${version}`;
  },
  headers(target: UpstreamTarget) {
    const key = target.apiKey;
    if (!key) return { ...JSON_HEADERS };
    return { ...JSON_HEADERS, ...(JWT.test(key) ? { authorization: `Bearer ${key}` } : { 'api-key': key }) };
  },
  bodyModel: (target) => target.deployment ?? target.upstreamModel,
  listsModels: false,
};
