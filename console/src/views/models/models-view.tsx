import { useState } from 'react';
import { useMutation, useQuery, useSession, useSubscription } from '../../api/hooks';
import type { ModelRowFragment } from '../../gql/graphql';
import { integer, ms, price, when } from '../../components/format';
import { Badge, ErrorLine, Panel } from '../../components/ui';
import { ModelForm } from './model-form';
import {
  CheckModelHealthDocument,
  DisableModelDocument,
  EnableModelDocument,
  ModelEventsDocument,
  ModelsDocument,
  RetireModelDocument,
} from './model-documents';

const STATUS_TONE = { HEALTHY: 'ok', PENDING: 'info', UNHEALTHY: 'bad', DISABLED: 'muted', RETIRED: 'muted' } as const;
const CIRCUIT_TONE = { CLOSED: 'ok', HALF_OPEN: 'warn', OPEN: 'bad' } as const;

/** The registry, kept live by `modelEvents`: every change made anywhere shows here at once. */
export function ModelsView() {
  const { isAdmin } = useSession();
  const [includeRetired, setIncludeRetired] = useState(false);
  const models = useQuery(ModelsDocument, { filter: { includeRetired } });
  const [live, setLive] = useState<Record<string, ModelRowFragment>>({});
  const [editing, setEditing] = useState<ModelRowFragment | 'new' | null>(null);
  const liveError = useSubscription(ModelEventsDocument, {}, ({ modelEvents }) =>
    setLive((all) => ({ ...all, [modelEvents.model.id]: modelEvents.model })),
  );

  const byId = new Map<string, ModelRowFragment>();
  for (const model of models.data?.models ?? []) byId.set(model.id, model);
  for (const model of Object.values(live))
    if (includeRetired || model.status !== 'RETIRED' || byId.has(model.id)) byId.set(model.id, model);
  const rows = [...byId.values()].filter((m) => includeRetired || m.status !== 'RETIRED').sort((a, b) => a.id.localeCompare(b.id));
  const showRow = (model: ModelRowFragment) => setLive((all) => ({ ...all, [model.id]: model }));

  return (
    <>
      {editing ? (
        <ModelForm
          model={editing === 'new' ? null : editing}
          onDone={(model) => {
            if (model) showRow(model);
            setEditing(null);
          }}
        />
      ) : null}
      <Panel
        title="Models"
        actions={
          <>
            <label className="inline">
              <input type="checkbox" checked={includeRetired} onChange={(e) => setIncludeRetired(e.target.checked)} /> retired too
            </label>
            {isAdmin ? (
              <button type="button" onClick={() => setEditing('new')}>
                Register a model
              </button>
            ) : null}
          </>
        }
      >
        <ErrorLine error={models.error ?? liveError} />
        <table className="grid" data-testid="models-table">
          <thead>
            <tr>
              <th>Model</th>
              <th>Provider</th>
              <th>Status</th>
              <th>Health</th>
              <th>Circuit</th>
              <th className="num">Latency</th>
              <th>Catalog</th>
              <th className="num">Price in / out per 1M</th>
              {isAdmin ? <th /> : null}
            </tr>
          </thead>
          <tbody>
            {rows.map((model) => (
              <ModelRow key={model.id} model={model} isAdmin={isAdmin} onChanged={showRow} onEdit={() => setEditing(model)} />
            ))}
            {rows.length === 0 && !models.loading ? (
              <tr>
                <td colSpan={9} className="empty">
                  No models.
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </Panel>
    </>
  );
}

function ModelRow({
  model,
  isAdmin,
  onChanged,
  onEdit,
}: {
  model: ModelRowFragment;
  isAdmin: boolean;
  onChanged(m: ModelRowFragment): void;
  onEdit(): void;
}) {
  const disable = useMutation(DisableModelDocument);
  const enable = useMutation(EnableModelDocument);
  const retire = useMutation(RetireModelDocument);
  const check = useMutation(CheckModelHealthDocument);
  const busy = disable.running || enable.running || retire.running || check.running;
  const error = disable.error ?? enable.error ?? retire.error ?? check.error;
  const health = model.lastHealthCheck;
  return (
    <tr data-model={model.id}>
      <td>
        <strong>{model.id}</strong>
        {model.upstreamModel !== model.id ? <div className="sub">{model.upstreamModel}</div> : null}
        {error ? <div className="error">{error.message}</div> : null}
      </td>
      <td>{model.provider.toLowerCase()}</td>
      <td>
        <Badge tone={STATUS_TONE[model.status]}>{model.status}</Badge>
      </td>
      <td className="health">
        {health ? (
          <>
            <span className={health.ok ? 'ok-text' : 'bad-text'}>{health.message}</span>
            <div className="sub">checked {when(health.checkedAt)}</div>
          </>
        ) : (
          '—'
        )}
      </td>
      <td>
        <Badge tone={CIRCUIT_TONE[model.circuit.state]}>{model.circuit.state}</Badge>
        {model.circuit.requests > 0 ? <div className="sub">{Math.round(model.circuit.errorRate * 100)}% errors</div> : null}
      </td>
      <td className="num">{ms(health?.latencyMs)}</td>
      <CatalogCell model={model} />
      <td className="num" data-testid="model-price">
        {model.pricing ? `${price(model.pricing.input)} / ${price(model.pricing.output)}` : '—'}
        {model.pricingSource === 'CATALOG' ? <div className="sub">from the catalog</div> : null}
      </td>
      {isAdmin ? (
        <td>
          {model.status !== 'RETIRED' ? (
            <div className="row-actions">
              <button
                type="button"
                disabled={busy}
                onClick={async () => {
                  const r = await check.run({ id: model.id });
                  if (r) onChanged(r.checkModelHealth.model);
                }}
              >
                Check now
              </button>
              <button type="button" disabled={busy} onClick={onEdit}>
                Edit
              </button>
              {model.status === 'DISABLED' ? (
                <button
                  type="button"
                  disabled={busy}
                  onClick={async () => {
                    const r = await enable.run({ id: model.id });
                    if (r) onChanged(r.enableModel.model);
                  }}
                >
                  Enable
                </button>
              ) : (
                <button
                  type="button"
                  disabled={busy}
                  onClick={async () => {
                    const r = await disable.run({ id: model.id });
                    if (r) onChanged(r.disableModel);
                  }}
                >
                  Disable
                </button>
              )}
              <button
                type="button"
                className="danger"
                disabled={busy}
                onClick={async () => {
                  if (!confirm(`Retire ${model.id} for good? Its history and costs stay.`)) return;
                  const r = await retire.run({ id: model.id });
                  if (r) onChanged(r.retireModel);
                }}
              >
                Retire
              </button>
            </div>
          ) : null}
        </td>
      ) : null}
    </tr>
  );
}

const CATALOG_TONE = { CURRENT: 'ok', DEPRECATED: 'warn', UNLISTED: 'muted' } as const;

/** What the maintained catalog says of the model: context window, modalities, tool and reasoning support, status. */
function CatalogCell({ model }: { model: ModelRowFragment }) {
  const modalities = model.modalities;
  const abilities = [model.supportsTools ? 'tools' : null, model.supportsReasoning ? 'reasoning' : null].filter(Boolean);
  return (
    <td className="catalog" data-testid="model-catalog">
      <div>
        <span data-testid="model-context">{model.contextWindow ? `${integer(model.contextWindow)} ctx` : '— ctx'}</span>
        {model.maxOutputTokens ? <span className="sub"> · {integer(model.maxOutputTokens)} out</span> : null}
      </div>
      {modalities ? (
        <div className="sub" data-testid="model-modalities">
          {modalities.input.join(', ')} → {modalities.output.join(', ')}
        </div>
      ) : null}
      {abilities.length > 0 ? (
        <div className="sub" data-testid="model-abilities">
          {abilities.join(' · ')}
        </div>
      ) : null}
      {model.catalogStatus !== 'CURRENT' ? <Badge tone={CATALOG_TONE[model.catalogStatus]}>{model.catalogStatus}</Badge> : null}
    </td>
  );
}
