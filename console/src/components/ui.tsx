import type { ReactNode } from 'react';
import { describeError, type RequestError } from '../api/errors';

/** An error line for a request that failed (nothing when there is none). */
export function ErrorLine({ error }: { error: RequestError | Error | null | undefined }) {
  if (!error) return null;
  return (
    <p className="error" role="alert">
      {describeError(error)}
    </p>
  );
}

/** A labelled form field with the gateway's error for it underneath. */
export function Field({ label, error, children, hint }: { label: string; error?: string | undefined; children: ReactNode; hint?: string }) {
  return (
    // biome-ignore lint/a11y/noLabelWithoutControl: the control is children, wrapped by the label
    <label className={error ? 'field invalid' : 'field'}>
      <span className="label">{label}</span>
      {children}
      {hint && !error ? <span className="hint">{hint}</span> : null}
      {error ? (
        <span className="field-error" role="alert">
          {error}
        </span>
      ) : null}
    </label>
  );
}

export function Badge({ tone, children }: { tone: 'ok' | 'warn' | 'bad' | 'muted' | 'info'; children: ReactNode }) {
  return <span className={`badge ${tone}`}>{children}</span>;
}

export function Panel({ title, actions, children }: { title: string; actions?: ReactNode; children: ReactNode }) {
  return (
    <section className="panel">
      <header>
        <h2>{title}</h2>
        {actions ? <div className="actions">{actions}</div> : null}
      </header>
      {children}
    </section>
  );
}

/**
 * A number field's value: '' → undefined (unset), a number → that number, anything else is sent
 * as typed, so the gateway names the field and what it expected (`Float cannot represent…`).
 */
export function numberOrUndefined(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : (trimmed as unknown as number);
}
