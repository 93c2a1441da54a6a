import { graphql } from '../gql';

/** Who the gateway takes the console for (local mode, scopes). */
export const ViewerDocument = graphql(`
  query Viewer {
    viewer { localMode apiKeyId scopes }
  }
`);

/** Model ids and statuses, for pickers. */
export const ModelChoicesDocument = graphql(`
  query ModelChoices {
    models { id provider status pricing { input output } }
    pools { name strategy }
  }
`);
