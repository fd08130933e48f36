// A response kept for an Idempotency-Key replay, sealed with AES-256-GCM under a key derived (HKDF-SHA-256) from the
// Idempotency-Key and the caller: the store holds only the key's hash, so a copy of the database alone does not
// reveal what was answered (a new API key's secret, say). Web Crypto, so the same on Node and Workers.

export interface StoredResponse {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array;
}

const te = new TextEncoder();
const INFO = te.encode('filing-service idempotent response v1');
const IV_BYTES = 12;

async function aesKey(idempotencyKey: string, scope: string): Promise<CryptoKey> {
  const ikm = await crypto.subtle.importKey('raw', te.encode(idempotencyKey), 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey({ name: 'HKDF', hash: 'SHA-256', salt: te.encode(scope), info: INFO }, ikm, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

/** iv ‖ AES-GCM(u32 length of the head ‖ head JSON { status, headers } ‖ body). */
export async function sealResponse(r: StoredResponse, idempotencyKey: string, scope: string): Promise<Uint8Array> {
  const head = te.encode(JSON.stringify({ status: r.status, headers: r.headers }));
  const plain = new Uint8Array(4 + head.length + r.body.length);
  new DataView(plain.buffer).setUint32(0, head.length);
  plain.set(head, 4);
  plain.set(r.body, 4 + head.length);
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, await aesKey(idempotencyKey, scope), plain));
  const out = new Uint8Array(IV_BYTES + sealed.length);
  out.set(iv);
  out.set(sealed, IV_BYTES);
  return out;
}

export async function openResponse(sealed: Uint8Array, idempotencyKey: string, scope: string): Promise<StoredResponse> {
  const iv = sealed.slice(0, IV_BYTES);
  const plain = new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv }, await aesKey(idempotencyKey, scope), sealed.slice(IV_BYTES)));
  const length = new DataView(plain.buffer).getUint32(0);
  const head = JSON.parse(new TextDecoder().decode(plain.subarray(4, 4 + length))) as { status: number; headers: Record<string, string> };
  return { status: head.status, headers: head.headers, body: plain.slice(4 + length) };
}
