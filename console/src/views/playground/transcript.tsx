import { type RefObject, useEffect } from 'react';
import { usd } from '../../components/format';
import type { ConsoleSessionQuery, PlaygroundGenerationFragment } from '../../gql/graphql';
import type { Turn } from './live-turn';
import { Thinking, Thumbnail, ToolCalls, UsageLine } from './turn-parts';

type StoredMessage = NonNullable<ConsoleSessionQuery['session']>['messages'][number];

/** What this page saw of a stored turn that the stored history does not give back: its images and its reasoning. */
export interface TurnExtras {
  image: string | undefined;
  reasoning: string;
}

/**
 * The session's stored history (each answer with the model that gave it, its tool calls and its
 * usage), then the turn in flight until the stored history has it.
 */
export function Transcript({
  messages,
  generations,
  extras,
  turn,
  list,
}: {
  messages: StoredMessage[];
  generations: Map<string, PlaygroundGenerationFragment>;
  extras: Map<string, TurnExtras>;
  turn: Turn | null;
  list: RefObject<HTMLOListElement | null>;
}) {
  const storedTurnShown =
    turn?.state === 'ended' &&
    turn.generationId !== null &&
    messages.some((m) => m.generationId === turn.generationId && m.role === 'assistant');
  // The transcript has a fixed height (the prompt and the Stop button stay put while text streams in): keep its end in view.
  const growth = `${messages.length}:${turn?.state}:${turn?.text.length}:${turn?.reasoning.length}:${turn?.toolCalls.map((c) => c.arguments.length).join()}`;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the effect reads the DOM; `growth` is what makes the transcript grow
  useEffect(() => {
    if (list.current) list.current.scrollTop = list.current.scrollHeight;
  }, [growth]);

  return (
    <ol className="transcript" data-testid="transcript" ref={list}>
      {messages.map((m, i) => {
        const g = m.generationId ? generations.get(m.generationId) : undefined;
        const extra = m.generationId ? extras.get(m.generationId) : undefined;
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
            {m.role === 'assistant' && extra ? <Thinking text={extra.reasoning} /> : null}
            {m.content ? <div className="text">{m.content}</div> : null}
            {m.role === 'user' && extra?.image ? <Thumbnail src={extra.image} /> : null}
            {m.role === 'assistant' && g ? (
              <>
                <ToolCalls calls={g.toolCalls} />
                <UsageLine generation={g} />
              </>
            ) : null}
          </li>
        );
      })}
      {turn && !storedTurnShown ? <LiveTurn turn={turn} /> : null}
    </ol>
  );
}

function LiveTurn({ turn }: { turn: Turn }) {
  const streaming = turn.state === 'streaming';
  const generation = turn.state === 'ended' ? turn.generation : null;
  return (
    <>
      {turn.sent.map((m, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the messages of a turn never change once sent
        <li key={i} className={`turn ${m.role}`}>
          <div className="who">
            {m.role}
            {m.label ? <span className="sub"> · {m.label}</span> : null}
          </div>
          {m.text ? <div className="text">{m.text}</div> : null}
          {m.image ? <Thumbnail src={m.image} /> : null}
        </li>
      ))}
      <li className="turn assistant live" data-testid="live-turn" data-state={streaming ? 'streaming' : turn.status}>
        <div className="who">
          assistant
          <span className="sub">
            {' '}
            · {turn.model ?? '…'} · <span data-testid="running-cost">{usd(turn.costUsd)}</span>
          </span>
        </div>
        <Thinking text={turn.reasoning} streaming={streaming && !turn.text && !turn.toolCalls.length} />
        {turn.text || (streaming && !turn.toolCalls.length) ? (
          <div className="text">
            <span data-testid="live-text">{turn.text}</span>
            {streaming ? <span className="cursor">▍</span> : null}
          </div>
        ) : null}
        <ToolCalls calls={generation?.toolCalls.length ? generation.toolCalls : turn.toolCalls} streaming={streaming} />
        {turn.state === 'ended' ? (
          <div className="sub" data-testid="turn-outcome">
            {turn.status} · {turn.detail}
          </div>
        ) : null}
        {generation ? <UsageLine generation={generation} /> : null}
      </li>
    </>
  );
}
