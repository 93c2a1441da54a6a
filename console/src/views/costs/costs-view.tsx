import { useMemo, useRef, useState } from 'react';
import { useQuery, useSession, useSubscription } from '../../api/hooks';
import type { CostGroupBy, CostInterval, ConsoleCostsQuery } from '../../gql/graphql';
import { integer, usd, when } from '../../components/format';
import { ErrorLine, Panel } from '../../components/ui';
import { CostReportDocument, KeyNamesDocument, UsageDocument } from './cost-documents';
import { download, toCsv } from './csv';
import { type ChartSeries, TimeChart } from './time-chart';

type Point = ConsoleCostsQuery['costSeries'][number];
type Metric = 'spend' | 'tokens' | 'requests' | 'errors';

const METRICS: Record<Metric, { label: string; of(p: Omit<Point, 'start'>): number; format(v: number): string }> = {
  spend: { label: 'Spend (USD)', of: (p) => p.costUsd, format: (v) => usd(v) },
  tokens: { label: 'Tokens (in + out)', of: (p) => p.inputTokens + p.outputTokens, format: (v) => integer(v) },
  requests: { label: 'Requests', of: (p) => p.requests, format: (v) => integer(v) },
  errors: { label: 'Errors', of: (p) => p.failures, format: (v) => integer(v) },
};
const GROUPS: { value: CostGroupBy; label: string; adminOnly?: boolean }[] = [
  { value: 'MODEL', label: 'model' },
  { value: 'PROVIDER', label: 'provider' },
  { value: 'API_KEY', label: 'key', adminOnly: true },
  { value: 'POOL', label: 'pool' },
];
const BUCKET_MS: Record<CostInterval, number> = { HOUR: 3_600_000, DAY: 86_400_000 };
const MAX_LINES = 8;

const localDate = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
const daysAgo = (n: number) => localDate(new Date(Date.now() - n * 86_400_000));

/**
 * The cost dashboard: spend, tokens, requests and errors over time by model, provider, key or
 * pool, for a range of local days. The totals and the table are the `costs` query's; the chart is
 * `costSeries` over the same filter. Every stored generation (`usageUpdated`) refreshes both.
 */
