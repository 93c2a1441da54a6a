import type { GenerationFilter, GenerationStatus } from '../../gql/graphql';

/** The filters as the toolbar holds them (text fields as typed; '' = any). */
export interface RequestFilters {
  readonly modelId: string;
  readonly apiKeyId: string;
  readonly sessionId: string;
  readonly status: GenerationStatus | '';
  /** Text in the stored request or answer (the gateway's search; '' = none). */
  readonly search: string;
  readonly range: RangePreset;
  /** For the custom range: local date-times as a datetime-local field gives them ('' = open). */
  readonly from: string;
  readonly to: string;
}

export type RangePreset = 'hour' | 'day' | 'week' | 'all' | 'custom';

export const RANGES: { value: RangePreset; label: string; ms?: number }[] = [
  { value: 'hour', label: 'last hour', ms: 3_600_000 },
  { value: 'day', label: 'last 24 hours', ms: 86_400_000 },
  { value: 'week', label: 'last 7 days', ms: 7 * 86_400_000 },
  { value: 'all', label: 'all time' },
  { value: 'custom', label: 'from … to …' },
];

export const NO_FILTERS: RequestFilters = {
  modelId: '',
  apiKeyId: '',
  sessionId: '',
  status: '',
  search: '',
  range: 'day',
  from: '',
  to: '',
};

/**
 * The GraphQL filter for the toolbar's state at `now`; a custom range that is not a range (a field
 * being typed, or its end before its start) gives an error to show instead of a query.
 */
export function toGenerationFilter(f: RequestFilters, now: number): { filter: GenerationFilter } | { problem: string } {
  const filter: GenerationFilter = {};
  if (f.modelId) filter.modelId = f.modelId;
  if (f.apiKeyId) filter.apiKeyId = f.apiKeyId;
  if (f.sessionId.trim()) filter.sessionId = f.sessionId.trim();
  if (f.status) filter.status = [f.status];
  if (f.search.trim()) filter.search = f.search.trim();
  const preset = RANGES.find((r) => r.value === f.range);
  if (preset?.ms) filter.since = new Date(now - preset.ms).toISOString();
  if (f.range === 'custom') {
    const since = f.from ? new Date(f.from) : null;
    const until = f.to ? new Date(f.to) : null;
    if ((since && Number.isNaN(since.getTime())) || (until && Number.isNaN(until.getTime())))
      return { problem: 'Choose a start and an end as dates and times (either may be left empty).' };
    if (since && until && !(since < until)) return { problem: 'The end of the range must come after its start.' };
    if (since) filter.since = since.toISOString();
    if (until) filter.until = until.toISOString();
  }
  return { filter };
}

/**
 * Whether a request stored just now (announced live) can belong to the list: its model, status
 * and session against the filters (the key is the subscription's own filter), and a custom range
 * that has not ended. The row fetched by id is checked again (`rowMatches`).
 */
export function announcedMatches(
  f: RequestFilters,
  event: { modelId: string; sessionId: string | null; status: GenerationStatus },
): boolean {
  if (f.status && event.status !== f.status) return false;
  if (f.sessionId.trim() && event.sessionId !== f.sessionId.trim()) return false;
  if (f.range === 'custom' && f.to && new Date(f.to).getTime() <= Date.now()) return false;
  return !f.modelId || event.modelId === f.modelId;
}

/** Whether a fetched row passes the filters a client can check (all but the search, which the gateway checks). */
export function rowMatches(
  f: RequestFilters,
  row: { modelId: string; sessionId: string | null; status: GenerationStatus; apiKey: { id: string } | null },
): boolean {
  return announcedMatches(f, row) && (!f.apiKeyId || row.apiKey?.id === f.apiKeyId);
}
