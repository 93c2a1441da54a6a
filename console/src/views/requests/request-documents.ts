import { graphql } from '../../gql';

/** What a row of the list shows. */
export const RequestRowFragment = graphql(`
  fragment RequestRow on Generation {
    id createdAt completedAt status modelId poolName provider sessionId stream cached
    latencyMs timeToFirstTokenMs costUsd costMicroUsd savedUsd errorCode finishReason
    apiKey { id name }
    usage { inputTokens outputTokens }
  }
`);

/** A page of the list (newest first), under the filters. */
export const RequestsDocument = graphql(`
  query ConsoleRequests($filter: GenerationFilter, $first: Int, $after: String) {
    generations(filter: $filter, first: $first, after: $after) {
      edges { cursor node { ...RequestRow } }
      pageInfo { endCursor hasNextPage }
    }
  }
`);

/** One row, fetched by id when the live subscription announces it. */
export const RequestRowDocument = graphql(`
  query ConsoleRequestRow($id: ID!) { generation(id: $id) { ...RequestRow } }
`);

/** Everything the gateway kept of one request. */
export const RequestDetailDocument = graphql(`
  query ConsoleRequest($id: ID!) {
    generation(id: $id) {
      ...RequestRow
      requestId upstreamModel maxTokens droppedMessages traceId errorMessage text
      model { id requestLog }
      apiKey { id name requestLog }
      usage { inputTokens cachedInputTokens cacheWriteTokens outputTokens reasoningTokens totalTokens estimated }
      toolCalls { id name arguments }
      attempts { modelId provider outcome errorCode httpStatus delayMs durationMs }
      request {
        messages { role content parts toolCallId toolCalls { id name arguments } }
        tools
        parameters
      }
    }
  }
`);

/** Each stored generation (a client key: its own; an admin: every one, or one key's). */
export const RequestUsageDocument = graphql(`
  subscription ConsoleRequestUsage($apiKeyId: ID) {
    usageUpdated(apiKeyId: $apiKeyId) { generationId modelId sessionId status }
  }
`);