export function CostsView() {
  const { isAdmin } = useSession();
  const [from, setFrom] = useState(() => daysAgo(0));
  const [to, setTo] = useState(() => daysAgo(0));
  const [groupBy, setGroupBy] = useState<CostGroupBy>('MODEL');
  const [metric, setMetric] = useState<Metric>('spend');
  const since = new Date(`${from}T00:00:00`);
  const until = new Date(new Date(`${to}T00:00:00`).getTime() + 86_400_000);
  // A date field being edited can be empty or partial: no query until both ends are dates.
  const badRange = Number.isNaN(since.getTime()) || Number.isNaN(until.getTime()) || !(since < until);
  const interval: CostInterval = !badRange && until.getTime() - since.getTime() <= 2 * 86_400_000 ? 'HOUR' : 'DAY';
  const filter = badRange ? { since: '', until: '' } : { since: since.toISOString(), until: until.toISOString() };
  const report = useQuery(CostReportDocument, { filter, groupBy, interval }, { skip: badRange });
  const keyNames = useQuery(KeyNamesDocument, {}, { skip: !isAdmin });
  const [lastUpdate, setLastUpdate] = useState<string | null>(null);

  const pending = useRef<number | null>(null);
  const liveError = useSubscription(UsageDocument, {}, ({ usageUpdated }) => {
    setLastUpdate(usageUpdated.at);
    if (pending.current !== null) return;
    pending.current = window.setTimeout(() => {
      pending.current = null;
      report.refetch();
    }, 300);
  });

  const names = new Map((keyNames.data?.apiKeys ?? []).map((k) => [k.id, k.name]));
  const labelOf = (key: string | null) =>
    key === null
      ? groupBy === 'POOL'
        ? '(no pool)'
        : groupBy === 'API_KEY'
          ? '(no key)'
          : '—'
      : groupBy === 'API_KEY'
        ? (names.get(key) ?? key)
        : key;
  const data = report.data;
  // biome-ignore lint/correctness/useExhaustiveDependencies: recomputed when the report, the metric or the key names arrive (see below)
  const chart = useMemo(() => {
    if (!data || badRange) return null;
    const { times, series } = chartOf(
      data.costSeries,
      data.costs.groups.map((g) => g.key),
      since,
      until,
      interval,
      metric,
    );
    return {
      times,
      series: series.map((s) => ({ ...s, label: s.label === OTHERS ? 'others' : labelOf(s.label === '' ? null : s.label) })),
    };
  }, [data, metric, keyNames.data]); // since, until and interval are data's own (the query reruns when they change)
  const totals = data?.costs.totals;

  const exportTable = () => {
    if (!data) return;
    const rows = data.costs.groups.map((g) => [labelOf(g.key), g.key, g.requests, g.failures, g.inputTokens, g.outputTokens, g.costUsd]);
    const t = data.costs.totals;
    download(
      `switchyard-costs-${groupBy.toLowerCase()}-${from}-to-${to}.csv`,
      toCsv(
        ['group', 'key', 'requests', 'errors', 'input_tokens', 'output_tokens', 'cost_usd'],
        [...rows, ['total', null, t.requests, t.failures, t.inputTokens, t.outputTokens, t.costUsd]],
      ),
    );
  };
  const exportSeries = () => {
    if (!data) return;
    const rows = data.costSeries.map((p) => [p.start, labelOf(p.key), p.requests, p.failures, p.inputTokens, p.outputTokens, p.costUsd]);
    download(
      `switchyard-cost-series-${interval.toLowerCase()}-${from}-to-${to}.csv`,
      toCsv(['start_utc', 'group', 'requests', 'errors', 'input_tokens', 'output_tokens', 'cost_usd'], rows),
    );
  };

  return (
    <>
      <Panel title="Costs">
        {/* The range in force, for a reader comparing with the costs query. */}
        <span hidden data-testid="cost-range" data-since={filter.since} data-until={filter.until} />
        <div className="toolbar">
          <label className="inline">
            From <input type="date" name="from" value={from} max={to} onChange={(e) => setFrom(e.target.value)} />
          </label>
          <label className="inline">
            to <input type="date" name="to" value={to} min={from} onChange={(e) => setTo(e.target.value)} />
          </label>
          <span className="presets">
            <button
              type="button"
              className="secondary"
              onClick={() => {
                setFrom(daysAgo(0));
                setTo(daysAgo(0));
              }}
            >
              Today
            </button>
            <button
              type="button"
              className="secondary"
              onClick={() => {
                setFrom(daysAgo(6));
                setTo(daysAgo(0));
              }}
            >
              7 days
            </button>
            <button
              type="button"
              className="secondary"
              onClick={() => {
                setFrom(daysAgo(29));
                setTo(daysAgo(0));
              }}
            >
              30 days
            </button>
          </span>
          <label className="inline">
            by{' '}
            <select name="groupBy" value={groupBy} onChange={(e) => setGroupBy(e.target.value as CostGroupBy)}>
              {GROUPS.filter((g) => !g.adminOnly || isAdmin).map((g) => (
                <option key={g.value} value={g.value}>
                  {g.label}
                </option>
              ))}
            </select>
          </label>
          <span className="live-note sub" data-testid="live-note">
            live{lastUpdate ? ` · last generation ${when(lastUpdate)}` : ''}
          </span>
        </div>
        {badRange ? <p className="error">Choose two dates, the second on or after the first.</p> : null}
        <ErrorLine error={report.error ?? liveError} />
        <div className="cards" data-testid="cost-totals">
          <Card label="Spend" value={usd(totals?.costUsd)} raw={totals?.costMicroUsd} testId="total-spend" />
          <Card label="Requests" value={integer(totals?.requests)} raw={totals?.requests} testId="total-requests" />
          <Card label="Errors" value={integer(totals?.failures)} raw={totals?.failures} testId="total-errors" />
          <Card label="Input tokens" value={integer(totals?.inputTokens)} raw={totals?.inputTokens} testId="total-input" />
          <Card label="Output tokens" value={integer(totals?.outputTokens)} raw={totals?.outputTokens} testId="total-output" />
          <Card
            label={`Saved (${integer(totals?.cachedRequests)} cached)`}
            value={usd(totals?.savedUsd)}
            raw={totals?.cachedRequests}
            testId="total-saved"
          />
        </div>
      </Panel>
      <Panel
        title={`${METRICS[metric].label} per ${interval === 'HOUR' ? 'hour' : 'day'}`}
        actions={
          <span className="segmented">
            {(Object.keys(METRICS) as Metric[]).map((m) => (
              <button key={m} type="button" className={m === metric ? 'active' : 'secondary'} onClick={() => setMetric(m)}>
                {m}
              </button>
            ))}
          </span>
        }
      >
        {chart ? <TimeChart times={chart.times} series={chart.series} format={METRICS[metric].format} /> : null}
        {chart && chart.series.length === 0 ? <p className="empty">No requests in this range.</p> : null}
      </Panel>
      <Panel
        title={`By ${GROUPS.find((g) => g.value === groupBy)?.label}`}
        actions={
          <>
            <button type="button" className="secondary" onClick={exportTable} disabled={!data}>
              Export CSV
            </button>
            <button type="button" className="secondary" onClick={exportSeries} disabled={!data}>
              Export series CSV
            </button>
          </>
        }
      >
        <table className="grid" data-testid="cost-table">
          <thead>
            <tr>
              <th>{GROUPS.find((g) => g.value === groupBy)?.label}</th>
              <th className="num">Requests</th>
              <th className="num">Errors</th>
              <th className="num">Input tokens</th>
              <th className="num">Output tokens</th>
              <th className="num">Spend</th>
              <th className="num" title="What the response cache saved: the cost of the answers its hits replayed">
                Saved
              </th>
            </tr>
          </thead>
          <tbody>
            {(data?.costs.groups ?? []).map((g) => (
              <tr key={g.key ?? '(none)'} data-key={g.key ?? ''}>
                <td>{labelOf(g.key)}</td>
                <td className="num">{integer(g.requests)}</td>
                <td className="num">{integer(g.failures)}</td>
                <td className="num">{integer(g.inputTokens)}</td>
                <td className="num">{integer(g.outputTokens)}</td>
                <td className="num">{usd(g.costUsd)}</td>
                <td className="num" title={`${g.cachedRequests} cached`}>
                  {usd(g.savedUsd)}
                </td>
              </tr>
            ))}
          </tbody>
          {totals ? (
            <tfoot>
              <tr>
                <td>Total</td>
                <td className="num">{integer(totals.requests)}</td>
                <td className="num">{integer(totals.failures)}</td>
                <td className="num">{integer(totals.inputTokens)}</td>
                <td className="num">{integer(totals.outputTokens)}</td>
                <td className="num">{usd(totals.costUsd)}</td>
                <td className="num">{usd(totals.savedUsd)}</td>
              </tr>
            </tfoot>
          ) : null}
        </table>
      </Panel>
    </>
  );
}

