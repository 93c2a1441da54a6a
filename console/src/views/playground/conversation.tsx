import { type FormEvent, useEffect, useRef, useState } from 'react';
import { describeError, type RequestError } from '../../api/errors';
import { useQuery, useSession, useSubscription } from '../../api/hooks';
import { usd } from '../../components/format';
import { ErrorLine, Panel } from '../../components/ui';
import { GenerateStreamDocument, GenerationOutcomeDocument, SessionDocument, SessionTurnsDocument } from './playground-documents';

type Turn =
  | { state: 'streaming'; prompt: string; generationId: string | null; model: string | null; text: string; costUsd: number }
  | {
      state: 'ended';
      prompt: string;
      generationId: string | null;
      model: string | null;
      text: string;
      costUsd: number;
      status: string;
      detail: string;
    };

/**
 * The session's history (each answer with the model that gave it) and a prompt box. An answer
 * streams over graphql-ws with its running cost; Stop closes the subscription, which the gateway
 * stores as CANCELLED (shown once the stored record says so).
 */
export function Conversation({ sessionId }: { sessionId: string }) {
  const { client } = useSession();
  const history = useQuery(SessionDocument, { id: sessionId });
  const [prompt, setPrompt] = useState('');
  const [turn, setTurn] = useState<Turn | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const stop = useRef<(() => void) | null>(null);
  useEffect(() => () => stop.current?.(), []);
  // The transcript has a fixed height (the prompt and the Stop button stay put while text streams in): keep its end in view.
  const transcript = useRef<HTMLOListElement>(null);
  const messageCount = history.data?.session?.messages.length ?? 0;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the effect reads the DOM; its dependencies are what makes the transcript grow
  useEffect(() => {
    const list = transcript.current;
    if (list) list.scrollTop = list.scrollHeight;
  }, [turn?.text, turn?.state, messageCount]);

  // A turn stored by another tab or client on this session shows here too.
  useSubscription(SessionTurnsDocument, {}, ({ usageUpdated }) => {
    if (usageUpdated.sessionId === sessionId && usageUpdated.status === 'SUCCEEDED') history.refetch();
  });

  const modelOf = new Map((history.data?.generations.edges ?? []).map(({ node }) => [node.id, node]));
  const messages = history.data?.session?.messages ?? [];

  const send = (event: FormEvent) => {
    event.preventDefault();
    const text = prompt.trim();
    if (!text || turn?.state === 'streaming' || (turn?.state === 'ended' && turn.status === 'STOPPING')) return;
    setError(null);
    setPrompt('');
    setTurn({ state: 'streaming', prompt: text, generationId: null, model: null, text: '', costUsd: 0 });
    const end = (status: string, detail: string, changes: Partial<Turn> = {}) => {
      stop.current = null;
      setTurn((t) => (t ? { ...t, ...changes, state: 'ended', status, detail } : t));
      history.refetch();
    };
    stop.current = client.subscribeOnce(
      GenerateStreamDocument,
      { input: { sessionId, prompt: text } },
      {
        next: ({ generateStream: event }) => {
          if (event.__typename === 'GenerationStarted')
            setTurn((t) => (t ? { ...t, generationId: event.generationId, model: event.model.id } : t));
          else if (event.__typename === 'TokenDelta') setTurn((t) => (t ? { ...t, text: t.text + event.text, costUsd: event.costUsd } : t));
          else if (event.__typename === 'GenerationCompleted') {
            const g = event.generation;
            end(
              g.status,
              `${g.finishReason?.toLowerCase() ?? ''} · ${g.usage.inputTokens} in / ${g.usage.outputTokens} out · ${g.latencyMs} ms`,
              { costUsd: g.costUsd, model: g.modelId },
            );
          } else if (event.__typename === 'GenerationFailed')
            end('FAILED', `${event.code}: ${event.message}`, { costUsd: event.generation.costUsd });
        },
        error: (e: RequestError) => {
          setError(e);
          end('FAILED', describeError(e));
        },
      },
    );
  };

  const cancel = async () => {
    stop.current?.();
    stop.current = null;
    const id = turn?.generationId ?? null;
    // Only this turn's entry is updated: a newer turn started meanwhile is left alone.
    const update = (changes: Partial<Extract<Turn, { state: 'ended' }>>) =>
      setTurn((t) => (t && t.generationId === id ? ({ ...t, state: 'ended', status: 'CANCELLED', detail: '', ...changes } as Turn) : t));
    if (!id) {
      update({ status: 'CANCELLED', detail: 'stopped before the answer started' });
      history.refetch();
      return;
    }
    update({ status: 'STOPPING', detail: 'stopped; waiting for the stored record…' });
    // The gateway stores the cancelled generation as the upstream call winds down: read it back.
    for (let wait = 50; wait < 5_000; wait *= 2) {
      const stored = (await client.request(GenerationOutcomeDocument, { id }).catch(() => null))?.generation;
      if (stored) {
        update({
          status: stored.status,
          costUsd: stored.costUsd,
          detail: `stored ${stored.status} · ${stored.usage.outputTokens} tokens billed`,
        });
        history.refetch();
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
    update({ status: 'CANCELLED', detail: 'stopped (the stored record was not readable yet)' });
  };

  const storedTurnShown =
    turn?.state === 'ended' &&
    turn.generationId !== null &&
    messages.some((m) => m.generationId === turn.generationId && m.role === 'assistant');
  return (
    <Panel title="Conversation">
      <ErrorLine error={history.error} />
      <ol className="transcript" data-testid="transcript" ref={transcript}>
        {messages.map((m, i) => {
          const g = m.generationId ? modelOf.get(m.generationId) : undefined;
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: a stored message has no id, and the transcript only grows at its end
            <li key={`${i}-${m.createdAt}`} className={`turn ${m.role}`}>
              <div className="who">
                {m.role}
                {m.role === 'assistant' && g ? (
                  <span className="sub">
                    {' '}
                    · {g.modelId} · {usd(g.costUsd)}
                  </span>
                ) : null}
              </div>
              <div className="text">{m.content}</div>
            </li>
          );
        })}
        {turn && !storedTurnShown ? (
          <>
            <li className="turn user">
              <div className="who">user</div>
              <div className="text">{turn.prompt}</div>
            </li>
            <li className="turn assistant live" data-testid="live-turn" data-state={turn.state === 'streaming' ? 'streaming' : turn.status}>
              <div className="who">
                assistant
                <span className="sub">
                  {' '}
                  · {turn.model ?? '…'} · <span data-testid="running-cost">{usd(turn.costUsd)}</span>
                </span>
              </div>
              <div className="text">
                <span data-testid="live-text">{turn.text}</span>
                {turn.state === 'streaming' ? <span className="cursor">▍</span> : null}
              </div>
              {turn.state === 'ended' ? (
                <div className="sub" data-testid="turn-outcome">
                  {turn.status} · {turn.detail}
                </div>
              ) : null}
            </li>
          </>
        ) : null}
      </ol>
      <form className="prompt" onSubmit={send}>
        <textarea
          name="prompt"
          rows={3}
          value={prompt}
          placeholder="Ask something (Enter sends, Shift+Enter for a new line)"
          onChange={(e) => setPrompt(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey) send(e);
          }}
        />
        {turn?.state === 'streaming' ? (
          <button key="stop" type="button" className="danger" onClick={cancel}>
            Stop
          </button>
        ) : (
          <button key="send" type="submit" disabled={!prompt.trim() || (turn?.state === 'ended' && turn.status === 'STOPPING')}>
            Send
          </button>
        )}
      </form>
      <ErrorLine error={error} />
    </Panel>
  );
}
