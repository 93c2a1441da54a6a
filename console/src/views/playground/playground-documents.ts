import { graphql } from '../../gql';

export const SessionsDocument = graphql(`
  query ConsoleSessions {
    sessions(first: 50) { edges { node { id revision updatedAt model { id } pool { name } } } }
  }
`);

/** What the playground shows of an answer: its tool calls and its usage with the cost. */
export const PlaygroundGenerationFragment = graphql(`
  fragment PlaygroundGeneration on Generation {
    id modelId status costUsd finishReason latencyMs
    toolCalls { id name arguments }
    usage { inputTokens outputTokens cachedInputTokens cacheWriteTokens reasoningTokens totalTokens estimated }
  }
`);

export const SessionDocument = graphql(`
  query ConsoleSession($id: ID!) {
    session(id: $id) {
      id revision createdAt
      model { id provider }
      pool { name strategy }
      params { maxTokens temperature }
      messages { role content createdAt generationId }
    }
    generations(filter: { sessionId: $id }, first: 200) {
      edges { node { ...PlaygroundGeneration } }
    }
  }
`);

export const CreateSessionDocument = graphql(`
  mutation ConsoleCreateSession($input: CreateSessionInput!) {
    createSession(input: $input) { id revision model { id } pool { name } }
  }
`);

export const SwitchFragment = graphql(`
  fragment SwitchApplied on ModelSwitch {
    latencyMs revision switchedAt
    model { id } pool { name }
    previousModel { id } previousPool { name }
    session { id }
  }
`);

export const SwitchModelDocument = graphql(`
  mutation ConsoleSwitchModel($input: SwitchModelInput!) {
    switchModel(input: $input) { ...SwitchApplied }
  }
`);

export const ModelSwitchedDocument = graphql(`
  subscription ConsoleModelSwitched($sessionId: ID) {
    modelSwitched(sessionId: $sessionId) { ...SwitchApplied }
  }
`);

export const GenerateStreamDocument = graphql(`
  subscription ConsoleGenerateStream($input: GenerateInput!) {
    generateStream(input: $input) {
      __typename
      ... on GenerationStarted { generationId model { id } }
      ... on TokenDelta { text costUsd index chunks }
      ... on ToolCallDelta { index id name argumentsDelta costUsd }
      ... on ReasoningDelta { text costUsd }
      ... on GenerationCompleted { generation { ...PlaygroundGeneration } }
      ... on GenerationFailed { code message generationId generation { id status costUsd modelId } }
    }
  }
`);

export const GenerationOutcomeDocument = graphql(`
  query ConsoleGenerationOutcome($id: ID!) {
    generation(id: $id) { ...PlaygroundGeneration }
  }
`);

export const SessionTurnsDocument = graphql(`subscription ConsoleSessionTurns { usageUpdated { generationId sessionId status } }`);
