import type { JsonObject } from '../../core/chat/chat-request.js';
import { InvalidInputError } from '../../core/errors.js';
import type { ChatBounds } from '../../core/chat/chat-bounds.js';
import type { GenerateRequest, RequestFields } from './generate-request.js';

export { type ChatBounds, DEFAULT_CHAT_BOUNDS } from '../../core/chat/chat-bounds.js';

/** What an image may be given as: a URL the vendor fetches over TLS, or the bytes inline. The gateway never fetches it. */
const IMAGE_URL = /^(?:https:\/\/[^\s]+|data:image\/(?:png|jpeg|gif|webp);base64,[A-Za-z0-9+/]+={0,2})$/;

/** Nesting beyond this in a schema is refused (a schema is walked when counted and by the mock). */
const MAX_SCHEMA_DEPTH = 32;

function depthOf(value: unknown, depth = 0): number {
  if (depth > MAX_SCHEMA_DEPTH || typeof value !== 'object' || value === null) return depth;
  let deepest = depth;
  for (const child of Object.values(value)) deepest = Math.max(deepest, depthOf(child, depth + 1));
  return deepest;
}

function checkSchema(schema: JsonObject, field: string, bounds: ChatBounds): void {
  const bytes = Buffer.byteLength(JSON.stringify(schema));
  if (bytes > bounds.maxSchemaBytes)
    throw InvalidInputError.forField(field, `expected a JSON Schema of at most ${bounds.maxSchemaBytes} bytes, got ${bytes}`);
  if (depthOf(schema) > MAX_SCHEMA_DEPTH)
    throw InvalidInputError.forField(field, `expected a JSON Schema nested at most ${MAX_SCHEMA_DEPTH} levels deep`);
}

/** Holds a request to `bounds`; the first thing past them is a BAD_USER_INPUT naming its field. */
export function checkChatBounds(request: GenerateRequest, bounds: ChatBounds, fields: RequestFields): void {
  const tools = request.tools ?? [];
  if (tools.length > bounds.maxTools)
    throw InvalidInputError.forField(fields.tools, `expected at most ${bounds.maxTools} tools, got ${tools.length}`);
  tools.forEach((tool, i) => {
    checkSchema(tool.parameters, fields.toolParameters(i), bounds);
  });
  if (request.responseFormat?.type === 'json_schema') checkSchema(request.responseFormat.schema, fields.responseFormat, bounds);
  let attachments = 0;
  request.messages.forEach((message, i) => {
    if (message.role !== 'user' || typeof message.content === 'string') return;
    message.content.forEach((part, j) => {
      if (part.type === 'text') return;
      if (++attachments > bounds.maxAttachments)
        throw InvalidInputError.forField(
          fields.part(i, j),
          `expected at most ${bounds.maxAttachments} images, audio clips and files per request`,
        );
      if (part.type !== 'image') return;
      if (part.url.length > bounds.maxImageUrlChars)
        throw InvalidInputError.forField(
          fields.part(i, j),
          `expected an image URL of at most ${bounds.maxImageUrlChars} characters, got ${part.url.length}`,
        );
      if (!IMAGE_URL.test(part.url))
        throw InvalidInputError.forField(
          fields.part(i, j),
          'expected an https:// image URL or a base64 data URL (data:image/png|jpeg|gif|webp;base64,…)',
        );
    });
  });
}
