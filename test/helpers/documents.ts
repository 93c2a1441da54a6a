import { graphql } from '../gql/index.js';

export const ModelsQuery = graphql(`
  query Models($filter: ModelFilter) {
    models(filter: $filter) {
      id provider upstreamModel baseUrl apiKeyEnv contextWindow capabilities status source
      defaults { maxTokens temperature topP stop }
      pricing { input output }
      lastHealthCheck { ok message }
      circuit { state }
      retiredAt
    }
  }
`);

export const ModelQuery = graphql(`
  query Model($id: ID!) {
    model(id: $id) { id status provider version pricing { input output } defaults { maxTokens temperature } mock { tokens tokenDelayMs } }
  }
`);

export const RegisterModel = graphql(`
  mutation RegisterModel($input: RegisterModelInput!) {
    registerModel(input: $input) {
      model { id provider status upstreamModel baseUrl apiKeyEnv source capabilities pricing { input output } defaults { maxTokens } lastHealthCheck { ok message } }
      healthCheck { ok latencyMs message }
    }
  }
`);

export const UpdateModel = graphql(`
  mutation UpdateModel($input: UpdateModelInput!) {
    updateModel(input: $input) {
      model { id status version baseUrl pricing { input output } defaults { maxTokens temperature } mock { tokens } }
      healthCheck { ok }
    }
  }
`);

export const DisableModel = graphql(`mutation DisableModel($id: ID!) { disableModel(id: $id) { id status } }`);
export const EnableModel = graphql(`mutation EnableModel($id: ID!) { enableModel(id: $id) { model { id status } healthCheck { ok } } }`);
export const RetireModel = graphql(`mutation RetireModel($id: ID!) { retireModel(id: $id) { id status retiredAt } }`);
export const CheckModelHealth = graphql(
  `mutation CheckModelHealth($id: ID!) { checkModelHealth(id: $id) { model { id status lastHealthCheck { ok message } } healthCheck { ok message } } }`,
);

export const CreateApiKey = graphql(`
  mutation CreateApiKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) { key apiKey { id name prefix scopes revoked } }
  }
`);
export const ApiKeys = graphql(`query ApiKeys { apiKeys { id name prefix scopes revoked revokedAt } }`);
export const RevokeApiKey = graphql(`mutation RevokeApiKey($id: ID!) { revokeApiKey(id: $id) { id revoked revokedAt } }`);
export const ViewerQuery = graphql(`query Viewer { viewer { localMode apiKeyId scopes } }`);

export const ModelEventsSubscription = graphql(`
  subscription ModelEvents($modelId: ID, $types: [ModelEventType!]) {
    modelEvents(modelId: $modelId, types: $types) { type at model { id status provider } }
  }
`);

export const Generate = graphql(`
  mutation Generate($input: GenerateInput!) {
    generate(input: $input) {
      id modelId status text finishReason maxTokens stream
      usage { inputTokens outputTokens totalTokens estimated }
      costUsd costMicroUsd latencyMs timeToFirstTokenMs errorCode
      attempts { modelId provider outcome errorCode httpStatus durationMs }
      apiKey { id name }
    }
  }
`);

