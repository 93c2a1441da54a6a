import { type FormEvent, useRef, useState } from 'react';
import { useMutation, useQuery, useSubscription } from '../api/hooks';
import { graphql } from '../gql';
import type { ApiKeyScope, RequestLogMode } from '../gql/graphql';
import { usd, when } from '../components/format';
import { RequestLogSelect } from '../components/request-log-select';
import { Badge, ErrorLine, Field, numberOrUndefined, Panel } from '../components/ui';
import { CredentialsPanel } from './credentials-panel';

const KeysDocument = graphql(`
  query ConsoleKeys {
    apiKeys { id name prefix scopes models revoked revokedAt createdAt requestsPerMinute requestLog budget { daily monthly spentToday spentThisMonth reserved remaining } }
  }
`);
const CreateKeyDocument = graphql(`
  mutation ConsoleCreateKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) { key apiKey { id name } }
  }
`);
const RevokeKeyDocument = graphql(`mutation ConsoleRevokeKey($id: ID!) { revokeApiKey(id: $id) { id revoked } }`);
const SetBudgetDocument = graphql(`mutation ConsoleSetBudget($input: SetBudgetInput!) { setBudget(input: $input) { id } }`);
const UpdateKeyDocument = graphql(`
  mutation ConsoleUpdateKey($id: ID!, $input: UpdateApiKeyInput!) { updateApiKey(id: $id, input: $input) { id requestLog } }
`);
const KeyUsageDocument = graphql(`subscription ConsoleKeyUsage { usageUpdated { generationId apiKey { id } } }`);

