import { type FormEvent, useState } from 'react';
import { ModelChoicesDocument } from '../api/documents';
import { useMutation, useQuery, useSession } from '../api/hooks';
import { graphql } from '../gql';
import type { PoolStrategy } from '../gql/graphql';
import { ErrorLine, Field, numberOrUndefined, Panel } from '../components/ui';

const PoolsDocument = graphql(`
  query ConsolePools {
    pools { name strategy sticky stickyTtlSeconds source updatedAt members { modelId weight model { status } } retry { attempts baseDelayMs maxDelayMs } }
  }
`);
const SetPoolDocument = graphql(`
  mutation ConsoleSetPool($input: SetModelPoolInput!) {
    setModelPool(input: $input) { name }
  }
`);
const DeletePoolDocument = graphql(`mutation ConsoleDeletePool($name: ID!) { deletePool(name: $name) { name } }`);

const STRATEGIES: PoolStrategy[] = ['WEIGHTED', 'ROUND_ROBIN', 'LEAST_LATENCY'];

interface Draft {
  name: string;
  strategy: PoolStrategy;
  members: { modelId: string; weight: string }[];
  attempts: string;
  sticky: boolean;
  stickyTtlSeconds: string;
}

const emptyDraft: Draft = {
  name: '',
  strategy: 'WEIGHTED',
  members: [{ modelId: '', weight: '1' }],
  attempts: '',
  sticky: false,
  stickyTtlSeconds: '',
};