export const GenerationsQuery = graphql(`
  query Generations($filter: GenerationFilter, $first: Int, $after: String) {
    generations(filter: $filter, first: $first, after: $after) {
      edges { cursor node { id modelId status errorCode stream text costMicroUsd usage { inputTokens outputTokens estimated } attempts { httpStatus errorCode outcome } apiKey { id } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

export const GenerationQuery = graphql(
  `query Generation($id: ID!) { generation(id: $id) { id status text finishReason model { id provider } } }`,
);

export const GenerateStream = graphql(`
  subscription GenerateStream($input: GenerateInput!) {
    generateStream(input: $input) {
      __typename
      ... on GenerationStarted { generationId model { id } }
      ... on TokenDelta { generationId text index chunks }
      ... on GenerationCompleted { generation { id status text finishReason costMicroUsd usage { inputTokens outputTokens estimated } } }
      ... on GenerationFailed { generationId code message partialText generation { id status errorCode } }
    }
  }
`);

export const CreateSession = graphql(`
  mutation CreateSession($input: CreateSessionInput!) {
    createSession(input: $input) { id revision model { id } params { maxTokens temperature } }
  }
`);

export const SwitchModel = graphql(`
  mutation SwitchModel($input: SwitchModelInput!) {
    switchModel(input: $input) { revision switchedAt latencyMs previousModel { id } model { id } session { id revision model { id } params { maxTokens } } }
  }
`);

export const SessionQuery = graphql(`
  query Session($id: ID!) { session(id: $id) { id revision model { id } messages { role content generationId } } }
`);

export const SessionHistoryQuery = graphql(`
  query SessionHistory($id: ID!) { session(id: $id) { id trimmedMessages messages { role content generationId } } }
`);

export const SessionsQuery = graphql(`query Sessions { sessions { edges { node { id } } pageInfo { hasNextPage } } }`);

export const ModelSwitchedSubscription = graphql(`
  subscription ModelSwitched($sessionId: ID) {
    modelSwitched(sessionId: $sessionId) { revision previousModel { id } model { id } session { id } latencyMs }
  }
`);

export const GenerateInSession = graphql(`
  mutation GenerateInSession($input: GenerateInput!) {
    generate(input: $input) { id modelId status text sessionId droppedMessages maxTokens errorCode }
  }
`);

export const SetModelPool = graphql(`
  mutation SetModelPool($input: SetModelPoolInput!) {
    setModelPool(input: $input) { name strategy members { modelId weight } retry { attempts } sticky stickyTtlSeconds }
  }
`);

export const PoolsQuery = graphql(`query Pools { pools { name strategy members { modelId weight } sticky source } }`);

export const GenerateRouted = graphql(`
  mutation GenerateRouted($input: GenerateInput!) {
    generate(input: $input) { id modelId poolName status text errorCode maxTokens attempts { modelId outcome httpStatus errorCode durationMs delayMs } }
  }
`);

export const CircuitQuery = graphql(`
  query Circuit { models { id status circuit { state errorRate requests openedAt reopensAt } } }
`);

export const ConfigStatusQuery = graphql(`query ConfigStatus { configStatus { source hash loadedAt lastError lastAttemptAt } }`);
export const ReloadConfig = graphql(`mutation ReloadConfig { reloadConfig { hash lastError } }`);

export const CostsQuery = graphql(`
  query Costs($filter: CostFilter, $groupBy: CostGroupBy!) {
    costs(filter: $filter, groupBy: $groupBy) {
      groups { key requests failures inputTokens outputTokens costUsd costMicroUsd }
      totals { requests failures inputTokens outputTokens costUsd costMicroUsd }
    }
  }
`);

export const ApiKeyBudgetQuery = graphql(`
  query ApiKeyBudget { apiKeys { id name requestsPerMinute budget { daily monthly spentToday spentThisMonth reserved remaining } } }
`);

export const SetBudget = graphql(`
  mutation SetBudget($input: SetBudgetInput!) { setBudget(input: $input) { id budget { daily monthly remaining } } }
`);

export const CreateBudgetedKey = graphql(`
  mutation CreateBudgetedKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) { key apiKey { id budget { daily monthly remaining } } }
  }
`);

export const UsageUpdatedSubscription = graphql(`
  subscription UsageUpdated($apiKeyId: ID) {
    usageUpdated(apiKeyId: $apiKeyId) { generationId modelId sessionId status costUsd apiKey { id } budget { spentToday remaining } }
  }
`);

export const CostSeriesQuery = graphql(`
  query CostSeries($filter: CostFilter!, $groupBy: CostGroupBy!, $interval: CostInterval!) {
    costSeries(filter: $filter, groupBy: $groupBy, interval: $interval) { start key requests failures inputTokens outputTokens costUsd costMicroUsd }
  }
`);

export const GenerateStreamCost = graphql(`
  subscription GenerateStreamCost($input: GenerateInput!) {
    generateStream(input: $input) {
      __typename
      ... on TokenDelta { text costUsd index chunks }
      ... on GenerationCompleted { generation { status finishReason text costMicroUsd maxTokens } }
    }
  }
`);

export const UnpricedCostsQuery = graphql(`
  query UnpricedCosts($groupBy: CostGroupBy!) {
    costs(groupBy: $groupBy) {
      groups { key requests costMicroUsd unpricedRequests }
      totals { requests costMicroUsd unpricedRequests }
    }
  }
`);
