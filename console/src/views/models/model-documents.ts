import { graphql } from '../../gql';

export const ModelRowFragment = graphql(`
  fragment ModelRow on Model {
    id provider status source upstreamModel baseUrl apiKeyEnv contextWindow version updatedAt retiredAt
    pricing { input output }
    pricingSource catalogStatus maxOutputTokens supportsTools supportsReasoning requestLog
    modalities { input output }
    circuit { state errorRate requests reopensAt }
    lastHealthCheck { ok message checkedAt latencyMs }
    mock { tokens tokenDelayMs }
  }
`);

export const ModelsDocument = graphql(`
  query ConsoleModels($filter: ModelFilter) {
    models(filter: $filter) { ...ModelRow }
  }
`);

export const ModelEventsDocument = graphql(`
  subscription ConsoleModelEvents {
    modelEvents { type at model { ...ModelRow } }
  }
`);

export const RegisterModelDocument = graphql(`
  mutation ConsoleRegisterModel($input: RegisterModelInput!) {
    registerModel(input: $input) { model { ...ModelRow } healthCheck { ok message latencyMs } }
  }
`);

export const UpdateModelDocument = graphql(`
  mutation ConsoleUpdateModel($input: UpdateModelInput!) {
    updateModel(input: $input) { model { ...ModelRow } healthCheck { ok message latencyMs } }
  }
`);

export const DisableModelDocument = graphql(`mutation ConsoleDisableModel($id: ID!) { disableModel(id: $id) { ...ModelRow } }`);
export const EnableModelDocument = graphql(`mutation ConsoleEnableModel($id: ID!) { enableModel(id: $id) { model { ...ModelRow } } }`);
export const RetireModelDocument = graphql(`mutation ConsoleRetireModel($id: ID!) { retireModel(id: $id) { ...ModelRow } }`);
export const CheckModelHealthDocument = graphql(`
  mutation ConsoleCheckModelHealth($id: ID!) { checkModelHealth(id: $id) { model { ...ModelRow } healthCheck { ok message latencyMs } } }
`);
