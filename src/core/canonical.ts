// Canonical JSON (sorted keys, no insignificant whitespace) and its SHA-256, the identity of an input.

export function canonicalJson(value: unknown): string {
  // The replacer hands JSON.stringify each object with its keys sorted; the native serialiser does the rest.
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const obj = v as Record<string, unknown>;
    const sorted: Record<string, unknown> = {};
    for (const k of Object.keys(obj).sort()) sorted[k] = obj[k];
    return sorted;
  });
}

let syncSha256: ((data: string | Uint8Array) => string) | undefined;

/**
 * A runtime that has a synchronous SHA-256 (Node's node:crypto) installs it here. Web Crypto's digest is asynchronous,
 * and on Node each one is a trip through the libuv thread pool that queues behind file I/O: measured, an API key check
 * took 20–100 ms while PDFs were printing, and a request refused for lack of places waited that long for its 503.
 */
export function useSha256(fn: ((data: string | Uint8Array) => string) | undefined): void {
  syncSha256 = fn;
}

/** Hex SHA-256: the runtime's own when it installed one (useSha256), else Web Crypto (Node and Workers alike). */
export async function sha256Hex(data: string | Uint8Array): Promise<string> {
  if (syncSha256) return syncSha256(data);
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
