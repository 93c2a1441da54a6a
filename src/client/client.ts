import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { type Client as WsClient, createClient } from 'graphql-ws';
import { GatewayError, toClientError } from './errors.js';
import type {
  ClientGenerationFragment,
  ClientModelSwitchedSubscription,
  ContentPartInput,
  GenerationParamsInput,
  MessageRole,
  ReasoningEffort,
  ResponseFormatInput,
  ToolChoiceInput,
  ToolInput,
} from './gql/graphql.js';
import {
  CreateSessionDoc,
  GenerateDoc,
  GenerateStreamDoc,
  ModelsDoc,
  ModelSwitchedDoc,
  SessionStateDoc,
  SetModelPoolDoc,
  SwitchModelDoc,
} from './operations.js';
import { createTextStream, type StreamHandlers, type TextStream } from './text-stream.js';

export type Generation = ClientGenerationFragment;
export type GenerationParams = GenerationParamsInput;

/** A tool call an answer made (Generation.toolCalls), to send back with an assistant message. */
export interface ToolCall {
  readonly id: string;
  readonly name: string;
  /** The JSON arguments as the model wrote them. */
  readonly arguments: string;
}

/**
 * One message: text `content`, or (user messages) `parts` — text, `imageUrl: { url, detail }`
 * (an https URL or a base64 data URL), `inputAudio`, `file`; an assistant message may carry the
 * `toolCalls` it made, and a `tool` message answers one (`toolCallId`).
 */
export type Message =
  | { readonly role: 'system' | 'developer' | 'user' | 'assistant'; readonly content: string; readonly toolCalls?: readonly ToolCall[] }
  | { readonly role: 'user'; readonly parts: readonly ContentPartInput[] }
  | { readonly role: 'assistant'; readonly toolCalls: readonly ToolCall[]; readonly content?: string }
  | { readonly role: 'tool'; readonly toolCallId: string; readonly content: string };

export type { ContentPartInput, ResponseFormatInput, ToolChoiceInput, ToolInput };

export interface SwitchyardClientOptions {
  /** The GraphQL endpoint, e.g. `http://127.0.0.1:4000/graphql` (WebSocket: the same URL with ws:). */
  readonly url: string;
  /** An API key; omit it in local mode. */
  readonly apiKey?: string;
  /** A WebSocket implementation; defaults to the global one, else the `ws` package (Node 20). */
  readonly webSocketImpl?: unknown;
  /** A fetch implementation; defaults to the global one. */
  readonly fetch?: typeof fetch;
}

export interface GenerateOptions {
  /** A model for this request only; else the session's model; else the server's default. */
  readonly model?: string;
  readonly params?: GenerationParams;
  /** Most USD this request may cost. */
  readonly costLimit?: number;
  /** The session to continue; defaults to the one `setModel` made. `null`: no session. */
  readonly sessionId?: string | null;
  /** Functions the model may call (`parameters`: a JSON Schema); its calls are `Generation.toolCalls`. */
  readonly tools?: readonly ToolInput[];
  /** `{ mode: 'AUTO' | 'NONE' | 'REQUIRED' }` or `{ name }` of one tool. */
  readonly toolChoice?: ToolChoiceInput;
  readonly parallelToolCalls?: boolean;
  /** `{ type: 'JSON_SCHEMA', schema }` for an answer of that schema, `{ type: 'JSON_OBJECT' }` for any JSON object. */
  readonly responseFormat?: ResponseFormatInput;
  /** OpenAI reasoning models. */
  readonly reasoningEffort?: ReasoningEffort;
  /** Anthropic extended thinking: the most tokens the model may think with. */
  readonly reasoningBudgetTokens?: number;
}

/** `stream` options: those of `generate`, and handlers for what streams besides text. */
export interface StreamOptions extends GenerateOptions, StreamHandlers {}

export interface ModelSwitch {
  readonly sessionId: string;
  /** The previous target: a model id, or `pool:<name>` for a pool (null for a new session). */
  readonly previousModel: string | null;
  /** The new target: a model id, or `pool:<name>` for a pool. */
  readonly model: string;
  readonly revision: number;
  readonly latencyMs: number | null;
}

/**
 * A typed client for Switchyard: queries and mutations over HTTP, streams and events over
 * graphql-ws. Errors are thrown as the classes of `./errors.js`, chosen by `extensions.code`.
 *
 * ```ts
 * const client = new SwitchyardClient({ url: 'http://127.0.0.1:4000/graphql', apiKey });
 * await client.setModel('gpt-4');             // creates a session on first use, then switches
 * const answer = await client.generate('Hi');  // continues the session (history kept)
 * for await (const text of client.stream('Tell me more')) process.stdout.write(text);
 * ```
 */
export class SwitchyardClient {
  /** The session `setModel` created (and `generate`/`stream` continue), if any. */
  sessionId: string | undefined;
  readonly #options: SwitchyardClientOptions;
  #ws: Promise<WsClient> | undefined;
  /** What to do when the WebSocket reconnects (re-read followed sessions). */
  readonly #reconnected = new Set<() => Promise<void>>();

