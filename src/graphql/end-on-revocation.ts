import { GraphQLError, type ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { closableIterator, isAsyncIterable } from '../util/async-iterable.js';
import type { Context } from './context.js';
import { KEY_REVOKED_MESSAGE } from '../modules/keys/open-operations.js';

/**
 * Ends a subscription's source when `signal` aborts: its iterator is returned (a generateStream
 * stops upstream and is stored CANCELLED) and one last result tells the client why, with code
 * FORBIDDEN. Over SSE the response then completes; over WebSocket the socket closes with 4403 too.
 */
function endOnAbort(source: AsyncIterable<ExecutionResult>, signal: AbortSignal): AsyncIterableIterator<ExecutionResult> {
  const iterator = source[Symbol.asyncIterator]();
  let finished = false;
  const close = async () => {
    if (finished) return;
    finished = true;
    await iterator.return?.();
  };
  const revoked = async (): Promise<IteratorResult<ExecutionResult>> => {
    await close();
    return { done: false, value: { errors: [new GraphQLError(KEY_REVOKED_MESSAGE, { extensions: { code: 'FORBIDDEN' } })] } };
  };
  return closableIterator(async () => {
    if (finished) return { done: true, value: undefined };
    if (signal.aborted) return revoked(); // never start a source (an upstream call) for a revoked key
    // One abort listener per pending next(), removed when it settles: nothing accumulates over a long feed.
    let onAbort!: () => void;
    const aborted = new Promise<'aborted'>((resolve) => {
      onAbort = () => resolve('aborted');
      signal.addEventListener('abort', onAbort, { once: true });
    });
    try {
      const result = await Promise.race([iterator.next(), aborted]);
      return result === 'aborted' ? revoked() : result;
    } finally {
      signal.removeEventListener('abort', onAbort);
    }
  }, close);
}

/**
 * Registers every operation of a caller with an API key in OpenOperations for as long as it runs,
 * so that revoking the key ends it on every transport: a running `generate` is aborted (stored
 * CANCELLED, answered FORBIDDEN), a subscription over SSE or WebSocket ends (see endOnAbort).
 */
export function useEndOnRevocation(): Plugin<Context> {
  /** Registers the operation of a caller with a key; answers its release, or undefined (no key). */
  const track = ({ viewer, revocation, services }: Context) =>
    viewer.keyId === null || !revocation ? undefined : services.openOperations.track(viewer.keyId, revocation);
  return {
    onExecute({ args }) {
      const release = track(args.contextValue);
      return release && { onExecuteDone: release };
    },
    onSubscribe({ args }) {
      const release = track(args.contextValue);
      const revocation = args.contextValue.revocation;
      if (!release || !revocation) return;
      return {
        onSubscribeResult({ result, setResult }) {
          if (!isAsyncIterable<ExecutionResult>(result)) {
            release();
            return;
          }
          setResult(endOnAbort(result, revocation.signal));
          return { onEnd: release };
        },
        onSubscribeError: release,
      };
    },
  };
}
