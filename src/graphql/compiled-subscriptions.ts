import { createSourceEventStream, type DocumentNode, execute, type ExecutionArgs, type ExecutionResult } from 'graphql';
import { type CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';
import type { Plugin } from 'graphql-yoga';
import { closableIterator, isAsyncIterable } from '../util/async-iterable.js';

/** A document's state: seen once (run by graphql-js), compiled, or not compilable (run by graphql-js). */
type Compiled = CompiledQuery | 'seen once' | 'not compiled';

/**
 * Maps each value of `source` through `map`, closing `source` when the mapped iterator is closed.
 * What graphql-js's subscribe does with each event, as a hand-written iterator.
 */
function mapEvents<T, R>(source: AsyncIterable<T>, map: (value: T) => R | Promise<R>): AsyncIterableIterator<R> {
  const iterator = source[Symbol.asyncIterator]();
  const close = async () => {
    await iterator.return?.();
  };
  return closableIterator<R>(async () => {
    const next = await iterator.next();
    if (next.done) return { done: true, value: undefined };
    try {
      return { done: false, value: (await map(next.value)) as R };
    } catch (error) {
      await close().catch(() => undefined);
      throw error;
    }
  }, close);
}

/**
 * Subscriptions whose events are executed by a compiled function. graphql-js's `subscribe`
 * executes the operation's selection for every event, re-reading the root field's arguments each
 * time (a stream's deltas, a feed's events); here the source stream is still made by graphql-js
 * (`createSourceEventStream`: arguments, variables and the subscribe resolver exactly as before),
 * and each event is executed by the operation compiled once per document with graphql-jit, the
 * event as root value — what graphql-js does with `execute`. A document is compiled the second
 * time it is used (the first subscription runs on graphql-js); one graphql-jit cannot compile is
 * executed by graphql-js (and reported through `onCompileError`).
 * test/graphql/compiled-subscriptions.test.ts checks the results equal graphql-js's.
 */
export function useCompiledSubscriptions(onCompileError: (error: unknown) => void): Plugin {
  const compiled = new WeakMap<DocumentNode, Map<string | undefined, Compiled>>();
  const compiledFor = (args: ExecutionArgs): Compiled => {
    const name = args.operationName ?? undefined;
    let byName = compiled.get(args.document);
    if (!byName) {
      byName = new Map();
      compiled.set(args.document, byName);
    }
    let entry = byName.get(name);
    // A document is compiled the second time it is subscribed with: a one-off document (or a caller
    // sending a new one each time) costs no compilation.
    if (entry === undefined) {
      entry = 'seen once';
      byName.set(name, entry);
    } else if (entry === 'seen once') {
      let result: CompiledQuery | ExecutionResult | undefined;
      try {
        result = compileQuery(args.schema, args.document, name);
      } catch (error) {
        onCompileError(error);
      }
      if (result && isCompiledQuery(result)) entry = result;
      else {
        if (result) onCompileError((result as ExecutionResult).errors);
        entry = 'not compiled';
      }
      byName.set(name, entry);
    }
    return entry;
  };

  return {
    onSubscribe({ setSubscribeFn }) {
      setSubscribeFn(async (args: ExecutionArgs) => {
        const source = await createSourceEventStream(args);
        if (!isAsyncIterable(source)) return source;
        const query = compiledFor(args);
        const run =
          typeof query === 'string'
            ? (event: unknown) => execute({ ...args, rootValue: event }) as ExecutionResult | Promise<ExecutionResult>
            : (event: unknown) => query.query(event, args.contextValue, args.variableValues);
        return mapEvents(source as AsyncIterable<unknown>, run);
      });
    },
  };
}
