/**
 * A Server-Sent Events parser following the WHATWG event-stream rules: lines end in CRLF, LF or
 * CR (split anywhere across chunks), `:` starts a comment, `data` lines of one event are joined
 * with "\n", a blank line dispatches the event, an event with no data is dropped, one leading
 * space after the colon is removed, and a UTF-8 character split across chunks stays whole. An
 * unterminated last event (no blank line after it) is not dispatched, per the spec.
 * @see https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation
 */
/** The most characters one SSE event may hold (a chat chunk is a few hundred). */
export const MAX_SSE_EVENT_CHARS = 1024 * 1024;

export interface SseEvent {
  /** The `event:` field; "message" when absent. */
  readonly event: string;
  readonly data: string;
  readonly id?: string;
}

/**
 * The parser as a plain object: `feed` a chunk, get the events it completed. Synchronous, so an
 * adapter reads its upstream with one loop and no generator per layer (the hot path of every
 * token relayed).
 */
export class SseParser {
  readonly #decoder = new TextDecoder('utf-8');
  readonly #maxEventChars: number;
  #buffer = '';
  #dataChars = 0;
  #pendingCR = false;
  #event = '';
  #data: string[] = [];
  #id: string | undefined;

  /**
   * `maxEventChars`: the most one event (its unfinished line and data lines) may hold; a longer
   * one throws, so that an upstream cannot make the gateway buffer without end.
   */
  constructor(maxEventChars = MAX_SSE_EVENT_CHARS) {
    this.#maxEventChars = maxEventChars;
  }

  feed(chunk: Uint8Array | string): SseEvent[] {
    let text = typeof chunk === 'string' ? chunk : this.#decoder.decode(chunk, { stream: true });
    if (this.#pendingCR && text.length > 0) {
      if (text.charCodeAt(0) === 10) text = text.slice(1);
      this.#pendingCR = false;
    }
    const buffer = this.#buffer + text;
    const events: SseEvent[] = [];
    let start = 0;
    let cr = buffer.indexOf('\r');
    for (;;) {
      const lf = buffer.indexOf('\n', start);
      if (cr !== -1 && cr < start) cr = buffer.indexOf('\r', start);
      if (lf === -1 && cr === -1) break;
      if (cr === -1 || (lf !== -1 && lf < cr)) {
        this.#line(buffer.slice(start, lf), events);
        start = lf + 1;
      } else {
        this.#line(buffer.slice(start, cr), events);
        if (cr + 1 === buffer.length) this.#pendingCR = true;
        start = buffer.charCodeAt(cr + 1) === 10 ? cr + 2 : cr + 1;
      }
    }
    this.#buffer = start === 0 ? buffer : buffer.slice(start);
    if (this.#buffer.length + this.#dataChars > this.#maxEventChars)
      throw new Error(`an SSE event passed ${this.#maxEventChars} characters`);
    return events;
  }

  #line(line: string, events: SseEvent[]): void {
    if (line === '') {
      if (this.#data.length > 0)
        events.push({ event: this.#event || 'message', data: this.#data.join('\n'), ...(this.#id !== undefined ? { id: this.#id } : {}) });
      this.#event = '';
      this.#data = [];
      this.#dataChars = 0;
      return;
    }
    if (line.charCodeAt(0) === 58 /* : */) return;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.charCodeAt(0) === 32 /* space */) value = value.slice(1);
    if (field === 'data') {
      this.#data.push(value);
      this.#dataChars += value.length + 1; // the joining newline: empty data lines count too
    } else if (field === 'event') this.#event = value;
    else if (field === 'id' && !value.includes('\0')) this.#id = value;
  }
}

/**
 * Feeds a chunk to `parser` and answers the data of the events it completed, each parsed as JSON
 * (what Anthropic's and Google's streams carry); an event that is not JSON throws `notJson()`.
 * Synchronous, like `feed`: the adapter's one read loop stays the only loop.
 */
export function feedJsonEvents(parser: SseParser, chunk: Uint8Array | string, notJson: () => Error): unknown[] {
  const events = parser.feed(chunk);
  const values: unknown[] = new Array(events.length);
  for (let i = 0; i < events.length; i++) {
    try {
      values[i] = JSON.parse((events[i] as SseEvent).data);
    } catch {
      throw notJson();
    }
  }
  return values;
}
