// Idempotency-Key (IETF draft-ietf-httpapi-idempotency-key-header) for POSTs that create something: the first
// request with a key runs, a retry with the same key and request gets the first answer again, the same key with another
// request is 422, and a retry while the first still runs is 409. Only successful answers are kept (a refused request
// changed nothing, so it may be sent again with the same key); they are kept for 24 hours by default.
import type { Context, MiddlewareHandler } from 'hono';
import { bufferToFormData } from 'hono/utils/buffer';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { canonicalJson, sha256Hex } from '../core/canonical.ts';
import type { IdempotencyKeyRef, IdempotencyStore } from '../core/ports.ts';
import type { AppEnv } from './env.ts';
import { httpError } from './problem.ts';
import { openResponse, sealResponse, type StoredResponse } from './sealed-response.ts';

export interface IdempotencyOptions {
  store: IdempotencyStore;
  now: () => Date;
  ttlMs: number;
  /** A running request older than this is taken to have died with its process. */
  leaseMs: number;
  /** Larger answers are not kept: a retry of them is told so (409) instead of getting them again. */
  maxResponseBytes: number;
  log: (e: Record<string, unknown>) => void;
}

export const IDEMPOTENCY_KEY_LENGTH = { min: 16, max: 255 } as const;

/** The key from the header: a structured-field string ("…", RFC 8941) or the same characters bare. */
function parseIdempotencyKey(header: string): string {
  const v = header.trim();
  const quoted = /^"((?:[\x20\x21\x23-\x5b\x5d-\x7e]|\\["\\])*)"$/.exec(v);
  const key = quoted ? quoted[1]!.replace(/\\(["\\])/g, '$1') : /^[\x21\x23-\x7e]*$/.test(v) ? v : undefined;
  if (key === undefined || key.length < IDEMPOTENCY_KEY_LENGTH.min || key.length > IDEMPOTENCY_KEY_LENGTH.max) {
    throw httpError(
      'idempotency_key_invalid',
      `Idempotency-Key 应为 ${IDEMPOTENCY_KEY_LENGTH.min}–${IDEMPOTENCY_KEY_LENGTH.max} 个可见 ASCII 字符（如 UUID），可加双引号。`,
      `Idempotency-Key must be ${IDEMPOTENCY_KEY_LENGTH.min}–${IDEMPOTENCY_KEY_LENGTH.max} visible ASCII characters (a UUID, say), optionally in double quotes.`,
    );
  }
  return key;
}

const mediaType = (c: Context) => (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();

/** The request body as what it means: canonical JSON, or the form's fields with each file's SHA-256. */
async function bodyDigest(c: Context<AppEnv>): Promise<string> {
  const type = mediaType(c);
  if (type === 'application/json' || type.endsWith('+json')) return canonicalJson(await c.req.json());
  if (type === 'multipart/form-data') {
    try {
      // A retried upload has a new multipart boundary; its fields and files are what must match.
      const form = await bufferToFormData(await c.req.arrayBuffer(), c.req.header('content-type')!);
      c.req.bodyCache.formData = form;
      const fields: Array<[string, string]> = [];
      for (const [name, value] of form.entries()) fields.push([name, typeof value === 'string' ? `s:${value}` : `f:${await sha256Hex(new Uint8Array(await value.arrayBuffer()))}`]);
      return JSON.stringify(fields.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)));
    } catch {
      // Not a readable form: the route's validator will refuse it; the bytes stand for it meanwhile.
    }
  }
  return c.req.raw.body ? `b:${await sha256Hex(new Uint8Array(await c.req.arrayBuffer()))}` : '';
}

async function fingerprint(c: Context<AppEnv>): Promise<string> {
  const url = new URL(c.req.url);
  const query = [...url.searchParams].map(([k, v]) => `${k}=${v}`).sort().join('&');
  return sha256Hex(`${c.req.method}\n${url.pathname}\n${query}\n${await bodyDigest(c)}`);
}

/** Headers of an answer worth giving again; the request id, rate limit and security headers are the new request's own. */
const KEPT = /^(content-type|content-disposition|content-language|cache-control|location|x-(?!request-id$|content-type-options$|frame-options$|xss-protection$|dns-prefetch-control$|download-options$|permitted-cross-domain-policies$)[a-z0-9-]+)$/;

function replay(c: Context<AppEnv>, r: StoredResponse): Response {
  return c.body(r.body as Uint8Array<ArrayBuffer>, r.status as ContentfulStatusCode, { ...r.headers, 'Idempotent-Replayed': 'true' });
}

export function idempotency(o: IdempotencyOptions): MiddlewareHandler<AppEnv> {
  let lastPurge = 0;
  return async (c, next) => {
    const header = c.req.header('idempotency-key');
    if (header === undefined) return next();
    const key = parseIdempotencyKey(header);
    const ref: IdempotencyKeyRef = { scope: c.get('apiKey').id, keySha256: await sha256Hex(key) };
    const now = o.now().getTime();
    if (now - lastPurge > 3_600_000) {
      lastPurge = now;
      await o.store.purge(now).catch((e: unknown) => o.log({ level: 'warn', msg: 'idempotency purge failed', err: String(e) }));
    }
    const owner = crypto.randomUUID();
    const claim = await o.store.claim(ref, { fingerprint: await fingerprint(c), owner, now, ttlMs: o.ttlMs, leaseMs: o.leaseMs });
    if (claim.state === 'mismatch') throw httpError('idempotency_key_reused', '此 Idempotency-Key 已用于另一个请求。', 'This Idempotency-Key was used for a different request.');
    if (claim.state === 'running') throw httpError('idempotency_in_flight', '使用此 Idempotency-Key 的请求仍在处理中。', 'A request with this Idempotency-Key is still being processed.', { retryAfterSeconds: 1 });
    if (claim.state === 'done') {
      if (!claim.response) throw httpError('idempotency_result_unavailable', '此 Idempotency-Key 的请求已完成，但结果过大未予保留；请用新的键重新请求。', 'The request with this Idempotency-Key completed, but its result was too large to keep; send it again with a new key.');
      return replay(c, await openResponse(claim.response, key, ref.scope));
    }
    await settle(o, c, ref, owner, key, next);
  };
}

/** Runs the request, then keeps a success for replay, or releases the key of a request that was refused. */
async function settle(o: IdempotencyOptions, c: Context<AppEnv>, ref: IdempotencyKeyRef, owner: string, key: string, next: () => Promise<void>): Promise<void> {
  try {
    await next();
  } catch (e) {
    await o.store.release(ref, owner).catch(() => {});
    throw e;
  }
  const res = c.res;
  try {
    if (res.status < 200 || res.status > 299) return await o.store.release(ref, owner);
    const body = new Uint8Array(await res.clone().arrayBuffer());
    const headers: Record<string, string> = {};
    res.headers.forEach((v, k) => {
      if (KEPT.test(k)) headers[k] = v;
    });
    await o.store.complete(ref, owner, body.length > o.maxResponseBytes ? null : await sealResponse({ status: res.status, headers, body }, key, ref.scope));
  } catch (e) {
    // The work is done and answered; a retry within the lease gets 409, after it the request runs again.
    o.log({ level: 'error', msg: 'idempotency record failed', requestId: c.get('requestId'), err: String(e) });
  }
}
