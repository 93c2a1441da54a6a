"""The GraphQL documents the client sends (the schema is the gateway's schema/schema.graphql)."""

GENERATION_FIELDS = """
fragment PyGeneration on Generation {
  id modelId poolName status text finishReason sessionId latencyMs timeToFirstTokenMs
  usage { inputTokens outputTokens totalTokens estimated cachedInputTokens cacheWriteTokens reasoningTokens }
  toolCalls { id name arguments }
  attempts { modelId errorCode httpStatus durationMs }
  costUsd errorCode errorMessage createdAt
}
"""

SWITCH_FIELDS = "revision switchedAt latencyMs previousModel { id } previousPool { name } model { id } pool { name } session { id }"

CREATE_SESSION = """
mutation PyCreateSession($input: CreateSessionInput!) {
  createSession(input: $input) { id revision createdAt model { id } pool { name } }
}
"""

SWITCH_MODEL = f"""
mutation PySwitchModel($input: SwitchModelInput!) {{
  switchModel(input: $input) {{ {SWITCH_FIELDS} }}
}}
"""

SET_MODEL_POOL = """
mutation PySetModelPool($input: SetModelPoolInput!) {
  setModelPool(input: $input) { name }
}
"""

GENERATE = (
    """
mutation PyGenerate($input: GenerateInput!) {
  generate(input: $input) { ...PyGeneration }
}
"""
    + GENERATION_FIELDS
)

GENERATION = (
    """
query PyGeneration($id: ID!) {
  generation(id: $id) { ...PyGeneration }
}
"""
    + GENERATION_FIELDS
)

GENERATE_STREAM = (
    """
subscription PyGenerateStream($input: GenerateInput!) {
  generateStream(input: $input) {
    __typename
    ... on GenerationStarted { generationId model { id } }
    ... on TokenDelta { generationId text costUsd }
    ... on ToolCallDelta { generationId index id name argumentsDelta costUsd }
    ... on ReasoningDelta { generationId text costUsd }
    ... on GenerationCompleted { generation { ...PyGeneration } }
    ... on GenerationFailed { generationId code message partialText generation { ...PyGeneration } }
  }
}
"""
    + GENERATION_FIELDS
)

MODEL_SWITCHED = f"""
subscription PyModelSwitched($sessionId: ID) {{
  modelSwitched(sessionId: $sessionId) {{ {SWITCH_FIELDS} }}
}}
"""

MODELS = """
query PyModels {
  models { id provider kind status upstreamModel contextWindow pricing { input output cachedInput cacheWrite } }
}
"""

COSTS = """
query PyCosts($filter: CostFilter, $groupBy: CostGroupBy!) {
  costs(filter: $filter, groupBy: $groupBy) {
    groups { key requests failures inputTokens outputTokens costUsd costMicroUsd unpricedRequests }
    totals { key requests failures inputTokens outputTokens costUsd costMicroUsd unpricedRequests }
  }
}
"""
