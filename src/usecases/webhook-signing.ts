// Standard Webhooks signatures (spec 1.0): HMAC-SHA256 over `{webhook-id}.{webhook-timestamp}.{body}` with the
// receiver's `whsec_` secret, base64, as `v1,<signature>`; during a rotation one signature per valid secret,
// space-separated. Web Crypto only, so the same code signs on Node and on Workers.
const PREFIX = 'whsec_';
const SECRET_BYTES = 32;

const toBase64 = (bytes: Uint8Array): string => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text: string): Uint8Array => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

/** A new secret: 32 random bytes, base64, with the `whsec_` prefix receivers expect. */
export function newWebhookSecret(): string {
  return PREFIX + toBase64(crypto.getRandomValues(new Uint8Array(SECRET_BYTES)));
}

async function sign(secret: string, content: string): Promise<string> {
  const key = await crypto.subtle.importKey('raw', fromBase64(secret.slice(PREFIX.length)) as Uint8Array<ArrayBuffer>, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return toBase64(new Uint8Array(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(content))));
}

/** The three headers of a delivery; `secrets` are the receiver's valid secrets, current first. */
export async function webhookHeaders(secrets: readonly string[], id: string, at: Date, body: string): Promise<Record<string, string>> {
  const timestamp = String(Math.floor(at.getTime() / 1000));
  const content = `${id}.${timestamp}.${body}`;
  const signatures = await Promise.all(secrets.map(async (s) => `v1,${await sign(s, content)}`));
  return { 'webhook-id': id, 'webhook-timestamp': timestamp, 'webhook-signature': signatures.join(' '), 'content-type': 'application/json' };
}
