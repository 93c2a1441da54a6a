/** A GraphQL error as the gateway sends it: `extensions.code` and, for BAD_USER_INPUT, `extensions.fields`. */
export interface GatewayErrorShape {
  message: string;
  extensions?: { code?: string; fields?: string[]; generationId?: string; [key: string]: unknown };
}

/** A request that answered errors (or could not be sent): the first error's code and message. */
export class RequestError extends Error {
  readonly code: string;
  constructor(readonly errors: GatewayErrorShape[]) {
    super(errors.map((e) => e.message).join('; ') || 'the request failed');
    this.code = errors[0]?.extensions?.code ?? 'NETWORK';
  }

  /**
   * For BAD_USER_INPUT: each field path the gateway named (`input.pricing.input`, without the
   * argument prefix `input.`) with what it expected. The message is `path: expected …` joined by
   * `; ` in the order of extensions.fields, so it is cut at each next path. GraphQL's own variable
   * errors (a value of the wrong type) name their path too.
   */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const error of this.errors) {
      // GraphQL's own check of a variable: `Variable "$input" got invalid value "x" at "input.pricing.input"; Float cannot…`
      const coercion = /^Variable "\$\w+" got invalid value .* at "\w+\.([^"]+)"; (.+)$/s.exec(error.message);
      if (coercion?.[1] && coercion[2]) out[coercion[1]] = coercion[2];
      const paths = error.extensions?.code === 'BAD_USER_INPUT' ? (error.extensions.fields ?? []) : [];
      let rest = error.message;
      paths.forEach((path, i) => {
        const next = paths[i + 1];
        const start = rest.indexOf(`${path}: `);
        if (start < 0) return;
        const body = rest.slice(start + path.length + 2);
        const end = next === undefined ? -1 : body.indexOf(`; ${next}: `);
        out[path.replace(/^input\./, '')] = end < 0 ? body : body.slice(0, end);
        rest = end < 0 ? '' : body.slice(end + 2);
      });
    }
    return out;
  }
}

/** The message to show for anything thrown by a request. */
export function describeError(error: unknown): string {
  if (error instanceof RequestError) return error.code === 'NETWORK' ? error.message : `${error.code}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}
