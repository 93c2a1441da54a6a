import { type FormEvent, useState } from 'react';
import { useMutation } from '../../api/hooks';
import { RequestLogSelect } from '../../components/request-log-select';
import type { ModelProvider, ModelRowFragment, RegisterModelInput, RequestLogMode, UpdateModelInput } from '../../gql/graphql';
import { ErrorLine, Field, numberOrUndefined, Panel } from '../../components/ui';
import { RegisterModelDocument, UpdateModelDocument } from './model-documents';

const PROVIDERS: ModelProvider[] = ['MOCK', 'OPENAI', 'OPENAI_COMPATIBLE', 'ANTHROPIC', 'DASHSCOPE', 'QIANFAN'];

interface Draft {
  id: string;
  provider: ModelProvider;
  upstreamModel: string;
  baseUrl: string;
  apiKeyEnv: string;
  priceIn: string;
  priceOut: string;
  contextWindow: string;
  version: string;
  mockTokens: string;
  mockDelay: string;
  /** '' inherits the gateway's requestLog.mode. */
  requestLog: RequestLogMode | '';
}

function draftOf(model: ModelRowFragment | null): Draft {
  const text = (v: string | number | null | undefined) => (v === null || v === undefined ? '' : String(v));
  return {
    id: model?.id ?? '',
    provider: model?.provider ?? 'MOCK',
    upstreamModel: model && model.upstreamModel !== model.id ? model.upstreamModel : '',
    baseUrl: text(model?.baseUrl),
    apiKeyEnv: text(model?.apiKeyEnv),
    // A catalog price is not the model's own: the fields stay empty (and show it as a placeholder).
    priceIn: model?.pricingSource === 'CONFIG' ? text(model.pricing?.input) : '',
    priceOut: model?.pricingSource === 'CONFIG' ? text(model.pricing?.output) : '',
    contextWindow: text(model?.contextWindow),
    version: text(model?.version),
    mockTokens: text(model?.mock?.tokens),
    mockDelay: text(model?.mock?.tokenDelayMs),
    requestLog: model?.requestLog ?? '',
  };
}

/** The input the gateway gets: empty fields unset; numbers as typed (the gateway names a bad one). */
function inputOf(d: Draft): Omit<RegisterModelInput, 'id' | 'provider'> {
  const optional = (v: string) => (v.trim() === '' ? undefined : v.trim());
  const pricing =
    d.priceIn.trim() === '' && d.priceOut.trim() === ''
      ? undefined
      : {
          input: numberOrUndefined(d.priceIn) ?? (null as unknown as number),
          output: numberOrUndefined(d.priceOut) ?? (null as unknown as number),
        };
  const mock =
    d.provider === 'MOCK' && (d.mockTokens || d.mockDelay)
      ? { tokens: numberOrUndefined(d.mockTokens), tokenDelayMs: numberOrUndefined(d.mockDelay) }
      : undefined;
  return {
    upstreamModel: optional(d.upstreamModel),
    baseUrl: optional(d.baseUrl),
    apiKeyEnv: optional(d.apiKeyEnv),
    pricing,
    contextWindow: numberOrUndefined(d.contextWindow),
    version: optional(d.version),
    mock,
    requestLog: d.requestLog || undefined,
  };
}

/** Only what changed; a field emptied is cleared (null), as updateModel reads it. */
function changesOf(before: Draft, after: Draft): Omit<UpdateModelInput, 'id'> {
  const next = inputOf(after);
  const prev = inputOf(before);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(next) as (keyof typeof next)[]) {
    if (JSON.stringify(next[key]) !== JSON.stringify(prev[key])) out[key] = next[key] === undefined ? null : next[key];
  }
  return out;
}

/**
 * Registers a model, or changes one. The gateway validates: each BAD_USER_INPUT problem shows
 * under its field (text in a number field goes out as typed and comes back named), and nothing is changed.
 */
