import { graphql } from '../gql/index.js';

export const CreateCredential = graphql(`
  mutation CreateCredential($input: CreateCredentialInput!) {
    createCredential(input: $input) { name mask createdAt rotatedAt models }
  }
`);
export const RotateCredential = graphql(`
  mutation RotateCredential($name: String!, $secret: String!) {
    rotateCredential(name: $name, secret: $secret) { name mask rotatedAt models }
  }
`);
export const DeleteCredential = graphql(`mutation DeleteCredential($name: String!) { deleteCredential(name: $name) { name mask } }`);
export const CredentialsQuery = graphql(`query Credentials { credentials { name mask createdAt rotatedAt models } }`);
export const CreateLimitedKey = graphql(`
  mutation CreateLimitedKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) { key apiKey { id name scopes models } }
  }
`);
export const RegisterCredentialModel = graphql(`
  mutation RegisterCredentialModel($input: RegisterModelInput!) {
    registerModel(input: $input) { model { id status credential lastHealthCheck { ok message } } }
  }
`);
export const ViewerModels = graphql(`query ViewerModels { viewer { apiKeyId models } }`);
export const ApiKeyModels = graphql(`query ApiKeyModels { apiKeys { name models } }`);
