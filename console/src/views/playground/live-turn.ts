import type { ConsoleGenerateStreamSubscription, PlaygroundGenerationFragment } from '../../gql/graphql';

type StreamEvent = ConsoleGenerateStreamSubscription['generateStream'];

/** A message of the turn as the transcript shows it until the stored history has it. */
export interface SentMessage {
  role: 'system' | 'user' | 'tool';
  text: string;
  /** An attached image (a data URL). */
  image?: string;
  /** A tool result: the name of the call it answers. */
  label?: string;
}

/** A tool call as its fragments arrive: `id` and `name` come with the first one. */
export interface LiveToolCall {
  id: string | null;
  name: string | null;
  arguments: string;
}

interface TurnBody {
  /** Which of this page's turns it is: an event of an older turn changes nothing. */
  serial: number;
  sent: SentMessage[];
  generationId: string | null;
  model: string | null;
  text: string;
  reasoning: string;
  toolCalls: LiveToolCall[];
  /** Null once stored with an unknown cost (a wildcard-served name with no price). */
  costUsd: number | null;
}

/** The turn in flight, or the last one until the stored history shows it. */
export type Turn =
  | ({ state: 'streaming' } & TurnBody)
  | ({ state: 'ended'; status: string; detail: string; generation: PlaygroundGenerationFragment | null } & TurnBody);

export function startTurn(serial: number, sent: SentMessage[]): Turn {
  return { state: 'streaming', serial, sent, generationId: null, model: null, text: '', reasoning: '', toolCalls: [], costUsd: 0 };
}

/** A fragment of tool call `index` joined to what came before it. */
function withToolCallDelta(calls: LiveToolCall[], event: Extract<StreamEvent, { __typename: 'ToolCallDelta' }>): LiveToolCall[] {
  const next = [...calls];
  while (next.length <= event.index) next.push({ id: null, name: null, arguments: '' });
  const call = next[event.index] as LiveToolCall;
  next[event.index] = {
    id: call.id ?? event.id ?? null,
    name: call.name ?? event.name ?? null,
    arguments: call.arguments + event.argumentsDelta,
  };
  return next;
}

/** The turn after one streamed event short of the end (GenerationCompleted and GenerationFailed end it: see useTurn). */
export function applyEvent(turn: Turn, event: StreamEvent): Turn {
  switch (event.__typename) {
    case 'GenerationStarted':
      return { ...turn, generationId: event.generationId, model: event.model.id };
    case 'TokenDelta':
      return { ...turn, text: turn.text + event.text, costUsd: event.costUsd };
    case 'ReasoningDelta':
      return { ...turn, reasoning: turn.reasoning + event.text, costUsd: event.costUsd };
    case 'ToolCallDelta':
      return { ...turn, toolCalls: withToolCallDelta(turn.toolCalls, event), costUsd: event.costUsd };
    default:
      return turn;
  }
}

/** The ended turn, with what the stored record says. */
export function endTurn(
  turn: Turn,
  status: string,
  detail: string,
  changes: Partial<TurnBody & { generation: PlaygroundGenerationFragment }> = {},
): Turn {
  const generation = changes.generation ?? (turn.state === 'ended' ? turn.generation : null);
  return { ...turn, ...changes, state: 'ended', status, detail, generation };
}
