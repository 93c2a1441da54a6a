/* eslint-disable */
import * as types from './graphql.js';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query Viewer {\n    viewer { localMode apiKeyId scopes }\n  }\n": typeof types.ViewerDocument,
    "\n  query ModelChoices {\n    models { id provider status pricing { input output } }\n    pools { name strategy }\n  }\n": typeof types.ModelChoicesDocument,
    "query ConsoleConfigStatus { configStatus { source hash loadedAt lastAttemptAt lastError } }": typeof types.ConsoleConfigStatusDocument,
    "mutation ConsoleReloadConfig { reloadConfig { source hash loadedAt lastAttemptAt lastError } }": typeof types.ConsoleReloadConfigDocument,
    "\n  query ConsoleCosts($filter: CostFilter!, $groupBy: CostGroupBy!, $interval: CostInterval!) {\n    costs(filter: $filter, groupBy: $groupBy) {\n      groups { key requests failures inputTokens outputTokens costUsd costMicroUsd cachedRequests savedUsd }\n      totals { requests failures inputTokens outputTokens costUsd costMicroUsd cachedRequests savedUsd }\n    }\n    costSeries(filter: $filter, groupBy: $groupBy, interval: $interval) { start key requests failures inputTokens outputTokens costUsd costMicroUsd }\n  }\n": typeof types.ConsoleCostsDocument,
    "query ConsoleKeyNames { apiKeys { id name } }": typeof types.ConsoleKeyNamesDocument,
    "subscription ConsoleUsage { usageUpdated { generationId at } }": typeof types.ConsoleUsageDocument,
    "query ConsoleCredentials { credentials { name mask createdAt rotatedAt models } }": typeof types.ConsoleCredentialsDocument,
    "\n  mutation ConsoleCreateCredential($input: CreateCredentialInput!) { createCredential(input: $input) { name mask } }\n": typeof types.ConsoleCreateCredentialDocument,
    "\n  mutation ConsoleRotateCredential($name: String!, $secret: String!) { rotateCredential(name: $name, secret: $secret) { name mask } }\n": typeof types.ConsoleRotateCredentialDocument,
    "mutation ConsoleDeleteCredential($name: String!) { deleteCredential(name: $name) { name } }": typeof types.ConsoleDeleteCredentialDocument,
    "\n  query ConsoleKeys {\n    apiKeys { id name prefix scopes models revoked revokedAt createdAt requestsPerMinute requestLog budget { daily monthly spentToday spentThisMonth reserved remaining } }\n  }\n": typeof types.ConsoleKeysDocument,
    "\n  mutation ConsoleCreateKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) { key apiKey { id name } }\n  }\n": typeof types.ConsoleCreateKeyDocument,
    "mutation ConsoleRevokeKey($id: ID!) { revokeApiKey(id: $id) { id revoked } }": typeof types.ConsoleRevokeKeyDocument,
    "mutation ConsoleSetBudget($input: SetBudgetInput!) { setBudget(input: $input) { id } }": typeof types.ConsoleSetBudgetDocument,
    "\n  mutation ConsoleUpdateKey($id: ID!, $input: UpdateApiKeyInput!) { updateApiKey(id: $id, input: $input) { id requestLog } }\n": typeof types.ConsoleUpdateKeyDocument,
    "subscription ConsoleKeyUsage { usageUpdated { generationId apiKey { id } } }": typeof types.ConsoleKeyUsageDocument,
    "\n  fragment ModelRow on Model {\n    id provider status source upstreamModel baseUrl apiKeyEnv contextWindow version updatedAt retiredAt\n    pricing { input output }\n    pricingSource catalogStatus maxOutputTokens supportsTools supportsReasoning requestLog\n    modalities { input output }\n    circuit { state errorRate requests reopensAt }\n    lastHealthCheck { ok message checkedAt latencyMs }\n    mock { tokens tokenDelayMs }\n  }\n": typeof types.ModelRowFragmentDoc,
    "\n  query ConsoleModels($filter: ModelFilter) {\n    models(filter: $filter) { ...ModelRow }\n  }\n": typeof types.ConsoleModelsDocument,
    "\n  subscription ConsoleModelEvents {\n    modelEvents { type at model { ...ModelRow } }\n  }\n": typeof types.ConsoleModelEventsDocument,
    "\n  mutation ConsoleRegisterModel($input: RegisterModelInput!) {\n    registerModel(input: $input) { model { ...ModelRow } healthCheck { ok message latencyMs } }\n  }\n": typeof types.ConsoleRegisterModelDocument,
    "\n  mutation ConsoleUpdateModel($input: UpdateModelInput!) {\n    updateModel(input: $input) { model { ...ModelRow } healthCheck { ok message latencyMs } }\n  }\n": typeof types.ConsoleUpdateModelDocument,
    "mutation ConsoleDisableModel($id: ID!) { disableModel(id: $id) { ...ModelRow } }": typeof types.ConsoleDisableModelDocument,
    "mutation ConsoleEnableModel($id: ID!) { enableModel(id: $id) { model { ...ModelRow } } }": typeof types.ConsoleEnableModelDocument,
    "mutation ConsoleRetireModel($id: ID!) { retireModel(id: $id) { ...ModelRow } }": typeof types.ConsoleRetireModelDocument,
    "\n  mutation ConsoleCheckModelHealth($id: ID!) { checkModelHealth(id: $id) { model { ...ModelRow } healthCheck { ok message latencyMs } } }\n": typeof types.ConsoleCheckModelHealthDocument,
    "\n  query ConsoleSessions {\n    sessions(first: 50) { edges { node { id revision updatedAt model { id } pool { name } } } }\n  }\n": typeof types.ConsoleSessionsDocument,
    "\n  fragment PlaygroundGeneration on Generation {\n    id modelId status costUsd finishReason latencyMs\n    toolCalls { id name arguments }\n    usage { inputTokens outputTokens cachedInputTokens cacheWriteTokens reasoningTokens totalTokens estimated }\n  }\n": typeof types.PlaygroundGenerationFragmentDoc,
    "\n  query ConsoleSession($id: ID!) {\n    session(id: $id) {\n      id revision createdAt\n      model { id provider }\n      pool { name strategy }\n      params { maxTokens temperature }\n      messages { role content createdAt generationId }\n    }\n    generations(filter: { sessionId: $id }, first: 200) {\n      edges { node { ...PlaygroundGeneration } }\n    }\n  }\n": typeof types.ConsoleSessionDocument,
    "\n  mutation ConsoleCreateSession($input: CreateSessionInput!) {\n    createSession(input: $input) { id revision model { id } pool { name } }\n  }\n": typeof types.ConsoleCreateSessionDocument,
    "\n  fragment SwitchApplied on ModelSwitch {\n    latencyMs revision switchedAt\n    model { id } pool { name }\n    previousModel { id } previousPool { name }\n    session { id }\n  }\n": typeof types.SwitchAppliedFragmentDoc,
    "\n  mutation ConsoleSwitchModel($input: SwitchModelInput!) {\n    switchModel(input: $input) { ...SwitchApplied }\n  }\n": typeof types.ConsoleSwitchModelDocument,
    "\n  subscription ConsoleModelSwitched($sessionId: ID) {\n    modelSwitched(sessionId: $sessionId) { ...SwitchApplied }\n  }\n": typeof types.ConsoleModelSwitchedDocument,
    "\n  subscription ConsoleGenerateStream($input: GenerateInput!) {\n    generateStream(input: $input) {\n      __typename\n      ... on GenerationStarted { generationId model { id } }\n      ... on TokenDelta { text costUsd index chunks }\n      ... on ToolCallDelta { index id name argumentsDelta costUsd }\n      ... on ReasoningDelta { text costUsd }\n      ... on GenerationCompleted { generation { ...PlaygroundGeneration } }\n      ... on GenerationFailed { code message generationId generation { id status costUsd modelId } }\n    }\n  }\n": typeof types.ConsoleGenerateStreamDocument,
    "\n  query ConsoleGenerationOutcome($id: ID!) {\n    generation(id: $id) { ...PlaygroundGeneration }\n  }\n": typeof types.ConsoleGenerationOutcomeDocument,
    "subscription ConsoleSessionTurns { usageUpdated { generationId sessionId status } }": typeof types.ConsoleSessionTurnsDocument,
    "\n  query ConsolePools {\n    pools { name strategy sticky stickyTtlSeconds source updatedAt members { modelId weight model { status } } retry { attempts baseDelayMs maxDelayMs } }\n  }\n": typeof types.ConsolePoolsDocument,
    "\n  mutation ConsoleSetPool($input: SetModelPoolInput!) {\n    setModelPool(input: $input) { name }\n  }\n": typeof types.ConsoleSetPoolDocument,
    "mutation ConsoleDeletePool($name: ID!) { deletePool(name: $name) { name } }": typeof types.ConsoleDeletePoolDocument,
    "\n  fragment RequestRow on Generation {\n    id createdAt completedAt status modelId poolName provider sessionId stream cached\n    latencyMs timeToFirstTokenMs costUsd costMicroUsd savedUsd errorCode finishReason\n    apiKey { id name }\n    usage { inputTokens outputTokens }\n  }\n": typeof types.RequestRowFragmentDoc,
    "\n  query ConsoleRequests($filter: GenerationFilter, $first: Int, $after: String) {\n    generations(filter: $filter, first: $first, after: $after) {\n      edges { cursor node { ...RequestRow } }\n      pageInfo { endCursor hasNextPage }\n    }\n  }\n": typeof types.ConsoleRequestsDocument,
    "\n  query ConsoleRequestRow($id: ID!) { generation(id: $id) { ...RequestRow } }\n": typeof types.ConsoleRequestRowDocument,
    "\n  query ConsoleRequest($id: ID!) {\n    generation(id: $id) {\n      ...RequestRow\n      requestId upstreamModel maxTokens droppedMessages traceId errorMessage text\n      model { id requestLog }\n      apiKey { id name requestLog }\n      usage { inputTokens cachedInputTokens cacheWriteTokens outputTokens reasoningTokens totalTokens estimated }\n      toolCalls { id name arguments }\n      attempts { modelId provider outcome errorCode httpStatus delayMs durationMs }\n      request {\n        messages { role content parts toolCallId toolCalls { id name arguments } }\n        tools\n        parameters\n      }\n    }\n  }\n": typeof types.ConsoleRequestDocument,
    "\n  subscription ConsoleRequestUsage($apiKeyId: ID) {\n    usageUpdated(apiKeyId: $apiKeyId) { generationId modelId sessionId status }\n  }\n": typeof types.ConsoleRequestUsageDocument,
};
const documents: Documents = {
    "\n  query Viewer {\n    viewer { localMode apiKeyId scopes }\n  }\n": types.ViewerDocument,
    "\n  query ModelChoices {\n    models { id provider status pricing { input output } }\n    pools { name strategy }\n  }\n": types.ModelChoicesDocument,
    "query ConsoleConfigStatus { configStatus { source hash loadedAt lastAttemptAt lastError } }": types.ConsoleConfigStatusDocument,
    "mutation ConsoleReloadConfig { reloadConfig { source hash loadedAt lastAttemptAt lastError } }": types.ConsoleReloadConfigDocument,
    "\n  query ConsoleCosts($filter: CostFilter!, $groupBy: CostGroupBy!, $interval: CostInterval!) {\n    costs(filter: $filter, groupBy: $groupBy) {\n      groups { key requests failures inputTokens outputTokens costUsd costMicroUsd cachedRequests savedUsd }\n      totals { requests failures inputTokens outputTokens costUsd costMicroUsd cachedRequests savedUsd }\n    }\n    costSeries(filter: $filter, groupBy: $groupBy, interval: $interval) { start key requests failures inputTokens outputTokens costUsd costMicroUsd }\n  }\n": types.ConsoleCostsDocument,
    "query ConsoleKeyNames { apiKeys { id name } }": types.ConsoleKeyNamesDocument,
    "subscription ConsoleUsage { usageUpdated { generationId at } }": types.ConsoleUsageDocument,
    "query ConsoleCredentials { credentials { name mask createdAt rotatedAt models } }": types.ConsoleCredentialsDocument,
    "\n  mutation ConsoleCreateCredential($input: CreateCredentialInput!) { createCredential(input: $input) { name mask } }\n": types.ConsoleCreateCredentialDocument,
    "\n  mutation ConsoleRotateCredential($name: String!, $secret: String!) { rotateCredential(name: $name, secret: $secret) { name mask } }\n": types.ConsoleRotateCredentialDocument,
    "mutation ConsoleDeleteCredential($name: String!) { deleteCredential(name: $name) { name } }": types.ConsoleDeleteCredentialDocument,
    "\n  query ConsoleKeys {\n    apiKeys { id name prefix scopes models revoked revokedAt createdAt requestsPerMinute requestLog budget { daily monthly spentToday spentThisMonth reserved remaining } }\n  }\n": types.ConsoleKeysDocument,
    "\n  mutation ConsoleCreateKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) { key apiKey { id name } }\n  }\n": types.ConsoleCreateKeyDocument,
    "mutation ConsoleRevokeKey($id: ID!) { revokeApiKey(id: $id) { id revoked } }": types.ConsoleRevokeKeyDocument,
    "mutation ConsoleSetBudget($input: SetBudgetInput!) { setBudget(input: $input) { id } }": types.ConsoleSetBudgetDocument,
    "\n  mutation ConsoleUpdateKey($id: ID!, $input: UpdateApiKeyInput!) { updateApiKey(id: $id, input: $input) { id requestLog } }\n": types.ConsoleUpdateKeyDocument,
    "subscription ConsoleKeyUsage { usageUpdated { generationId apiKey { id } } }": types.ConsoleKeyUsageDocument,
    "\n  fragment ModelRow on Model {\n    id provider status source upstreamModel baseUrl apiKeyEnv contextWindow version updatedAt retiredAt\n    pricing { input output }\n    pricingSource catalogStatus maxOutputTokens supportsTools supportsReasoning requestLog\n    modalities { input output }\n    circuit { state errorRate requests reopensAt }\n    lastHealthCheck { ok message checkedAt latencyMs }\n    mock { tokens tokenDelayMs }\n  }\n": types.ModelRowFragmentDoc,
    "\n  query ConsoleModels($filter: ModelFilter) {\n    models(filter: $filter) { ...ModelRow }\n  }\n": types.ConsoleModelsDocument,
    "\n  subscription ConsoleModelEvents {\n    modelEvents { type at model { ...ModelRow } }\n  }\n": types.ConsoleModelEventsDocument,
    "\n  mutation ConsoleRegisterModel($input: RegisterModelInput!) {\n    registerModel(input: $input) { model { ...ModelRow } healthCheck { ok message latencyMs } }\n  }\n": types.ConsoleRegisterModelDocument,
    "\n  mutation ConsoleUpdateModel($input: UpdateModelInput!) {\n    updateModel(input: $input) { model { ...ModelRow } healthCheck { ok message latencyMs } }\n  }\n": types.ConsoleUpdateModelDocument,
    "mutation ConsoleDisableModel($id: ID!) { disableModel(id: $id) { ...ModelRow } }": types.ConsoleDisableModelDocument,
    "mutation ConsoleEnableModel($id: ID!) { enableModel(id: $id) { model { ...ModelRow } } }": types.ConsoleEnableModelDocument,
    "mutation ConsoleRetireModel($id: ID!) { retireModel(id: $id) { ...ModelRow } }": types.ConsoleRetireModelDocument,
    "\n  mutation ConsoleCheckModelHealth($id: ID!) { checkModelHealth(id: $id) { model { ...ModelRow } healthCheck { ok message latencyMs } } }\n": types.ConsoleCheckModelHealthDocument,
    "\n  query ConsoleSessions {\n    sessions(first: 50) { edges { node { id revision updatedAt model { id } pool { name } } } }\n  }\n": types.ConsoleSessionsDocument,
    "\n  fragment PlaygroundGeneration on Generation {\n    id modelId status costUsd finishReason latencyMs\n    toolCalls { id name arguments }\n    usage { inputTokens outputTokens cachedInputTokens cacheWriteTokens reasoningTokens totalTokens estimated }\n  }\n": types.PlaygroundGenerationFragmentDoc,
    "\n  query ConsoleSession($id: ID!) {\n    session(id: $id) {\n      id revision createdAt\n      model { id provider }\n      pool { name strategy }\n      params { maxTokens temperature }\n      messages { role content createdAt generationId }\n    }\n    generations(filter: { sessionId: $id }, first: 200) {\n      edges { node { ...PlaygroundGeneration } }\n    }\n  }\n": types.ConsoleSessionDocument,
    "\n  mutation ConsoleCreateSession($input: CreateSessionInput!) {\n    createSession(input: $input) { id revision model { id } pool { name } }\n  }\n": types.ConsoleCreateSessionDocument,
    "\n  fragment SwitchApplied on ModelSwitch {\n    latencyMs revision switchedAt\n    model { id } pool { name }\n    previousModel { id } previousPool { name }\n    session { id }\n  }\n": types.SwitchAppliedFragmentDoc,
    "\n  mutation ConsoleSwitchModel($input: SwitchModelInput!) {\n    switchModel(input: $input) { ...SwitchApplied }\n  }\n": types.ConsoleSwitchModelDocument,
    "\n  subscription ConsoleModelSwitched($sessionId: ID) {\n    modelSwitched(sessionId: $sessionId) { ...SwitchApplied }\n  }\n": types.ConsoleModelSwitchedDocument,
    "\n  subscription ConsoleGenerateStream($input: GenerateInput!) {\n    generateStream(input: $input) {\n      __typename\n      ... on GenerationStarted { generationId model { id } }\n      ... on TokenDelta { text costUsd index chunks }\n      ... on ToolCallDelta { index id name argumentsDelta costUsd }\n      ... on ReasoningDelta { text costUsd }\n      ... on GenerationCompleted { generation { ...PlaygroundGeneration } }\n      ... on GenerationFailed { code message generationId generation { id status costUsd modelId } }\n    }\n  }\n": types.ConsoleGenerateStreamDocument,
    "\n  query ConsoleGenerationOutcome($id: ID!) {\n    generation(id: $id) { ...PlaygroundGeneration }\n  }\n": types.ConsoleGenerationOutcomeDocument,
    "subscription ConsoleSessionTurns { usageUpdated { generationId sessionId status } }": types.ConsoleSessionTurnsDocument,
    "\n  query ConsolePools {\n    pools { name strategy sticky stickyTtlSeconds source updatedAt members { modelId weight model { status } } retry { attempts baseDelayMs maxDelayMs } }\n  }\n": types.ConsolePoolsDocument,
    "\n  mutation ConsoleSetPool($input: SetModelPoolInput!) {\n    setModelPool(input: $input) { name }\n  }\n": types.ConsoleSetPoolDocument,
    "mutation ConsoleDeletePool($name: ID!) { deletePool(name: $name) { name } }": types.ConsoleDeletePoolDocument,
    "\n  fragment RequestRow on Generation {\n    id createdAt completedAt status modelId poolName provider sessionId stream cached\n    latencyMs timeToFirstTokenMs costUsd costMicroUsd savedUsd errorCode finishReason\n    apiKey { id name }\n    usage { inputTokens outputTokens }\n  }\n": types.RequestRowFragmentDoc,
    "\n  query ConsoleRequests($filter: GenerationFilter, $first: Int, $after: String) {\n    generations(filter: $filter, first: $first, after: $after) {\n      edges { cursor node { ...RequestRow } }\n      pageInfo { endCursor hasNextPage }\n    }\n  }\n": types.ConsoleRequestsDocument,
    "\n  query ConsoleRequestRow($id: ID!) { generation(id: $id) { ...RequestRow } }\n": types.ConsoleRequestRowDocument,
    "\n  query ConsoleRequest($id: ID!) {\n    generation(id: $id) {\n      ...RequestRow\n      requestId upstreamModel maxTokens droppedMessages traceId errorMessage text\n      model { id requestLog }\n      apiKey { id name requestLog }\n      usage { inputTokens cachedInputTokens cacheWriteTokens outputTokens reasoningTokens totalTokens estimated }\n      toolCalls { id name arguments }\n      attempts { modelId provider outcome errorCode httpStatus delayMs durationMs }\n      request {\n        messages { role content parts toolCallId toolCalls { id name arguments } }\n        tools\n        parameters\n      }\n    }\n  }\n": types.ConsoleRequestDocument,
    "\n  subscription ConsoleRequestUsage($apiKeyId: ID) {\n    usageUpdated(apiKeyId: $apiKeyId) { generationId modelId sessionId status }\n  }\n": types.ConsoleRequestUsageDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Viewer {\n    viewer { localMode apiKeyId scopes }\n  }\n"): typeof import('./graphql.js').ViewerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ModelChoices {\n    models { id provider status pricing { input output } }\n    pools { name strategy }\n  }\n"): typeof import('./graphql.js').ModelChoicesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ConsoleConfigStatus { configStatus { source hash loadedAt lastAttemptAt lastError } }"): typeof import('./graphql.js').ConsoleConfigStatusDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ConsoleReloadConfig { reloadConfig { source hash loadedAt lastAttemptAt lastError } }"): typeof import('./graphql.js').ConsoleReloadConfigDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleCosts($filter: CostFilter!, $groupBy: CostGroupBy!, $interval: CostInterval!) {\n    costs(filter: $filter, groupBy: $groupBy) {\n      groups { key requests failures inputTokens outputTokens costUsd costMicroUsd cachedRequests savedUsd }\n      totals { requests failures inputTokens outputTokens costUsd costMicroUsd cachedRequests savedUsd }\n    }\n    costSeries(filter: $filter, groupBy: $groupBy, interval: $interval) { start key requests failures inputTokens outputTokens costUsd costMicroUsd }\n  }\n"): typeof import('./graphql.js').ConsoleCostsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ConsoleKeyNames { apiKeys { id name } }"): typeof import('./graphql.js').ConsoleKeyNamesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription ConsoleUsage { usageUpdated { generationId at } }"): typeof import('./graphql.js').ConsoleUsageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ConsoleCredentials { credentials { name mask createdAt rotatedAt models } }"): typeof import('./graphql.js').ConsoleCredentialsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleCreateCredential($input: CreateCredentialInput!) { createCredential(input: $input) { name mask } }\n"): typeof import('./graphql.js').ConsoleCreateCredentialDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleRotateCredential($name: String!, $secret: String!) { rotateCredential(name: $name, secret: $secret) { name mask } }\n"): typeof import('./graphql.js').ConsoleRotateCredentialDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ConsoleDeleteCredential($name: String!) { deleteCredential(name: $name) { name } }"): typeof import('./graphql.js').ConsoleDeleteCredentialDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleKeys {\n    apiKeys { id name prefix scopes models revoked revokedAt createdAt requestsPerMinute requestLog budget { daily monthly spentToday spentThisMonth reserved remaining } }\n  }\n"): typeof import('./graphql.js').ConsoleKeysDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleCreateKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) { key apiKey { id name } }\n  }\n"): typeof import('./graphql.js').ConsoleCreateKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ConsoleRevokeKey($id: ID!) { revokeApiKey(id: $id) { id revoked } }"): typeof import('./graphql.js').ConsoleRevokeKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ConsoleSetBudget($input: SetBudgetInput!) { setBudget(input: $input) { id } }"): typeof import('./graphql.js').ConsoleSetBudgetDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleUpdateKey($id: ID!, $input: UpdateApiKeyInput!) { updateApiKey(id: $id, input: $input) { id requestLog } }\n"): typeof import('./graphql.js').ConsoleUpdateKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription ConsoleKeyUsage { usageUpdated { generationId apiKey { id } } }"): typeof import('./graphql.js').ConsoleKeyUsageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ModelRow on Model {\n    id provider status source upstreamModel baseUrl apiKeyEnv contextWindow version updatedAt retiredAt\n    pricing { input output }\n    pricingSource catalogStatus maxOutputTokens supportsTools supportsReasoning requestLog\n    modalities { input output }\n    circuit { state errorRate requests reopensAt }\n    lastHealthCheck { ok message checkedAt latencyMs }\n    mock { tokens tokenDelayMs }\n  }\n"): typeof import('./graphql.js').ModelRowFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleModels($filter: ModelFilter) {\n    models(filter: $filter) { ...ModelRow }\n  }\n"): typeof import('./graphql.js').ConsoleModelsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ConsoleModelEvents {\n    modelEvents { type at model { ...ModelRow } }\n  }\n"): typeof import('./graphql.js').ConsoleModelEventsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleRegisterModel($input: RegisterModelInput!) {\n    registerModel(input: $input) { model { ...ModelRow } healthCheck { ok message latencyMs } }\n  }\n"): typeof import('./graphql.js').ConsoleRegisterModelDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleUpdateModel($input: UpdateModelInput!) {\n    updateModel(input: $input) { model { ...ModelRow } healthCheck { ok message latencyMs } }\n  }\n"): typeof import('./graphql.js').ConsoleUpdateModelDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ConsoleDisableModel($id: ID!) { disableModel(id: $id) { ...ModelRow } }"): typeof import('./graphql.js').ConsoleDisableModelDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ConsoleEnableModel($id: ID!) { enableModel(id: $id) { model { ...ModelRow } } }"): typeof import('./graphql.js').ConsoleEnableModelDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ConsoleRetireModel($id: ID!) { retireModel(id: $id) { ...ModelRow } }"): typeof import('./graphql.js').ConsoleRetireModelDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleCheckModelHealth($id: ID!) { checkModelHealth(id: $id) { model { ...ModelRow } healthCheck { ok message latencyMs } } }\n"): typeof import('./graphql.js').ConsoleCheckModelHealthDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleSessions {\n    sessions(first: 50) { edges { node { id revision updatedAt model { id } pool { name } } } }\n  }\n"): typeof import('./graphql.js').ConsoleSessionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PlaygroundGeneration on Generation {\n    id modelId status costUsd finishReason latencyMs\n    toolCalls { id name arguments }\n    usage { inputTokens outputTokens cachedInputTokens cacheWriteTokens reasoningTokens totalTokens estimated }\n  }\n"): typeof import('./graphql.js').PlaygroundGenerationFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleSession($id: ID!) {\n    session(id: $id) {\n      id revision createdAt\n      model { id provider }\n      pool { name strategy }\n      params { maxTokens temperature }\n      messages { role content createdAt generationId }\n    }\n    generations(filter: { sessionId: $id }, first: 200) {\n      edges { node { ...PlaygroundGeneration } }\n    }\n  }\n"): typeof import('./graphql.js').ConsoleSessionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleCreateSession($input: CreateSessionInput!) {\n    createSession(input: $input) { id revision model { id } pool { name } }\n  }\n"): typeof import('./graphql.js').ConsoleCreateSessionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SwitchApplied on ModelSwitch {\n    latencyMs revision switchedAt\n    model { id } pool { name }\n    previousModel { id } previousPool { name }\n    session { id }\n  }\n"): typeof import('./graphql.js').SwitchAppliedFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleSwitchModel($input: SwitchModelInput!) {\n    switchModel(input: $input) { ...SwitchApplied }\n  }\n"): typeof import('./graphql.js').ConsoleSwitchModelDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ConsoleModelSwitched($sessionId: ID) {\n    modelSwitched(sessionId: $sessionId) { ...SwitchApplied }\n  }\n"): typeof import('./graphql.js').ConsoleModelSwitchedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ConsoleGenerateStream($input: GenerateInput!) {\n    generateStream(input: $input) {\n      __typename\n      ... on GenerationStarted { generationId model { id } }\n      ... on TokenDelta { text costUsd index chunks }\n      ... on ToolCallDelta { index id name argumentsDelta costUsd }\n      ... on ReasoningDelta { text costUsd }\n      ... on GenerationCompleted { generation { ...PlaygroundGeneration } }\n      ... on GenerationFailed { code message generationId generation { id status costUsd modelId } }\n    }\n  }\n"): typeof import('./graphql.js').ConsoleGenerateStreamDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleGenerationOutcome($id: ID!) {\n    generation(id: $id) { ...PlaygroundGeneration }\n  }\n"): typeof import('./graphql.js').ConsoleGenerationOutcomeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription ConsoleSessionTurns { usageUpdated { generationId sessionId status } }"): typeof import('./graphql.js').ConsoleSessionTurnsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsolePools {\n    pools { name strategy sticky stickyTtlSeconds source updatedAt members { modelId weight model { status } } retry { attempts baseDelayMs maxDelayMs } }\n  }\n"): typeof import('./graphql.js').ConsolePoolsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleSetPool($input: SetModelPoolInput!) {\n    setModelPool(input: $input) { name }\n  }\n"): typeof import('./graphql.js').ConsoleSetPoolDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ConsoleDeletePool($name: ID!) { deletePool(name: $name) { name } }"): typeof import('./graphql.js').ConsoleDeletePoolDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RequestRow on Generation {\n    id createdAt completedAt status modelId poolName provider sessionId stream cached\n    latencyMs timeToFirstTokenMs costUsd costMicroUsd savedUsd errorCode finishReason\n    apiKey { id name }\n    usage { inputTokens outputTokens }\n  }\n"): typeof import('./graphql.js').RequestRowFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleRequests($filter: GenerationFilter, $first: Int, $after: String) {\n    generations(filter: $filter, first: $first, after: $after) {\n      edges { cursor node { ...RequestRow } }\n      pageInfo { endCursor hasNextPage }\n    }\n  }\n"): typeof import('./graphql.js').ConsoleRequestsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleRequestRow($id: ID!) { generation(id: $id) { ...RequestRow } }\n"): typeof import('./graphql.js').ConsoleRequestRowDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleRequest($id: ID!) {\n    generation(id: $id) {\n      ...RequestRow\n      requestId upstreamModel maxTokens droppedMessages traceId errorMessage text\n      model { id requestLog }\n      apiKey { id name requestLog }\n      usage { inputTokens cachedInputTokens cacheWriteTokens outputTokens reasoningTokens totalTokens estimated }\n      toolCalls { id name arguments }\n      attempts { modelId provider outcome errorCode httpStatus delayMs durationMs }\n      request {\n        messages { role content parts toolCallId toolCalls { id name arguments } }\n        tools\n        parameters\n      }\n    }\n  }\n"): typeof import('./graphql.js').ConsoleRequestDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ConsoleRequestUsage($apiKeyId: ID) {\n    usageUpdated(apiKeyId: $apiKeyId) { generationId modelId sessionId status }\n  }\n"): typeof import('./graphql.js').ConsoleRequestUsageDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
