import { parseKeyPairsIntoRecord } from '@opentelemetry/core';

type Env = Readonly<Record<string, string | undefined>>;

export const TRACE_SAMPLERS = [
  'always_on',
  'always_off',
  'traceidratio',
  'parentbased_always_on',
  'parentbased_always_off',
  'parentbased_traceidratio',
] as const;
export type TraceSamplerName = (typeof TRACE_SAMPLERS)[number];

/** The batch span processor's bounds (OTEL_BSP_*); unset ones keep the SDK's defaults. */
export interface BatchSettings {
  readonly scheduledDelayMillis?: number;
  readonly maxQueueSize?: number;
  readonly maxExportBatchSize?: number;
  readonly exportTimeoutMillis?: number;
}

/**
 * Tracing as the standard OTEL_* variables ask for it. Present only when traces are to be
 * exported: an OTLP endpoint is set, OTEL_SDK_DISABLED is not `true` and OTEL_TRACES_EXPORTER is
 * not `none`.
 * @see https://opentelemetry.io/docs/specs/otel/configuration/sdk-environment-variables/
 * @see https://opentelemetry.io/docs/specs/otel/protocol/exporter/
 */
export interface TracingSettings {
  /** Where spans are POSTed: OTEL_EXPORTER_OTLP_TRACES_ENDPOINT as given, else OTEL_EXPORTER_OTLP_ENDPOINT + `/v1/traces`. */
  readonly url: string;
  /** OTEL_EXPORTER_OTLP_HEADERS, then OTEL_EXPORTER_OTLP_TRACES_HEADERS over them. */
  readonly headers: Readonly<Record<string, string>>;
  /** OTEL_EXPORTER_OTLP_(TRACES_)TIMEOUT, ms (default 10 000). */
  readonly timeoutMillis: number;
  /** OTEL_SERVICE_NAME (default `switchyard`). */
  readonly serviceName: string;
  /** OTEL_RESOURCE_ATTRIBUTES (`key=value,…`); OTEL_SERVICE_NAME wins over a service.name there. */
  readonly resourceAttributes: Readonly<Record<string, string>>;
  /** OTEL_TRACES_SAMPLER (default parentbased_always_on) and its ratio, OTEL_TRACES_SAMPLER_ARG (default 1). */
  readonly sampler: TraceSamplerName;
  readonly samplerRatio: number;
  readonly batch: BatchSettings;
}

