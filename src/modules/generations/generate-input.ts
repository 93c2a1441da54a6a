import { z } from 'zod';
import type { ChatMessage, JsonObject, ToolChoice, UserContentPart } from '../../core/chat/chat-request.js';
import { InvalidInputError } from '../../core/errors.js';
import { generationParamsShape, modelRefField } from '../../config/model-definition.js';
import { poolNameField } from '../../config/pool-definition.js';
import { booleanField, enumField, listOf, numberField, objectField, stringField } from '../../validation/fields.js';
import { formatIssues } from '../../validation/format-issues.js';
import type { GenerateRequest, RequestFields } from './generate-request.js';

export const MESSAGE_ROLES = ['system', 'developer', 'user', 'assistant', 'tool'] as const;
export const IMAGE_DETAILS = ['auto', 'low', 'high'] as const;
export const TOOL_CHOICE_MODES = ['auto', 'none', 'required'] as const;
export const RESPONSE_FORMAT_TYPES = ['text', 'json_object', 'json_schema'] as const;
export const REASONING_EFFORTS = ['minimal', 'low', 'medium', 'high'] as const;

const MAX_TEXT = 1_000_000;
const text = (what: string) => z.string({ error: `expected ${what}` }).max(MAX_TEXT, { error: `expected at most ${MAX_TEXT} characters` });
const jsonObject = z.record(z.string(), z.unknown(), { error: 'expected a JSON object' }).transform((v) => v as JsonObject);
const toolName = stringField('a function name of letters, digits, _ and - (at most 64)', /^[A-Za-z0-9_-]+$/, 64);

/** One part of a message (GraphQL's @oneOf ContentPartInput: exactly one field set). */
const partSchema = objectField({
  text: text('the text').optional(),
  imageUrl: objectField({ url: text('an image URL'), detail: enumField(IMAGE_DETAILS).optional() }).optional(),
  inputAudio: objectField({ data: text('base64 audio'), format: stringField('an audio format (wav, mp3)', /^[a-z0-9]+$/, 16) }).optional(),
  file: objectField({
    fileData: text('a base64 data URL').optional(),
    fileId: stringField('a file id', undefined, 200).optional(),
    filename: stringField('a file name', undefined, 200).optional(),
  }).optional(),
});

const toolCallSchema = objectField({
  id: stringField('a tool call id', undefined, 200),
  name: toolName,
  arguments: text('the JSON arguments'),
});

const messageSchema = objectField({
  role: enumField(MESSAGE_ROLES),
  content: text('the message text').optional(),
  parts: listOf(partSchema, 'content parts', 256).optional(),
  toolCalls: listOf(toolCallSchema, 'tool calls', 128).optional(),
  toolCallId: stringField('the id of the tool call this message answers', undefined, 200).optional(),
}).superRefine((m, ctx) => {
  if ((m.content === undefined) === (m.parts === undefined) && !(m.role === 'assistant' && m.toolCalls && m.content === undefined))
    ctx.addIssue({ code: 'custom', path: ['content'], message: 'give exactly one of content and parts' });
  if (m.parts !== undefined && m.role !== 'user')
    ctx.addIssue({ code: 'custom', path: ['parts'], message: 'only USER messages take parts; give the text as content' });
  if (m.toolCalls !== undefined && m.role !== 'assistant')
    ctx.addIssue({ code: 'custom', path: ['toolCalls'], message: 'only ASSISTANT messages make tool calls' });
  if ((m.role === 'tool') !== (m.toolCallId !== undefined))
    ctx.addIssue({
      code: 'custom',
      path: ['toolCallId'],
      message: m.role === 'tool' ? 'is required: the id of the tool call a TOOL message answers' : 'only TOOL messages answer a tool call',
    });
  m.parts?.forEach((part, j) => {
    if (Object.values(part).filter((v) => v !== undefined).length !== 1)
      ctx.addIssue({ code: 'custom', path: ['parts', j], message: 'set exactly one of text, imageUrl, inputAudio, file' });
  });
});

const toolSchema = objectField({
  name: toolName,
  description: text('a description').optional(),
  parameters: jsonObject,
  strict: booleanField().optional(),
});

/** `generate` / `generateStream` input, as GraphQL gives it (enum values lower-cased). */
export const generateInputSchema = objectField({
  model: modelRefField.optional(),
  pool: poolNameField.optional(),
  sessionId: stringField('a session id', /^[0-9a-f-]{36}$/i, 36).optional(),
  prompt: stringField(`a prompt of 1 to ${MAX_TEXT} characters`, undefined, MAX_TEXT).optional(),
  messages: listOf(messageSchema, 'messages', 10_000).min(1, { error: 'expected at least one message' }).optional(),
  params: objectField(generationParamsShape).optional(),
  tools: z.array(toolSchema, { error: 'expected a list of tools' }).optional(),
  toolChoice: objectField({ mode: enumField(TOOL_CHOICE_MODES).optional(), name: toolName.optional() })
    .refine((c) => (c.mode === undefined) !== (c.name === undefined), { error: 'set exactly one of mode and name' })
    .optional(),
  parallelToolCalls: booleanField().optional(),
  responseFormat: objectField({
    type: enumField(RESPONSE_FORMAT_TYPES),
    name: toolName.optional(),
    description: text('a description').optional(),
    schema: jsonObject.optional(),
    strict: booleanField().optional(),
  })
    .superRefine((f, ctx) => {
      if (f.type === 'json_schema' && f.schema === undefined)
        ctx.addIssue({ code: 'custom', path: ['schema'], message: 'is required for JSON_SCHEMA: the JSON Schema of the answer' });
      if (f.type !== 'json_schema' && (f.schema !== undefined || f.name !== undefined || f.strict !== undefined))
        ctx.addIssue({ code: 'custom', path: ['schema'], message: 'only JSON_SCHEMA takes a name, schema and strict' });
    })
    .optional(),
  reasoningEffort: enumField(REASONING_EFFORTS).optional(),
  reasoningBudgetTokens: numberField({ int: true, min: 1, max: 1_000_000 }).optional(),
  costLimit: numberField({ min: 0, max: 1_000_000 }).optional(),
}).superRefine((value, ctx) => {
  if (value.model !== undefined && value.pool !== undefined)
    ctx.addIssue({ code: 'custom', path: ['pool'], message: 'give either model or pool, not both' });
  if (value.prompt === undefined && value.messages === undefined) {
    ctx.addIssue({ code: 'custom', path: ['prompt'], message: 'is required: expected a prompt or messages' });
  } else if (value.prompt !== undefined && value.messages !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['messages'], message: 'give either prompt or messages, not both' });
  }
  const names = new Set(value.tools?.map((t) => t.name));
  if (value.toolChoice?.name !== undefined && !names.has(value.toolChoice.name))
    ctx.addIssue({
      code: 'custom',
      path: ['toolChoice', 'name'],
      message: `expected the name of one of the tools (${[...names].join(', ') || 'none given'})`,
    });
});

