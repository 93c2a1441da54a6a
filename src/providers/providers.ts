import { createMockProvider } from './mock/mock-provider.js';
import type { ProviderAdapter } from './provider.js';
import type { ProviderKind } from './provider-kinds.js';

/** The adapters this build has, by provider kind. A kind without one is registered but never checked or routed. */
export type ProviderAdapters = ReadonlyMap<ProviderKind, ProviderAdapter>;

export function createProviderAdapters(): ProviderAdapters {
  const adapters: ProviderAdapter[] = [createMockProvider()];
  return new Map(adapters.map((adapter) => [adapter.kind, adapter]));
}
