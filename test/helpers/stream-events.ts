/** An event of `generateStream` as a test reads it. */
export type StreamEvent = { __typename: string; text?: string; index?: number; chunks?: number } & Record<string, unknown>;

/**
 * The TokenDeltas of a stream, checked for what merging must keep: the first index is 0 and each
 * next index is the previous index + chunks. Answers their joined text and how many upstream
 * chunks they carried (so a test does not depend on how many deltas the chunks were merged into).
 */
export function tokenDeltas(events: readonly StreamEvent[]): { text: string; chunks: number; deltas: number } {
  const deltas = events.filter((e) => e.__typename === 'TokenDelta');
  let expected = 0;
  for (const delta of deltas) {
    if (typeof delta.chunks !== 'number' || delta.chunks < 1) throw new Error(`TokenDelta.chunks must be ≥ 1, got ${String(delta.chunks)}`);
    if (delta.index !== undefined && delta.index !== expected) throw new Error(`TokenDelta.index ${delta.index}, expected ${expected}`);
    expected += delta.chunks;
  }
  return { text: deltas.map((d) => d.text ?? '').join(''), chunks: expected, deltas: deltas.length };
}

/** The typenames with runs of TokenDelta folded into one 'TokenDelta…' (their number depends on timing). */
export function eventKinds(events: readonly StreamEvent[]): string[] {
  const kinds: string[] = [];
  for (const e of events) {
    const kind = e.__typename === 'TokenDelta' ? 'TokenDelta…' : e.__typename;
    if (kind !== 'TokenDelta…' || kinds.at(-1) !== kind) kinds.push(kind);
  }
  return kinds;
}
