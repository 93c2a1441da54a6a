import { Badge } from '../../components/ui';
import type { GenerationStatus } from '../../gql/graphql';

/** A generation's (or an attempt's) outcome: green, red or grey. */
export function StatusBadge({ status }: { status: GenerationStatus }) {
  return <Badge tone={status === 'SUCCEEDED' ? 'ok' : status === 'FAILED' ? 'bad' : 'muted'}>{status}</Badge>;
}
