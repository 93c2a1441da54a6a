export {
  type GenerateOptions,
  type Generation,
  type GenerationParams,
  type Message,
  type StreamOptions,
  type ToolCall,
  type ToolInput,
  type ToolChoiceInput,
  type ResponseFormatInput,
  type ContentPartInput,
  type ModelSwitch,
  SwitchyardClient,
  type SwitchyardClientOptions,
} from './client.js';
export {
  AuthError,
  CostLimitError,
  GatewayError,
  InvalidInputError,
  ModelUnavailableError,
  NotFoundError,
  RateLimitError,
  RetryError,
  UpstreamError,
} from './errors.js';
export type { StreamHandlers, TextStream } from './text-stream.js';