export function ModelForm({ model, onDone }: { model: ModelRowFragment | null; onDone(model: ModelRowFragment | null): void }) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(model));
  const [probe, setProbe] = useState<string | null>(null);
  const register = useMutation(RegisterModelDocument);
  const update = useMutation(UpdateModelDocument);
  const error = model ? update.error : register.error;
  const fields = error?.fieldErrors() ?? {};
  const catalogPrice = (side: 'input' | 'output') =>
    model?.pricingSource === 'CATALOG' && model.pricing ? `catalog: ${model.pricing[side]}` : undefined;
  const set = (key: keyof Draft) => (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [key]: e.target.value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = model
      ? (await update.run({ input: { id: model.id, ...changesOf(draftOf(model), draft) } }))?.updateModel
      : (await register.run({ input: { id: draft.id.trim(), provider: draft.provider, ...inputOf(draft) } }))?.registerModel;
    if (!result) return;
    if (result.healthCheck && !result.healthCheck.ok) {
      setProbe(`Saved; the health probe failed: ${result.healthCheck.message}`);
      return;
    }
    onDone(result.model);
  };

  const otherErrors = error && Object.keys(fields).length === 0 ? error : null;
  return (
    <Panel title={model ? `Edit ${model.id}` : 'Register a model'}>
      <form className="form-grid" onSubmit={submit} data-testid="model-form">
        {model ? null : (
          <>
            <Field label="Id (the slug clients use)" error={fields.id}>
              <input name="id" value={draft.id} onChange={set('id')} placeholder="gpt-4o-mini" />
            </Field>
            <Field label="Provider" error={fields.provider}>
              <select name="provider" value={draft.provider} onChange={set('provider')}>
                {PROVIDERS.map((p) => (
                  <option key={p} value={p}>
                    {p}
                  </option>
                ))}
              </select>
            </Field>
          </>
        )}
        <Field label="Upstream model name" error={fields.upstreamModel} hint="The vendor's own name; defaults to the id.">
          <input name="upstreamModel" value={draft.upstreamModel} onChange={set('upstreamModel')} />
        </Field>
        <Field label="Base URL" error={fields.baseUrl} hint="API root, e.g. https://api.openai.com/v1">
          <input name="baseUrl" value={draft.baseUrl} onChange={set('baseUrl')} />
        </Field>
        <Field label="Key variable" error={fields.apiKeyEnv} hint="NAME of the environment variable holding the vendor key.">
          <input name="apiKeyEnv" value={draft.apiKeyEnv} onChange={set('apiKeyEnv')} />
        </Field>
        <Field
          label="Input price (USD / 1M tokens)"
          error={fields['pricing.input'] ?? fields.pricing}
          hint="Empty: the model catalog's price, when it lists the model."
        >
          <input name="priceIn" inputMode="decimal" value={draft.priceIn} placeholder={catalogPrice('input')} onChange={set('priceIn')} />
        </Field>
        <Field label="Output price (USD / 1M tokens)" error={fields['pricing.output']}>
          <input
            name="priceOut"
            inputMode="decimal"
            value={draft.priceOut}
            placeholder={catalogPrice('output')}
            onChange={set('priceOut')}
          />
        </Field>
        <Field label="Context window (tokens)" error={fields.contextWindow}>
          <input name="contextWindow" inputMode="numeric" value={draft.contextWindow} onChange={set('contextWindow')} />
        </Field>
        <Field label="Version" error={fields.version}>
          <input name="version" value={draft.version} onChange={set('version')} />
        </Field>
        <Field label="Request log" error={fields.requestLog} hint="How much of its requests the log keeps; a key's own mode wins.">
          <RequestLogSelect
            name="requestLog"
            value={draft.requestLog}
            inherit="the gateway's (requestLog.mode)"
            onChange={(mode) => setDraft((d) => ({ ...d, requestLog: mode }))}
          />
        </Field>
        {draft.provider === 'MOCK' ? (
          <>
            <Field label="Mock: tokens per answer" error={fields['mock.tokens']}>
              <input name="mockTokens" inputMode="numeric" value={draft.mockTokens} onChange={set('mockTokens')} />
            </Field>
            <Field label="Mock: delay per token (ms)" error={fields['mock.tokenDelayMs']}>
              <input name="mockDelay" inputMode="numeric" value={draft.mockDelay} onChange={set('mockDelay')} />
            </Field>
          </>
        ) : null}
        <div className="form-actions">
          <ErrorLine error={otherErrors} />
          {probe ? <p className="warn-text">{probe}</p> : null}
          <button type="submit" disabled={register.running || update.running}>
            {model ? 'Save' : 'Register'}
          </button>
          <button type="button" className="secondary" onClick={() => onDone(null)}>
            {probe ? 'Close' : 'Cancel'}
          </button>
        </div>
      </form>
    </Panel>
  );
}
