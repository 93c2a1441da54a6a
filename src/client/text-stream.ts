import type { FormattedExecutionResult } from 'graphql-ws';
import { GatewayError, toClientError } from './errors.js';
import type { ClientGenerateStreamSubscription } from './gql/graphql.js';

type StreamResult = FormattedExecutionResult<ClientGenerateStreamSubscription, Record<string, unknown>>;

/** Text deltas as they arrive, with the stored generation at the end. */
export interface TextStream<G> extends AsyncIterable<string> {
  /** Resolves with the stored generation once the stream completes; rejects with a typed error. Awaiting it alone drives the stream. */
  readonly generation: Promise<G>;
  /** Stops the stream: iteration ends, `generation` rejects with code CANCELLED, and the gateway aborts the upstream call and stores the generation CANCELLED. */
  cancel(): Promise<void>;
}

/** What streams besides the text, as it arrives. */
export interface StreamHandlers {
  /** A fragment of tool call `index`: the first carries its id and name, the rest the JSON arguments (joined, the whole). */
  readonly onToolCallDelta?: (delta: { index: number; id: string | null; name: string | null; argumentsDelta: string }) => void;
  /** Reasoning text (the model's thinking), where the vendor streams it. */
  readonly onReasoning?: (text: string) => void;
}

/** Wraps a graphql-ws subscription of `generateStream` into a `TextStream`. */
export function createTextStream<G>(
  open: () => Promise<AsyncIterableIterator<StreamResult>>,
  handlers: StreamHandlers = {},
): TextStream<G> {
  let settle: { resolve: (g: G) => void; reject: (e: unknown) => void } | undefined;
  const generation = new Promise<G>((resolve, reject) => (settle = { resolve, reject }));
  generation.catch(() => undefined); // a caller that only iterates still gets the error from the loop
  let source: AsyncIterableIterator<StreamResult> | undefined;
  let cancelled = false;

  async function* texts(): AsyncGenerator<string> {
    try {
      source = await open();
      for await (const result of source) {
        const error = result.errors?.[0];
        if (error) throw toClientError(error);
        const event = result.data?.generateStream;
        if (!event) continue;
        if (event.__typename === 'TokenDelta') yield event.text;
        else if (event.__typename === 'ToolCallDelta')
          handlers.onToolCallDelta?.({
            index: event.index,
            id: event.id ?? null,
            name: event.name ?? null,
            argumentsDelta: event.argumentsDelta,
          });
        else if (event.__typename === 'ReasoningDelta') handlers.onReasoning?.(event.text);
        else if (event.__typename === 'GenerationCompleted') {
          settle?.resolve(event.generation as G);
          return;
        } else if (event.__typename === 'GenerationFailed') {
          throw toClientError({
            message: event.message,
            extensions: { code: event.code, generationId: event.generation.id, partialText: event.partialText },
          });
        }
      }
      if (!cancelled) throw new GatewayError('the stream ended without a result', 'CLIENT_ERROR');
      settle?.reject(new GatewayError('the stream was cancelled', 'CANCELLED')); // the loop just ends
    } catch (error) {
      settle?.reject(error);
      throw error;
    } finally {
      await source?.return?.();
    }
  }

  const iterator = texts();
  let driven = false;
  return {
    [Symbol.asyncIterator]() {
      driven = true;
      return iterator;
    },
    get generation() {
      if (!driven) {
        driven = true;
        void (async () => {
          for await (const text of iterator) void text;
        })().catch(() => undefined);
      }
      return generation;
    },
    async cancel() {
      cancelled = true;
      await source?.return?.();
    },
  };
}