type GenerateInput = z.infer<typeof generateInputSchema>;
type MessageInput = z.infer<typeof messageSchema>;

/** How GraphQL names the fields of GenerateInput (errors found past the door name these). */
export const GRAPHQL_FIELDS: RequestFields = {
  model: 'input.model',
  pool: 'input.pool',
  session: 'input.sessionId',
  costLimit: 'input.costLimit',
  part: (message, part) => `input.messages[${message}].parts[${part}]`,
  tools: 'input.tools',
  toolParameters: (index) => `input.tools[${index}].parameters`,
  responseFormat: 'input.responseFormat',
  reasoningEffort: 'input.reasoningEffort',
  reasoningBudget: 'input.reasoningBudgetTokens',
};

function partOf(part: NonNullable<MessageInput['parts']>[number]): UserContentPart {
  if (part.imageUrl) return { type: 'image', url: part.imageUrl.url, ...(part.imageUrl.detail ? { detail: part.imageUrl.detail } : {}) };
  if (part.inputAudio) return { type: 'audio', data: part.inputAudio.data, format: part.inputAudio.format };
  if (part.file)
    return {
      type: 'file',
      ...(part.file.fileData !== undefined ? { data: part.file.fileData } : {}),
      ...(part.file.fileId !== undefined ? { fileId: part.file.fileId } : {}),
      ...(part.file.filename !== undefined ? { filename: part.file.filename } : {}),
    };
  return { type: 'text', text: part.text ?? '' };
}

function messageOf(m: MessageInput): ChatMessage {
  switch (m.role) {
    case 'user':
      return { role: 'user', content: m.parts ? m.parts.map(partOf) : (m.content ?? '') };
    case 'assistant':
      return { role: 'assistant', content: m.content ?? '', ...(m.toolCalls ? { toolCalls: m.toolCalls } : {}) };
    case 'tool':
      return { role: 'tool', toolCallId: m.toolCallId ?? '', content: m.content ?? '' };
    default:
      return { role: m.role, content: m.content ?? '' };
  }
}

function toolChoiceOf(choice: NonNullable<GenerateInput['toolChoice']>): ToolChoice {
  return choice.name !== undefined ? { name: choice.name } : (choice.mode ?? 'auto');
}

/** Reads GraphQL's GenerateInput (nulls already dropped) into the typed request; bad input is BAD_USER_INPUT naming the field. */
export function readGenerateInput(input: unknown): GenerateRequest {
  const parsed = generateInputSchema.safeParse(input);
  if (!parsed.success) throw new InvalidInputError(formatIssues(parsed.error.issues, input, 'input'));
  const v = parsed.data;
  const format = v.responseFormat;
  return {
    ...(v.model !== undefined ? { model: v.model } : {}),
    ...(v.pool !== undefined ? { pool: v.pool } : {}),
    ...(v.sessionId !== undefined ? { sessionId: v.sessionId } : {}),
    messages: v.messages ? v.messages.map(messageOf) : [{ role: 'user', content: v.prompt ?? '' }],
    params: v.params ?? {},
    ...(v.tools ? { tools: v.tools.map((t) => ({ ...t })) } : {}),
    ...(v.toolChoice ? { toolChoice: toolChoiceOf(v.toolChoice) } : {}),
    ...(v.parallelToolCalls !== undefined ? { parallelToolCalls: v.parallelToolCalls } : {}),
    ...(format
      ? {
          responseFormat:
            format.type === 'json_schema'
              ? {
                  type: 'json_schema',
                  name: format.name ?? 'answer',
                  schema: format.schema ?? {},
                  ...(format.description !== undefined ? { description: format.description } : {}),
                  ...(format.strict !== undefined ? { strict: format.strict } : {}),
                }
              : { type: format.type },
        }
      : {}),
    ...(v.reasoningEffort !== undefined || v.reasoningBudgetTokens !== undefined
      ? {
          reasoning: {
            ...(v.reasoningEffort !== undefined ? { effort: v.reasoningEffort } : {}),
            ...(v.reasoningBudgetTokens !== undefined ? { budgetTokens: v.reasoningBudgetTokens } : {}),
          },
        }
      : {}),
    ...(v.costLimit !== undefined ? { costLimit: v.costLimit } : {}),
  };
}
