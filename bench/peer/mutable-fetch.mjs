// Preloaded into the peer (node --import): Portkey 1.15.2 appends headers to the Response that
// fetch returned, whose headers Node 20 keeps immutable, and fails every stream with "TypeError:
// immutable". Handing it a copy with mutable headers is all it needs; the body is the same stream.
const fetchWithImmutableHeaders = globalThis.fetch;
globalThis.fetch = async (...args) => {
  const response = await fetchWithImmutableHeaders(...args);
  const empty = response.status === 204 || response.status === 304;
  return new Response(empty ? null : response.body, { status: response.status, statusText: response.statusText, headers: new Headers(response.headers) });
};