/** A total; `raw` (micro-USD for spend) is kept in data-value for scripts and tests. */
function Card({ label, value, raw, testId }: { label: string; value: string; raw: number | undefined; testId: string }) {
  return (
    <div className="card">
      <div className="sub">{label}</div>
      <div className="value" data-testid={testId} data-value={raw ?? ''}>
        {value}
      </div>
    </div>
  );
}

const OTHERS = '\u0000others';

/**
 * Lines for the chart: every bucket of the range (zeros where nothing ran, so a quiet hour shows
 * as one), one line per group in the order of the report (most expensive first), the groups past
 * MAX_LINES added up as "others".
 */
function chartOf(
  points: readonly Point[],
  order: readonly (string | null)[],
  since: Date,
  until: Date,
  interval: CostInterval,
  metric: Metric,
): { times: number[]; series: ChartSeries[] } {
  const width = BUCKET_MS[interval];
  const first = Math.floor(since.getTime() / width) * width;
  const times: number[] = [];
  for (let t = first; t < until.getTime(); t += width) times.push(t / 1000);
  const shown = order.slice(0, MAX_LINES).map((k) => k ?? '');
  const lines = new Map<string, number[]>(shown.map((k) => [k, times.map(() => 0)]));
  const of = METRICS[metric].of;
  for (const point of points) {
    const at = Math.round((new Date(point.start).getTime() - first) / width);
    if (at < 0 || at >= times.length) continue;
    const key = point.key ?? '';
    const line =
      lines.get(key) ??
      lines.get(OTHERS) ??
      lines
        .set(
          OTHERS,
          times.map(() => 0),
        )
        .get(OTHERS);
    if (line) line[at] = (line[at] ?? 0) + of(point);
  }
  return { times, series: [...lines].map(([label, values]) => ({ label, values })) };
}
