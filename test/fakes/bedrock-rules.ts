/**
 * What Bedrock's Converse refuses with a 400 ValidationException, for the fake: unknown fields,
 * missing required ones, a conversation that does not start with the user or does not alternate,
 * blank text, content blocks of no or several kinds, tool blocks without a toolConfig, tool results
 * that answer no tool call of the turn before, bad inference parameters and tool choices. The
 * messages follow the API's own wording.
 * @see https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_Converse.html
 * @see https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_ContentBlock.html
 * @see https://docs.aws.amazon.com/bedrock/latest/userguide/tool-use-inference-call.html
 */

type Obj = Record<string, unknown>;
const isObj = (value: unknown): value is Obj => typeof value === 'object' && value !== null && !Array.isArray(value);

const BODY_FIELDS = new Set([
  'messages',
  'system',
  'inferenceConfig',
  'toolConfig',
  'guardrailConfig',
  'additionalModelRequestFields',
  'additionalModelResponseFieldPaths',
  'promptVariables',
  'requestMetadata',
  'performanceConfig',
]);
const INFERENCE_FIELDS = new Set(['maxTokens', 'temperature', 'topP', 'stopSequences']);
const CONTENT_KINDS = new Set([
  'text',
  'image',
  'document',
  'video',
  'toolUse',
  'toolResult',
  'guardContent',
  'cachePoint',
  'reasoningContent',
  'citationsContent',
]);
const IMAGE_FORMATS = new Set(['png', 'jpeg', 'gif', 'webp']);
const DOCUMENT_FORMATS = new Set(['pdf', 'csv', 'doc', 'docx', 'xls', 'xlsx', 'html', 'txt', 'md']);
const TOOL_NAME = /^[a-zA-Z0-9_-]{1,64}$/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const DOCUMENT_NAME = /^(?:[A-Za-z0-9\-()[\]]|\s(?!\s))+$/;

function unknownField(object: Obj, allowed: ReadonlySet<string>, path: string): string | undefined {
  const extra = Object.keys(object).find((key) => !allowed.has(key));
  return extra === undefined
    ? undefined
    : `Malformed input request: ${path}: extraneous key [${extra}] is not permitted, please reformat your input and try again.`;
}

function checkBlock(block: unknown, path: string, role: string): string | undefined {
  if (!isObj(block)) return `${path} must be an object.`;
  const kinds = Object.keys(block);
  if (kinds.length !== 1 || !CONTENT_KINDS.has(kinds[0] ?? '')) return `${path} must set exactly one of the ContentBlock members.`;
  const [kind] = kinds;
  const value = block[kind as string];
  switch (kind) {
    case 'text':
      if (typeof value !== 'string') return `${path}.text must be a string.`;
      if (!value.trim()) return `The text field in the ContentBlock object at ${path} is blank. Add text to the text field, and try again.`;
      return undefined;
    case 'image': {
      if (role !== 'user') return `${path}: images are only accepted in user messages.`;
      if (!isObj(value) || !IMAGE_FORMATS.has(value.format as string)) return `${path}.image.format must be one of png, jpeg, gif, webp.`;
      const source = value.source;
      if (!isObj(source) || typeof source.bytes !== 'string' || !BASE64.test(source.bytes) || !source.bytes)
        return `${path}.image.source.bytes must be base64.`;
      return unknownField(value, new Set(['format', 'source']), `${path}.image`);
    }
    case 'document': {
      if (!isObj(value) || !DOCUMENT_FORMATS.has(value.format as string)) return `${path}.document.format is not a supported format.`;
      if (typeof value.name !== 'string' || !DOCUMENT_NAME.test(value.name))
        return `${path}.document.name may only contain alphanumeric characters, whitespace characters (no more than one in a row), hyphens, parentheses, and square brackets.`;
      const source = value.source;
      if (!isObj(source) || typeof source.bytes !== 'string' || !BASE64.test(source.bytes))
        return `${path}.document.source.bytes must be base64.`;
      return unknownField(value, new Set(['format', 'name', 'source', 'context', 'citations']), `${path}.document`);
    }
    case 'toolUse':
      if (role !== 'assistant') return `${path}: toolUse blocks are only accepted in assistant messages.`;
      if (!isObj(value) || typeof value.toolUseId !== 'string' || typeof value.name !== 'string' || !isObj(value.input))
        return `${path}.toolUse needs toolUseId, name and an object input.`;
      return unknownField(value, new Set(['toolUseId', 'name', 'input', 'type']), `${path}.toolUse`);
    case 'toolResult':
      if (role !== 'user') return `${path}: toolResult blocks are only accepted in user messages.`;
      if (!isObj(value) || typeof value.toolUseId !== 'string' || !Array.isArray(value.content))
        return `${path}.toolResult needs toolUseId and a content list.`;
      for (const [k, item] of value.content.entries())
        if (!isObj(item) || Object.keys(item).length !== 1 || !['text', 'json', 'image', 'document'].includes(Object.keys(item)[0] ?? ''))
          return `${path}.toolResult.content.${k} must set exactly one of text, json, image, document.`;
      return unknownField(value, new Set(['toolUseId', 'content', 'status', 'type']), `${path}.toolResult`);
    case 'reasoningContent':
      if (role !== 'assistant') return `${path}: reasoningContent is only accepted in assistant messages.`;
      if (!isObj(value)) return `${path}.reasoningContent must be an object.`;
      if (isObj(value.reasoningText)) {
        if (typeof value.reasoningText.text !== 'string') return `${path}.reasoningContent.reasoningText.text must be a string.`;
        return undefined;
      }
      if (typeof value.redactedContent === 'string') return undefined;
      return `${path}.reasoningContent must set reasoningText or redactedContent.`;
    default:
      return undefined;
  }
}

