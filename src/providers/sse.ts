/**
 * A Server-Sent Events parser following the WHATWG event-stream rules: lines end in CRLF, LF or
 * CR (split anywhere across chunks), `:` starts a comment, `data` lines of one event are joined
 * with "\n", a blank line dispatches the event, an event with no data is dropped, one leading
 * space after the colon is removed, and a UTF-8 character split across chunks stays whole.
 * @see https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation
 */
export interface SseEvent {
  /** The `event:` field; "message" when absent. */
  readonly event: string;
  readonly data: string;
  readonly id?: string;
}

export async function* parseSse(chunks: AsyncIterable<Uint8Array | string>): AsyncGenerator<SseEvent> {
  const decoder = new TextDecoder('utf-8');
  let buffer = '';
  let pendingCR = false;
  let event = '';
  let data: string[] = [];
  let id: string | undefined;

  function* takeLine(line: string): Generator<SseEvent> {
    if (line === '') {
      if (data.length > 0) yield { event: event || 'message', data: data.join('\n'), ...(id !== undefined ? { id } : {}) };
      event = '';
      data = [];
      return;
    }
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') data.push(value);
    else if (field === 'event') event = value;
    else if (field === 'id' && !value.includes('\0')) id = value;
  }

  for await (const chunk of chunks) {
    let text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    if (pendingCR && text.startsWith('\n')) text = text.slice(1);
    pendingCR = false;
    buffer += text;
    let start = 0;
    for (let i = 0; i < buffer.length; i++) {
      const ch = buffer[i];
      if (ch !== '\n' && ch !== '\r') continue;
      yield* takeLine(buffer.slice(start, i));
      if (ch === '\r') {
        if (i + 1 === buffer.length) pendingCR = true;
        else if (buffer[i + 1] === '\n') i++;
      }
      start = i + 1;
    }
    buffer = buffer.slice(start);
  }
  buffer += decoder.decode();
  if (buffer) yield* takeLine(buffer);
  // A stream that ends without a final blank line does not dispatch its last event (per the spec).
}
