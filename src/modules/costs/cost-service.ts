import { hasScope, requireScope, type Viewer } from '../keys/viewer.js';
import type { CostRepository } from './cost-repository.js';
import type { CostFilter, CostGroupBy, CostReport } from '../../core/records/cost.js';

/** Cost reports as a caller may see them: an admin any key's (or all), a client key only its own. */
export class CostService {
  constructor(private readonly repository: Pick<CostRepository, 'report'>) {}

  report(viewer: Viewer, filter: Omit<CostFilter, 'apiKeyId'> & { readonly apiKeyId?: string | null }, groupBy: CostGroupBy): Promise<CostReport> {
    requireScope(viewer, 'client', 'costs');
    const apiKeyId = hasScope(viewer, 'admin') ? (filter.apiKeyId ?? null) : viewer.keyId;
    return this.repository.report({ ...filter, apiKeyId }, groupBy);
  }
}
