import { graphql } from '../../gql';

export const CostReportDocument = graphql(`
  query ConsoleCosts($filter: CostFilter!, $groupBy: CostGroupBy!, $interval: CostInterval!) {
    costs(filter: $filter, groupBy: $groupBy) {
      groups { key requests failures inputTokens outputTokens costUsd costMicroUsd cachedRequests savedUsd }
      totals { requests failures inputTokens outputTokens costUsd costMicroUsd cachedRequests savedUsd }
    }
    costSeries(filter: $filter, groupBy: $groupBy, interval: $interval) { start key requests failures inputTokens outputTokens costUsd costMicroUsd }
  }
`);

export const KeyNamesDocument = graphql(`query ConsoleKeyNames { apiKeys { id name } }`);

export const UsageDocument = graphql(`subscription ConsoleUsage { usageUpdated { generationId at } }`);
