import { useEffect, useRef, useState } from 'react';
import { describeError, type RequestError } from '../../api/errors';
import { useSession } from '../../api/hooks';
import type { GenerateInput } from '../../gql/graphql';
import { applyEvent, endTurn, type SentMessage, startTurn, type Turn } from './live-turn';
import { GenerateStreamDocument, GenerationOutcomeDocument } from './playground-documents';

export interface TurnControl {
  turn: Turn | null;
  error: RequestError | null;
  /** A turn is streaming, or stopped and waiting for its stored record. */
  busy: boolean;
  start(input: GenerateInput, sent: SentMessage[]): void;
  cancel(): Promise<void>;
}

/**
 * One answer at a time over graphql-ws: its text, reasoning and tool calls as they stream, with
 * the running cost. Stop closes the subscription, which the gateway stores as CANCELLED (shown
 * once the stored record says so). `onEnded` runs once a turn has its outcome.
 */
export function useTurn(onEnded: (turn: Turn) => void): TurnControl {
  const { client } = useSession();
  const [turn, setTurn] = useState<Turn | null>(null);
  const [error, setError] = useState<RequestError | null>(null);
  const current = useRef<Turn | null>(null);
  const stop = useRef<(() => void) | null>(null);
  const ended = useRef(onEnded);
  ended.current = onEnded;
  useEffect(() => () => stop.current?.(), []);

  // Only the turn the change is for is changed: a newer one started meanwhile is left alone.
  const update = (serial: number, change: (t: Turn) => Turn) => {
    if (current.current?.serial !== serial) return;
    const next = change(current.current);
    current.current = next;
    setTurn(next);
    if (next.state === 'ended' && next.status !== 'STOPPING') ended.current(next);
  };

  const start = (input: GenerateInput, sent: SentMessage[]) => {
    const serial = (current.current?.serial ?? 0) + 1;
    setError(null);
    current.current = startTurn(serial, sent);
    setTurn(current.current);
    const end = (f: (t: Turn) => Turn) => {
      stop.current = null;
      update(serial, f);
    };
    stop.current = client.subscribeOnce(
      GenerateStreamDocument,
      { input },
      {
        next: ({ generateStream: event }) => {
          if (event.__typename === 'GenerationCompleted') {
            const g = event.generation;
            end((t) =>
              endTurn(t, g.status, `${g.finishReason?.toLowerCase() ?? ''} · ${g.latencyMs} ms`, {
                generation: g,
                costUsd: g.costUsd,
                model: g.modelId,
              }),
            );
          } else if (event.__typename === 'GenerationFailed')
            end((t) => endTurn(t, 'FAILED', `${event.code}: ${event.message}`, { costUsd: event.generation.costUsd }));
          else update(serial, (t) => applyEvent(t, event));
        },
        error: (e: RequestError) => {
          setError(e);
          end((t) => endTurn(t, 'FAILED', describeError(e)));
        },
      },
    );
  };

  const cancel = async () => {
    stop.current?.();
    stop.current = null;
    if (!current.current) return;
    const { serial, generationId: id } = current.current;
    if (!id) return update(serial, (t) => endTurn(t, 'CANCELLED', 'stopped before the answer started'));
    update(serial, (t) => endTurn(t, 'STOPPING', 'stopped; waiting for the stored record…'));
    // The gateway stores the cancelled generation as the upstream call winds down: read it back.
    for (let wait = 50; wait < 5_000; wait *= 2) {
      const stored = (await client.request(GenerationOutcomeDocument, { id }).catch(() => null))?.generation;
      if (stored) {
        const detail = `stored ${stored.status} · ${stored.usage.outputTokens} tokens billed`;
        return update(serial, (t) => endTurn(t, stored.status, detail, { generation: stored, costUsd: stored.costUsd }));
      }
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
    update(serial, (t) => endTurn(t, 'CANCELLED', 'stopped (the stored record was not readable yet)'));
  };

  const busy = turn?.state === 'streaming' || (turn?.state === 'ended' && turn.status === 'STOPPING');
  return { turn, error, busy, start, cancel };
}