const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * Reads the OTEL_* variables; answers undefined when tracing is off. Each bad value is one line
 * in `problems`, naming the variable and what was expected (the config's own errors go there too).
 */
export function readTracingSettings(env: Env, problems: string[]): TracingSettings | undefined {
  const value = (name: string) => {
    const text = env[name]?.trim();
    return text === '' ? undefined : text;
  };
  if (value('OTEL_SDK_DISABLED')?.toLowerCase() === 'true') return undefined;
  const exporter = value('OTEL_TRACES_EXPORTER')?.toLowerCase();
  if (exporter === 'none') return undefined;
  const tracesEndpoint = value('OTEL_EXPORTER_OTLP_TRACES_ENDPOINT');
  const endpoint = value('OTEL_EXPORTER_OTLP_ENDPOINT');
  if (tracesEndpoint === undefined && endpoint === undefined) return undefined;

  const before = problems.length;
  if (exporter !== undefined && exporter !== 'otlp')
    problems.push(`OTEL_TRACES_EXPORTER: expected otlp or none (Switchyard exports traces over OTLP only), got "${exporter}"`);
  const urlVariable = tracesEndpoint !== undefined ? 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT' : 'OTEL_EXPORTER_OTLP_ENDPOINT';
  const url = tracesEndpoint ?? `${(endpoint ?? '').replace(/\/+$/, '')}/v1/traces`;
  if (!isHttpUrl(url)) problems.push(`${urlVariable}: expected an http:// or https:// URL, got "${tracesEndpoint ?? endpoint}"`);
  for (const name of ['OTEL_EXPORTER_OTLP_TRACES_PROTOCOL', 'OTEL_EXPORTER_OTLP_PROTOCOL']) {
    const protocol = value(name);
    if (protocol !== undefined && protocol !== 'http/json' && protocol !== 'http/protobuf')
      problems.push(`${name}: expected http/json or http/protobuf (Switchyard sends OTLP over HTTP, in JSON), got "${protocol}"`);
  }
  const timeoutName =
    value('OTEL_EXPORTER_OTLP_TRACES_TIMEOUT') !== undefined ? 'OTEL_EXPORTER_OTLP_TRACES_TIMEOUT' : 'OTEL_EXPORTER_OTLP_TIMEOUT';
  const timeoutMillis = wholeNumber(env, timeoutName, 1, 600_000, problems) ?? DEFAULT_TIMEOUT_MS;
  const sampler = (value('OTEL_TRACES_SAMPLER')?.toLowerCase() ?? 'parentbased_always_on') as TraceSamplerName;
  if (!TRACE_SAMPLERS.includes(sampler))
    problems.push(`OTEL_TRACES_SAMPLER: expected one of ${TRACE_SAMPLERS.join(', ')}, got "${value('OTEL_TRACES_SAMPLER')}"`);
  const ratioText = value('OTEL_TRACES_SAMPLER_ARG');
  const samplerRatio = ratioText === undefined || !sampler.endsWith('traceidratio') ? 1 : Number(ratioText);
  if (!(samplerRatio >= 0 && samplerRatio <= 1))
    problems.push(`OTEL_TRACES_SAMPLER_ARG: expected a number from 0 to 1 (the share of traces kept), got "${ratioText}"`);
  const batch = readBatchSettings(env, problems);
  if (problems.length > before) return undefined;
  return {
    url,
    headers: { ...keyPairs(value('OTEL_EXPORTER_OTLP_HEADERS')), ...keyPairs(value('OTEL_EXPORTER_OTLP_TRACES_HEADERS')) },
    timeoutMillis,
    serviceName: value('OTEL_SERVICE_NAME') ?? 'switchyard',
    resourceAttributes: keyPairs(value('OTEL_RESOURCE_ATTRIBUTES')),
    sampler,
    samplerRatio,
    batch,
  };
}

function readBatchSettings(env: Env, problems: string[]): BatchSettings {
  const delay = wholeNumber(env, 'OTEL_BSP_SCHEDULE_DELAY', 1, 3_600_000, problems);
  const queue = wholeNumber(env, 'OTEL_BSP_MAX_QUEUE_SIZE', 1, 1_000_000, problems);
  const batch = wholeNumber(env, 'OTEL_BSP_MAX_EXPORT_BATCH_SIZE', 1, 1_000_000, problems);
  const timeout = wholeNumber(env, 'OTEL_BSP_EXPORT_TIMEOUT', 1, 600_000, problems);
  if (queue !== undefined && batch !== undefined && batch > queue)
    problems.push(`OTEL_BSP_MAX_EXPORT_BATCH_SIZE: expected at most OTEL_BSP_MAX_QUEUE_SIZE (${queue}), got ${batch}`);
  return {
    ...(delay !== undefined ? { scheduledDelayMillis: delay } : {}),
    ...(queue !== undefined ? { maxQueueSize: queue } : {}),
    ...(batch !== undefined ? { maxExportBatchSize: batch } : {}),
    ...(timeout !== undefined ? { exportTimeoutMillis: timeout } : {}),
  };
}

function wholeNumber(env: Env, name: string, min: number, max: number, problems: string[]): number | undefined {
  const text = env[name]?.trim();
  if (text === undefined || text === '') return undefined;
  const n = Number(text);
  if (/^\d+$/.test(text) && n >= min && n <= max) return n;
  problems.push(`${name}: expected a whole number from ${min} to ${max}, got "${text}"`);
  return undefined;
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** `key=value,key2=value2` (values percent-encoded), as OTEL_EXPORTER_OTLP_HEADERS and OTEL_RESOURCE_ATTRIBUTES are written. */
function keyPairs(text: string | undefined): Record<string, string> {
  return text === undefined ? {} : parseKeyPairsIntoRecord(text);
}
