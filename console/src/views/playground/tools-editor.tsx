import { Field } from '../../components/ui';
import { newTool, type RequestSettings, type SettingsErrors, type ToolDraft } from './request-settings';

/**
 * The functions the model may call, each with its parameters as a JSON Schema (checked as typed:
 * a schema that is not a JSON object is marked and keeps the turn from being sent), and which of
 * them it must call.
 */
export function ToolsEditor({
  settings,
  errors,
  onChange,
}: {
  settings: RequestSettings;
  errors: SettingsErrors;
  onChange(patch: Partial<RequestSettings>): void;
}) {
  const { tools } = settings;
  const set = (i: number, patch: Partial<ToolDraft>) => {
    const before = tools[i];
    const next = tools.map((tool, j) => (j === i ? { ...tool, ...patch } : tool));
    // A tool that must be called follows its renaming.
    const renamed = before && patch.name !== undefined && settings.toolChoice === `tool:${before.name.trim()}`;
    onChange({ tools: next, ...(renamed ? { toolChoice: `tool:${patch.name?.trim()}` } : {}) });
  };
  const remove = (i: number) => {
    const gone = tools[i];
    onChange({
      tools: tools.filter((_, j) => j !== i),
      ...(gone && settings.toolChoice === `tool:${gone.name.trim()}` ? { toolChoice: 'AUTO' } : {}),
    });
  };
  const add = () => onChange({ tools: [...tools, newTool(Math.max(0, ...tools.map((t) => t.key)) + 1)] });

  return (
    <div className="tools" data-testid="tools">
      {tools.map((tool, i) => (
        <fieldset key={tool.key} className="tool" data-testid={`tool-${i}`}>
          <legend>
            tool {i + 1}
            <button type="button" className="link" onClick={() => remove(i)}>
              remove
            </button>
          </legend>
          <Field label="Name" error={errors[`tools[${i}].name`]}>
            <input name={`tool-name-${i}`} value={tool.name} placeholder="get_weather" onChange={(e) => set(i, { name: e.target.value })} />
          </Field>
          <Field label="Description">
            <input
              name={`tool-description-${i}`}
              value={tool.description}
              placeholder="What it does, for the model"
              onChange={(e) => set(i, { description: e.target.value })}
            />
          </Field>
          <Field label="Parameters (JSON Schema)" error={errors[`tools[${i}].parameters`]}>
            <textarea
              className="code"
              name={`tool-parameters-${i}`}
              rows={6}
              spellCheck={false}
              value={tool.parameters}
              onChange={(e) => set(i, { parameters: e.target.value })}
            />
          </Field>
          <label className="inline">
            <input type="checkbox" checked={tool.strict} onChange={(e) => set(i, { strict: e.target.checked })} /> strict (arguments held to
            the schema exactly)
          </label>
        </fieldset>
      ))}
      <div className="form-actions">
        <button type="button" className="secondary" onClick={add}>
          Add a tool
        </button>
        {tools.length ? (
          <Field label="Tool choice" error={errors.toolChoice}>
            <select name="tool-choice" value={settings.toolChoice} onChange={(e) => onChange({ toolChoice: e.target.value })}>
              <option value="AUTO">auto: the model decides</option>
              <option value="NONE">none: no tool call</option>
              <option value="REQUIRED">required: at least one call</option>
              {tools
                .filter((t) => t.name.trim())
                .map((t) => (
                  <option key={t.key} value={`tool:${t.name.trim()}`}>
                    call {t.name.trim()}
                  </option>
                ))}
              {settings.toolChoice.startsWith('tool:') && !tools.some((t) => `tool:${t.name.trim()}` === settings.toolChoice) ? (
                <option value={settings.toolChoice}>call {settings.toolChoice.slice(5)} (gone)</option>
              ) : null}
            </select>
          </Field>
        ) : null}
      </div>
    </div>
  );
}
