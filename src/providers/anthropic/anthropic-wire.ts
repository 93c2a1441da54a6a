import { z } from 'zod';

/**
 * Partial schemas of Anthropic's Messages streaming events: only the fields the gateway reads.
 * @see https://docs.anthropic.com/en/api/messages-streaming
 */
const usageSchema = z.object({
  input_tokens: z.number().int().nonnegative().optional(),
  output_tokens: z.number().int().nonnegative().optional(),
});

export const streamEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('message_start'), message: z.object({ model: z.string().optional(), usage: usageSchema.optional() }) }),
  z.object({ type: z.literal('content_block_start'), index: z.number().optional() }),
  z.object({
    type: z.literal('content_block_delta'),
    index: z.number().optional(),
    delta: z.object({ type: z.string(), text: z.string().optional() }),
  }),
  z.object({ type: z.literal('content_block_stop') }),
  z.object({ type: z.literal('message_delta'), delta: z.object({ stop_reason: z.string().nullish() }), usage: usageSchema.optional() }),
  z.object({ type: z.literal('message_stop') }),
  z.object({ type: z.literal('ping') }),
  z.object({ type: z.literal('error'), error: z.object({ type: z.string(), message: z.string().optional() }) }),
]);

export const errorBodySchema = z.object({
  type: z.literal('error'),
  error: z.object({ type: z.string(), message: z.string().optional() }),
});

/** The request body sent to `POST {baseUrl}/v1/messages`. */
export interface MessagesBody {
  model: string;
  max_tokens: number;
  messages: Array<{ role: 'user' | 'assistant'; content: string }>;
  system?: string;
  temperature?: number;
  top_p?: number;
  stop_sequences?: string[];
  stream: true;
}

export const ANTHROPIC_VERSION = '2023-06-01';
