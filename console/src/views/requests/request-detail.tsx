import { type ReactNode, useEffect, useRef } from 'react';
import { useQuery } from '../../api/hooks';
import { integer, ms, usd, when } from '../../components/format';
import { Badge, ErrorLine, Panel } from '../../components/ui';
import type { ConsoleRequestQuery } from '../../gql/graphql';
import { RequestDetailDocument as Detail } from './request-documents';
import { StatusBadge } from './status-badge';

type Generation = NonNullable<ConsoleRequestQuery['generation']>;
type ToolCall = Generation['toolCalls'][number];

/**
 * One request, all the gateway kept of it: who, which model and how it went (facts), cost and
 * latency, usage, the attempts, the messages sent (when the request log kept them) and the answer.
 */
export function RequestDetail({ id, onClose }: { id: string; onClose(): void }) {
  const detail = useQuery(Detail, { id });
  const top = useRef<HTMLDivElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: scrolled to each time another request opens
  useEffect(() => {
    // A block body: scrollIntoView returns a promise in recent browsers, which React would take for a cleanup.
    top.current?.scrollIntoView({ block: 'start' });
  }, [id]);
  const g = detail.data?.generation;
  return (
    <div ref={top} data-testid="request-detail" data-request={id}>
      <Panel
        title={`Request ${id}`}
        actions={
          <>
            {g?.sessionId ? (
              <a className="button-link" href={`#/playground?session=${encodeURIComponent(g.sessionId)}`}>
                Open its session
              </a>
            ) : null}
            <button type="button" className="secondary" onClick={onClose}>
              Close
            </button>
          </>
        }
      >
        <ErrorLine error={detail.error} />
        {detail.data && !g ? <p className="empty">No request {id} (or not one this key may see).</p> : null}
        {g ? <Body g={g} /> : null}
      </Panel>
    </div>
  );
}

