import { graphql } from './gql/index.js';

/** The operations the client sends, typed from the schema by `npm run codegen`. */

export const GenerationFieldsDoc = graphql(`
  fragment ClientGeneration on Generation {
    id modelId status text finishReason sessionId droppedMessages maxTokens
    usage { inputTokens outputTokens totalTokens estimated cachedInputTokens cacheWriteTokens reasoningTokens }
    toolCalls { id name arguments }
    costUsd costMicroUsd latencyMs timeToFirstTokenMs errorCode errorMessage createdAt
  }
`);

export const CreateSessionDoc = graphql(`
  mutation ClientCreateSession($input: CreateSessionInput!) {
    createSession(input: $input) { id revision model { id } pool { name } }
  }
`);

export const SwitchModelDoc = graphql(`
  mutation ClientSwitchModel($input: SwitchModelInput!) {
    switchModel(input: $input) { revision switchedAt latencyMs previousModel { id } previousPool { name } model { id } pool { name } session { id } }
  }
`);

export const GenerateDoc = graphql(`
  mutation ClientGenerate($input: GenerateInput!) {
    generate(input: $input) { ...ClientGeneration }
  }
`);

export const GenerateStreamDoc = graphql(`
  subscription ClientGenerateStream($input: GenerateInput!) {
    generateStream(input: $input) {
      __typename
      ... on GenerationStarted { generationId }
      ... on TokenDelta { text index }
      ... on ToolCallDelta { index id name argumentsDelta }
      ... on ReasoningDelta { text }
      ... on GenerationCompleted { generation { ...ClientGeneration } }
      ... on GenerationFailed { code message partialText generation { ...ClientGeneration } }
    }
  }
`);

export const ModelSwitchedDoc = graphql(`
  subscription ClientModelSwitched($sessionId: ID) {
    modelSwitched(sessionId: $sessionId) { revision switchedAt latencyMs previousModel { id } previousPool { name } model { id } pool { name } session { id } }
  }
`);

export const SessionStateDoc = graphql(`
  query ClientSessionState($id: ID!) { session(id: $id) { id revision model { id } pool { name } } }
`);

export const SetModelPoolDoc = graphql(`
  mutation ClientSetModelPool($input: SetModelPoolInput!) {
    setModelPool(input: $input) { name strategy members { modelId weight } }
  }
`);

export const ModelsDoc = graphql(`
  query ClientModels { models { id provider status contextWindow pricing { input output cachedInput cacheWrite } } }
`);