/** The toolUse ids of an assistant turn. */
const toolUseIds = (message: Obj | undefined) =>
  new Set(
    (Array.isArray(message?.content) ? message.content : [])
      .filter((block): block is { toolUse: { toolUseId: string } } => isObj(block) && isObj(block.toolUse))
      .map((block) => block.toolUse.toolUseId),
  );

function checkMessages(messages: unknown): { problem?: string; usesTools: boolean } {
  let usesTools = false;
  if (!Array.isArray(messages) || messages.length === 0) return { problem: 'messages must be a non-empty list.', usesTools };
  for (const [i, message] of messages.entries()) {
    if (!isObj(message)) return { problem: `messages.${i} must be an object.`, usesTools };
    const extra = unknownField(message, new Set(['role', 'content']), `messages.${i}`);
    if (extra) return { problem: extra, usesTools };
    if (message.role !== 'user' && message.role !== 'assistant')
      return { problem: `messages.${i}.role must be one of user, assistant.`, usesTools };
    if (i === 0 && message.role !== 'user')
      return {
        problem: 'A conversation must start with a user message. Try again with a conversation that starts with a user message.',
        usesTools,
      };
    if (i > 0 && (messages[i - 1] as Obj).role === message.role)
      return {
        problem:
          'A conversation must alternate between user and assistant roles. Make sure the conversation alternates between user and assistant roles and try again.',
        usesTools,
      };
    if (!Array.isArray(message.content) || message.content.length === 0)
      return {
        problem: `The content field in the Message object at messages.${i} is empty. Add a ContentBlock object to the content field and try again.`,
        usesTools,
      };
    const answered = toolUseIds(messages[i - 1] as Obj | undefined);
    for (const [j, block] of message.content.entries()) {
      const problem = checkBlock(block, `messages.${i}.content.${j}`, message.role);
      if (problem) return { problem, usesTools };
      const item = block as Obj;
      if ('toolUse' in item || 'toolResult' in item) usesTools = true;
      if (isObj(item.toolResult) && !answered.has(item.toolResult.toolUseId as string))
        return {
          problem: `The toolUseId ${String(item.toolResult.toolUseId)} at messages.${i}.content.${j} does not match any toolUse block of the previous turn.`,
          usesTools,
        };
    }
  }
  return { usesTools };
}

