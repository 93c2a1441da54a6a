/**
 * The limits every transport enforces on what one caller sends (README, "Security"). Changing one
 * changes what the gateway promises: keep the README in step.
 */

/*
 * The largest request body on /graphql, /v1 and /api and the largest WebSocket message are one
 * limit, config `limits.maxBodyBytes` (default 1 MiB, DEFAULT_MAX_BODY_BYTES in load-config.ts):
 * `ws` checks a message on its frame header before anything is buffered or any key is checked.
 */

/** A request body (chunked or not) must arrive within this; a slower one is answered 408 and closed. */
export const BODY_READ_TIMEOUT_MS = 10_000;

/**
 * After refusing a body part-read (413, 408), what the client still sends is read and dropped for
 * up to this long and this many bytes before the connection closes, so that it reads the answer
 * instead of a reset; past either, the socket is destroyed.
 */
export const REFUSED_BODY_DRAIN = { ms: 5_000, bytes: 8 * 1024 * 1024 } as const;

/** Node's cap on receiving a whole request (headers and body), for every route. */
export const REQUEST_TIMEOUT_MS = 30_000;

/** Limits on a GraphQL document, against queries made to exhaust the server (SPEC §7). */
export const QUERY_LIMITS = { depth: 12, aliases: 30, tokens: 5000 } as const;
