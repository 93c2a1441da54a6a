/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

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
    "\n  query CatalogModels {\n    models {\n      id\n      upstreamModel\n      pricing { input output cachedInput cacheWrite }\n      pricingSource\n      catalogStatus\n      contextWindow\n      maxOutputTokens\n      modalities { input output }\n      supportsTools\n      supportsReasoning\n    }\n  }\n": typeof types.CatalogModelsDocument,
    "\n  mutation RegisterCatalogModel($input: RegisterModelInput!) {\n    registerModel(input: $input) { model { id pricing { input output } pricingSource contextWindow modalities { input } } }\n  }\n": typeof types.RegisterCatalogModelDocument,
    "\n  mutation UpdateCatalogModel($input: UpdateModelInput!) {\n    updateModel(input: $input) { model { id pricing { input output } pricingSource contextWindow } }\n  }\n": typeof types.UpdateCatalogModelDocument,
    "\n  mutation RetentionCreateKey($input: CreateApiKeyInput!) { createApiKey(input: $input) { key apiKey { id } } }\n": typeof types.RetentionCreateKeyDocument,
    "\n  mutation RetentionGenerate($input: GenerateInput!) { generate(input: $input) { id costMicroUsd usage { inputTokens } } }\n": typeof types.RetentionGenerateDocument,
    "\n  query RetentionCosts($groupBy: CostGroupBy!, $filter: CostFilter) {\n    costs(groupBy: $groupBy, filter: $filter) { groups { key requests costMicroUsd } totals { requests failures costMicroUsd inputTokens cachedRequests savedUsd } }\n  }\n": typeof types.RetentionCostsDocument,
    "\n  query RetentionSeries($filter: CostFilter!) {\n    costSeries(filter: $filter, groupBy: MODEL, interval: DAY) { start key requests costMicroUsd }\n  }\n": typeof types.RetentionSeriesDocument,
    "\n  mutation RequestLogCreateKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) { key apiKey { id requestLog } }\n  }\n": typeof types.RequestLogCreateKeyDocument,
    "\n  mutation RequestLogUpdateKey($id: ID!, $input: UpdateApiKeyInput!) {\n    updateApiKey(id: $id, input: $input) { id requestLog }\n  }\n": typeof types.RequestLogUpdateKeyDocument,
    "\n  mutation RequestLogUpdateModel($input: UpdateModelInput!) {\n    updateModel(input: $input) { model { id requestLog } }\n  }\n": typeof types.RequestLogUpdateModelDocument,
    "query RequestLogModel($id: ID!) { model(id: $id) { id requestLog } }": typeof types.RequestLogModelDocument,
    "\n  mutation RequestLogGenerate($input: GenerateInput!) {\n    generate(input: $input) { id text request { messages { role content } } }\n  }\n": typeof types.RequestLogGenerateDocument,
    "\n  query RequestLogged($id: ID!) {\n    generation(id: $id) {\n      id status text costMicroUsd errorCode errorMessage usage { inputTokens outputTokens }\n      toolCalls { id name arguments }\n      request { messages { role content } tools parameters }\n    }\n  }\n": typeof types.RequestLoggedDocument,
    "\n  query RequestLogSearch($filter: GenerationFilter) {\n    generations(filter: $filter, first: 50) { edges { node { id } } }\n  }\n": typeof types.RequestLogSearchDocument,
    "\n  mutation StartChatSession($input: CreateSessionInput!) { createSession(input: $input) { id } }\n": typeof types.StartChatSessionDocument,
    "\n  mutation GenerateWithTools($input: GenerateInput!) {\n    generate(input: $input) {\n      id text finishReason toolCalls { id name arguments }\n      usage { inputTokens outputTokens cachedInputTokens cacheWriteTokens reasoningTokens }\n      costMicroUsd\n    }\n  }\n": typeof types.GenerateWithToolsDocument,
    "\n  mutation SetChatPricing($input: UpdateModelInput!) { updateModel(input: $input) { model { pricing { input output cachedInput cacheWrite } } } }\n": typeof types.SetChatPricingDocument,
    "\n  query ChatSessionMessages($id: ID!) { session(id: $id) { messages { role content toolCalls { id name } toolCallId imageUrls } } }\n": typeof types.ChatSessionMessagesDocument,
    "\n  query ChatGeneration($id: ID!) {\n    generation(id: $id) {\n      id status text finishReason costMicroUsd sessionId\n      toolCalls { id name arguments }\n      usage { inputTokens outputTokens totalTokens cachedInputTokens cacheWriteTokens reasoningTokens estimated }\n      model { id pricing { input output cachedInput cacheWrite } }\n    }\n  }\n": typeof types.ChatGenerationDocument,
    "\n  mutation ChatGenerate($input: GenerateInput!) {\n    generate(input: $input) {\n      id modelId status text finishReason sessionId errorCode costMicroUsd\n      toolCalls { id name arguments }\n      usage { inputTokens outputTokens totalTokens cachedInputTokens cacheWriteTokens reasoningTokens estimated }\n    }\n  }\n": typeof types.ChatGenerateDocument,
    "\n  subscription ChatGenerateStream($input: GenerateInput!) {\n    generateStream(input: $input) {\n      __typename\n      ... on GenerationStarted { generationId model { id } }\n      ... on TokenDelta { text index chunks }\n      ... on ToolCallDelta { generationId index id name argumentsDelta }\n      ... on ReasoningDelta { text }\n      ... on GenerationCompleted { generation { id status text finishReason toolCalls { id name arguments } usage { inputTokens outputTokens } } }\n      ... on GenerationFailed { code message }\n    }\n  }\n": typeof types.ChatGenerateStreamDocument,
    "\n  mutation CreateCredential($input: CreateCredentialInput!) {\n    createCredential(input: $input) { name mask createdAt rotatedAt models }\n  }\n": typeof types.CreateCredentialDocument,
    "\n  mutation RotateCredential($name: String!, $secret: String!) {\n    rotateCredential(name: $name, secret: $secret) { name mask rotatedAt models }\n  }\n": typeof types.RotateCredentialDocument,
    "mutation DeleteCredential($name: String!) { deleteCredential(name: $name) { name mask } }": typeof types.DeleteCredentialDocument,
    "query Credentials { credentials { name mask createdAt rotatedAt models } }": typeof types.CredentialsDocument,
    "\n  mutation CreateLimitedKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) { key apiKey { id name scopes models } }\n  }\n": typeof types.CreateLimitedKeyDocument,
    "\n  mutation RegisterCredentialModel($input: RegisterModelInput!) {\n    registerModel(input: $input) { model { id status credential lastHealthCheck { ok message } } }\n  }\n": typeof types.RegisterCredentialModelDocument,
    "query ViewerModels { viewer { apiKeyId models } }": typeof types.ViewerModelsDocument,
    "query ApiKeyModels { apiKeys { name models } }": typeof types.ApiKeyModelsDocument,
    "\n  query Models($filter: ModelFilter) {\n    models(filter: $filter) {\n      id provider upstreamModel baseUrl apiKeyEnv contextWindow capabilities status source\n      defaults { maxTokens temperature topP stop }\n      pricing { input output }\n      lastHealthCheck { ok message }\n      circuit { state }\n      retiredAt\n    }\n  }\n": typeof types.ModelsDocument,
    "\n  query Model($id: ID!) {\n    model(id: $id) { id status provider version pricing { input output } defaults { maxTokens temperature } mock { tokens tokenDelayMs } }\n  }\n": typeof types.ModelDocument,
    "\n  mutation RegisterModel($input: RegisterModelInput!) {\n    registerModel(input: $input) {\n      model { id provider status upstreamModel baseUrl apiKeyEnv source capabilities pricing { input output } defaults { maxTokens } lastHealthCheck { ok message } }\n      healthCheck { ok latencyMs message }\n    }\n  }\n": typeof types.RegisterModelDocument,
    "\n  mutation UpdateModel($input: UpdateModelInput!) {\n    updateModel(input: $input) {\n      model { id status version baseUrl pricing { input output } defaults { maxTokens temperature } mock { tokens } }\n      healthCheck { ok }\n    }\n  }\n": typeof types.UpdateModelDocument,
    "mutation DisableModel($id: ID!) { disableModel(id: $id) { id status } }": typeof types.DisableModelDocument,
    "mutation EnableModel($id: ID!) { enableModel(id: $id) { model { id status } healthCheck { ok } } }": typeof types.EnableModelDocument,
    "mutation RetireModel($id: ID!) { retireModel(id: $id) { id status retiredAt } }": typeof types.RetireModelDocument,
    "mutation CheckModelHealth($id: ID!) { checkModelHealth(id: $id) { model { id status lastHealthCheck { ok message } } healthCheck { ok message } } }": typeof types.CheckModelHealthDocument,
    "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) { key apiKey { id name prefix scopes revoked } }\n  }\n": typeof types.CreateApiKeyDocument,
    "query ApiKeys { apiKeys { id name prefix scopes revoked revokedAt } }": typeof types.ApiKeysDocument,
    "mutation RevokeApiKey($id: ID!) { revokeApiKey(id: $id) { id revoked revokedAt } }": typeof types.RevokeApiKeyDocument,
    "query Viewer { viewer { localMode apiKeyId scopes } }": typeof types.ViewerDocument,
    "\n  subscription ModelEvents($modelId: ID, $types: [ModelEventType!]) {\n    modelEvents(modelId: $modelId, types: $types) { type at model { id status provider } }\n  }\n": typeof types.ModelEventsDocument,
    "\n  mutation Generate($input: GenerateInput!) {\n    generate(input: $input) {\n      id modelId status text finishReason maxTokens stream\n      usage { inputTokens outputTokens totalTokens estimated }\n      costUsd costMicroUsd latencyMs timeToFirstTokenMs errorCode\n      attempts { modelId provider outcome errorCode httpStatus durationMs }\n      apiKey { id name }\n    }\n  }\n": typeof types.GenerateDocument,
    "\n  query Generations($filter: GenerationFilter, $first: Int, $after: String) {\n    generations(filter: $filter, first: $first, after: $after) {\n      edges { cursor node { id modelId status errorCode stream text costMicroUsd usage { inputTokens outputTokens estimated } attempts { httpStatus errorCode outcome } apiKey { id } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.GenerationsDocument,
    "query Generation($id: ID!) { generation(id: $id) { id status text finishReason model { id provider } } }": typeof types.GenerationDocument,
    "\n  subscription GenerateStream($input: GenerateInput!) {\n    generateStream(input: $input) {\n      __typename\n      ... on GenerationStarted { generationId model { id } }\n      ... on TokenDelta { generationId text index chunks }\n      ... on GenerationCompleted { generation { id status text finishReason costMicroUsd usage { inputTokens outputTokens estimated } } }\n      ... on GenerationFailed { generationId code message partialText generation { id status errorCode } }\n    }\n  }\n": typeof types.GenerateStreamDocument,
    "\n  mutation CreateSession($input: CreateSessionInput!) {\n    createSession(input: $input) { id revision model { id } params { maxTokens temperature } }\n  }\n": typeof types.CreateSessionDocument,
    "\n  mutation SwitchModel($input: SwitchModelInput!) {\n    switchModel(input: $input) { revision switchedAt latencyMs previousModel { id } model { id } session { id revision model { id } params { maxTokens } } }\n  }\n": typeof types.SwitchModelDocument,
    "\n  query Session($id: ID!) { session(id: $id) { id revision model { id } messages { role content generationId } } }\n": typeof types.SessionDocument,
    "\n  query SessionHistory($id: ID!) { session(id: $id) { id trimmedMessages messages { role content generationId } } }\n": typeof types.SessionHistoryDocument,
    "query Sessions { sessions { edges { node { id } } pageInfo { hasNextPage } } }": typeof types.SessionsDocument,
    "\n  subscription ModelSwitched($sessionId: ID) {\n    modelSwitched(sessionId: $sessionId) { revision previousModel { id } model { id } session { id } latencyMs }\n  }\n": typeof types.ModelSwitchedDocument,
    "\n  mutation GenerateInSession($input: GenerateInput!) {\n    generate(input: $input) { id modelId status text sessionId droppedMessages maxTokens errorCode }\n  }\n": typeof types.GenerateInSessionDocument,
    "\n  mutation SetModelPool($input: SetModelPoolInput!) {\n    setModelPool(input: $input) { name strategy members { modelId weight } retry { attempts } sticky stickyTtlSeconds }\n  }\n": typeof types.SetModelPoolDocument,
    "query Pools { pools { name strategy members { modelId weight } sticky source } }": typeof types.PoolsDocument,
    "\n  mutation GenerateRouted($input: GenerateInput!) {\n    generate(input: $input) { id modelId poolName status text errorCode maxTokens attempts { modelId outcome httpStatus errorCode durationMs delayMs } }\n  }\n": typeof types.GenerateRoutedDocument,
    "\n  query Circuit { models { id status circuit { state errorRate requests openedAt reopensAt } } }\n": typeof types.CircuitDocument,
    "query ConfigStatus { configStatus { source hash loadedAt lastError lastAttemptAt } }": typeof types.ConfigStatusDocument,
    "mutation ReloadConfig { reloadConfig { hash lastError } }": typeof types.ReloadConfigDocument,
    "\n  query Costs($filter: CostFilter, $groupBy: CostGroupBy!) {\n    costs(filter: $filter, groupBy: $groupBy) {\n      groups { key requests failures inputTokens outputTokens costUsd costMicroUsd }\n      totals { requests failures inputTokens outputTokens costUsd costMicroUsd }\n    }\n  }\n": typeof types.CostsDocument,
    "\n  query ApiKeyBudget { apiKeys { id name requestsPerMinute budget { daily monthly spentToday spentThisMonth reserved remaining } } }\n": typeof types.ApiKeyBudgetDocument,
    "\n  mutation SetBudget($input: SetBudgetInput!) { setBudget(input: $input) { id budget { daily monthly remaining } } }\n": typeof types.SetBudgetDocument,
    "\n  mutation CreateBudgetedKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) { key apiKey { id budget { daily monthly remaining } } }\n  }\n": typeof types.CreateBudgetedKeyDocument,
    "\n  subscription UsageUpdated($apiKeyId: ID) {\n    usageUpdated(apiKeyId: $apiKeyId) { generationId modelId sessionId status costUsd apiKey { id } budget { spentToday remaining } }\n  }\n": typeof types.UsageUpdatedDocument,
    "\n  query CostSeries($filter: CostFilter!, $groupBy: CostGroupBy!, $interval: CostInterval!) {\n    costSeries(filter: $filter, groupBy: $groupBy, interval: $interval) { start key requests failures inputTokens outputTokens costUsd costMicroUsd }\n  }\n": typeof types.CostSeriesDocument,
    "\n  subscription GenerateStreamCost($input: GenerateInput!) {\n    generateStream(input: $input) {\n      __typename\n      ... on TokenDelta { text costUsd index chunks }\n      ... on GenerationCompleted { generation { status finishReason text costMicroUsd maxTokens } }\n    }\n  }\n": typeof types.GenerateStreamCostDocument,
    "\n  query UnpricedCosts($groupBy: CostGroupBy!) {\n    costs(groupBy: $groupBy) {\n      groups { key requests costMicroUsd unpricedRequests }\n      totals { requests costMicroUsd unpricedRequests }\n    }\n  }\n": typeof types.UnpricedCostsDocument,
    "\n  mutation Embed($input: EmbedInput!) {\n    embed(input: $input) { embeddings model generationId costUsd usage { inputTokens outputTokens } }\n  }\n": typeof types.EmbedDocument,
    "\n  query EmbeddingGeneration($id: ID!) {\n    generation(id: $id) { id status text usage { inputTokens outputTokens } costMicroUsd model { id kind } }\n  }\n": typeof types.EmbeddingGenerationDocument,
    "\n  query ModelKinds { models { id kind status } }\n": typeof types.ModelKindsDocument,
    "\n  query CachedGeneration($id: ID!) {\n    generation(id: $id) { id status text cached costMicroUsd savedUsd attempts { modelId } usage { inputTokens outputTokens } }\n  }\n": typeof types.CachedGenerationDocument,
    "\n  query CacheCosts($filter: CostFilter) {\n    costs(filter: $filter, groupBy: MODEL) {\n      groups { key requests cachedRequests costMicroUsd savedUsd }\n      totals { requests cachedRequests savedUsd inputTokens }\n    }\n  }\n": typeof types.CacheCostsDocument,
    "\n  mutation RegisterCachedModel($input: RegisterModelInput!) {\n    registerModel(input: $input) { model { id cache { mode ttlSeconds scope } } }\n  }\n": typeof types.RegisterCachedModelDocument,
    "\n  mutation UpdateCachedModel($input: UpdateModelInput!) {\n    updateModel(input: $input) { model { id cache { mode ttlSeconds scope } } }\n  }\n": typeof types.UpdateCachedModelDocument,
    "\n  subscription GenerateStreamCached($input: GenerateInput!, $cache: CacheControlInput) {\n    generateStream(input: $input, cache: $cache) {\n      __typename\n      ... on GenerationStarted { generationId }\n      ... on TokenDelta { text }\n      ... on GenerationCompleted { generation { id cached costMicroUsd text } }\n    }\n  }\n": typeof types.GenerateStreamCachedDocument,
    "\n  mutation GenerateCached($input: GenerateInput!, $cache: CacheControlInput) {\n    generate(input: $input, cache: $cache) { id text cached costMicroUsd savedUsd usage { inputTokens } }\n  }\n": typeof types.GenerateCachedDocument,
};
const documents: Documents = {
    "\n  query CatalogModels {\n    models {\n      id\n      upstreamModel\n      pricing { input output cachedInput cacheWrite }\n      pricingSource\n      catalogStatus\n      contextWindow\n      maxOutputTokens\n      modalities { input output }\n      supportsTools\n      supportsReasoning\n    }\n  }\n": types.CatalogModelsDocument,
    "\n  mutation RegisterCatalogModel($input: RegisterModelInput!) {\n    registerModel(input: $input) { model { id pricing { input output } pricingSource contextWindow modalities { input } } }\n  }\n": types.RegisterCatalogModelDocument,
    "\n  mutation UpdateCatalogModel($input: UpdateModelInput!) {\n    updateModel(input: $input) { model { id pricing { input output } pricingSource contextWindow } }\n  }\n": types.UpdateCatalogModelDocument,
    "\n  mutation RetentionCreateKey($input: CreateApiKeyInput!) { createApiKey(input: $input) { key apiKey { id } } }\n": types.RetentionCreateKeyDocument,
    "\n  mutation RetentionGenerate($input: GenerateInput!) { generate(input: $input) { id costMicroUsd usage { inputTokens } } }\n": types.RetentionGenerateDocument,
    "\n  query RetentionCosts($groupBy: CostGroupBy!, $filter: CostFilter) {\n    costs(groupBy: $groupBy, filter: $filter) { groups { key requests costMicroUsd } totals { requests failures costMicroUsd inputTokens cachedRequests savedUsd } }\n  }\n": types.RetentionCostsDocument,
    "\n  query RetentionSeries($filter: CostFilter!) {\n    costSeries(filter: $filter, groupBy: MODEL, interval: DAY) { start key requests costMicroUsd }\n  }\n": types.RetentionSeriesDocument,
    "\n  mutation RequestLogCreateKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) { key apiKey { id requestLog } }\n  }\n": types.RequestLogCreateKeyDocument,
    "\n  mutation RequestLogUpdateKey($id: ID!, $input: UpdateApiKeyInput!) {\n    updateApiKey(id: $id, input: $input) { id requestLog }\n  }\n": types.RequestLogUpdateKeyDocument,
    "\n  mutation RequestLogUpdateModel($input: UpdateModelInput!) {\n    updateModel(input: $input) { model { id requestLog } }\n  }\n": types.RequestLogUpdateModelDocument,
    "query RequestLogModel($id: ID!) { model(id: $id) { id requestLog } }": types.RequestLogModelDocument,
    "\n  mutation RequestLogGenerate($input: GenerateInput!) {\n    generate(input: $input) { id text request { messages { role content } } }\n  }\n": types.RequestLogGenerateDocument,
    "\n  query RequestLogged($id: ID!) {\n    generation(id: $id) {\n      id status text costMicroUsd errorCode errorMessage usage { inputTokens outputTokens }\n      toolCalls { id name arguments }\n      request { messages { role content } tools parameters }\n    }\n  }\n": types.RequestLoggedDocument,
    "\n  query RequestLogSearch($filter: GenerationFilter) {\n    generations(filter: $filter, first: 50) { edges { node { id } } }\n  }\n": types.RequestLogSearchDocument,
    "\n  mutation StartChatSession($input: CreateSessionInput!) { createSession(input: $input) { id } }\n": types.StartChatSessionDocument,
    "\n  mutation GenerateWithTools($input: GenerateInput!) {\n    generate(input: $input) {\n      id text finishReason toolCalls { id name arguments }\n      usage { inputTokens outputTokens cachedInputTokens cacheWriteTokens reasoningTokens }\n      costMicroUsd\n    }\n  }\n": types.GenerateWithToolsDocument,
    "\n  mutation SetChatPricing($input: UpdateModelInput!) { updateModel(input: $input) { model { pricing { input output cachedInput cacheWrite } } } }\n": types.SetChatPricingDocument,
    "\n  query ChatSessionMessages($id: ID!) { session(id: $id) { messages { role content toolCalls { id name } toolCallId imageUrls } } }\n": types.ChatSessionMessagesDocument,
    "\n  query ChatGeneration($id: ID!) {\n    generation(id: $id) {\n      id status text finishReason costMicroUsd sessionId\n      toolCalls { id name arguments }\n      usage { inputTokens outputTokens totalTokens cachedInputTokens cacheWriteTokens reasoningTokens estimated }\n      model { id pricing { input output cachedInput cacheWrite } }\n    }\n  }\n": types.ChatGenerationDocument,
    "\n  mutation ChatGenerate($input: GenerateInput!) {\n    generate(input: $input) {\n      id modelId status text finishReason sessionId errorCode costMicroUsd\n      toolCalls { id name arguments }\n      usage { inputTokens outputTokens totalTokens cachedInputTokens cacheWriteTokens reasoningTokens estimated }\n    }\n  }\n": types.ChatGenerateDocument,
    "\n  subscription ChatGenerateStream($input: GenerateInput!) {\n    generateStream(input: $input) {\n      __typename\n      ... on GenerationStarted { generationId model { id } }\n      ... on TokenDelta { text index chunks }\n      ... on ToolCallDelta { generationId index id name argumentsDelta }\n      ... on ReasoningDelta { text }\n      ... on GenerationCompleted { generation { id status text finishReason toolCalls { id name arguments } usage { inputTokens outputTokens } } }\n      ... on GenerationFailed { code message }\n    }\n  }\n": types.ChatGenerateStreamDocument,
    "\n  mutation CreateCredential($input: CreateCredentialInput!) {\n    createCredential(input: $input) { name mask createdAt rotatedAt models }\n  }\n": types.CreateCredentialDocument,
    "\n  mutation RotateCredential($name: String!, $secret: String!) {\n    rotateCredential(name: $name, secret: $secret) { name mask rotatedAt models }\n  }\n": types.RotateCredentialDocument,
    "mutation DeleteCredential($name: String!) { deleteCredential(name: $name) { name mask } }": types.DeleteCredentialDocument,
    "query Credentials { credentials { name mask createdAt rotatedAt models } }": types.CredentialsDocument,
    "\n  mutation CreateLimitedKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) { key apiKey { id name scopes models } }\n  }\n": types.CreateLimitedKeyDocument,
    "\n  mutation RegisterCredentialModel($input: RegisterModelInput!) {\n    registerModel(input: $input) { model { id status credential lastHealthCheck { ok message } } }\n  }\n": types.RegisterCredentialModelDocument,
    "query ViewerModels { viewer { apiKeyId models } }": types.ViewerModelsDocument,
    "query ApiKeyModels { apiKeys { name models } }": types.ApiKeyModelsDocument,
    "\n  query Models($filter: ModelFilter) {\n    models(filter: $filter) {\n      id provider upstreamModel baseUrl apiKeyEnv contextWindow capabilities status source\n      defaults { maxTokens temperature topP stop }\n      pricing { input output }\n      lastHealthCheck { ok message }\n      circuit { state }\n      retiredAt\n    }\n  }\n": types.ModelsDocument,
    "\n  query Model($id: ID!) {\n    model(id: $id) { id status provider version pricing { input output } defaults { maxTokens temperature } mock { tokens tokenDelayMs } }\n  }\n": types.ModelDocument,
    "\n  mutation RegisterModel($input: RegisterModelInput!) {\n    registerModel(input: $input) {\n      model { id provider status upstreamModel baseUrl apiKeyEnv source capabilities pricing { input output } defaults { maxTokens } lastHealthCheck { ok message } }\n      healthCheck { ok latencyMs message }\n    }\n  }\n": types.RegisterModelDocument,
    "\n  mutation UpdateModel($input: UpdateModelInput!) {\n    updateModel(input: $input) {\n      model { id status version baseUrl pricing { input output } defaults { maxTokens temperature } mock { tokens } }\n      healthCheck { ok }\n    }\n  }\n": types.UpdateModelDocument,
    "mutation DisableModel($id: ID!) { disableModel(id: $id) { id status } }": types.DisableModelDocument,
    "mutation EnableModel($id: ID!) { enableModel(id: $id) { model { id status } healthCheck { ok } } }": types.EnableModelDocument,
    "mutation RetireModel($id: ID!) { retireModel(id: $id) { id status retiredAt } }": types.RetireModelDocument,
    "mutation CheckModelHealth($id: ID!) { checkModelHealth(id: $id) { model { id status lastHealthCheck { ok message } } healthCheck { ok message } } }": types.CheckModelHealthDocument,
    "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) { key apiKey { id name prefix scopes revoked } }\n  }\n": types.CreateApiKeyDocument,
    "query ApiKeys { apiKeys { id name prefix scopes revoked revokedAt } }": types.ApiKeysDocument,
    "mutation RevokeApiKey($id: ID!) { revokeApiKey(id: $id) { id revoked revokedAt } }": types.RevokeApiKeyDocument,
    "query Viewer { viewer { localMode apiKeyId scopes } }": types.ViewerDocument,
    "\n  subscription ModelEvents($modelId: ID, $types: [ModelEventType!]) {\n    modelEvents(modelId: $modelId, types: $types) { type at model { id status provider } }\n  }\n": types.ModelEventsDocument,
    "\n  mutation Generate($input: GenerateInput!) {\n    generate(input: $input) {\n      id modelId status text finishReason maxTokens stream\n      usage { inputTokens outputTokens totalTokens estimated }\n      costUsd costMicroUsd latencyMs timeToFirstTokenMs errorCode\n      attempts { modelId provider outcome errorCode httpStatus durationMs }\n      apiKey { id name }\n    }\n  }\n": types.GenerateDocument,
    "\n  query Generations($filter: GenerationFilter, $first: Int, $after: String) {\n    generations(filter: $filter, first: $first, after: $after) {\n      edges { cursor node { id modelId status errorCode stream text costMicroUsd usage { inputTokens outputTokens estimated } attempts { httpStatus errorCode outcome } apiKey { id } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.GenerationsDocument,
    "query Generation($id: ID!) { generation(id: $id) { id status text finishReason model { id provider } } }": types.GenerationDocument,
    "\n  subscription GenerateStream($input: GenerateInput!) {\n    generateStream(input: $input) {\n      __typename\n      ... on GenerationStarted { generationId model { id } }\n      ... on TokenDelta { generationId text index chunks }\n      ... on GenerationCompleted { generation { id status text finishReason costMicroUsd usage { inputTokens outputTokens estimated } } }\n      ... on GenerationFailed { generationId code message partialText generation { id status errorCode } }\n    }\n  }\n": types.GenerateStreamDocument,
    "\n  mutation CreateSession($input: CreateSessionInput!) {\n    createSession(input: $input) { id revision model { id } params { maxTokens temperature } }\n  }\n": types.CreateSessionDocument,
    "\n  mutation SwitchModel($input: SwitchModelInput!) {\n    switchModel(input: $input) { revision switchedAt latencyMs previousModel { id } model { id } session { id revision model { id } params { maxTokens } } }\n  }\n": types.SwitchModelDocument,
    "\n  query Session($id: ID!) { session(id: $id) { id revision model { id } messages { role content generationId } } }\n": types.SessionDocument,
    "\n  query SessionHistory($id: ID!) { session(id: $id) { id trimmedMessages messages { role content generationId } } }\n": types.SessionHistoryDocument,
    "query Sessions { sessions { edges { node { id } } pageInfo { hasNextPage } } }": types.SessionsDocument,
    "\n  subscription ModelSwitched($sessionId: ID) {\n    modelSwitched(sessionId: $sessionId) { revision previousModel { id } model { id } session { id } latencyMs }\n  }\n": types.ModelSwitchedDocument,
    "\n  mutation GenerateInSession($input: GenerateInput!) {\n    generate(input: $input) { id modelId status text sessionId droppedMessages maxTokens errorCode }\n  }\n": types.GenerateInSessionDocument,
    "\n  mutation SetModelPool($input: SetModelPoolInput!) {\n    setModelPool(input: $input) { name strategy members { modelId weight } retry { attempts } sticky stickyTtlSeconds }\n  }\n": types.SetModelPoolDocument,
    "query Pools { pools { name strategy members { modelId weight } sticky source } }": types.PoolsDocument,
    "\n  mutation GenerateRouted($input: GenerateInput!) {\n    generate(input: $input) { id modelId poolName status text errorCode maxTokens attempts { modelId outcome httpStatus errorCode durationMs delayMs } }\n  }\n": types.GenerateRoutedDocument,
    "\n  query Circuit { models { id status circuit { state errorRate requests openedAt reopensAt } } }\n": types.CircuitDocument,
    "query ConfigStatus { configStatus { source hash loadedAt lastError lastAttemptAt } }": types.ConfigStatusDocument,
    "mutation ReloadConfig { reloadConfig { hash lastError } }": types.ReloadConfigDocument,
    "\n  query Costs($filter: CostFilter, $groupBy: CostGroupBy!) {\n    costs(filter: $filter, groupBy: $groupBy) {\n      groups { key requests failures inputTokens outputTokens costUsd costMicroUsd }\n      totals { requests failures inputTokens outputTokens costUsd costMicroUsd }\n    }\n  }\n": types.CostsDocument,
    "\n  query ApiKeyBudget { apiKeys { id name requestsPerMinute budget { daily monthly spentToday spentThisMonth reserved remaining } } }\n": types.ApiKeyBudgetDocument,
    "\n  mutation SetBudget($input: SetBudgetInput!) { setBudget(input: $input) { id budget { daily monthly remaining } } }\n": types.SetBudgetDocument,
    "\n  mutation CreateBudgetedKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) { key apiKey { id budget { daily monthly remaining } } }\n  }\n": types.CreateBudgetedKeyDocument,
    "\n  subscription UsageUpdated($apiKeyId: ID) {\n    usageUpdated(apiKeyId: $apiKeyId) { generationId modelId sessionId status costUsd apiKey { id } budget { spentToday remaining } }\n  }\n": types.UsageUpdatedDocument,
    "\n  query CostSeries($filter: CostFilter!, $groupBy: CostGroupBy!, $interval: CostInterval!) {\n    costSeries(filter: $filter, groupBy: $groupBy, interval: $interval) { start key requests failures inputTokens outputTokens costUsd costMicroUsd }\n  }\n": types.CostSeriesDocument,
    "\n  subscription GenerateStreamCost($input: GenerateInput!) {\n    generateStream(input: $input) {\n      __typename\n      ... on TokenDelta { text costUsd index chunks }\n      ... on GenerationCompleted { generation { status finishReason text costMicroUsd maxTokens } }\n    }\n  }\n": types.GenerateStreamCostDocument,
    "\n  query UnpricedCosts($groupBy: CostGroupBy!) {\n    costs(groupBy: $groupBy) {\n      groups { key requests costMicroUsd unpricedRequests }\n      totals { requests costMicroUsd unpricedRequests }\n    }\n  }\n": types.UnpricedCostsDocument,
    "\n  mutation Embed($input: EmbedInput!) {\n    embed(input: $input) { embeddings model generationId costUsd usage { inputTokens outputTokens } }\n  }\n": types.EmbedDocument,
    "\n  query EmbeddingGeneration($id: ID!) {\n    generation(id: $id) { id status text usage { inputTokens outputTokens } costMicroUsd model { id kind } }\n  }\n": types.EmbeddingGenerationDocument,
    "\n  query ModelKinds { models { id kind status } }\n": types.ModelKindsDocument,
    "\n  query CachedGeneration($id: ID!) {\n    generation(id: $id) { id status text cached costMicroUsd savedUsd attempts { modelId } usage { inputTokens outputTokens } }\n  }\n": types.CachedGenerationDocument,
    "\n  query CacheCosts($filter: CostFilter) {\n    costs(filter: $filter, groupBy: MODEL) {\n      groups { key requests cachedRequests costMicroUsd savedUsd }\n      totals { requests cachedRequests savedUsd inputTokens }\n    }\n  }\n": types.CacheCostsDocument,
    "\n  mutation RegisterCachedModel($input: RegisterModelInput!) {\n    registerModel(input: $input) { model { id cache { mode ttlSeconds scope } } }\n  }\n": types.RegisterCachedModelDocument,
    "\n  mutation UpdateCachedModel($input: UpdateModelInput!) {\n    updateModel(input: $input) { model { id cache { mode ttlSeconds scope } } }\n  }\n": types.UpdateCachedModelDocument,
    "\n  subscription GenerateStreamCached($input: GenerateInput!, $cache: CacheControlInput) {\n    generateStream(input: $input, cache: $cache) {\n      __typename\n      ... on GenerationStarted { generationId }\n      ... on TokenDelta { text }\n      ... on GenerationCompleted { generation { id cached costMicroUsd text } }\n    }\n  }\n": types.GenerateStreamCachedDocument,
    "\n  mutation GenerateCached($input: GenerateInput!, $cache: CacheControlInput) {\n    generate(input: $input, cache: $cache) { id text cached costMicroUsd savedUsd usage { inputTokens } }\n  }\n": types.GenerateCachedDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CatalogModels {\n    models {\n      id\n      upstreamModel\n      pricing { input output cachedInput cacheWrite }\n      pricingSource\n      catalogStatus\n      contextWindow\n      maxOutputTokens\n      modalities { input output }\n      supportsTools\n      supportsReasoning\n    }\n  }\n"): (typeof documents)["\n  query CatalogModels {\n    models {\n      id\n      upstreamModel\n      pricing { input output cachedInput cacheWrite }\n      pricingSource\n      catalogStatus\n      contextWindow\n      maxOutputTokens\n      modalities { input output }\n      supportsTools\n      supportsReasoning\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RegisterCatalogModel($input: RegisterModelInput!) {\n    registerModel(input: $input) { model { id pricing { input output } pricingSource contextWindow modalities { input } } }\n  }\n"): (typeof documents)["\n  mutation RegisterCatalogModel($input: RegisterModelInput!) {\n    registerModel(input: $input) { model { id pricing { input output } pricingSource contextWindow modalities { input } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateCatalogModel($input: UpdateModelInput!) {\n    updateModel(input: $input) { model { id pricing { input output } pricingSource contextWindow } }\n  }\n"): (typeof documents)["\n  mutation UpdateCatalogModel($input: UpdateModelInput!) {\n    updateModel(input: $input) { model { id pricing { input output } pricingSource contextWindow } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RetentionCreateKey($input: CreateApiKeyInput!) { createApiKey(input: $input) { key apiKey { id } } }\n"): (typeof documents)["\n  mutation RetentionCreateKey($input: CreateApiKeyInput!) { createApiKey(input: $input) { key apiKey { id } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RetentionGenerate($input: GenerateInput!) { generate(input: $input) { id costMicroUsd usage { inputTokens } } }\n"): (typeof documents)["\n  mutation RetentionGenerate($input: GenerateInput!) { generate(input: $input) { id costMicroUsd usage { inputTokens } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RetentionCosts($groupBy: CostGroupBy!, $filter: CostFilter) {\n    costs(groupBy: $groupBy, filter: $filter) { groups { key requests costMicroUsd } totals { requests failures costMicroUsd inputTokens cachedRequests savedUsd } }\n  }\n"): (typeof documents)["\n  query RetentionCosts($groupBy: CostGroupBy!, $filter: CostFilter) {\n    costs(groupBy: $groupBy, filter: $filter) { groups { key requests costMicroUsd } totals { requests failures costMicroUsd inputTokens cachedRequests savedUsd } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RetentionSeries($filter: CostFilter!) {\n    costSeries(filter: $filter, groupBy: MODEL, interval: DAY) { start key requests costMicroUsd }\n  }\n"): (typeof documents)["\n  query RetentionSeries($filter: CostFilter!) {\n    costSeries(filter: $filter, groupBy: MODEL, interval: DAY) { start key requests costMicroUsd }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestLogCreateKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) { key apiKey { id requestLog } }\n  }\n"): (typeof documents)["\n  mutation RequestLogCreateKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) { key apiKey { id requestLog } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestLogUpdateKey($id: ID!, $input: UpdateApiKeyInput!) {\n    updateApiKey(id: $id, input: $input) { id requestLog }\n  }\n"): (typeof documents)["\n  mutation RequestLogUpdateKey($id: ID!, $input: UpdateApiKeyInput!) {\n    updateApiKey(id: $id, input: $input) { id requestLog }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestLogUpdateModel($input: UpdateModelInput!) {\n    updateModel(input: $input) { model { id requestLog } }\n  }\n"): (typeof documents)["\n  mutation RequestLogUpdateModel($input: UpdateModelInput!) {\n    updateModel(input: $input) { model { id requestLog } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RequestLogModel($id: ID!) { model(id: $id) { id requestLog } }"): (typeof documents)["query RequestLogModel($id: ID!) { model(id: $id) { id requestLog } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestLogGenerate($input: GenerateInput!) {\n    generate(input: $input) { id text request { messages { role content } } }\n  }\n"): (typeof documents)["\n  mutation RequestLogGenerate($input: GenerateInput!) {\n    generate(input: $input) { id text request { messages { role content } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RequestLogged($id: ID!) {\n    generation(id: $id) {\n      id status text costMicroUsd errorCode errorMessage usage { inputTokens outputTokens }\n      toolCalls { id name arguments }\n      request { messages { role content } tools parameters }\n    }\n  }\n"): (typeof documents)["\n  query RequestLogged($id: ID!) {\n    generation(id: $id) {\n      id status text costMicroUsd errorCode errorMessage usage { inputTokens outputTokens }\n      toolCalls { id name arguments }\n      request { messages { role content } tools parameters }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RequestLogSearch($filter: GenerationFilter) {\n    generations(filter: $filter, first: 50) { edges { node { id } } }\n  }\n"): (typeof documents)["\n  query RequestLogSearch($filter: GenerationFilter) {\n    generations(filter: $filter, first: 50) { edges { node { id } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartChatSession($input: CreateSessionInput!) { createSession(input: $input) { id } }\n"): (typeof documents)["\n  mutation StartChatSession($input: CreateSessionInput!) { createSession(input: $input) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation GenerateWithTools($input: GenerateInput!) {\n    generate(input: $input) {\n      id text finishReason toolCalls { id name arguments }\n      usage { inputTokens outputTokens cachedInputTokens cacheWriteTokens reasoningTokens }\n      costMicroUsd\n    }\n  }\n"): (typeof documents)["\n  mutation GenerateWithTools($input: GenerateInput!) {\n    generate(input: $input) {\n      id text finishReason toolCalls { id name arguments }\n      usage { inputTokens outputTokens cachedInputTokens cacheWriteTokens reasoningTokens }\n      costMicroUsd\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetChatPricing($input: UpdateModelInput!) { updateModel(input: $input) { model { pricing { input output cachedInput cacheWrite } } } }\n"): (typeof documents)["\n  mutation SetChatPricing($input: UpdateModelInput!) { updateModel(input: $input) { model { pricing { input output cachedInput cacheWrite } } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ChatSessionMessages($id: ID!) { session(id: $id) { messages { role content toolCalls { id name } toolCallId imageUrls } } }\n"): (typeof documents)["\n  query ChatSessionMessages($id: ID!) { session(id: $id) { messages { role content toolCalls { id name } toolCallId imageUrls } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ChatGeneration($id: ID!) {\n    generation(id: $id) {\n      id status text finishReason costMicroUsd sessionId\n      toolCalls { id name arguments }\n      usage { inputTokens outputTokens totalTokens cachedInputTokens cacheWriteTokens reasoningTokens estimated }\n      model { id pricing { input output cachedInput cacheWrite } }\n    }\n  }\n"): (typeof documents)["\n  query ChatGeneration($id: ID!) {\n    generation(id: $id) {\n      id status text finishReason costMicroUsd sessionId\n      toolCalls { id name arguments }\n      usage { inputTokens outputTokens totalTokens cachedInputTokens cacheWriteTokens reasoningTokens estimated }\n      model { id pricing { input output cachedInput cacheWrite } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChatGenerate($input: GenerateInput!) {\n    generate(input: $input) {\n      id modelId status text finishReason sessionId errorCode costMicroUsd\n      toolCalls { id name arguments }\n      usage { inputTokens outputTokens totalTokens cachedInputTokens cacheWriteTokens reasoningTokens estimated }\n    }\n  }\n"): (typeof documents)["\n  mutation ChatGenerate($input: GenerateInput!) {\n    generate(input: $input) {\n      id modelId status text finishReason sessionId errorCode costMicroUsd\n      toolCalls { id name arguments }\n      usage { inputTokens outputTokens totalTokens cachedInputTokens cacheWriteTokens reasoningTokens estimated }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ChatGenerateStream($input: GenerateInput!) {\n    generateStream(input: $input) {\n      __typename\n      ... on GenerationStarted { generationId model { id } }\n      ... on TokenDelta { text index chunks }\n      ... on ToolCallDelta { generationId index id name argumentsDelta }\n      ... on ReasoningDelta { text }\n      ... on GenerationCompleted { generation { id status text finishReason toolCalls { id name arguments } usage { inputTokens outputTokens } } }\n      ... on GenerationFailed { code message }\n    }\n  }\n"): (typeof documents)["\n  subscription ChatGenerateStream($input: GenerateInput!) {\n    generateStream(input: $input) {\n      __typename\n      ... on GenerationStarted { generationId model { id } }\n      ... on TokenDelta { text index chunks }\n      ... on ToolCallDelta { generationId index id name argumentsDelta }\n      ... on ReasoningDelta { text }\n      ... on GenerationCompleted { generation { id status text finishReason toolCalls { id name arguments } usage { inputTokens outputTokens } } }\n      ... on GenerationFailed { code message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateCredential($input: CreateCredentialInput!) {\n    createCredential(input: $input) { name mask createdAt rotatedAt models }\n  }\n"): (typeof documents)["\n  mutation CreateCredential($input: CreateCredentialInput!) {\n    createCredential(input: $input) { name mask createdAt rotatedAt models }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RotateCredential($name: String!, $secret: String!) {\n    rotateCredential(name: $name, secret: $secret) { name mask rotatedAt models }\n  }\n"): (typeof documents)["\n  mutation RotateCredential($name: String!, $secret: String!) {\n    rotateCredential(name: $name, secret: $secret) { name mask rotatedAt models }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DeleteCredential($name: String!) { deleteCredential(name: $name) { name mask } }"): (typeof documents)["mutation DeleteCredential($name: String!) { deleteCredential(name: $name) { name mask } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Credentials { credentials { name mask createdAt rotatedAt models } }"): (typeof documents)["query Credentials { credentials { name mask createdAt rotatedAt models } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateLimitedKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) { key apiKey { id name scopes models } }\n  }\n"): (typeof documents)["\n  mutation CreateLimitedKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) { key apiKey { id name scopes models } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RegisterCredentialModel($input: RegisterModelInput!) {\n    registerModel(input: $input) { model { id status credential lastHealthCheck { ok message } } }\n  }\n"): (typeof documents)["\n  mutation RegisterCredentialModel($input: RegisterModelInput!) {\n    registerModel(input: $input) { model { id status credential lastHealthCheck { ok message } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ViewerModels { viewer { apiKeyId models } }"): (typeof documents)["query ViewerModels { viewer { apiKeyId models } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ApiKeyModels { apiKeys { name models } }"): (typeof documents)["query ApiKeyModels { apiKeys { name models } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Models($filter: ModelFilter) {\n    models(filter: $filter) {\n      id provider upstreamModel baseUrl apiKeyEnv contextWindow capabilities status source\n      defaults { maxTokens temperature topP stop }\n      pricing { input output }\n      lastHealthCheck { ok message }\n      circuit { state }\n      retiredAt\n    }\n  }\n"): (typeof documents)["\n  query Models($filter: ModelFilter) {\n    models(filter: $filter) {\n      id provider upstreamModel baseUrl apiKeyEnv contextWindow capabilities status source\n      defaults { maxTokens temperature topP stop }\n      pricing { input output }\n      lastHealthCheck { ok message }\n      circuit { state }\n      retiredAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Model($id: ID!) {\n    model(id: $id) { id status provider version pricing { input output } defaults { maxTokens temperature } mock { tokens tokenDelayMs } }\n  }\n"): (typeof documents)["\n  query Model($id: ID!) {\n    model(id: $id) { id status provider version pricing { input output } defaults { maxTokens temperature } mock { tokens tokenDelayMs } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RegisterModel($input: RegisterModelInput!) {\n    registerModel(input: $input) {\n      model { id provider status upstreamModel baseUrl apiKeyEnv source capabilities pricing { input output } defaults { maxTokens } lastHealthCheck { ok message } }\n      healthCheck { ok latencyMs message }\n    }\n  }\n"): (typeof documents)["\n  mutation RegisterModel($input: RegisterModelInput!) {\n    registerModel(input: $input) {\n      model { id provider status upstreamModel baseUrl apiKeyEnv source capabilities pricing { input output } defaults { maxTokens } lastHealthCheck { ok message } }\n      healthCheck { ok latencyMs message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateModel($input: UpdateModelInput!) {\n    updateModel(input: $input) {\n      model { id status version baseUrl pricing { input output } defaults { maxTokens temperature } mock { tokens } }\n      healthCheck { ok }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateModel($input: UpdateModelInput!) {\n    updateModel(input: $input) {\n      model { id status version baseUrl pricing { input output } defaults { maxTokens temperature } mock { tokens } }\n      healthCheck { ok }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DisableModel($id: ID!) { disableModel(id: $id) { id status } }"): (typeof documents)["mutation DisableModel($id: ID!) { disableModel(id: $id) { id status } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation EnableModel($id: ID!) { enableModel(id: $id) { model { id status } healthCheck { ok } } }"): (typeof documents)["mutation EnableModel($id: ID!) { enableModel(id: $id) { model { id status } healthCheck { ok } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RetireModel($id: ID!) { retireModel(id: $id) { id status retiredAt } }"): (typeof documents)["mutation RetireModel($id: ID!) { retireModel(id: $id) { id status retiredAt } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CheckModelHealth($id: ID!) { checkModelHealth(id: $id) { model { id status lastHealthCheck { ok message } } healthCheck { ok message } } }"): (typeof documents)["mutation CheckModelHealth($id: ID!) { checkModelHealth(id: $id) { model { id status lastHealthCheck { ok message } } healthCheck { ok message } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) { key apiKey { id name prefix scopes revoked } }\n  }\n"): (typeof documents)["\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) { key apiKey { id name prefix scopes revoked } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ApiKeys { apiKeys { id name prefix scopes revoked revokedAt } }"): (typeof documents)["query ApiKeys { apiKeys { id name prefix scopes revoked revokedAt } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RevokeApiKey($id: ID!) { revokeApiKey(id: $id) { id revoked revokedAt } }"): (typeof documents)["mutation RevokeApiKey($id: ID!) { revokeApiKey(id: $id) { id revoked revokedAt } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Viewer { viewer { localMode apiKeyId scopes } }"): (typeof documents)["query Viewer { viewer { localMode apiKeyId scopes } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ModelEvents($modelId: ID, $types: [ModelEventType!]) {\n    modelEvents(modelId: $modelId, types: $types) { type at model { id status provider } }\n  }\n"): (typeof documents)["\n  subscription ModelEvents($modelId: ID, $types: [ModelEventType!]) {\n    modelEvents(modelId: $modelId, types: $types) { type at model { id status provider } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Generate($input: GenerateInput!) {\n    generate(input: $input) {\n      id modelId status text finishReason maxTokens stream\n      usage { inputTokens outputTokens totalTokens estimated }\n      costUsd costMicroUsd latencyMs timeToFirstTokenMs errorCode\n      attempts { modelId provider outcome errorCode httpStatus durationMs }\n      apiKey { id name }\n    }\n  }\n"): (typeof documents)["\n  mutation Generate($input: GenerateInput!) {\n    generate(input: $input) {\n      id modelId status text finishReason maxTokens stream\n      usage { inputTokens outputTokens totalTokens estimated }\n      costUsd costMicroUsd latencyMs timeToFirstTokenMs errorCode\n      attempts { modelId provider outcome errorCode httpStatus durationMs }\n      apiKey { id name }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Generations($filter: GenerationFilter, $first: Int, $after: String) {\n    generations(filter: $filter, first: $first, after: $after) {\n      edges { cursor node { id modelId status errorCode stream text costMicroUsd usage { inputTokens outputTokens estimated } attempts { httpStatus errorCode outcome } apiKey { id } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): (typeof documents)["\n  query Generations($filter: GenerationFilter, $first: Int, $after: String) {\n    generations(filter: $filter, first: $first, after: $after) {\n      edges { cursor node { id modelId status errorCode stream text costMicroUsd usage { inputTokens outputTokens estimated } attempts { httpStatus errorCode outcome } apiKey { id } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Generation($id: ID!) { generation(id: $id) { id status text finishReason model { id provider } } }"): (typeof documents)["query Generation($id: ID!) { generation(id: $id) { id status text finishReason model { id provider } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription GenerateStream($input: GenerateInput!) {\n    generateStream(input: $input) {\n      __typename\n      ... on GenerationStarted { generationId model { id } }\n      ... on TokenDelta { generationId text index chunks }\n      ... on GenerationCompleted { generation { id status text finishReason costMicroUsd usage { inputTokens outputTokens estimated } } }\n      ... on GenerationFailed { generationId code message partialText generation { id status errorCode } }\n    }\n  }\n"): (typeof documents)["\n  subscription GenerateStream($input: GenerateInput!) {\n    generateStream(input: $input) {\n      __typename\n      ... on GenerationStarted { generationId model { id } }\n      ... on TokenDelta { generationId text index chunks }\n      ... on GenerationCompleted { generation { id status text finishReason costMicroUsd usage { inputTokens outputTokens estimated } } }\n      ... on GenerationFailed { generationId code message partialText generation { id status errorCode } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateSession($input: CreateSessionInput!) {\n    createSession(input: $input) { id revision model { id } params { maxTokens temperature } }\n  }\n"): (typeof documents)["\n  mutation CreateSession($input: CreateSessionInput!) {\n    createSession(input: $input) { id revision model { id } params { maxTokens temperature } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SwitchModel($input: SwitchModelInput!) {\n    switchModel(input: $input) { revision switchedAt latencyMs previousModel { id } model { id } session { id revision model { id } params { maxTokens } } }\n  }\n"): (typeof documents)["\n  mutation SwitchModel($input: SwitchModelInput!) {\n    switchModel(input: $input) { revision switchedAt latencyMs previousModel { id } model { id } session { id revision model { id } params { maxTokens } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Session($id: ID!) { session(id: $id) { id revision model { id } messages { role content generationId } } }\n"): (typeof documents)["\n  query Session($id: ID!) { session(id: $id) { id revision model { id } messages { role content generationId } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SessionHistory($id: ID!) { session(id: $id) { id trimmedMessages messages { role content generationId } } }\n"): (typeof documents)["\n  query SessionHistory($id: ID!) { session(id: $id) { id trimmedMessages messages { role content generationId } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Sessions { sessions { edges { node { id } } pageInfo { hasNextPage } } }"): (typeof documents)["query Sessions { sessions { edges { node { id } } pageInfo { hasNextPage } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ModelSwitched($sessionId: ID) {\n    modelSwitched(sessionId: $sessionId) { revision previousModel { id } model { id } session { id } latencyMs }\n  }\n"): (typeof documents)["\n  subscription ModelSwitched($sessionId: ID) {\n    modelSwitched(sessionId: $sessionId) { revision previousModel { id } model { id } session { id } latencyMs }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation GenerateInSession($input: GenerateInput!) {\n    generate(input: $input) { id modelId status text sessionId droppedMessages maxTokens errorCode }\n  }\n"): (typeof documents)["\n  mutation GenerateInSession($input: GenerateInput!) {\n    generate(input: $input) { id modelId status text sessionId droppedMessages maxTokens errorCode }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetModelPool($input: SetModelPoolInput!) {\n    setModelPool(input: $input) { name strategy members { modelId weight } retry { attempts } sticky stickyTtlSeconds }\n  }\n"): (typeof documents)["\n  mutation SetModelPool($input: SetModelPoolInput!) {\n    setModelPool(input: $input) { name strategy members { modelId weight } retry { attempts } sticky stickyTtlSeconds }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Pools { pools { name strategy members { modelId weight } sticky source } }"): (typeof documents)["query Pools { pools { name strategy members { modelId weight } sticky source } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation GenerateRouted($input: GenerateInput!) {\n    generate(input: $input) { id modelId poolName status text errorCode maxTokens attempts { modelId outcome httpStatus errorCode durationMs delayMs } }\n  }\n"): (typeof documents)["\n  mutation GenerateRouted($input: GenerateInput!) {\n    generate(input: $input) { id modelId poolName status text errorCode maxTokens attempts { modelId outcome httpStatus errorCode durationMs delayMs } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Circuit { models { id status circuit { state errorRate requests openedAt reopensAt } } }\n"): (typeof documents)["\n  query Circuit { models { id status circuit { state errorRate requests openedAt reopensAt } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ConfigStatus { configStatus { source hash loadedAt lastError lastAttemptAt } }"): (typeof documents)["query ConfigStatus { configStatus { source hash loadedAt lastError lastAttemptAt } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ReloadConfig { reloadConfig { hash lastError } }"): (typeof documents)["mutation ReloadConfig { reloadConfig { hash lastError } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Costs($filter: CostFilter, $groupBy: CostGroupBy!) {\n    costs(filter: $filter, groupBy: $groupBy) {\n      groups { key requests failures inputTokens outputTokens costUsd costMicroUsd }\n      totals { requests failures inputTokens outputTokens costUsd costMicroUsd }\n    }\n  }\n"): (typeof documents)["\n  query Costs($filter: CostFilter, $groupBy: CostGroupBy!) {\n    costs(filter: $filter, groupBy: $groupBy) {\n      groups { key requests failures inputTokens outputTokens costUsd costMicroUsd }\n      totals { requests failures inputTokens outputTokens costUsd costMicroUsd }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiKeyBudget { apiKeys { id name requestsPerMinute budget { daily monthly spentToday spentThisMonth reserved remaining } } }\n"): (typeof documents)["\n  query ApiKeyBudget { apiKeys { id name requestsPerMinute budget { daily monthly spentToday spentThisMonth reserved remaining } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetBudget($input: SetBudgetInput!) { setBudget(input: $input) { id budget { daily monthly remaining } } }\n"): (typeof documents)["\n  mutation SetBudget($input: SetBudgetInput!) { setBudget(input: $input) { id budget { daily monthly remaining } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateBudgetedKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) { key apiKey { id budget { daily monthly remaining } } }\n  }\n"): (typeof documents)["\n  mutation CreateBudgetedKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) { key apiKey { id budget { daily monthly remaining } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription UsageUpdated($apiKeyId: ID) {\n    usageUpdated(apiKeyId: $apiKeyId) { generationId modelId sessionId status costUsd apiKey { id } budget { spentToday remaining } }\n  }\n"): (typeof documents)["\n  subscription UsageUpdated($apiKeyId: ID) {\n    usageUpdated(apiKeyId: $apiKeyId) { generationId modelId sessionId status costUsd apiKey { id } budget { spentToday remaining } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CostSeries($filter: CostFilter!, $groupBy: CostGroupBy!, $interval: CostInterval!) {\n    costSeries(filter: $filter, groupBy: $groupBy, interval: $interval) { start key requests failures inputTokens outputTokens costUsd costMicroUsd }\n  }\n"): (typeof documents)["\n  query CostSeries($filter: CostFilter!, $groupBy: CostGroupBy!, $interval: CostInterval!) {\n    costSeries(filter: $filter, groupBy: $groupBy, interval: $interval) { start key requests failures inputTokens outputTokens costUsd costMicroUsd }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription GenerateStreamCost($input: GenerateInput!) {\n    generateStream(input: $input) {\n      __typename\n      ... on TokenDelta { text costUsd index chunks }\n      ... on GenerationCompleted { generation { status finishReason text costMicroUsd maxTokens } }\n    }\n  }\n"): (typeof documents)["\n  subscription GenerateStreamCost($input: GenerateInput!) {\n    generateStream(input: $input) {\n      __typename\n      ... on TokenDelta { text costUsd index chunks }\n      ... on GenerationCompleted { generation { status finishReason text costMicroUsd maxTokens } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UnpricedCosts($groupBy: CostGroupBy!) {\n    costs(groupBy: $groupBy) {\n      groups { key requests costMicroUsd unpricedRequests }\n      totals { requests costMicroUsd unpricedRequests }\n    }\n  }\n"): (typeof documents)["\n  query UnpricedCosts($groupBy: CostGroupBy!) {\n    costs(groupBy: $groupBy) {\n      groups { key requests costMicroUsd unpricedRequests }\n      totals { requests costMicroUsd unpricedRequests }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Embed($input: EmbedInput!) {\n    embed(input: $input) { embeddings model generationId costUsd usage { inputTokens outputTokens } }\n  }\n"): (typeof documents)["\n  mutation Embed($input: EmbedInput!) {\n    embed(input: $input) { embeddings model generationId costUsd usage { inputTokens outputTokens } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EmbeddingGeneration($id: ID!) {\n    generation(id: $id) { id status text usage { inputTokens outputTokens } costMicroUsd model { id kind } }\n  }\n"): (typeof documents)["\n  query EmbeddingGeneration($id: ID!) {\n    generation(id: $id) { id status text usage { inputTokens outputTokens } costMicroUsd model { id kind } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ModelKinds { models { id kind status } }\n"): (typeof documents)["\n  query ModelKinds { models { id kind status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CachedGeneration($id: ID!) {\n    generation(id: $id) { id status text cached costMicroUsd savedUsd attempts { modelId } usage { inputTokens outputTokens } }\n  }\n"): (typeof documents)["\n  query CachedGeneration($id: ID!) {\n    generation(id: $id) { id status text cached costMicroUsd savedUsd attempts { modelId } usage { inputTokens outputTokens } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CacheCosts($filter: CostFilter) {\n    costs(filter: $filter, groupBy: MODEL) {\n      groups { key requests cachedRequests costMicroUsd savedUsd }\n      totals { requests cachedRequests savedUsd inputTokens }\n    }\n  }\n"): (typeof documents)["\n  query CacheCosts($filter: CostFilter) {\n    costs(filter: $filter, groupBy: MODEL) {\n      groups { key requests cachedRequests costMicroUsd savedUsd }\n      totals { requests cachedRequests savedUsd inputTokens }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RegisterCachedModel($input: RegisterModelInput!) {\n    registerModel(input: $input) { model { id cache { mode ttlSeconds scope } } }\n  }\n"): (typeof documents)["\n  mutation RegisterCachedModel($input: RegisterModelInput!) {\n    registerModel(input: $input) { model { id cache { mode ttlSeconds scope } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateCachedModel($input: UpdateModelInput!) {\n    updateModel(input: $input) { model { id cache { mode ttlSeconds scope } } }\n  }\n"): (typeof documents)["\n  mutation UpdateCachedModel($input: UpdateModelInput!) {\n    updateModel(input: $input) { model { id cache { mode ttlSeconds scope } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription GenerateStreamCached($input: GenerateInput!, $cache: CacheControlInput) {\n    generateStream(input: $input, cache: $cache) {\n      __typename\n      ... on GenerationStarted { generationId }\n      ... on TokenDelta { text }\n      ... on GenerationCompleted { generation { id cached costMicroUsd text } }\n    }\n  }\n"): (typeof documents)["\n  subscription GenerateStreamCached($input: GenerateInput!, $cache: CacheControlInput) {\n    generateStream(input: $input, cache: $cache) {\n      __typename\n      ... on GenerationStarted { generationId }\n      ... on TokenDelta { text }\n      ... on GenerationCompleted { generation { id cached costMicroUsd text } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation GenerateCached($input: GenerateInput!, $cache: CacheControlInput) {\n    generate(input: $input, cache: $cache) { id text cached costMicroUsd savedUsd usage { inputTokens } }\n  }\n"): (typeof documents)["\n  mutation GenerateCached($input: GenerateInput!, $cache: CacheControlInput) {\n    generate(input: $input, cache: $cache) { id text cached costMicroUsd savedUsd usage { inputTokens } }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;