import { z } from 'zod';
import type { JsonObject } from '../../core/chat/chat-request.js';

/**
 * The request body of Gemini's `generateContent` / `streamGenerateContent`, as the gateway
 * writes it: the same body for the Generative Language API and Vertex AI.
 * @see https://ai.google.dev/api/generate-content#request-body
 * @see https://ai.google.dev/api/caching#Content
 * @see https://docs.cloud.google.com/vertex-ai/generative-ai/docs/model-reference/inference
 * @see https://github.com/googleapis/js-genai/blob/main/src/types.ts (Part, GenerationConfig, ThinkingConfig, FunctionDeclaration)
 */
export type WirePart =
  | { text: string; thought?: true }
  | { inlineData: { mimeType: string; data: string } }
  | { functionCall: { name: string; args: JsonObject }; thoughtSignature?: string }
  | { functionResponse: { name: string; response: JsonObject } };

export interface WireContent {
  role: 'user' | 'model';
  parts: WirePart[];
}

/** `parametersJsonSchema` takes JSON Schema as OpenAI's tools write it (`parameters` takes only Google's OpenAPI subset). */
export interface WireFunctionDeclaration {
  name: string;
  description: string;
  parametersJsonSchema: JsonObject;
}

export interface WireToolConfig {
  functionCallingConfig: { mode: 'AUTO' | 'ANY' | 'NONE'; allowedFunctionNames?: string[] };
}

export type ThinkingLevel = 'MINIMAL' | 'LOW' | 'MEDIUM' | 'HIGH';

/** @see https://ai.google.dev/api/generate-content#ThinkingConfig */
export interface WireThinkingConfig {
  includeThoughts: true;
  thinkingBudget?: number;
  thinkingLevel?: ThinkingLevel;
}

/** @see https://ai.google.dev/api/generate-content#generationconfig */
export interface WireGenerationConfig {
  maxOutputTokens: number;
  temperature?: number;
  topP?: number;
  stopSequences?: string[];
  responseMimeType?: 'application/json';
  /** JSON Schema (the alternative to the OpenAPI-subset `responseSchema`); needs `responseMimeType: application/json`. */
  responseJsonSchema?: JsonObject;
  thinkingConfig?: WireThinkingConfig;
}

export interface GenerateContentBody {
  contents: WireContent[];
  systemInstruction?: { parts: { text: string }[] };
  tools?: { functionDeclarations: WireFunctionDeclaration[] }[];
  toolConfig?: WireToolConfig;
  generationConfig: WireGenerationConfig;
}

/**
 * Partial schemas of a `GenerateContentResponse` (one SSE event of `streamGenerateContent?alt=sse`):
 * only what the gateway reads. A part of a kind newer than the adapter (executable code, inline
 * images) passes and is skipped.
 * @see https://ai.google.dev/api/generate-content#generatecontentresponse
 * @see https://ai.google.dev/api/generate-content#UsageMetadata
 */
const count = z.number().int().nonnegative().nullish();
const partSchema = z.object({
  text: z.string().nullish(),
  thought: z.boolean().nullish(),
  functionCall: z.object({ id: z.string().nullish(), name: z.string(), args: z.record(z.string(), z.unknown()).nullish() }).nullish(),
});
export const usageSchema = z.object({
  promptTokenCount: count,
  candidatesTokenCount: count,
  cachedContentTokenCount: count,
  thoughtsTokenCount: count,
  toolUsePromptTokenCount: count,
  totalTokenCount: count,
});
export type WireUsage = z.infer<typeof usageSchema>;

export const errorSchema = z.object({
  code: z.number().nullish(),
  message: z.string().nullish(),
  status: z.string().nullish(),
  details: z.array(z.unknown()).nullish(),
});
export const errorBodySchema = z.object({ error: errorSchema });
export type WireError = z.infer<typeof errorSchema>;

export const chunkSchema = z.object({
  candidates: z
    .array(
      z.object({
        content: z.object({ parts: z.array(partSchema).nullish() }).nullish(),
        finishReason: z.string().nullish(),
      }),
    )
    .nullish(),
  promptFeedback: z.object({ blockReason: z.string().nullish() }).nullish(),
  usageMetadata: usageSchema.nullish(),
  modelVersion: z.string().nullish(),
  /** Present when the upstream failed after the stream began. */
  error: errorSchema.nullish(),
});
export type WireChunk = z.infer<typeof chunkSchema>;
