/** Reading a door's JSON body: the checks and the words every door's 400s use. */

/** A JSON object (not null, not an array). */
export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A short rendering of a value found where something else was expected (`got …` in a 400). */
export const describeWireValue = (value: unknown): string =>
  value === null
    ? 'null'
    : Array.isArray(value)
      ? 'an array'
      : typeof value === 'string'
        ? JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)
        : typeof value === 'object'
          ? 'an object'
          : String(value);