function checkToolConfig(config: unknown): string | undefined {
  if (!isObj(config)) return 'toolConfig must be an object.';
  const extra = unknownField(config, new Set(['tools', 'toolChoice']), 'toolConfig');
  if (extra) return extra;
  if (!Array.isArray(config.tools) || config.tools.length === 0) return 'toolConfig.tools must be a non-empty list.';
  const names: string[] = [];
  for (const [i, tool] of config.tools.entries()) {
    if (isObj(tool) && isObj(tool.cachePoint)) continue;
    if (!isObj(tool) || !isObj(tool.toolSpec)) return `toolConfig.tools.${i} must set toolSpec or cachePoint.`;
    const spec = tool.toolSpec;
    const specExtra = unknownField(spec, new Set(['name', 'description', 'inputSchema', 'strict']), `toolConfig.tools.${i}.toolSpec`);
    if (specExtra) return specExtra;
    if (typeof spec.name !== 'string' || !TOOL_NAME.test(spec.name))
      return `toolConfig.tools.${i}.toolSpec.name must satisfy regular expression pattern: [a-zA-Z0-9_-]+`;
    if (!isObj(spec.inputSchema) || !isObj(spec.inputSchema.json))
      return `toolConfig.tools.${i}.toolSpec.inputSchema.json must be an object.`;
    if (spec.description !== undefined && (typeof spec.description !== 'string' || !spec.description))
      return `toolConfig.tools.${i}.toolSpec.description must not be empty.`;
    names.push(spec.name);
  }
  const choice = config.toolChoice;
  if (choice === undefined) return undefined;
  if (!isObj(choice) || Object.keys(choice).length !== 1) return 'toolConfig.toolChoice must set exactly one of auto, any, tool.';
  if (isObj(choice.auto) || isObj(choice.any)) return undefined;
  if (isObj(choice.tool) && typeof choice.tool.name === 'string')
    return names.includes(choice.tool.name) ? undefined : `toolConfig.toolChoice.tool.name ${choice.tool.name} is not one of the tools.`;
  return 'toolConfig.toolChoice must set exactly one of auto, any, tool.';
}

function checkInference(config: unknown): string | undefined {
  if (!isObj(config)) return 'inferenceConfig must be an object.';
  const extra = unknownField(config, INFERENCE_FIELDS, 'inferenceConfig');
  if (extra) return extra;
  const { maxTokens, temperature, topP, stopSequences } = config;
  if (maxTokens !== undefined && (!Number.isInteger(maxTokens) || (maxTokens as number) < 1))
    return 'inferenceConfig.maxTokens must be at least 1.';
  if (temperature !== undefined && (typeof temperature !== 'number' || temperature < 0 || temperature > 1))
    return 'inferenceConfig.temperature must be between 0 and 1.';
  if (topP !== undefined && (typeof topP !== 'number' || topP < 0 || topP > 1)) return 'inferenceConfig.topP must be between 0 and 1.';
  if (stopSequences !== undefined && (!Array.isArray(stopSequences) || stopSequences.some((s) => typeof s !== 'string' || !s)))
    return 'inferenceConfig.stopSequences must be a list of non-empty strings.';
  return undefined;
}

/** The ValidationException message Converse would answer `body` with, or undefined when it would accept it. */
export function converseProblem(body: unknown): string | undefined {
  if (!isObj(body)) return 'Unable to parse the request body as JSON.';
  const extra = unknownField(body, BODY_FIELDS, '#');
  if (extra) return extra;
  const { problem, usesTools } = checkMessages(body.messages);
  if (problem) return problem;
  if (body.system !== undefined) {
    if (!Array.isArray(body.system)) return 'system must be a list of SystemContentBlock.';
    for (const [i, block] of body.system.entries()) {
      if (!isObj(block) || Object.keys(block).length !== 1) return `system.${i} must set exactly one of text, guardContent, cachePoint.`;
      if ('text' in block && (typeof block.text !== 'string' || !block.text.trim()))
        return `The text field in the SystemContentBlock object at system.${i} is blank. Add text to the text field, and try again.`;
    }
  }
  if (body.inferenceConfig !== undefined) {
    const inference = checkInference(body.inferenceConfig);
    if (inference) return inference;
  }
  if (body.toolConfig !== undefined) {
    const tools = checkToolConfig(body.toolConfig);
    if (tools) return tools;
  } else if (usesTools) return 'The toolConfig field must be defined when using toolUse and toolResult content blocks.';
  const extraFields = body.additionalModelRequestFields;
  if (extraFields !== undefined && !isObj(extraFields)) return 'additionalModelRequestFields must be a JSON object.';
  const thinking = isObj(extraFields) ? extraFields.thinking : undefined;
  if (thinking !== undefined) {
    if (
      !isObj(thinking) ||
      thinking.type !== 'enabled' ||
      !Number.isInteger(thinking.budget_tokens) ||
      (thinking.budget_tokens as number) < 1024
    )
      return 'additionalModelRequestFields.thinking: budget_tokens: must be an integer of at least 1024.';
    const maxTokens = isObj(body.inferenceConfig) ? body.inferenceConfig.maxTokens : undefined;
    if (typeof maxTokens === 'number' && maxTokens <= (thinking.budget_tokens as number))
      return '`max_tokens` must be greater than `thinking.budget_tokens`.';
  }
  return undefined;
}
