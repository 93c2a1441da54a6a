import { EventStreamCodec } from '@smithy/core/event-streams';
import { fromUtf8, toUtf8 } from '@smithy/core/serde';
import { UpstreamError } from '../../core/errors.js';

/** One decoded message of an `application/vnd.amazon.eventstream` body. */
export interface EventStreamMessage {
  /** `:message-type`: event, exception or error. */
  readonly messageType: string | undefined;
  /** `:event-type` of an event, `:exception-type` of an exception, `:error-code` of an error. */
  readonly type: string | undefined;
  /** The payload, UTF-8 JSON for Converse. */
  readonly body: string;
  /** `:error-message` of an `error` message (whose payload may be empty). */
  readonly errorMessage?: string;
}

/** The largest message accepted (AWS's event stream caps a message at 16 MiB). */
const MAX_MESSAGE_BYTES = 16 * 1024 * 1024;
/** A message's prelude: total length (4 bytes) and headers length (4 bytes), then its CRC (4 bytes). */
const PRELUDE_BYTES = 12;

const codec = new EventStreamCodec(toUtf8, fromUtf8);
const decoder = new TextDecoder();

const headerText = (headers: Record<string, { type: string; value: unknown }>, name: string) => {
  const header = headers[name];
  return header?.type === 'string' ? (header.value as string) : undefined;
};

/**
 * Splits a chunked body into whole messages by the total length each message's prelude starts
 * with, and decodes each with the AWS SDK's own codec (EventStreamCodec of @smithy/core, which @smithy/eventstream-codec now re-exports), which checks
 * both CRCs and reads the headers; a message that fails them is a malformed stream.
 * @see https://docs.aws.amazon.com/transcribe/latest/dg/streaming-setting-up.html (event stream encoding)
 * @see https://github.com/vercel/ai/blob/main/packages/amazon-bedrock/src/amazon-bedrock-event-stream-decoder.ts
 */
export async function* readEventStream(body: AsyncIterable<Uint8Array>): AsyncGenerator<EventStreamMessage> {
  let buffer: Uint8Array = new Uint8Array(0);
  for await (const chunk of body) {
    buffer = buffer.length ? concat(buffer, chunk) : chunk;
    while (buffer.length >= PRELUDE_BYTES) {
      const total = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength).getUint32(0, false);
      if (total < PRELUDE_BYTES + 4 || total > MAX_MESSAGE_BYTES) throw malformed(`an event-stream message of ${total} bytes`);
      if (buffer.length < total) break;
      let message: ReturnType<typeof codec.decode>;
      try {
        message = codec.decode(buffer.subarray(0, total));
      } catch (error) {
        throw malformed(`an event-stream message that does not decode (${error instanceof Error ? error.message : 'bad frame'})`);
      }
      buffer = buffer.subarray(total);
      const headers = message.headers as Record<string, { type: string; value: unknown }>;
      const messageType = headerText(headers, ':message-type');
      const type =
        messageType === 'event'
          ? headerText(headers, ':event-type')
          : messageType === 'exception'
            ? headerText(headers, ':exception-type')
            : headerText(headers, ':error-code');
      const errorMessage = headerText(headers, ':error-message');
      yield { messageType, type, body: decoder.decode(message.body), ...(errorMessage ? { errorMessage } : {}) };
    }
  }
  if (buffer.length > 0)
    throw new UpstreamError('bedrock ended the stream inside a message', { reason: 'stream', retryable: true, provider: 'bedrock' });
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a);
  joined.set(b, a.length);
  return joined;
}

const malformed = (what: string) =>
  new UpstreamError(`bedrock sent ${what}`, { reason: 'malformed', retryable: false, provider: 'bedrock' });
