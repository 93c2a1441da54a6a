import { useEffect, useState } from 'react';
import { ModelChoicesDocument } from '../../api/documents';
import { useQuery, useSession } from '../../api/hooks';
import { integer, ms, usd, when } from '../../components/format';
import { Badge, ErrorLine, Panel } from '../../components/ui';
import type { GenerationStatus, RequestRowFragment } from '../../gql/graphql';
import { hashParam, setHashParam } from '../../routes';
import { KeyNamesDocument } from '../costs/cost-documents';
import { RequestDetail } from './request-detail';
import { StatusBadge } from './status-badge';
import { NO_FILTERS, RANGES, type RangePreset, type RequestFilters, toGenerationFilter } from './request-filters';
import { MAX_ROWS, useRequestList } from './use-request-list';

const STATUSES: GenerationStatus[] = ['SUCCEEDED', 'FAILED', 'CANCELLED'];

/**
 * Requests: the stored generations, newest first, live (each one stored appears on top), under
 * filters (model, key, session, status, text searched in the logged request and answer, time
 * range); one opened (`#/requests?id=…`) shows all the
 * gateway kept of it.
 */
export function RequestsView() {
  const { isAdmin } = useSession();
  const [filters, setFilters] = useState<RequestFilters>(() => ({ ...NO_FILTERS, sessionId: hashParam('session') ?? '' }));
  const [openId, setOpenId] = useState<string | null>(() => hashParam('id'));
  // A preset range ("last hour") is fixed when the filters change, and moves on with a reload.
  const [now, setNow] = useState(() => Date.now());
  const parsed = toGenerationFilter(filters, now);
  const filter = 'filter' in parsed ? parsed.filter : null;
  const list = useRequestList(filters, filter, true);
  const models = useQuery(ModelChoicesDocument, {});
  const keys = useQuery(KeyNamesDocument, {}, { skip: !isAdmin });
  const set = (patch: Partial<RequestFilters>) => {
    setNow(Date.now());
    setFilters((f) => ({ ...f, ...patch }));
  };
  // The search is sent once typing pauses.
  const [searchText, setSearchText] = useState('');
  useEffect(() => {
    if (searchText === filters.search) return;
    const timer = window.setTimeout(() => {
      setNow(Date.now());
      setFilters((f) => ({ ...f, search: searchText }));
    }, 300);
    return () => window.clearTimeout(timer);
  }, [searchText, filters.search]);
  const open = (id: string | null) => {
    setOpenId(id);
    setHashParam('id', id);
  };
  useEffect(() => {
    const follow = () => setOpenId(hashParam('id'));
    addEventListener('hashchange', follow);
    return () => removeEventListener('hashchange', follow);
  }, []);

  return (
    <>
      {openId ? <RequestDetail id={openId} onClose={() => open(null)} /> : null}
      <Panel title="Requests">
        <div className="toolbar" data-testid="request-filters">
          <select name="model" value={filters.modelId} onChange={(e) => set({ modelId: e.target.value })} aria-label="Model">
            <option value="">every model</option>
            {(models.data?.models ?? []).map((m) => (
              <option key={m.id} value={m.id}>
                {m.id}
              </option>
            ))}
          </select>
          {isAdmin ? (
            <select name="key" value={filters.apiKeyId} onChange={(e) => set({ apiKeyId: e.target.value })} aria-label="API key">
              <option value="">every key</option>
              {(keys.data?.apiKeys ?? []).map((k) => (
                <option key={k.id} value={k.id}>
                  {k.name}
                </option>
              ))}
            </select>
          ) : null}
          <select
            name="status"
            value={filters.status}
            onChange={(e) => set({ status: e.target.value as GenerationStatus | '' })}
            aria-label="Status"
          >
            <option value="">every status</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {s.toLowerCase()}
              </option>
            ))}
          </select>
          <input
            name="session"
            placeholder="session id"
            value={filters.sessionId}
            onChange={(e) => set({ sessionId: e.target.value })}
            aria-label="Session"
          />
          <input
            name="search"
            type="search"
            placeholder="search request and answer"
            maxLength={200}
            value={searchText}
            onChange={(e) => setSearchText(e.target.value)}
            aria-label="Search"
          />
          <select
            name="range"
            value={filters.range}
            onChange={(e) => set({ range: e.target.value as RangePreset })}
            aria-label="Time range"
          >
            {RANGES.map((r) => (
              <option key={r.value} value={r.value}>
                {r.label}
              </option>
            ))}
          </select>
          {filters.range === 'custom' ? (
            <>
              <input
                type="datetime-local"
                name="from"
                value={filters.from}
                onChange={(e) => set({ from: e.target.value })}
                aria-label="From"
              />
              <input type="datetime-local" name="to" value={filters.to} onChange={(e) => set({ to: e.target.value })} aria-label="To" />
            </>
          ) : null}
          <button
            type="button"
            className="secondary"
            onClick={() => {
              setSearchText('');
              set({ ...NO_FILTERS });
            }}
          >
            Clear
          </button>
          <span className="live-note sub" data-testid="requests-live">
            {list.older ? 'older page · not live' : 'live'} · {list.rows.length} shown
          </span>
        </div>
        {'problem' in parsed ? <p className="error">{parsed.problem}</p> : null}
        <ErrorLine error={list.error ?? models.error} />
        <table className="grid requests" data-testid="requests-table">
          <thead>
            <tr>
              <th>Time</th>
              <th>Status</th>
              <th>Model</th>
              {isAdmin ? <th>Key</th> : null}
              <th>Session</th>
              <th className="num">Tokens in / out</th>
              <th className="num">Cost</th>
              <th className="num">Latency</th>
              <th>Cache</th>
            </tr>
          </thead>
          <tbody>
            {list.rows.map(({ row, live }) => (
              <RequestRow key={row.id} row={row} live={live} isAdmin={isAdmin} selected={row.id === openId} onOpen={() => open(row.id)} />
            ))}
          </tbody>
        </table>
        {!list.loading && list.rows.length === 0 && filter ? (
          <p className="empty">
            No requests under these filters.
            {filters.search ? ' The search reads only what the request log kept: the answer, and the request in mode full.' : ''}
          </p>
        ) : null}
        <div className="list-footer">
          {list.older ? (
            <button type="button" className="secondary" onClick={list.reload}>
              Back to the newest
            </button>
          ) : null}
          {list.hasMore ? (
            <button type="button" className="secondary" onClick={list.loadMore} disabled={list.loading}>
              {list.rows.length >= MAX_ROWS ? 'Older requests' : 'Load more'}
            </button>
          ) : null}
          {list.loading ? <span className="sub">loading…</span> : null}
        </div>
      </Panel>
    </>
  );
}