/** API keys (admin): create (the secret shown once), scopes, model lists, budgets with spend, rate limit, revoke; and the vendor credentials. */
export function KeysView() {
  const keys = useQuery(KeysDocument, {});
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<{ name: string; key: string } | null>(null);
  const [budgetOf, setBudgetOf] = useState<string | null>(null);
  const revoke = useMutation(RevokeKeyDocument);
  const update = useMutation(UpdateKeyDocument);
  // Spend moves as generations settle: read the keys again, at most every half second.
  const pending = useRef<number | null>(null);
  useSubscription(KeyUsageDocument, {}, ({ usageUpdated }) => {
    if (!usageUpdated.apiKey || pending.current !== null) return;
    pending.current = window.setTimeout(() => {
      pending.current = null;
      keys.refetch();
    }, 500);
  });
  return (
    <>
      {secret ? <SecretOnce name={secret.name} secret={secret.key} onClose={() => setSecret(null)} /> : null}
      {creating ? (
        <CreateKey
          onDone={(created) => {
            setCreating(false);
            if (created) {
              setSecret(created);
              keys.refetch();
            }
          }}
        />
      ) : null}
      <Panel
        title="API keys"
        actions={
          <button type="button" onClick={() => setCreating(true)}>
            Create a key
          </button>
        }
      >
        <ErrorLine error={keys.error ?? revoke.error ?? update.error} />
        <table className="grid" data-testid="keys-table">
          <thead>
            <tr>
              <th>Name</th>
              <th>Prefix</th>
              <th>Scopes</th>
              <th>Models</th>
              <th className="num">Rate limit</th>
              <th>Request log</th>
              <th className="num">Daily budget</th>
              <th className="num">Spent today</th>
              <th className="num">Monthly budget</th>
              <th className="num">Spent this month</th>
              <th className="num">Remaining</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {(keys.data?.apiKeys ?? []).map((k) => (
              <tr key={k.id} className={k.revoked ? 'revoked' : ''}>
                <td>
                  <strong>{k.name}</strong>
                  <div className="sub">created {when(k.createdAt)}</div>
                  {budgetOf === k.id ? (
                    <BudgetForm
                      apiKeyId={k.id}
                      daily={k.budget.daily}
                      monthly={k.budget.monthly}
                      onDone={() => {
                        setBudgetOf(null);
                        keys.refetch();
                      }}
                    />
                  ) : null}
                </td>
                <td>
                  <code>{k.prefix}…</code>
                </td>
                <td>{k.scopes.join(', ').toLowerCase()}</td>
                <td>{k.models ? k.models.join(', ') : 'all'}</td>
                <td className="num">{k.requestsPerMinute ? `${k.requestsPerMinute}/min` : '—'}</td>
                <td>
                  <RequestLogSelect
                    name={`requestLog-${k.id}`}
                    value={k.requestLog ?? ''}
                    inherit="inherit"
                    disabled={k.revoked || update.running}
                    onChange={async (mode) => {
                      if (await update.run({ id: k.id, input: { requestLog: mode || null } })) keys.refetch();
                    }}
                  />
                </td>
                <td className="num">{usd(k.budget.daily)}</td>
                <td className="num">{usd(k.budget.spentToday)}</td>
                <td className="num">{usd(k.budget.monthly)}</td>
                <td className="num">{usd(k.budget.spentThisMonth)}</td>
                <td className="num">{usd(k.budget.remaining)}</td>
                <td>
                  <div className="row-actions">
                    {k.revoked ? (
                      <Badge tone="muted">revoked {when(k.revokedAt)}</Badge>
                    ) : (
                      <>
                        <button type="button" onClick={() => setBudgetOf(budgetOf === k.id ? null : k.id)}>
                          Budget
                        </button>
                        <button
                          type="button"
                          className="danger"
                          onClick={async () => {
                            if (
                              confirm(`Revoke ${k.name}? Its requests and open connections stop at once.`) &&
                              (await revoke.run({ id: k.id }))
                            )
                              keys.refetch();
                          }}
                        >
                          Revoke
                        </button>
                      </>
                    )}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Panel>
      <CredentialsPanel />
    </>
  );
}

function CreateKey({ onDone }: { onDone(created: { name: string; key: string } | null): void }) {
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<ApiKeyScope[]>(['CLIENT']);
  const [rpm, setRpm] = useState('');
  const [daily, setDaily] = useState('');
  const [monthly, setMonthly] = useState('');
  const [models, setModels] = useState('');
  const [requestLog, setRequestLog] = useState<RequestLogMode | ''>('');
  const create = useMutation(CreateKeyDocument);
  const fields = create.error?.fieldErrors() ?? {};
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const budget = { daily: numberOrUndefined(daily), monthly: numberOrUndefined(monthly) };
    const allowed = models
      .split(',')
      .map((m) => m.trim())
      .filter(Boolean);
    const result = await create.run({
      input: {
        name: name.trim(),
        scopes,
        requestsPerMinute: numberOrUndefined(rpm),
        ...(budget.daily !== undefined || budget.monthly !== undefined ? { budget } : {}),
        ...(allowed.length ? { models: allowed } : {}),
        ...(requestLog ? { requestLog } : {}),
      },
    });
    if (result) onDone({ name: result.createApiKey.apiKey.name, key: result.createApiKey.key });
  };
  const toggle = (scope: ApiKeyScope) => setScopes((all) => (all.includes(scope) ? all.filter((s) => s !== scope) : [...all, scope]));
  return (
    <Panel title="Create an API key">
      <form className="form-grid" onSubmit={submit}>
        <Field label="Name" error={fields.name}>
          <input name="name" value={name} onChange={(e) => setName(e.target.value)} />
        </Field>
        <Field label="Scopes" error={fields.scopes}>
          <span className="checks">
            {(['CLIENT', 'ADMIN'] as const).map((s) => (
              <label key={s} className="inline">
                <input type="checkbox" checked={scopes.includes(s)} onChange={() => toggle(s)} /> {s.toLowerCase()}
              </label>
            ))}
          </span>
        </Field>
        <Field label="Requests per minute (empty: no limit)" error={fields.requestsPerMinute}>
          <input name="requestsPerMinute" inputMode="numeric" value={rpm} onChange={(e) => setRpm(e.target.value)} />
        </Field>
        <Field label="Models, pools, prefix/* (comma-separated; empty: all)" error={fields.models}>
          <input name="models" value={models} onChange={(e) => setModels(e.target.value)} />
        </Field>
        <Field label="Request log (empty: the model's, else the gateway's)" error={fields.requestLog}>
          <RequestLogSelect name="requestLog" value={requestLog} inherit="inherit" onChange={setRequestLog} />
        </Field>
        <Field label="Daily budget (USD)" error={fields['budget.daily']}>
          <input name="daily" inputMode="decimal" value={daily} onChange={(e) => setDaily(e.target.value)} />
        </Field>
        <Field label="Monthly budget (USD)" error={fields['budget.monthly']}>
          <input name="monthly" inputMode="decimal" value={monthly} onChange={(e) => setMonthly(e.target.value)} />
        </Field>
        <div className="form-actions">
          <ErrorLine error={create.error && Object.keys(fields).length === 0 ? create.error : null} />
          <button type="submit" disabled={create.running}>
            Create
          </button>
          <button type="button" className="secondary" onClick={() => onDone(null)}>
            Cancel
          </button>
        </div>
      </form>
    </Panel>
  );
}

/** The new key's secret, this once: the gateway stores only its hash. */
function SecretOnce({ name, secret, onClose }: { name: string; secret: string; onClose(): void }) {
  const [copied, setCopied] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied(true);
    } catch {
      input.current?.select(); // no clipboard access (a page not served over a secure origin): select it for Ctrl+C
    }
  };
  return (
    <Panel title={`Key “${name}” created`}>
      <p>Copy the secret now: it is shown this once and cannot be read again.</p>
      <div className="secret">
        <input ref={input} readOnly value={secret} data-testid="new-key-secret" onFocus={(e) => e.target.select()} />
        <button type="button" onClick={copy}>
          {copied ? 'Copied' : 'Copy'}
        </button>
        <button type="button" className="secondary" onClick={onClose}>
          Done
        </button>
      </div>
    </Panel>
  );
}

function BudgetForm({
  apiKeyId,
  daily,
  monthly,
  onDone,
}: {
  apiKeyId: string;
  daily: number | null;
  monthly: number | null;
  onDone(): void;
}) {
  const [d, setD] = useState(daily === null ? '' : String(daily));
  const [m, setM] = useState(monthly === null ? '' : String(monthly));
  const set = useMutation(SetBudgetDocument);
  const fields = set.error?.fieldErrors() ?? {};
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // Empty clears the budget (null); the gateway checks the numbers.
    if (await set.run({ input: { apiKeyId, daily: numberOrUndefined(d) ?? null, monthly: numberOrUndefined(m) ?? null } })) onDone();
  };
  return (
    <form className="inline-form" onSubmit={submit}>
      <Field label="Daily USD (empty: none)" error={fields.daily}>
        <input name="budgetDaily" inputMode="decimal" value={d} onChange={(e) => setD(e.target.value)} />
      </Field>
      <Field label="Monthly USD (empty: none)" error={fields.monthly}>
        <input name="budgetMonthly" inputMode="decimal" value={m} onChange={(e) => setM(e.target.value)} />
      </Field>
      <button type="submit" disabled={set.running}>
        Set
      </button>
      <ErrorLine error={set.error && Object.keys(fields).length === 0 ? set.error : null} />
    </form>
  );
}
