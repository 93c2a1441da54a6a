import type { GenerateInput, ReasoningEffort, ResponseFormatType, ToolChoiceInput } from '../../gql/graphql';
import { numberOrUndefined } from '../../components/ui';

/** A tool as the user edits it: the parameters are the JSON Schema as typed. */
export interface ToolDraft {
  key: number;
  name: string;
  description: string;
  parameters: string;
  strict: boolean;
}

/** What the playground sends with every turn besides the messages; every field as typed. */
export interface RequestSettings {
  system: string;
  maxTokens: string;
  temperature: string;
  topP: string;
  /** One stop sequence per line. */
  stop: string;
  reasoningEffort: ReasoningEffort | '';
  reasoningBudgetTokens: string;
  tools: ToolDraft[];
  /** `AUTO`, `NONE`, `REQUIRED`, or `tool:<name>` (that tool must be called). */
  toolChoice: string;
  format: ResponseFormatType;
  formatName: string;
  formatSchema: string;
  formatStrict: boolean;
}

export const EMPTY_SETTINGS: RequestSettings = {
  system: '',
  maxTokens: '',
  temperature: '',
  topP: '',
  stop: '',
  reasoningEffort: '',
  reasoningBudgetTokens: '',
  tools: [],
  toolChoice: 'AUTO',
  format: 'TEXT',
  formatName: '',
  formatSchema: '{\n  "type": "object",\n  "properties": {},\n  "required": []\n}',
  formatStrict: false,
};

export function newTool(key: number): ToolDraft {
  return {
    key,
    name: '',
    description: '',
    parameters: '{\n  "type": "object",\n  "properties": {},\n  "required": []\n}',
    strict: false,
  };
}

/**
 * Problems found before sending, keyed by the path the gateway names in its BAD_USER_INPUT
 * errors (`tools[0].parameters`, `responseFormat.schema`), so either kind shows at its field.
 */
export type SettingsErrors = Record<string, string>;

/** A JSON object as typed, or what is wrong with it. */
function parseObject(text: string): { value: Record<string, unknown> } | { error: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { error: `not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { error: 'expected a JSON object ({ … })' };
  return { value: value as Record<string, unknown> };
}

/** The settings as GenerateInput fields, or the problems that keep them from being sent. */
export function readSettings(s: RequestSettings): { input: Omit<GenerateInput, 'messages' | 'sessionId'>; errors: SettingsErrors } {
  const errors: SettingsErrors = {};
  const stop = s.stop.split('\n').filter((line) => line !== '');
  const params = {
    maxTokens: numberOrUndefined(s.maxTokens),
    temperature: numberOrUndefined(s.temperature),
    topP: numberOrUndefined(s.topP),
    ...(stop.length ? { stop } : {}),
  };
  const names = new Set<string>();
  const tools = s.tools.map((tool, i) => {
    const name = tool.name.trim();
    if (!name) errors[`tools[${i}].name`] = 'is required: the function name the model calls';
    else if (names.has(name)) errors[`tools[${i}].name`] = `another tool is named ${name}`;
    names.add(name);
    const parsed = parseObject(tool.parameters);
    if ('error' in parsed) errors[`tools[${i}].parameters`] = parsed.error;
    const description = tool.description.trim();
    return {
      name,
      parameters: 'value' in parsed ? parsed.value : {},
      ...(description ? { description } : {}),
      ...(tool.strict ? { strict: true } : {}),
    };
  });
  let toolChoice: ToolChoiceInput | undefined;
  if (tools.length) {
    const forced = s.toolChoice.startsWith('tool:') ? s.toolChoice.slice(5) : null;
    if (forced !== null && !names.has(forced)) errors.toolChoice = `no tool is named ${forced} any more`;
    toolChoice =
      forced !== null ? { name: forced } : { mode: s.toolChoice === 'NONE' || s.toolChoice === 'REQUIRED' ? s.toolChoice : 'AUTO' };
  }
  let responseFormat: GenerateInput['responseFormat'];
  if (s.format === 'JSON_OBJECT') responseFormat = { type: 'JSON_OBJECT' };
  if (s.format === 'JSON_SCHEMA') {
    const parsed = parseObject(s.formatSchema);
    if ('error' in parsed) errors['responseFormat.schema'] = parsed.error;
    const name = s.formatName.trim();
    responseFormat = {
      type: 'JSON_SCHEMA',
      schema: 'value' in parsed ? parsed.value : {},
      ...(name ? { name } : {}),
      ...(s.formatStrict ? { strict: true } : {}),
    };
  }
  return {
    input: {
      params,
      ...(tools.length ? { tools, toolChoice } : {}),
      ...(responseFormat ? { responseFormat } : {}),
      ...(s.reasoningEffort ? { reasoningEffort: s.reasoningEffort } : {}),
      ...(s.reasoningBudgetTokens.trim() ? { reasoningBudgetTokens: numberOrUndefined(s.reasoningBudgetTokens) } : {}),
    },
    errors,
  };
}
