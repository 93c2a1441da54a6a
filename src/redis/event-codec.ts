/**
 * Events as text for a shared bus: JSON in which every Date travels as `{"$date": <epoch ms>}`
 * (an event's records carry Dates; a plain JSON round trip would turn them into strings).
 */
export function encodeEvent(value: unknown): string {
  return JSON.stringify(value, function replacer(this: Record<string, unknown>, key: string, item: unknown) {
    const original = this[key];
    return original instanceof Date ? { $date: original.getTime() } : item;
  });
}

export function decodeEvent<T>(text: string): T {
  return JSON.parse(text, (_key, value: unknown) => {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      const keys = Object.keys(value);
      const date = (value as { $date?: unknown }).$date;
      if (keys.length === 1 && typeof date === 'number') return new Date(date);
    }
    return value;
  }) as T;
}
