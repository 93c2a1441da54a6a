/**
 * What one request may carry besides its text (config `limits`, these defaults): every door's
 * requests are held to them before anything is counted or sent. A request's body is bounded too
 * (1 MiB), which bounds a base64 image further.
 */
export interface ChatBounds {
  /** Tools per request. */
  readonly maxTools: number;
  /** Bytes of one JSON Schema (a tool's parameters, a response format's schema), as JSON. */
  readonly maxSchemaBytes: number;
  /** Images, audio and files per request (new messages). */
  readonly maxAttachments: number;
  /** Characters of one image URL, data URLs included. */
  readonly maxImageUrlChars: number;
}

export const DEFAULT_CHAT_BOUNDS: ChatBounds = {
  maxTools: 128,
  maxSchemaBytes: 64 * 1024,
  maxAttachments: 32,
  maxImageUrlChars: 1024 * 1024,
};
