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
    "\n  fragment ClientGeneration on Generation {\n    id modelId status text finishReason sessionId droppedMessages maxTokens\n    usage { inputTokens outputTokens totalTokens estimated cachedInputTokens cacheWriteTokens reasoningTokens }\n    toolCalls { id name arguments }\n    costUsd costMicroUsd latencyMs timeToFirstTokenMs errorCode errorMessage createdAt\n  }\n": typeof types.ClientGenerationFragmentDoc,
    "\n  mutation ClientCreateSession($input: CreateSessionInput!) {\n    createSession(input: $input) { id revision model { id } pool { name } }\n  }\n": typeof types.ClientCreateSessionDocument,
    "\n  mutation ClientSwitchModel($input: SwitchModelInput!) {\n    switchModel(input: $input) { revision switchedAt latencyMs previousModel { id } previousPool { name } model { id } pool { name } session { id } }\n  }\n": typeof types.ClientSwitchModelDocument,
    "\n  mutation ClientGenerate($input: GenerateInput!) {\n    generate(input: $input) { ...ClientGeneration }\n  }\n": typeof types.ClientGenerateDocument,
    "\n  subscription ClientGenerateStream($input: GenerateInput!) {\n    generateStream(input: $input) {\n      __typename\n      ... on GenerationStarted { generationId }\n      ... on TokenDelta { text index }\n      ... on ToolCallDelta { index id name argumentsDelta }\n      ... on ReasoningDelta { text }\n      ... on GenerationCompleted { generation { ...ClientGeneration } }\n      ... on GenerationFailed { code message partialText generation { ...ClientGeneration } }\n    }\n  }\n": typeof types.ClientGenerateStreamDocument,
    "\n  subscription ClientModelSwitched($sessionId: ID) {\n    modelSwitched(sessionId: $sessionId) { revision switchedAt latencyMs previousModel { id } previousPool { name } model { id } pool { name } session { id } }\n  }\n": typeof types.ClientModelSwitchedDocument,
    "\n  query ClientSessionState($id: ID!) { session(id: $id) { id revision model { id } pool { name } } }\n": typeof types.ClientSessionStateDocument,
    "\n  mutation ClientSetModelPool($input: SetModelPoolInput!) {\n    setModelPool(input: $input) { name strategy members { modelId weight } }\n  }\n": typeof types.ClientSetModelPoolDocument,
    "\n  query ClientModels { models { id provider status contextWindow pricing { input output cachedInput cacheWrite } } }\n": typeof types.ClientModelsDocument,
};
const documents: Documents = {
    "\n  fragment ClientGeneration on Generation {\n    id modelId status text finishReason sessionId droppedMessages maxTokens\n    usage { inputTokens outputTokens totalTokens estimated cachedInputTokens cacheWriteTokens reasoningTokens }\n    toolCalls { id name arguments }\n    costUsd costMicroUsd latencyMs timeToFirstTokenMs errorCode errorMessage createdAt\n  }\n": types.ClientGenerationFragmentDoc,
    "\n  mutation ClientCreateSession($input: CreateSessionInput!) {\n    createSession(input: $input) { id revision model { id } pool { name } }\n  }\n": types.ClientCreateSessionDocument,
    "\n  mutation ClientSwitchModel($input: SwitchModelInput!) {\n    switchModel(input: $input) { revision switchedAt latencyMs previousModel { id } previousPool { name } model { id } pool { name } session { id } }\n  }\n": types.ClientSwitchModelDocument,
    "\n  mutation ClientGenerate($input: GenerateInput!) {\n    generate(input: $input) { ...ClientGeneration }\n  }\n": types.ClientGenerateDocument,
    "\n  subscription ClientGenerateStream($input: GenerateInput!) {\n    generateStream(input: $input) {\n      __typename\n      ... on GenerationStarted { generationId }\n      ... on TokenDelta { text index }\n      ... on ToolCallDelta { index id name argumentsDelta }\n      ... on ReasoningDelta { text }\n      ... on GenerationCompleted { generation { ...ClientGeneration } }\n      ... on GenerationFailed { code message partialText generation { ...ClientGeneration } }\n    }\n  }\n": types.ClientGenerateStreamDocument,
    "\n  subscription ClientModelSwitched($sessionId: ID) {\n    modelSwitched(sessionId: $sessionId) { revision switchedAt latencyMs previousModel { id } previousPool { name } model { id } pool { name } session { id } }\n  }\n": types.ClientModelSwitchedDocument,
    "\n  query ClientSessionState($id: ID!) { session(id: $id) { id revision model { id } pool { name } } }\n": types.ClientSessionStateDocument,
    "\n  mutation ClientSetModelPool($input: SetModelPoolInput!) {\n    setModelPool(input: $input) { name strategy members { modelId weight } }\n  }\n": types.ClientSetModelPoolDocument,
    "\n  query ClientModels { models { id provider status contextWindow pricing { input output cachedInput cacheWrite } } }\n": types.ClientModelsDocument,
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
export function graphql(source: "\n  fragment ClientGeneration on Generation {\n    id modelId status text finishReason sessionId droppedMessages maxTokens\n    usage { inputTokens outputTokens totalTokens estimated cachedInputTokens cacheWriteTokens reasoningTokens }\n    toolCalls { id name arguments }\n    costUsd costMicroUsd latencyMs timeToFirstTokenMs errorCode errorMessage createdAt\n  }\n"): (typeof documents)["\n  fragment ClientGeneration on Generation {\n    id modelId status text finishReason sessionId droppedMessages maxTokens\n    usage { inputTokens outputTokens totalTokens estimated cachedInputTokens cacheWriteTokens reasoningTokens }\n    toolCalls { id name arguments }\n    costUsd costMicroUsd latencyMs timeToFirstTokenMs errorCode errorMessage createdAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClientCreateSession($input: CreateSessionInput!) {\n    createSession(input: $input) { id revision model { id } pool { name } }\n  }\n"): (typeof documents)["\n  mutation ClientCreateSession($input: CreateSessionInput!) {\n    createSession(input: $input) { id revision model { id } pool { name } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClientSwitchModel($input: SwitchModelInput!) {\n    switchModel(input: $input) { revision switchedAt latencyMs previousModel { id } previousPool { name } model { id } pool { name } session { id } }\n  }\n"): (typeof documents)["\n  mutation ClientSwitchModel($input: SwitchModelInput!) {\n    switchModel(input: $input) { revision switchedAt latencyMs previousModel { id } previousPool { name } model { id } pool { name } session { id } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClientGenerate($input: GenerateInput!) {\n    generate(input: $input) { ...ClientGeneration }\n  }\n"): (typeof documents)["\n  mutation ClientGenerate($input: GenerateInput!) {\n    generate(input: $input) { ...ClientGeneration }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ClientGenerateStream($input: GenerateInput!) {\n    generateStream(input: $input) {\n      __typename\n      ... on GenerationStarted { generationId }\n      ... on TokenDelta { text index }\n      ... on ToolCallDelta { index id name argumentsDelta }\n      ... on ReasoningDelta { text }\n      ... on GenerationCompleted { generation { ...ClientGeneration } }\n      ... on GenerationFailed { code message partialText generation { ...ClientGeneration } }\n    }\n  }\n"): (typeof documents)["\n  subscription ClientGenerateStream($input: GenerateInput!) {\n    generateStream(input: $input) {\n      __typename\n      ... on GenerationStarted { generationId }\n      ... on TokenDelta { text index }\n      ... on ToolCallDelta { index id name argumentsDelta }\n      ... on ReasoningDelta { text }\n      ... on GenerationCompleted { generation { ...ClientGeneration } }\n      ... on GenerationFailed { code message partialText generation { ...ClientGeneration } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ClientModelSwitched($sessionId: ID) {\n    modelSwitched(sessionId: $sessionId) { revision switchedAt latencyMs previousModel { id } previousPool { name } model { id } pool { name } session { id } }\n  }\n"): (typeof documents)["\n  subscription ClientModelSwitched($sessionId: ID) {\n    modelSwitched(sessionId: $sessionId) { revision switchedAt latencyMs previousModel { id } previousPool { name } model { id } pool { name } session { id } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClientSessionState($id: ID!) { session(id: $id) { id revision model { id } pool { name } } }\n"): (typeof documents)["\n  query ClientSessionState($id: ID!) { session(id: $id) { id revision model { id } pool { name } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClientSetModelPool($input: SetModelPoolInput!) {\n    setModelPool(input: $input) { name strategy members { modelId weight } }\n  }\n"): (typeof documents)["\n  mutation ClientSetModelPool($input: SetModelPoolInput!) {\n    setModelPool(input: $input) { name strategy members { modelId weight } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClientModels { models { id provider status contextWindow pricing { input output cachedInput cacheWrite } } }\n"): (typeof documents)["\n  query ClientModels { models { id provider status contextWindow pricing { input output cachedInput cacheWrite } } }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;