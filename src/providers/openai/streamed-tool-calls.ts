import { UpstreamError } from '../../core/errors.js';
import type { ProviderKind } from '../../core/records/model.js';
import type { RawPart } from '../provider-stream.js';
import type { ToolCallFragment } from './openai-wire.js';

/**
 * Turns streamed `delta.tool_calls` fragments into tool-call parts: the first fragment of an
 * index starts the call (its id and name), each `function.arguments` piece is a delta. Calls end
 * with the answer (the runner closes them at finish). Calls are numbered in the order they start.
 *
 * Servers' deviations are read too: Ollama reuses index 0 for every call of a parallel batch (a
 * new id with a name at a known index starts a new call; a new id without one, as some servers
 * send on every fragment, continues it), and a fragment without an index stands at its position
 * in the list (Gemini's compatibility layer sends whole calls without one).
 * @see https://platform.openai.com/docs/guides/function-calling#streaming
 */
export class StreamedToolCalls {
  readonly #kind: ProviderKind;
  /** The call each vendor index stands for now: our index and the call's id. */
  readonly #calls = new Map<number, { readonly index: number; readonly id: string }>();
  #started = 0;

  constructor(kind: ProviderKind) {
    this.#kind = kind;
  }

  /** Appends to `out` the parts these fragments make. */
  read(fragments: readonly ToolCallFragment[], out: RawPart[]): void {
    for (let position = 0; position < fragments.length; position++) {
      const fragment = fragments[position];
      if (!fragment) continue;
      const vendorIndex = fragment.index ?? position;
      let call = this.#calls.get(vendorIndex);
      const name = fragment.function?.name;
      if (!call || (name && fragment.id && fragment.id !== call.id)) {
        if (!name)
          throw new UpstreamError(`${this.#kind} sent a tool call without a function name`, {
            reason: 'malformed',
            retryable: false,
            provider: this.#kind,
          });
        call = { index: this.#started++, id: fragment.id || `call_${vendorIndex}` };
        this.#calls.set(vendorIndex, call);
        out.push({ type: 'tool-call-start', index: call.index, id: call.id, name });
      }
      const argumentsDelta = fragment.function?.arguments;
      if (argumentsDelta) out.push({ type: 'tool-call-delta', index: call.index, argumentsDelta });
    }
  }
}
