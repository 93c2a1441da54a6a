export {
  type GenerateOptions,
  type Generation,
  type GenerationParams,
  type Message,
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
export type { TextStream } from './text-stream.js';
