import { type FormEvent, useState } from 'react';
import { useMutation, useQuery } from '../api/hooks';
import { graphql } from '../gql';
import { when } from '../components/format';
import { ErrorLine, Field, Panel } from '../components/ui';

const CredentialsDocument = graphql(`query ConsoleCredentials { credentials { name mask createdAt rotatedAt models } }`);
const CreateCredentialDocument = graphql(`
  mutation ConsoleCreateCredential($input: CreateCredentialInput!) { createCredential(input: $input) { name mask } }
`);
const RotateCredentialDocument = graphql(`
  mutation ConsoleRotateCredential($name: String!, $secret: String!) { rotateCredential(name: $name, secret: $secret) { name mask } }
`);
const DeleteCredentialDocument = graphql(`mutation ConsoleDeleteCredential($name: String!) { deleteCredential(name: $name) { name } }`);

/** Vendor credentials (admin): stored encrypted by the gateway; listed by mask only, created, rotated and deleted here. */
export function CredentialsPanel() {
  const credentials = useQuery(CredentialsDocument, {});
  const [editing, setEditing] = useState<{ name: string | null } | null>(null);
  const remove = useMutation(DeleteCredentialDocument);
  return (
    <>
      {editing ? (
        <SecretForm
          name={editing.name}
          onDone={(changed) => {
            setEditing(null);
            if (changed) credentials.refetch();
          }}
        />
      ) : null}
      <Panel
        title="Vendor credentials"
        actions={
          <button type="button" onClick={() => setEditing({ name: null })}>
            Add a credential
          </button>
        }
      >
        <ErrorLine error={credentials.error ?? remove.error} />
        <table className="grid" data-testid="credentials-table">
          <thead>
            <tr>
              <th>Name</th>
              <th>Secret</th>
              <th>Rotated</th>
              <th>Used by</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {(credentials.data?.credentials ?? []).map((c) => (
              <tr key={c.name}>
                <td>
                  <strong>{c.name}</strong>
                  <div className="sub">created {when(c.createdAt)}</div>
                </td>
                <td>
                  <code>{c.mask}</code>
                </td>
                <td>{c.rotatedAt ? when(c.rotatedAt) : '—'}</td>
                <td>{c.models.length ? c.models.join(', ') : '—'}</td>
                <td>
                  <div className="row-actions">
                    <button type="button" onClick={() => setEditing({ name: c.name })}>
                      Rotate
                    </button>
                    <button
                      type="button"
                      className="danger"
                      onClick={async () => {
                        if (confirm(`Delete the credential ${c.name}?`) && (await remove.run({ name: c.name }))) credentials.refetch();
                      }}
                    >
                      Delete
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Panel>
    </>
  );
}

/** A new credential (`name` null) or a rotation of `name`: the secret is sent once and never shown again. */
function SecretForm({ name, onDone }: { name: string | null; onDone(changed: boolean): void }) {
  const [newName, setNewName] = useState('');
  const [secret, setSecret] = useState('');
  const create = useMutation(CreateCredentialDocument);
  const rotate = useMutation(RotateCredentialDocument);
  const error = name === null ? create.error : rotate.error;
  const fields = error?.fieldErrors() ?? {};
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const done = name === null ? await create.run({ input: { name: newName.trim(), secret } }) : await rotate.run({ name, secret });
    if (done) onDone(true);
  };
  return (
    <Panel title={name === null ? 'Add a vendor credential' : `Rotate “${name}”`}>
      <form className="form-grid" onSubmit={submit}>
        {name === null ? (
          <Field label="Name (what models name in credential)" error={fields.name}>
            <input name="credentialName" value={newName} onChange={(e) => setNewName(e.target.value)} />
          </Field>
        ) : null}
        <Field label="Vendor key (stored encrypted; never shown again)" error={fields.secret}>
          <input name="credentialSecret" type="password" autoComplete="off" value={secret} onChange={(e) => setSecret(e.target.value)} />
        </Field>
        <div className="form-actions">
          <ErrorLine error={error && Object.keys(fields).length === 0 ? error : null} />
          <button type="submit" disabled={create.running || rotate.running}>
            {name === null ? 'Store' : 'Save the new key'}
          </button>
          <button type="button" className="secondary" onClick={() => onDone(false)}>
            Cancel
          </button>
        </div>
      </form>
    </Panel>
  );
}
