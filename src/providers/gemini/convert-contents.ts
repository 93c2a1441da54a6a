import type { AssistantMessage, ChatMessage, UserContentPart } from '../../core/chat/chat-request.js';
import { InvalidInputError } from '../../core/errors.js';
import { toolArgumentsObject } from '../tool-arguments.js';
import type { WireContent, WirePart } from './gemini-wire.js';

/**
 * The stand-in Google documents for a function call replayed without the thought signature the
 * model gave it ("transferring a trace from a different model"): Gemini 3 answers 400 to a
 * function call of the current turn without one. The gateway keeps no Gemini signature (a
 * conversation may move between vendors, and a foreign signature is refused), so each replayed
 * function-call turn carries this one.
 * @see https://ai.google.dev/gemini-api/docs/thought-signatures
 */
export const SKIP_THOUGHT_SIGNATURE = 'skip_thought_signature_validator';

/** Media types Gemini takes inline, by part kind. @see https://ai.google.dev/gemini-api/docs/image-understanding @see https://ai.google.dev/gemini-api/docs/audio */
const IMAGE_TYPES: ReadonlySet<string> = new Set(['image/png', 'image/jpeg', 'image/webp', 'image/heic', 'image/heif']);
const AUDIO_FORMATS: Readonly<Record<string, string>> = {
  wav: 'audio/wav',
  mp3: 'audio/mp3',
  aiff: 'audio/aiff',
  aac: 'audio/aac',
  ogg: 'audio/ogg',
  flac: 'audio/flac',
};

/** `data:<type>;base64,<data>` as its parts, or undefined. */
function parseDataUrl(url: string): { mimeType: string; data: string } | undefined {
  const match = /^data:([^;,]+)((?:;[^;,]*)*);base64,(.+)$/s.exec(url);
  if (!match?.[1] || !match[3]) return undefined;
  return { mimeType: match[1].toLowerCase(), data: match[3] };
}

function userPart(part: UserContentPart, path: string): WirePart | undefined {
  switch (part.type) {
    case 'text':
      return part.text ? { text: part.text } : undefined;
    case 'image': {
      const inline = parseDataUrl(part.url);
      if (!inline)
        throw InvalidInputError.forField(`${path}.url`, 'Gemini takes images only as base64 data URLs (data:image/png;base64,…)');
      if (!IMAGE_TYPES.has(inline.mimeType))
        throw InvalidInputError.forField(`${path}.url`, 'Gemini takes images as PNG, JPEG, WebP, HEIC or HEIF');
      return { inlineData: inline };
    }
    case 'audio': {
      const mimeType = AUDIO_FORMATS[part.format.toLowerCase()];
      if (!mimeType) throw InvalidInputError.forField(`${path}.format`, `Gemini takes audio as ${Object.keys(AUDIO_FORMATS).join(', ')}`);
      return { inlineData: { mimeType, data: part.data } };
    }
    case 'file': {
      const inline = part.data === undefined ? undefined : parseDataUrl(part.data);
      if (!inline)
        throw InvalidInputError.forField(
          part.data === undefined ? `${path}.fileId` : `${path}.data`,
          'Gemini takes files only as base64 data URLs (data:application/pdf;base64,…), not by file id',
        );
      return { inlineData: inline };
    }
  }
}

/** Text, then the function calls, the first carrying the thought-signature stand-in. Reasoning is not sent back (Gemini keeps no thoughts of earlier turns). */
function modelParts(message: AssistantMessage, i: number): WirePart[] {
  const parts: WirePart[] = message.content ? [{ text: message.content }] : [];
  message.toolCalls?.forEach((call, j) => {
    parts.push({
      functionCall: {
        name: call.name,
        args: toolArgumentsObject(call.arguments, `messages.${i}.toolCalls.${j}.arguments`, "Gemini takes a function call's args"),
      },
      ...(j === 0 ? { thoughtSignature: SKIP_THOUGHT_SIGNATURE } : {}),
    });
  });
  return parts;
}

function push(contents: WireContent[], role: WireContent['role'], parts: WirePart[]): void {
  if (parts.length === 0) return;
  const last = contents.at(-1);
  if (last?.role === role) last.parts.push(...parts);
  else contents.push({ role, parts });
}

/**
 * The conversation as Gemini `contents`: system and developer messages hoisted into
 * `systemInstruction` (one text part each); user messages as `user` turns, assistant messages as
 * `model` turns with `functionCall` parts; each tool message a `functionResponse` part of a `user`
 * turn, named after the call it answers (Gemini matches a response to its call by name and order,
 * so the gateway's call id is looked up among the earlier assistant calls), its text as
 * `response.output`. Consecutive turns of one role are merged (the responses to parallel calls
 * make one turn, as Gemini requires: as many responses as the calls of the turn before); empty
 * text is left out (an empty part is a 400) and a message left with nothing dropped.
 * @see https://ai.google.dev/gemini-api/docs/function-calling
 * @see https://ai.google.dev/api/caching#FunctionResponse
 */
export function convertContents(messages: readonly ChatMessage[]): {
  systemInstruction?: { parts: { text: string }[] };
  contents: WireContent[];
} {
  const system: { text: string }[] = [];
  const contents: WireContent[] = [];
  const callNames = new Map<string, string>();
  messages.forEach((message, i) => {
    switch (message.role) {
      case 'system':
      case 'developer':
        if (message.content) system.push({ text: message.content });
        break;
      case 'user': {
        const parts = typeof message.content === 'string' ? [{ type: 'text' as const, text: message.content }] : message.content;
        push(
          contents,
          'user',
          parts.flatMap((part, j) => userPart(part, `messages.${i}.content.${j}`) ?? []),
        );
        break;
      }
      case 'assistant':
        for (const call of message.toolCalls ?? []) callNames.set(call.id, call.name);
        push(contents, 'model', modelParts(message, i));
        break;
      case 'tool': {
        const name = callNames.get(message.toolCallId);
        if (name === undefined)
          throw InvalidInputError.forField(`messages.${i}.toolCallId`, 'must be the id of a tool call of an earlier assistant message');
        push(contents, 'user', [{ functionResponse: { name, response: { output: message.content } } }]);
        break;
      }
    }
  });
  if (contents.length === 0)
    throw InvalidInputError.forField('messages', 'Gemini needs at least one user message besides the system prompt');
  return { ...(system.length ? { systemInstruction: { parts: system } } : {}), contents };
}
