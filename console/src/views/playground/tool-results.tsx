import { type FormEvent, useState } from 'react';

export interface ToolCallToAnswer {
  id: string;
  name: string;
  arguments: string;
}

/**
 * The answer asked for tool calls: a result for each (what the function returned, as the model
 * will read it), sent together as TOOL messages that continue the conversation.
 */
export function ToolResults({
  calls,
  disabled,
  onSend,
}: {
  calls: ToolCallToAnswer[];
  disabled: boolean;
  onSend(results: { call: ToolCallToAnswer; content: string }[]): void;
}) {
  const [results, setResults] = useState<Record<string, string>>({});
  const missing = calls.filter((call) => !(results[call.id] ?? '').trim()).length;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (missing || disabled) return;
    onSend(calls.map((call) => ({ call, content: results[call.id] ?? '' })));
  };
  return (
    <form className="tool-results" data-testid="tool-results" onSubmit={submit}>
      <p className="sub">
        The model asked for {calls.length === 1 ? 'a tool call' : `${calls.length} tool calls`}: run {calls.length === 1 ? 'it' : 'them'}{' '}
        and give the result{calls.length === 1 ? '' : 's'}.
      </p>
      {calls.map((call, i) => (
        <label key={call.id} className="field">
          <span className="label">
            result of <code>{call.name}</code> <span className="sub">({call.id})</span>
          </span>
          <textarea
            name={`tool-result-${i}`}
            rows={2}
            value={results[call.id] ?? ''}
            placeholder='e.g. {"temperature": 21}'
            onChange={(e) => setResults((all) => ({ ...all, [call.id]: e.target.value }))}
          />
        </label>
      ))}
      <div className="form-actions">
        <button type="submit" disabled={missing > 0 || disabled}>
          Send results
        </button>
        {missing ? (
          <span className="sub">{missing === calls.length ? 'every call needs a result' : `${missing} still without a result`}</span>
        ) : null}
      </div>
    </form>
  );
}
