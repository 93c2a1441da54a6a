import {
  type Attributes,
  context,
  createContextKey,
  defaultTextMapGetter,
  defaultTextMapSetter,
  ROOT_CONTEXT,
  type Span,
  SpanKind,
  SpanStatusCode,
  trace,
} from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  AlwaysOffSampler,
  AlwaysOnSampler,
  BatchSpanProcessor,
  NodeTracerProvider,
  ParentBasedSampler,
  type Sampler,
  TraceIdRatioBasedSampler,
} from '@opentelemetry/sdk-trace-node';
import { ATTR_ERROR_TYPE, ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import { GatewayError } from '../core/errors.js';
import type { TracingSettings } from './tracing-settings.js';

export { SpanKind };
export type { Attributes, Span };

/** Headers as node:http gives them, or a plain map: where the caller's traceparent is read from. */
export type TraceCarrier = Readonly<Record<string, string | string[] | undefined>>;

/**
 * The gateway's traces (SPEC §17): one SERVER span per generation request — a /v1 door, or
 * GraphQL generate / generateStream — whose parent is the caller's W3C `traceparent`; under it
 * the admission, each attempt (a GenAI CLIENT span) and the upstream HTTP call (a CLIENT span whose
 * context goes upstream as `traceparent`). Off (NO_TRACING) when no OTLP endpoint is set: then
 * every method does nothing and starts nothing.
 */
export interface Tracing {
  readonly enabled: boolean;
  /** A request's SERVER span, child of the caller's `traceparent` (and `tracestate`) when it sent a valid one. */
  startRequest(name: string, carrier: TraceCarrier | undefined, attributes?: Attributes): Span | undefined;
  /** A child of the active span; none when nothing is traced here (a health probe, tracing off). */
  startChild(name: string, kind: SpanKind, attributes?: Attributes): Span | undefined;
  /** Runs `fn` with `span` active: the parent of what it starts, and the trace id of its log lines. */
  withSpan<T>(span: Span | undefined, fn: () => T): T;
  /** The request span of the active context (for the layers below the door to annotate). */
  requestSpan(): Span | undefined;
  /** The headers with `span`'s context added as `traceparent` (and `tracestate`), for an upstream call. */
  inject(span: Span | undefined, headers: Readonly<Record<string, string>>): Readonly<Record<string, string>>;
  /** Exports what is buffered and stops (graceful stop); later spans are dropped. */
  shutdown(): Promise<void>;
}

/** Tracing off: nothing is started, nothing is read, `fn` runs as it is. */
export const NO_TRACING: Tracing = {
  enabled: false,
  startRequest: () => undefined,
  startChild: () => undefined,
  withSpan: (_span, fn) => fn(),
  requestSpan: () => undefined,
  inject: (_span, headers) => headers,
  shutdown: () => Promise.resolve(),
};

const REQUEST_SPAN = createContextKey('switchyard.request-span');
const propagator = new W3CTraceContextPropagator();

/** The trace id of the active span (a traced request), else null: for log lines and generation records. */
export function currentTraceId(): string | null {
  const span = trace.getSpan(context.active());
  return span ? span.spanContext().traceId : null;
}

/**
 * `trace_id`, `span_id` and `trace_flags` of the active span, the fields OTel's log data model names
 * for log formats other than OTLP; nothing outside a traced request.
 * @see https://opentelemetry.io/docs/specs/otel/compatibility/logging_trace_context/
 */
export function traceLogFields(): Record<string, string> {
  const span = trace.getSpan(context.active());
  if (!span) return {};
  const { traceId, spanId, traceFlags } = span.spanContext();
  return { trace_id: traceId, span_id: spanId, trace_flags: `0${traceFlags.toString(16)}`.slice(-2) };
}

/** Marks a span failed: status ERROR, `error.type` the gateway's error code (or the error's class). */
export function markFailed(span: Span | undefined, error: unknown): void {
  if (!span) return;
  const type = error instanceof GatewayError ? error.code : error instanceof Error ? error.name : 'Error';
  span.setAttribute(ATTR_ERROR_TYPE, type);
  const message = error instanceof Error ? error.message : String(error);
  span.setStatus({ code: SpanStatusCode.ERROR, message: message.slice(0, 512) });
}

/** Ends a span as failed (see markFailed). */
export function endWithError(span: Span | undefined, error: unknown): void {
  if (!span) return;
  markFailed(span, error);
  span.end();
}

function samplerOf(settings: TracingSettings): Sampler {
  const name = settings.sampler;
  const root =
    name === 'always_off' || name === 'parentbased_always_off'
      ? new AlwaysOffSampler()
      : name === 'traceidratio' || name === 'parentbased_traceidratio'
        ? new TraceIdRatioBasedSampler(settings.samplerRatio)
        : new AlwaysOnSampler();
  return name.startsWith('parentbased_') ? new ParentBasedSampler({ root }) : root;
}

/** The context manager (AsyncLocalStorage) is the process's: registered once, by the first traced app. */
let registered = false;

/**
 * Tracing as `settings` ask (see readTracingSettings), or NO_TRACING without them. Spans are
 * batched and sent as OTLP/HTTP JSON; the tracer provider is this app's own (shut down by its stop).
 */
export function createTracing(settings: TracingSettings | undefined): Tracing {
  if (!settings) return NO_TRACING;
  const exporter = new OTLPTraceExporter({ url: settings.url, headers: { ...settings.headers }, timeoutMillis: settings.timeoutMillis });
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ ...settings.resourceAttributes, [ATTR_SERVICE_NAME]: settings.serviceName }),
    sampler: samplerOf(settings),
    spanProcessors: [new BatchSpanProcessor(exporter, settings.batch)],
  });
  if (!registered) {
    registered = true;
    // Registers AsyncLocalStorage as the context manager (the active span follows async calls) and the W3C propagators.
    provider.register();
  }
  const tracer = provider.getTracer('switchyard');
  const requestSpans = new WeakSet<Span>();

  return {
    enabled: true,
    startRequest(name, carrier, attributes) {
      const parent = carrier ? propagator.extract(ROOT_CONTEXT, carrier, defaultTextMapGetter) : ROOT_CONTEXT;
      const span = tracer.startSpan(name, { kind: SpanKind.SERVER, ...(attributes ? { attributes } : {}) }, parent);
      requestSpans.add(span);
      return span;
    },
    startChild(name, kind, attributes) {
      const active = context.active();
      if (!trace.getSpan(active)) return undefined;
      return tracer.startSpan(name, { kind, ...(attributes ? { attributes } : {}) }, active);
    },
    withSpan(span, fn) {
      if (!span) return fn();
      let ctx = trace.setSpan(context.active(), span);
      if (requestSpans.has(span)) ctx = ctx.setValue(REQUEST_SPAN, span);
      return context.with(ctx, fn);
    },
    requestSpan: () => context.active().getValue(REQUEST_SPAN) as Span | undefined,
    inject(span, headers) {
      if (!span) return headers;
      const out: Record<string, string> = { ...headers };
      propagator.inject(trace.setSpan(context.active(), span), out, defaultTextMapSetter);
      return out;
    },
    shutdown: () => provider.shutdown(),
  };
}
