/**
 * What the Anthropic fake refuses in a `POST /v1/messages` body, as the real API does (400
 * `invalid_request_error`), so that a test whose adapter sends what Anthropic would refuse fails.
 * Only rules that are cheap to check and documented:
 * - no `system` role in `messages` (the API reference: "there is no "system" role for input messages");
 * - non-empty text blocks; images as base64 JPEG/PNG/GIF/WebP or a URL; tool_use input an object;
 * - a `tool_result` answers a `tool_use` of the assistant turn just before it, and comes before any
 *   other block of its turn; every `tool_use` is answered in the next turn (implement-tool-use);
 * - extended thinking: budget_tokens ≥ 1024 and < max_tokens, temperature only 1, no forced
 *   tool_choice (any/tool), and an assistant turn's thinking blocks before its other blocks;
 * - and one stricter than the API, which combines consecutive turns of one role: the turns
 *   alternate, starting with user — the shape the gateway promises to send.
 * @see https://docs.anthropic.com/en/api/messages
 * @see https://platform.claude.com/docs/en/agents-and-tools/tool-use/implement-tool-use
 * @see https://platform.claude.com/docs/en/build-with-claude/extended-thinking
 */
type Json = Record<string, unknown>;

const IMAGE_MEDIA_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp'];
const THINKING = ['thinking', 'redacted_thinking'];

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const blocksOf = (message: Json): Json[] =>
  typeof message.content === 'string' ? [{ type: 'text', text: message.content }] : Array.isArray(message.content) ? message.content : [];
const idsOf = (blocks: Json[], type: string, key: string) => blocks.filter((b) => b.type === type).map((b) => String(b[key]));

function blockProblem(block: Json, at: string): string | undefined {
  switch (block.type) {
    case 'text':
      return typeof block.text === 'string' && block.text !== '' ? undefined : 'messages: text content blocks must be non-empty';
    case 'image': {
      const source = isObject(block.source) ? block.source : {};
      if (source.type === 'url' && typeof source.url === 'string') return undefined;
      if (source.type === 'base64' && IMAGE_MEDIA_TYPES.includes(String(source.media_type)) && typeof source.data === 'string')
        return undefined;
      return `${at}.source: Input should be a valid base64 image (image/jpeg, image/png, image/gif or image/webp) or url source`;
    }
    case 'tool_use':
      return isObject(block.input) ? undefined : `${at}.input: Input should be a valid dictionary`;
    case 'thinking':
      return typeof block.signature === 'string' && block.signature !== '' ? undefined : `${at}.signature: Field required`;
    default:
      return undefined;
  }
}

function turnProblem(messages: Json[], i: number): string | undefined {
  const message = messages[i] as Json;
  const blocks = blocksOf(message);
  for (const [j, block] of blocks.entries()) {
    const problem = blockProblem(block, `messages.${i}.content.${j}`);
    if (problem) return problem;
  }
  const previous = i > 0 ? blocksOf(messages[i - 1] as Json) : [];
  const results = idsOf(blocks, 'tool_result', 'tool_use_id');
  const asked = idsOf(previous, 'tool_use', 'id');
  const stray = results.filter((id) => !asked.includes(id));
  if (stray.length)
    return `messages.${i}.content: unexpected \`tool_use_id\` found in \`tool_result\` blocks: ${stray.join(', ')}. Each \`tool_result\` block must have a corresponding \`tool_use\` block in the previous message.`;
  if (i > 0 && asked.some((id) => !results.includes(id)))
    return `messages.${i - 1}: \`tool_use\` ids were found without \`tool_result\` blocks immediately after: ${asked.filter((id) => !results.includes(id)).join(', ')}. Each \`tool_use\` block must have a corresponding \`tool_result\` block in the next message.`;
  const firstOther = blocks.findIndex((b) => b.type !== 'tool_result');
  if (firstOther >= 0 && blocks.slice(firstOther).some((b) => b.type === 'tool_result'))
    return `messages.${i}.content: \`tool_result\` blocks must come before any other content in the message`;
  const firstAnswer = blocks.findIndex((b) => !THINKING.includes(String(b.type)));
  if (firstAnswer >= 0 && blocks.slice(firstAnswer).some((b) => THINKING.includes(String(b.type))))
    return `messages.${i}.content: thinking blocks must come before the other blocks of the assistant turn`;
  return undefined;
}

function thinkingProblem(body: Json): string | undefined {
  const thinking = body.thinking;
  if (!isObject(thinking) || thinking.type !== 'enabled') return undefined;
  const budget = Number(thinking.budget_tokens);
  if (!(budget >= 1024)) return 'thinking.enabled.budget_tokens: Input should be greater than or equal to 1024';
  if (!(Number(body.max_tokens) > budget)) return '`max_tokens` must be greater than `thinking.budget_tokens`';
  if (body.temperature !== undefined && body.temperature !== 1) return '`temperature` may only be set to 1 when thinking is enabled';
  const choice = isObject(body.tool_choice) ? body.tool_choice.type : undefined;
  if (choice === 'any' || choice === 'tool') return 'Thinking may not be enabled when tool_choice forces tool use.';
  return undefined;
}

/** The message of the 400 the real API would answer to this body, or undefined if it would take it. */
export function anthropicBodyProblem(body: unknown): string | undefined {
  if (!isObject(body)) return 'request body must be a JSON object';
  if (typeof body.max_tokens !== 'number') return 'max_tokens: Field required';
  if (!Array.isArray(body.messages) || body.messages.length === 0) return 'messages: at least one message is required';
  const messages = body.messages as unknown[];
  for (const [i, message] of messages.entries()) {
    if (!isObject(message)) return `messages.${i}: Input should be a valid dictionary`;
    if (message.role === 'system')
      return `messages.${i}: Unexpected role "system". The Messages API accepts a top-level \`system\` parameter, not "system" as an input message role.`;
    if (message.role !== 'user' && message.role !== 'assistant') return `messages.${i}.role: Input should be 'user' or 'assistant'`;
    if (message.role !== (i % 2 === 0 ? 'user' : 'assistant'))
      return `messages.${i}: roles must alternate between "user" and "assistant", starting with "user" (the gateway merges turns)`;
  }
  for (const tool of Array.isArray(body.tools) ? (body.tools as unknown[]) : []) {
    if (!isObject(tool) || typeof tool.name !== 'string' || !isObject(tool.input_schema) || tool.input_schema.type !== 'object')
      return 'tools: each tool needs a name and an input_schema of type object';
  }
  for (let i = 0; i < messages.length; i++) {
    const problem = turnProblem(messages as Json[], i);
    if (problem) return problem;
  }
  return thinkingProblem(body);
}
