import { type ReactNode, useEffect, useState } from 'react';
import { Field, Panel } from '../../components/ui';
import type { ReasoningEffort, ResponseFormatType } from '../../gql/graphql';
import type { RequestSettings, SettingsErrors } from './request-settings';
import { ToolsEditor } from './tools-editor';

const EFFORTS: ReasoningEffort[] = ['MINIMAL', 'LOW', 'MEDIUM', 'HIGH'];

/** A folding section whose summary says what is set in it; it opens by itself when a problem is found in it. */
function Section(props: { title: string; note: string; name: string; defaultOpen?: boolean; problem: boolean; children: ReactNode }) {
  const { title, note, name, defaultOpen = false, problem, children } = props;
  const [shown, setShown] = useState(defaultOpen || problem);
  useEffect(() => {
    if (problem) setShown(true);
  }, [problem]);
  return (
    <details className="settings-section" open={shown} onToggle={(e) => setShown(e.currentTarget.open)} data-testid={`section-${name}`}>
      <summary>
        {title} <span className="sub">{note}</span>
      </summary>
      <div className="settings-body">{children}</div>
    </details>
  );
}

/**
 * What every turn of the playground sends besides its messages: the system prompt, the sampling
 * parameters, tools and the answer's format. Each problem shows at its field — found here (a
 * JSON Schema that does not parse) or named by the gateway's BAD_USER_INPUT.
 */
export function SettingsPanel({
  settings,
  errors,
  onChange,
}: {
  settings: RequestSettings;
  errors: SettingsErrors;
  onChange(patch: Partial<RequestSettings>): void;
}) {
  const s = settings;
  const text = (key: keyof RequestSettings) => ({
    name: key,
    value: s[key] as string,
    onChange: (e: { target: { value: string } }) => onChange({ [key]: e.target.value }),
  });
  const sampling = [
    s.maxTokens && `max ${s.maxTokens}`,
    s.temperature && `temp ${s.temperature}`,
    s.topP && `top p ${s.topP}`,
    s.stop && 'stop',
    s.reasoningEffort && `effort ${s.reasoningEffort.toLowerCase()}`,
    s.reasoningBudgetTokens && `thinking ${s.reasoningBudgetTokens}`,
  ].filter(Boolean);
  const problemIn = (...prefixes: string[]) => Object.keys(errors).some((k) => prefixes.some((p) => k.startsWith(p)));

  return (
    <Panel title="Request">
      <div className="settings" data-testid="settings">
        <Field label="System prompt" hint="Sent first when it differs from the session's last system message (the session keeps each one).">
          <textarea rows={3} placeholder="You are a helpful assistant." {...text('system')} />
        </Field>
        <Section
          title="Sampling"
          name="sampling"
          note={sampling.join(' · ') || "the session's and model's defaults"}
          problem={problemIn('params', 'reasoning')}
        >
          <div className="form-grid compact">
            <Field label="Max tokens" error={errors['params.maxTokens']}>
              <input inputMode="numeric" placeholder="default" {...text('maxTokens')} />
            </Field>
            <Field label="Temperature" error={errors['params.temperature']} hint="0 to 2">
              <input inputMode="decimal" placeholder="default" {...text('temperature')} />
            </Field>
            <Field label="Top p" error={errors['params.topP']} hint="above 0, at most 1">
              <input inputMode="decimal" placeholder="default" {...text('topP')} />
            </Field>
            <Field label="Reasoning effort" error={errors.reasoningEffort}>
              <select
                name="reasoningEffort"
                value={s.reasoningEffort}
                onChange={(e) => onChange({ reasoningEffort: e.target.value as ReasoningEffort | '' })}
              >
                <option value="">unset</option>
                {EFFORTS.map((effort) => (
                  <option key={effort} value={effort}>
                    {effort.toLowerCase()}
                  </option>
                ))}
              </select>
            </Field>
            <Field label="Thinking budget" error={errors.reasoningBudgetTokens} hint="tokens (Anthropic, ≥ 1024)">
              <input inputMode="numeric" placeholder="unset" {...text('reasoningBudgetTokens')} />
            </Field>
            <div className="wide">
              <Field label="Stop sequences" error={errors['params.stop']} hint="one per line, up to 4">
                <textarea rows={2} {...text('stop')} />
              </Field>
            </div>
          </div>
        </Section>
        <Section
          title="Tools"
          name="tools"
          note={s.tools.length ? s.tools.map((t) => t.name || '(unnamed)').join(', ') : 'none'}
          defaultOpen
          problem={problemIn('tools', 'toolChoice')}
        >
          <ToolsEditor settings={s} errors={errors} onChange={onChange} />
        </Section>
        <Section title="Answer format" name="format" note={s.format.toLowerCase().replace('_', ' ')} problem={problemIn('responseFormat')}>
          <Field label="Format" error={errors.responseFormat}>
            <select name="format" value={s.format} onChange={(e) => onChange({ format: e.target.value as ResponseFormatType })}>
              <option value="TEXT">text</option>
              <option value="JSON_OBJECT">JSON object (any)</option>
              <option value="JSON_SCHEMA">JSON following a schema</option>
            </select>
          </Field>
          {s.format === 'JSON_SCHEMA' ? (
            <>
              <Field label="Schema name" error={errors['responseFormat.name']}>
                <input placeholder="answer" {...text('formatName')} />
              </Field>
              <Field label="Schema (JSON Schema)" error={errors['responseFormat.schema']}>
                <textarea className="code" rows={8} spellCheck={false} {...text('formatSchema')} />
              </Field>
              <label className="inline">
                <input type="checkbox" checked={s.formatStrict} onChange={(e) => onChange({ formatStrict: e.target.checked })} /> strict
              </label>
            </>
          ) : null}
        </Section>
      </div>
    </Panel>
  );
}
