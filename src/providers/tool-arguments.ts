import type { JsonObject } from '../core/chat/chat-request.js';
import { InvalidInputError } from '../core/errors.js';

/**
 * A tool call's arguments (JSON text, as the neutral request keeps them) as the object the vendors
 * that take tool input as an object want (Anthropic's `input`, Bedrock's `toolUse.input`, Gemini's
 * `functionCall.args`). Empty arguments are `{}`. Arguments that are not a JSON object are refused,
 * naming `path`, rather than replaced, so the model is never told it called a tool with input it
 * did not write.
 * @param vendorTakes how the refusal says what the vendor takes, e.g. "Bedrock takes a tool call's input"
 */
export function toolArgumentsObject(args: string, path: string, vendorTakes: string): JsonObject {
  if (args.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(args);
  } catch {
    parsed = undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw InvalidInputError.forField(path, `must be a JSON object: ${vendorTakes} only as an object`);
  return parsed as JsonObject;
}