/** Pools: members, weights, strategy, stickiness and retries; the gateway validates each (errors at their fields). */
export function PoolsView() {
  const { isAdmin } = useSession();
  const pools = useQuery(PoolsDocument, {});
  const [draft, setDraft] = useState<Draft | null>(null);
  const remove = useMutation(DeletePoolDocument);
  return (
    <>
      {draft ? (
        <PoolForm
          initial={draft}
          onDone={(saved) => {
            setDraft(null);
            if (saved) pools.refetch();
          }}
        />
      ) : null}
      <Panel
        title="Pools"
        actions={
          isAdmin ? (
            <button type="button" onClick={() => setDraft(emptyDraft)}>
              New pool
            </button>
          ) : null
        }
      >
        <ErrorLine error={pools.error ?? remove.error} />
        <table className="grid">
          <thead>
            <tr>
              <th>Pool</th>
              <th>Strategy</th>
              <th>Members (weight)</th>
              <th>Retry attempts</th>
              <th>Source</th>
              {isAdmin ? <th /> : null}
            </tr>
          </thead>
          <tbody>
            {(pools.data?.pools ?? []).map((pool) => (
              <tr key={pool.name}>
                <td>
                  <strong>{pool.name}</strong>
                </td>
                <td>
                  {pool.strategy}
                  {pool.sticky ? <div className="sub">sticky ({pool.stickyTtlSeconds ?? 3600} s)</div> : null}
                </td>
                <td>
                  {pool.members.map((m) => (
                    <div key={m.modelId}>
                      {m.modelId}{' '}
                      <span className="sub">
                        ({m.weight}
                        {m.model ? `, ${m.model.status.toLowerCase()}` : ', not in the registry'})
                      </span>
                    </div>
                  ))}
                </td>
                <td>{pool.retry.attempts ?? 'default'}</td>
                <td>{pool.source}</td>
                {isAdmin ? (
                  <td>
                    <div className="row-actions">
                      <button
                        type="button"
                        onClick={() =>
                          setDraft({
                            name: pool.name,
                            strategy: pool.strategy,
                            members: pool.members.map((m) => ({ modelId: m.modelId, weight: String(m.weight) })),
                            attempts: pool.retry.attempts === null ? '' : String(pool.retry.attempts),
                            sticky: pool.sticky,
                            stickyTtlSeconds: pool.stickyTtlSeconds === null ? '' : String(pool.stickyTtlSeconds),
                          })
                        }
                      >
                        Edit
                      </button>
                      <button
                        type="button"
                        className="danger"
                        onClick={async () => {
                          if (
                            confirm(`Delete pool ${pool.name}? Sessions on it fail until switched.`) &&
                            (await remove.run({ name: pool.name }))
                          )
                            pools.refetch();
                        }}
                      >
                        Delete
                      </button>
                    </div>
                  </td>
                ) : null}
              </tr>
            ))}
            {pools.data?.pools.length === 0 ? (
              <tr>
                <td colSpan={6} className="empty">
                  No pools yet.
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </Panel>
    </>
  );
}

function PoolForm({ initial, onDone }: { initial: Draft; onDone(saved: boolean): void }) {
  const [draft, setDraft] = useState(initial);
  const choices = useQuery(ModelChoicesDocument, {});
  const save = useMutation(SetPoolDocument);
  const fields = save.error?.fieldErrors() ?? {};
  const setMember = (i: number, change: Partial<Draft['members'][number]>) =>
    setDraft((d) => ({ ...d, members: d.members.map((m, j) => (i === j ? { ...m, ...change } : m)) }));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const attempts = numberOrUndefined(draft.attempts);
    const stickyTtlSeconds = draft.sticky ? numberOrUndefined(draft.stickyTtlSeconds) : undefined;
    const input = {
      name: draft.name.trim(),
      strategy: draft.strategy,
      sticky: draft.sticky,
      ...(stickyTtlSeconds === undefined ? {} : { stickyTtlSeconds }),
      members: draft.members.map((m) => ({ modelId: m.modelId, weight: numberOrUndefined(m.weight) })),
      ...(attempts === undefined ? {} : { retry: { attempts } }),
    };
    if (await save.run({ input })) onDone(true);
  };
  const unplaced = save.error && Object.keys(fields).length === 0 ? save.error : null;
  return (
    <Panel title={initial.name ? `Edit pool ${initial.name}` : 'New pool'}>
      <form className="form-grid" onSubmit={submit} data-testid="pool-form">
        <Field label="Name" error={fields.name}>
          <input
            name="name"
            value={draft.name}
            readOnly={Boolean(initial.name)}
            onChange={(e) => setDraft({ ...draft, name: e.target.value })}
          />
        </Field>
        <Field label="Strategy" error={fields.strategy}>
          <select name="strategy" value={draft.strategy} onChange={(e) => setDraft({ ...draft, strategy: e.target.value as PoolStrategy })}>
            {STRATEGIES.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </Field>
        <Field label="Retry attempts (1 to 10; empty: the global setting)" error={fields['retry.attempts']}>
          <input
            name="attempts"
            inputMode="numeric"
            value={draft.attempts}
            onChange={(e) => setDraft({ ...draft, attempts: e.target.value })}
          />
        </Field>
        <Field label="Sticky" error={fields.sticky}>
          <label className="inline">
            <input
              type="checkbox"
              name="sticky"
              checked={draft.sticky}
              onChange={(e) => setDraft({ ...draft, sticky: e.target.checked })}
            />{' '}
            keep a conversation on the member that served its last turn (warm vendor prompt caches)
          </label>
        </Field>
        {draft.sticky ? (
          <Field label="Remember a conversation for (seconds; empty: 3600)" error={fields.stickyTtlSeconds}>
            <input
              name="stickyTtlSeconds"
              inputMode="numeric"
              value={draft.stickyTtlSeconds}
              onChange={(e) => setDraft({ ...draft, stickyTtlSeconds: e.target.value })}
            />
          </Field>
        ) : null}
        <fieldset className="members wide">
          <legend>Members</legend>
          {fields.members ? <span className="field-error">{fields.members}</span> : null}
          {draft.members.map((m, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: draft rows have no id; their inputs are controlled, so a row keyed by position shows its own values after a removal
            <div className="member" key={i}>
              <Field label="Model" error={fields[`members[${i}].modelId`] ?? fields[`members[${i}]`]}>
                <select name={`member-${i}`} value={m.modelId} onChange={(e) => setMember(i, { modelId: e.target.value })}>
                  <option value="">choose…</option>
                  {(choices.data?.models ?? []).map((model) => (
                    <option key={model.id}>{model.id}</option>
                  ))}
                </select>
              </Field>
              <Field label="Weight" error={fields[`members[${i}].weight`]}>
                <input
                  name={`weight-${i}`}
                  inputMode="decimal"
                  value={m.weight}
                  onChange={(e) => setMember(i, { weight: e.target.value })}
                />
              </Field>
              <button
                type="button"
                className="secondary"
                onClick={() => setDraft((d) => ({ ...d, members: d.members.filter((_, j) => j !== i) }))}
              >
                Remove
              </button>
            </div>
          ))}
          <button
            type="button"
            className="secondary"
            onClick={() => setDraft((d) => ({ ...d, members: [...d.members, { modelId: '', weight: '1' }] }))}
          >
            Add a member
          </button>
        </fieldset>
        <div className="form-actions">
          <ErrorLine error={unplaced} />
          <button type="submit" disabled={save.running}>
            Save
          </button>
          <button type="button" className="secondary" onClick={() => onDone(false)}>
            Cancel
          </button>
        </div>
      </form>
    </Panel>
  );
}