function RequestRow({
  row,
  live,
  isAdmin,
  selected,
  onOpen,
}: {
  row: RequestRowFragment;
  live: boolean;
  isAdmin: boolean;
  selected: boolean;
  onOpen(): void;
}) {
  return (
    <tr data-request={row.id} data-live={live ? 'true' : undefined} className={selected ? 'selected' : undefined}>
      <td>
        <button type="button" className="link" onClick={onOpen}>
          {when(row.createdAt)}
        </button>
        {row.stream ? <div className="sub">stream</div> : null}
      </td>
      <td>
        <StatusBadge status={row.status} />
        {row.errorCode ? <div className="sub">{row.errorCode}</div> : null}
      </td>
      <td>
        {row.modelId}
        {row.poolName ? <div className="sub">pool {row.poolName}</div> : null}
      </td>
      {isAdmin ? <td>{row.apiKey?.name ?? <span className="sub">no key</span>}</td> : null}
      <td>{row.sessionId ? <code title={row.sessionId}>{row.sessionId.slice(0, 8)}…</code> : <span className="sub">—</span>}</td>
      <td className="num">
        {integer(row.usage.inputTokens)} / {integer(row.usage.outputTokens)}
      </td>
      <td className="num">{usd(row.costUsd)}</td>
      <td className="num">{ms(row.latencyMs)}</td>
      <td>{row.cached ? <Badge tone="info">hit</Badge> : <span className="sub">—</span>}</td>
    </tr>
  );
}
