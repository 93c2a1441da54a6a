import { graphql } from '../gql/index.js';

/** Documents of the chat surface: tool calls, the usage breakdown and the stream's tool-call fragments. */

export const ChatGenerationQuery = graphql(`
  query ChatGeneration($id: ID!) {
    generation(id: $id) {
      id status text finishReason costMicroUsd sessionId
      toolCalls { id name arguments }
      usage { inputTokens outputTokens totalTokens cachedInputTokens cacheWriteTokens reasoningTokens estimated }
      model { id pricing { input output cachedInput cacheWrite } }
    }
  }
`);

export const ChatGenerate = graphql(`
  mutation ChatGenerate($input: GenerateInput!) {
    generate(input: $input) {
      id modelId status text finishReason sessionId errorCode costMicroUsd
      toolCalls { id name arguments }
      usage { inputTokens outputTokens totalTokens cachedInputTokens cacheWriteTokens reasoningTokens estimated }
    }
  }
`);

export const ChatGenerateStream = graphql(`
  subscription ChatGenerateStream($input: GenerateInput!) {
    generateStream(input: $input) {
      __typename
      ... on GenerationStarted { generationId model { id } }
      ... on TokenDelta { text index chunks }
      ... on ToolCallDelta { generationId index id name argumentsDelta }
      ... on ReasoningDelta { text }
      ... on GenerationCompleted { generation { id status text finishReason toolCalls { id name arguments } usage { inputTokens outputTokens } } }
      ... on GenerationFailed { code message }
    }
  }
`);
