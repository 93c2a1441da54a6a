import type { ModelChoicesQuery } from '../../gql/graphql';

/** A model or a pool a session can target. */
export type Target = { kind: 'model'; id: string } | { kind: 'pool'; name: string };

export function targetInput(target: Target): { modelId?: string; poolName?: string } {
  return target.kind === 'model' ? { modelId: target.id } : { poolName: target.name };
}

export function targetLabel(target: { model?: { id: string } | null; pool?: { name: string } | null }): string {
  return target.model ? target.model.id : target.pool ? `pool ${target.pool.name}` : '—';
}

const encode = (t: Target | null) => (t === null ? '' : t.kind === 'model' ? `model:${t.id}` : `pool:${t.name}`);
function decode(value: string): Target | null {
  if (value.startsWith('model:')) return { kind: 'model', id: value.slice(6) };
  if (value.startsWith('pool:')) return { kind: 'pool', name: value.slice(5) };
  return null;
}

/** A select of the registry's routable-looking models and the pools. */
export function TargetPicker({
  choices,
  value,
  onChange,
  allowDefault,
  name,
}: {
  choices: ModelChoicesQuery | null;
  value: Target | null;
  onChange(t: Target | null): void;
  allowDefault?: boolean;
  name: string;
}) {
  const models = (choices?.models ?? []).filter((m) => m.status !== 'RETIRED');
  return (
    <select name={name} value={encode(value)} onChange={(e) => onChange(decode(e.target.value))} aria-label="model or pool">
      {allowDefault ? <option value="">the default model</option> : <option value="">choose a model or pool…</option>}
      <optgroup label="Models">
        {models.map((m) => (
          <option key={m.id} value={`model:${m.id}`}>
            {m.id} ({m.status.toLowerCase()})
          </option>
        ))}
      </optgroup>
      {choices?.pools.length ? (
        <optgroup label="Pools">
          {choices.pools.map((p) => (
            <option key={p.name} value={`pool:${p.name}`}>
              {p.name} ({p.strategy.toLowerCase().replace('_', ' ')})
            </option>
          ))}
        </optgroup>
      ) : null}
    </select>
  );
}
