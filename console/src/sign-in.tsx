import { type FormEvent, useState } from 'react';

/** Asks for an API key; it is kept in sessionStorage only. */
export function SignIn({ problem, onSubmit }: { problem: string | null; onSubmit(key: string): Promise<string | null> }) {
  const [key, setKey] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(problem);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!key.trim()) return setError('Enter an API key.');
    setBusy(true);
    setError(await onSubmit(key.trim()));
    setBusy(false);
  };
  return (
    <form className="sign-in panel" onSubmit={submit}>
      <h1>Switchyard console</h1>
      <p>This gateway asks for an API key. An admin key sees everything; a client key sees its own sessions and costs.</p>
      <label className="field">
        <span className="label">API key</span>
        <input
          name="apiKey"
          type="password"
          autoComplete="off"
          // biome-ignore lint/a11y/noAutofocus: the sign-in form's only field; nothing else on the page to read first
          autoFocus
          value={key}
          onChange={(e) => setKey(e.target.value)}
        />
        <span className="hint">Kept in this tab's sessionStorage only, sent as Authorization: Bearer.</span>
      </label>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
      <button type="submit" disabled={busy}>
        Sign in
      </button>
    </form>
  );
}
