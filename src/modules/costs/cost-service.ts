import { hasScope, type Viewer } from '../keys/viewer.js';
import type { CostRepository } from './cost-repository.js';
import type { CostFilter, CostGroupBy, CostInterval, CostPoint, CostReport } from '../../core/records/cost.js';

type CallerFilter = Omit<CostFilter, 'apiKeyId'> & { readonly apiKeyId?: string | null };

/** Cost reports as a caller may see them: an admin any key's (or all), a client key only its own. */
export class CostService {
  constructor(private readonly repository: Pick<CostRepository, 'report' | 'series'>) {}

  report(viewer: Viewer, filter: CallerFilter, groupBy: CostGroupBy): Promise<CostReport> {
    return this.repository.report(visibleTo(viewer, filter), groupBy);
  }

  /** The same figures per time bucket (see CostRepository.series). */
  series(viewer: Viewer, filter: CallerFilter, groupBy: CostGroupBy, interval: CostInterval): Promise<CostPoint[]> {
    return this.repository.series(visibleTo(viewer, filter), groupBy, interval);
  }
}

function visibleTo(viewer: Viewer, filter: CallerFilter): CostFilter {
  const apiKeyId = hasScope(viewer, 'admin') ? (filter.apiKeyId ?? null) : viewer.keyId;
  return { ...filter, apiKeyId };
}