  constructor(options: SwitchyardClientOptions) {
    this.#options = options;
  }

  /** Runs a typed document over HTTP; GraphQL errors are thrown as typed errors. */
  async request<T, V>(document: TypedDocumentNode<T, V>, variables: V): Promise<T> {
    const doFetch = this.#options.fetch ?? fetch;
    const response = await doFetch(this.#options.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        ...(this.#options.apiKey ? { authorization: `Bearer ${this.#options.apiKey}` } : {}),
      },
      body: JSON.stringify({ query: print(document), variables }),
    });
    let body: { data?: T | null; errors?: Array<{ message?: unknown; extensions?: Record<string, unknown> }> };
    try {
      body = (await response.json()) as typeof body;
    } catch {
      throw new GatewayError(`the gateway answered HTTP ${response.status} without a GraphQL body`, 'CLIENT_ERROR');
    }
    const first = body.errors?.[0];
    if (first) throw toClientError(first);
    if (!body.data) throw new GatewayError('the gateway answered without data', 'CLIENT_ERROR');
    return body.data;
  }

  /** Uses `modelId` for every later request: creates a session on first use, then switches it (history kept). */
  async setModel(modelId: string, params?: GenerationParams): Promise<ModelSwitch> {
    return this.#target({ modelId }, params);
  }

  /**
   * Spreads later requests over `modelIds` by `weights` (default equal): sets a pool (admin
   * scope) and points the session at it, as `setModel` does for one model. `sticky`: keep a
   * conversation on the member that served its last turn (see README "Routing and resilience").
   */
  async setModelPool(
    modelIds: readonly string[],
    weights?: readonly number[],
    options: { name?: string; strategy?: 'WEIGHTED' | 'ROUND_ROBIN' | 'LEAST_LATENCY'; sticky?: boolean } = {},
  ): Promise<ModelSwitch> {
    const name = options.name ?? `pool-${modelIds.join('-')}`.slice(0, 100).replace(/[^A-Za-z0-9._:-]/g, '-');
    const members = modelIds.map((modelId, i) => ({ modelId, weight: weights?.[i] ?? 1 }));
    await this.request(SetModelPoolDoc, {
      input: {
        name,
        members,
        ...(options.strategy ? { strategy: options.strategy } : {}),
        ...(options.sticky !== undefined ? { sticky: options.sticky } : {}),
      },
    });
    return this.#target({ poolName: name });
  }

  async #target(target: { modelId?: string; poolName?: string }, params?: GenerationParams): Promise<ModelSwitch> {
    if (!this.sessionId) {
      const { createSession } = await this.request(CreateSessionDoc, { input: { ...target, ...(params ? { params } : {}) } });
      this.sessionId = createSession.id;
      return {
        sessionId: createSession.id,
        previousModel: null,
        model: label(createSession.model, createSession.pool) ?? '',
        revision: createSession.revision,
        latencyMs: null,
      };
    }
    const { switchModel } = await this.request(SwitchModelDoc, {
      input: { sessionId: this.sessionId, ...target, ...(params ? { params } : {}) },
    });
    return {
      sessionId: this.sessionId,
      previousModel: label(switchModel.previousModel, switchModel.previousPool),
      model: label(switchModel.model, switchModel.pool) ?? '',
      revision: switchModel.revision,
      latencyMs: switchModel.latencyMs,
    };
  }

  /** One answer, stored by the gateway; failures throw typed errors. */
  async generate(prompt: string | readonly Message[], options: GenerateOptions = {}): Promise<Generation> {
    const { generate } = await this.request(GenerateDoc, { input: this.#input(prompt, options) });
    return generate;
  }

  /**
   * The answer as it is produced: iterate it for the text deltas; `generation` resolves with the
   * stored generation (or rejects with a typed error). Breaking out of the loop, or `cancel()`,
   * aborts the upstream request.
   */
  stream(prompt: string | readonly Message[], options: StreamOptions = {}): TextStream<Generation> {
    const input = this.#input(prompt, options);
    return createTextStream(
      async () => (await this.#wsClient()).iterate({ query: print(GenerateStreamDoc), variables: { input } }),
      options,
    );
  }

  /** Calls `handler` for every model switch of the session (or of every session the key may see); answers the unsubscribe function. */
  /**
   * Calls `handler` for each switch applied to a session (one, or every session the key may see),
   * in revision order: an event at or below the revision already delivered for its session is
   * dropped (with several gateway instances, events can arrive late or twice). After a reconnect
   * the followed session is read again, and a revision the socket missed is delivered as a change
   * with `previousModel` and `latencyMs` null.
   */
  onModelSwitched(
    handler: (change: ModelSwitch) => void,
    options: { sessionId?: string; onError?: (error: GatewayError) => void } = {},
  ): () => void {
    let dispose: (() => void) | undefined;
    let cancelled = false;
    const seen = new Map<string, number>();
    const deliver = (change: ModelSwitch) => {
      if ((seen.get(change.sessionId) ?? 0) >= change.revision) return;
      seen.set(change.sessionId, change.revision);
      handler(change);
    };
    const reread = async () => {
      if (cancelled || !options.sessionId) return;
      try {
        const { session } = await this.request(SessionStateDoc, { id: options.sessionId });
        if (session)
          deliver({
            sessionId: session.id,
            previousModel: null,
            model: label(session.model, session.pool) ?? '',
            revision: session.revision,
            latencyMs: null,
          });
      } catch (error) {
        options.onError?.(error instanceof GatewayError ? error : new GatewayError(String(error), 'CLIENT_ERROR'));
      }
    };
    this.#reconnected.add(reread);
    void this.#wsClient().then((ws) => {
      if (cancelled) return;
      dispose = ws.subscribe<ClientModelSwitchedSubscription>(
        { query: print(ModelSwitchedDoc), variables: options.sessionId ? { sessionId: options.sessionId } : {} },
        {
          next: (result) => {
            if (result.errors?.[0]) return options.onError?.(toClientError(result.errors[0]));
            const event = result.data?.modelSwitched;
            if (event) {
              const previous = event.previousModel?.id ?? (event.previousPool ? `pool:${event.previousPool.name}` : null);
              deliver({
                sessionId: event.session.id,
                previousModel: previous,
                model: event.model?.id ?? `pool:${event.pool?.name ?? ''}`,
                revision: event.revision,
                latencyMs: event.latencyMs,
              });
            }
          },
          error: (error) =>
            options.onError?.(
              Array.isArray(error) && error[0]
                ? toClientError(error[0])
                : new GatewayError(String((error as Error)?.message ?? error), 'CLIENT_ERROR'),
            ),
          complete: () => undefined,
        },
      );
    });
    return () => {
      cancelled = true;
      this.#reconnected.delete(reread);
      dispose?.();
    };
  }

  async models() {
    return (await this.request(ModelsDoc, {})).models;
  }

  /** Closes the WebSocket connection, if one was opened. */
  async close(): Promise<void> {
    const ws = this.#ws;
    this.#ws = undefined;
    if (ws) await (await ws).dispose();
  }

  #input(prompt: string | readonly Message[], options: GenerateOptions) {
    const sessionId = options.sessionId === undefined ? this.sessionId : (options.sessionId ?? undefined);
    return {
      ...(typeof prompt === 'string' ? { prompt } : { messages: prompt.map(messageInput) }),
      ...(options.model ? { model: options.model } : {}),
      ...(options.tools ? { tools: [...options.tools] } : {}),
      ...(options.toolChoice ? { toolChoice: options.toolChoice } : {}),
      ...(options.parallelToolCalls !== undefined ? { parallelToolCalls: options.parallelToolCalls } : {}),
      ...(options.responseFormat ? { responseFormat: options.responseFormat } : {}),
      ...(options.reasoningEffort ? { reasoningEffort: options.reasoningEffort } : {}),
      ...(options.reasoningBudgetTokens !== undefined ? { reasoningBudgetTokens: options.reasoningBudgetTokens } : {}),
      ...(options.params ? { params: options.params } : {}),
      ...(options.costLimit !== undefined ? { costLimit: options.costLimit } : {}),
      ...(sessionId ? { sessionId } : {}),
    };
  }

  #wsClient(): Promise<WsClient> {
    this.#ws ??= (async () => {
      const impl = this.#options.webSocketImpl ?? (globalThis as { WebSocket?: unknown }).WebSocket ?? (await import('ws')).default;
      return createClient({
        url: this.#options.url.replace(/^http/, 'ws'),
        webSocketImpl: impl,
        lazy: true,
        retryAttempts: 3,
        connectionParams: this.#options.apiKey ? { authorization: `Bearer ${this.#options.apiKey}` } : {},
        on: {
          connected: (_socket, _payload, wasRetry) => {
            if (wasRetry) for (const reread of this.#reconnected) void reread();
          },
        },
      });
    })();
    return this.#ws;
  }
}

/** A message as GenerateInput takes it. */
function messageInput(m: Message) {
  return {
    role: m.role.toUpperCase() as MessageRole,
    ...('parts' in m ? { parts: [...m.parts] } : { content: m.content ?? '' }),
    ...('toolCalls' in m && m.toolCalls ? { toolCalls: m.toolCalls.map((c) => ({ ...c })) } : {}),
    ...('toolCallId' in m ? { toolCallId: m.toolCallId } : {}),
  };
}

/** A session's target as the client names it: the model id, or `pool:<name>`. */
function label(m: { id: string } | null | undefined, p: { name: string } | null | undefined): string | null {
  return m?.id ?? (p ? `pool:${p.name}` : null);
}
