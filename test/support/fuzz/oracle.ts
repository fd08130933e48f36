// Sends a generated request to the app and judges the answer: no 5xx; every 4xx an RFC 9457 problem+json whose JSON
// Pointers name places that exist in what was sent (or a missing member of a place that does); the answer as the
// document describes it; and nothing stored when the request was refused.
import { readdirSync } from 'node:fs';
import type { DatabaseSync } from 'node:sqlite';
import type { FuzzBody, FuzzRequest } from './requests.ts';

export function toRequest(r: FuzzRequest): { url: string; init: RequestInit } {
  const search = new URLSearchParams(r.query).toString();
  const headers = { ...r.headers };
  let body: BodyInit | undefined;
  const b = r.body;
  if (b?.kind === 'json') body = JSON.stringify(b.value) ?? 'null';
  else if (b?.kind === 'text') body = b.text;
  else if (b?.kind === 'bytes') body = b.bytes as Uint8Array<ArrayBuffer>;
  else if (b?.kind === 'form') {
    const form = new FormData();
    for (const [k, v] of b.fields) form.append(k, typeof v === 'string' ? v : new File([v.bytes as Uint8Array<ArrayBuffer>], v.name, { type: v.type }));
    body = form;
    // The form's own type carries its boundary; a deliberately wrong type is sent as it is.
    if (headers['content-type'] === 'multipart/form-data') delete headers['content-type'];
  }
  return { url: `${r.path}${search ? `?${search}` : ''}`, init: { method: r.method, headers, ...(body !== undefined ? { body } : {}) } };
}

/** What the server saw of the body, as a value its pointers can address. */
export function sentValue(b: FuzzBody | undefined): unknown {
  if (!b) return undefined;
  if (b.kind === 'json') return JSON.parse(JSON.stringify(b.value) ?? 'null');
  if (b.kind === 'text') {
    try {
      // A leading byte order mark is dropped by the UTF-8 decoder, as RFC 8259 allows.
      return JSON.parse(b.text.replace(/^\uFEFF/, ''));
    } catch {
      return undefined;
    }
  }
  if (b.kind === 'form') return Object.fromEntries(b.fields);
  return undefined;
}

function tokens(pointer: string): string[] | undefined {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) return undefined;
  return pointer
    .slice(1)
    .split('/')
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The pointer resolves in the input, or names a missing member of an object or array that does. */
export function pointerFits(pointer: string, input: unknown): boolean {
  const ts = tokens(pointer);
  if (!ts) return false;
  let at: unknown = input;
  for (let i = 0; i < ts.length; i++) {
    const container = at !== null && typeof at === 'object';
    const has = container && Object.prototype.hasOwnProperty.call(at, ts[i]!);
    if (!has) return container && i === ts.length - 1;
    at = (at as Record<string, unknown>)[ts[i]!];
  }
  return true;
}

type Json = Record<string, unknown>;

/** The pointers an answer names: errors[].path, path, findings[].path. */
export function pointersOf(body: Json): string[] {
  const out: string[] = [];
  for (const e of (Array.isArray(body.errors) ? body.errors : []) as Json[]) if (typeof e?.path === 'string') out.push(e.path);
  for (const f of (Array.isArray(body.findings) ? body.findings : []) as Json[]) if (typeof f?.path === 'string') out.push(f.path);
  if (typeof body.path === 'string') out.push(body.path);
  return out;
}

/** The state a refused request must leave as it was (the abuse counters excepted: they count refusals too). */
export function snapshot(db: DatabaseSync, blobDir: string) {
  const all = (sql: string) => JSON.stringify(db.prepare(sql).all());
  return {
    keys: all('SELECT id, revoked_at FROM api_keys ORDER BY id'),
    templates: all('SELECT filing_id, version, status, effective_from, effective_until, docx_sha256, html_sha256 FROM template_versions ORDER BY filing_id, version'),
    idempotency: all("SELECT scope, key_sha256, state FROM idempotency_keys WHERE state = 'done' ORDER BY scope, key_sha256"),
    renders: all("SELECT count(*) AS n FROM generations WHERE outcome = 'ok'"),
    blobs: readdirSync(blobDir).sort().join('\n'),
    lastSeq: (db.prepare('SELECT coalesce(max(seq), 0) AS s FROM generations').get() as { s: number }).s,
  };
}
export type Snapshot = ReturnType<typeof snapshot>;

export interface Verdict {
  status: number;
  code?: string;
  problems: string[];
}

/** Everything wrong with one answer. */
export async function judge(req: FuzzRequest, res: Response, before: Snapshot, after: Snapshot, db: DatabaseSync, documented: string[]): Promise<Verdict> {
  const problems = [...documented];
  const text = await res.clone().text();
  if (res.status >= 500) problems.push(`server error ${res.status}: ${text.slice(0, 500)}`);
  let body: Json | undefined;
  if (res.status >= 400) {
    if (!/^application\/problem\+json/.test(res.headers.get('content-type') ?? '')) problems.push(`a ${res.status} that is not problem+json: ${res.headers.get('content-type')}`);
    try {
      body = JSON.parse(text) as Json;
    } catch {
      problems.push(`a ${res.status} whose body is not JSON`);
    }
    if (body && (body.status !== res.status || typeof body.code !== 'string' || typeof body.detail !== 'string' || !body.detail)) problems.push(`malformed problem: ${text.slice(0, 300)}`);
    const kept = (['keys', 'templates', 'idempotency', 'renders', 'blobs'] as const).filter((k) => before[k] !== after[k]);
    if (kept.length) problems.push(`refused (${res.status} ${String(body?.code)}) yet changed: ${kept.join(', ')}`);
    const audited = db.prepare('SELECT outcome FROM generations WHERE seq > ?').all(before.lastSeq) as Array<{ outcome: string }>;
    for (const a of audited) if (a.outcome !== body?.code) problems.push(`refused with ${String(body?.code)} but audited as ${a.outcome}`);
  } else if (/json/.test(res.headers.get('content-type') ?? '')) {
    body = JSON.parse(text) as Json;
  }
  const input = sentValue(req.body);
  if (body && /\/(validate|check)$/.test(req.template) && res.status === 200) for (const p of pointersOf(body)) if (!pointerFits(p, input)) problems.push(`${req.template} names ${p}, which is not in the input`);
  if (body && res.status >= 400) {
    for (const p of pointersOf(body)) if (!pointerFits(p, input)) problems.push(`${String(body.code)} names ${JSON.stringify(p)}, which is not in the input`);
    const parameter = body.parameter;
    if (typeof parameter === 'string' && !req.query.some(([k]) => k === parameter) && !/[?&]/.test(parameter)) {
      const required = ['from', 'to'];
      if (!required.includes(parameter)) problems.push(`query_invalid names parameter ${parameter}, which was not sent`);
    }
  }
  return { status: res.status, ...(typeof body?.code === 'string' ? { code: body.code } : {}), problems };
}