function Body({ g }: { g: Generation }) {
  const total = new Date(g.completedAt).getTime() - new Date(g.createdAt).getTime();
  const admission = Math.max(0, total - g.latencyMs);
  return (
    <div className="request-body">
      <section className="request-summary">
        <dl className="facts" data-testid="request-facts">
          <dt>Status</dt>
          <dd>
            <StatusBadge status={g.status} /> {g.finishReason ? <span className="sub">finish {g.finishReason}</span> : null}
          </dd>
          {g.errorCode || g.errorMessage ? (
            <>
              <dt>Error</dt>
              <dd className="error" data-testid="request-error">
                {g.errorCode}
                {g.errorMessage ? `: ${g.errorMessage}` : ''}
              </dd>
            </>
          ) : null}
          <dt>Model</dt>
          <dd>
            {g.modelId}{' '}
            <span className="sub">
              ({g.provider.toLowerCase()}, upstream {g.upstreamModel})
            </span>
            {g.poolName ? <div className="sub">asked for pool {g.poolName}</div> : null}
          </dd>
          <dt>Key</dt>
          <dd>{g.apiKey ? g.apiKey.name : <span className="sub">none (local mode)</span>}</dd>
          <dt>Session</dt>
          <dd>{g.sessionId ? <code>{g.sessionId}</code> : <span className="sub">none</span>}</dd>
          <dt>Created</dt>
          <dd>
            {when(g.createdAt)} <span className="sub">completed {when(g.completedAt)}</span>
          </dd>
          <dt>Delivery</dt>
          <dd>
            {g.stream ? 'streamed' : 'whole answer'} · max {integer(g.maxTokens)} output tokens
            {g.droppedMessages ? ` · ${g.droppedMessages} history messages left out` : ''}
          </dd>
          <dt>Response cache</dt>
          <dd data-testid="request-cache">{g.cached ? <Badge tone="info">hit</Badge> : 'not served from the cache'}</dd>
          <dt>Request id</dt>
          <dd>{g.requestId ? <code>{g.requestId}</code> : <span className="sub">—</span>}</dd>
          <dt>Trace id</dt>
          <dd data-testid="request-trace">{g.traceId ? <code>{g.traceId}</code> : <span className="sub">none (tracing off)</span>}</dd>
        </dl>
        <div className="cards request-cards">
          <Figure label="Cost" value={usd(g.costUsd)} testId="request-cost" raw={g.costMicroUsd}>
            {g.cached ? <div className="sub">saved {usd(g.savedUsd)}</div> : null}
          </Figure>
          <Figure label="Admission" value={`≈ ${ms(admission)}`} testId="request-admission" raw={admission}>
            <div className="sub">(completed − created) − latency</div>
          </Figure>
          <Figure label="First token" value={ms(g.timeToFirstTokenMs)} testId="request-ttft" raw={g.timeToFirstTokenMs} />
          <Figure label="Latency" value={ms(g.latencyMs)} testId="request-latency" raw={g.latencyMs}>
            <div className="sub">total {ms(total)}</div>
          </Figure>
        </div>
      </section>

      <h3>Usage</h3>
      <table className="grid compact" data-testid="request-usage">
        <thead>
          <tr>
            <th className="num">Input</th>
            <th className="num">of it cached</th>
            <th className="num">of it cache write</th>
            <th className="num">Output</th>
            <th className="num">of it reasoning</th>
            <th className="num">Total</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td className="num">{integer(g.usage.inputTokens)}</td>
            <td className="num">{integer(g.usage.cachedInputTokens)}</td>
            <td className="num">{integer(g.usage.cacheWriteTokens)}</td>
            <td className="num">{integer(g.usage.outputTokens)}</td>
            <td className="num">{integer(g.usage.reasoningTokens)}</td>
            <td className="num">
              {integer(g.usage.totalTokens)}
              {g.usage.estimated ? <div className="sub">estimated (cl100k_base)</div> : null}
            </td>
          </tr>
        </tbody>
      </table>

      <h3>Attempts</h3>
      {g.attempts.length === 0 ? (
        <p className="sub">None: nothing was sent upstream{g.cached ? ' (a cache hit)' : ''}.</p>
      ) : (
        <table className="grid compact" data-testid="request-attempts">
          <thead>
            <tr>
              <th>#</th>
              <th>Model</th>
              <th>Outcome</th>
              <th>Error</th>
              <th className="num">Waited</th>
              <th className="num">Took</th>
            </tr>
          </thead>
          <tbody>
            {g.attempts.map((a, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: attempts are an ordered log, never reordered
              <tr key={i}>
                <td>{i + 1}</td>
                <td>
                  {a.modelId} <span className="sub">{a.provider.toLowerCase()}</span>
                </td>
                <td>
                  <StatusBadge status={a.outcome} />
                </td>
                <td>
                  {a.errorCode ?? '—'}
                  {a.httpStatus ? <span className="sub"> HTTP {a.httpStatus}</span> : null}
                </td>
                <td className="num">{ms(a.delayMs)}</td>
                <td className="num">{ms(a.durationMs)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h3>Messages</h3>
      <Messages g={g} />

      <h3>Answer</h3>
      <div className="turn assistant" data-testid="request-answer">
        <div className="who">
          assistant <span className="sub">{g.modelId}</span>
        </div>
        {g.text ? <div className="text">{g.text}</div> : <div className="sub">no text</div>}
        <ToolCalls calls={g.toolCalls} />
      </div>
    </div>
  );
}

function Messages({ g }: { g: Generation }) {
  const { request } = g;
  const mode = (m: string | null | undefined) => (m ? <code>{m.toLowerCase()}</code> : 'inherits');
  if (!request)
    return (
      <p className="not-logged" data-testid="request-not-logged">
        Not logged: the request log keeps a request's messages, tools and parameters in mode <code>full</code> only. The mode is the key's,
        else the model's, else the gateway's (<code>requestLog.mode</code> in the config) — now{' '}
        {g.apiKey ? (
          <>
            key {g.apiKey.name}: {mode(g.apiKey.requestLog)},{' '}
          </>
        ) : null}
        model {g.modelId}: {mode(g.model?.requestLog)}. Set <code>full</code> on the key (API keys), the model (Models → Edit) or the
        gateway for the requests to come.
      </p>
    );
  return (
    <div className="transcript logged" data-testid="request-messages">
      {request.messages.map((m, i) => (
        <div
          // biome-ignore lint/suspicious/noArrayIndexKey: the messages in the order they were sent
          key={i}
          className={`turn ${m.role === 'assistant' ? 'assistant' : m.role === 'user' ? 'user' : m.role === 'tool' ? 'tool' : 'system'}`}
        >
          <div className="who">
            {m.role} {m.toolCallId ? <span className="sub">answers {m.toolCallId}</span> : null}
          </div>
          {m.content ? <div className="text">{m.content}</div> : null}
          {m.parts ? <Json label="content parts" value={m.parts} /> : null}
          <ToolCalls calls={m.toolCalls} />
        </div>
      ))}
      <Json label="parameters" value={request.parameters} open />
      {request.tools ? <Json label="tools" value={request.tools} /> : null}
    </div>
  );
}

function ToolCalls({ calls }: { calls: readonly ToolCall[] }) {
  if (calls.length === 0) return null;
  return (
    <ul className="tool-calls">
      {calls.map((c) => (
        <li key={c.id} className="tool-call">
          <strong>{c.name}</strong> <span className="sub">{c.id}</span>
          <pre>{pretty(c.arguments)}</pre>
        </li>
      ))}
    </ul>
  );
}

function Json({ label, value, open = false }: { label: string; value: unknown; open?: boolean }) {
  return (
    <details className="json" open={open}>
      <summary>{label}</summary>
      <pre>{JSON.stringify(value, null, 2)}</pre>
    </details>
  );
}

/** Tool-call arguments indented when they are JSON, as written otherwise. */
function pretty(args: string): string {
  try {
    return JSON.stringify(JSON.parse(args), null, 2);
  } catch {
    return args;
  }
}

function Figure({
  label,
  value,
  raw,
  testId,
  children,
}: {
  label: string;
  value: string;
  raw: number | null | undefined;
  testId: string;
  children?: ReactNode;
}) {
  return (
    <div className="card">
      <div className="sub">{label}</div>
      <div className="value" data-testid={testId} data-value={raw ?? ''}>
        {value}
      </div>
      {children}
    </div>
  );
}
