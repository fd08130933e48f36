// Property-based fuzzing (fast-check) of every route in /openapi.json, against the real app (templates, SQLite,
// Chromium): generated and mutated bodies, headers and query strings, each body's own shape with each member wrong in
// turn, and hostile paths and methods. Every answer: no 5xx; a 4xx is problem+json whose JSON Pointers exist in the
// input; as documented; nothing stored for a refused request; the service stays up and Object.prototype untouched.
// `npm test` runs a bounded number of cases from a fixed seed; `npm run fuzz` a long run (FUZZ_RUNS, FUZZ_SEED).
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FILING_IDS } from '../src/core/filings/index.ts';
import type { Role } from '../src/core/ports.ts';
import { composeNodeApp, type NodeApp } from '../src/runtime/node/compose.ts';
import { createApiKey } from '../src/usecases/keys.ts';
import { paths, REMOVE, setAt, wrongType, getAt, pointer } from './support/fuzz/mutations.ts';
import { judge, snapshot, toRequest, type Verdict } from './support/fuzz/oracle.ts';
import { operations, requestArb, type FuzzDocument, type FuzzRequest, type FuzzWorld } from './support/fuzz/requests.ts';
import { createOpenApiChecker, fetchOpenApi } from './support/openapi-check.ts';
import { validSamples } from './support/samples.ts';

const LONG = process.env.FUZZ_LONG === '1';
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : LONG ? Math.floor(Math.random() * 2 ** 31) : 20_261_201;
const RUNS = Number(process.env.FUZZ_RUNS ?? (LONG ? 400 : 12));
const TIMEOUT = LONG ? 6 * 3600_000 : 240_000;
if (LONG) console.log(`fuzz: seed ${SEED}, ${RUNS} runs per route (FUZZ_SEED=${SEED} FUZZ_RUNS=${RUNS} npm run fuzz repeats it)`);

const dir = mkdtempSync(join(tmpdir(), 'filing-fuzz-'));
let node: NodeApp;
let world: FuzzWorld;
let check: ReturnType<typeof createOpenApiChecker>;
const prototypeNames = Object.getOwnPropertyNames(Object.prototype).sort().join();
const seen = new Map<string, Set<number>>();

beforeAll(async () => {
  node = await composeNodeApp({
    ...process.env,
    DATABASE_PATH: join(dir, 'db.sqlite'),
    TEMPLATE_STORE_DIR: join(dir, 'blobs'),
    // The fuzz reaches the routes; the limits themselves are tested in src/http/abuse-limits.test.ts.
    RATE_LIMIT_PER_MINUTE: '100000',
    AUTH_FAILURE_LIMIT: '100000',
    PDF_TIMEOUT_MS: '20000',
  });
  const keys = {} as Record<Role, string>;
  for (const role of ['renderer', 'staff', 'maintainer', 'admin'] as const) keys[role] = (await createApiKey(node.store, { name: `fuzz ${role}`, role, now: new Date().toISOString() })).secret;
  const doc = await fetchOpenApi(node.app);
  check = createOpenApiChecker(doc);
  const samples: FuzzWorld['samples'] = {};
  for (const s of validSamples()) (samples[s.filingId] ??= []).push({ name: s.name, input: s.input });
  const templateFiles = Object.fromEntries(FILING_IDS.map((f) => [f, { docx: new Uint8Array(readFileSync(`templates/${f}/1.0.0/${f}.docx`)), html: readFileSync(`templates/${f}/1.0.0/${f}.hbs`, 'utf8') }]));
  world = { doc: doc as unknown as FuzzDocument, keys, filings: [...FILING_IDS], samples, versions: ['1.0.0'], templateFiles, ids: await existing(keys, samples) };
});
/** A project with milestones, a draft, a receiver and a calendar feed, so the routes that take their ids get past 404. */
async function existing(keys: Record<Role, string>, samples: FuzzWorld['samples']): Promise<Record<string, string[]>> {
  const as = (key: string) => ({ authorization: `Bearer ${key}`, 'content-type': 'application/json' });
  const post = async (path: string, body: unknown = {}) => (await node.app.request(path, { method: 'POST', headers: as(keys.staff), body: JSON.stringify(body) })).json() as Promise<Record<string, unknown>>;
  const project = (samples['acceptance-extension']![0]!.input as { project: unknown }).project;
  const p = await post('/v1/projects', { name: 'fuzz', data: { project, milestones: { completion: '2025-08-17', contractSignings: [{ name: '合同', date: '2025-09-01' }] } } });
  const d = await post(`/v1/projects/${String(p.id)}/drafts`, { filing: 'acceptance-extension', sample: samples['acceptance-extension']![0]!.name });
  const feed = await post(`/v1/projects/${String(p.id)}/calendar-feed`);
  const receiver = (await (await node.app.request('/v1/webhooks', { method: 'POST', headers: as(keys.admin), body: JSON.stringify({ url: 'https://hooks.example.com/in' }) })).json()) as { receiver: { id: string } };
  return { projectId: [String(p.id)], draftId: [String(d.id)], seq: ['1'], obligationId: ['acceptance'], receiverId: [receiver.receiver.id], feed: [String(feed.path).split('/').pop()!] };
}

afterAll(() => {
  if (process.env.FUZZ_DEBUG) for (const [k, v] of seen) console.log(k, [...v].sort().join(' '));
  return node?.close();
});

function describeRequest(r: FuzzRequest): string {
  const body = r.body ? JSON.stringify(r.body, (_k, v: unknown) => (v instanceof Uint8Array ? `<${v.length} bytes>` : typeof v === 'string' && v.length > 200 ? `${v.slice(0, 200)}…(${v.length})` : v)).slice(0, 1500) : '';
  return `${r.method} ${r.path}?${new URLSearchParams(r.query).toString()} ${JSON.stringify(r.headers).slice(0, 400)} ${body}`;
}

/** Sends one request and returns what is wrong with the answer and the service after it. */
async function send(r: FuzzRequest): Promise<Verdict> {
  const before = snapshot(node.store.db, join(dir, 'blobs'));
  const { url, init } = toRequest(r);
  const res = await node.app.request(url, init);
  const documented = (await check(r.method, r.path, res)).filter((p) => !p.endsWith('not in /openapi.json'));
  const verdict = await judge(r, res, before, snapshot(node.store.db, join(dir, 'blobs')), node.store.db, documented);
  const health = await node.app.request('/health');
  if (health.status !== 200) verdict.problems.push(`service down after the request: /health ${health.status}`);
  if (Object.getOwnPropertyNames(Object.prototype).sort().join() !== prototypeNames || ({} as Record<string, unknown>).polluted !== undefined) verdict.problems.push('Object.prototype changed');
  const key = `${r.method} ${r.template}`;
  if (!seen.has(key)) seen.set(key, new Set());
  seen.get(key)!.add(res.status);
  return verdict;
}

const ops = () => operations(world.doc);

describe('every route, generated requests', () => {
  it(
    'answers each of them without a 5xx, with problem+json whose pointers exist, as documented, storing nothing when refused',
    async () => {
      for (const ref of ops()) {
        await fc.assert(
          fc.asyncProperty(requestArb(world, ref), async (r) => {
            const v = await send(r);
            if (v.problems.length) throw new Error(`${describeRequest(r)}\n→ ${v.status} ${v.code ?? ''}\n${v.problems.join('\n')}`);
          }),
          { seed: SEED, numRuns: RUNS, endOnFailure: !LONG },
        );
      }
      // Each route was reached, and most of them past their door: a well-formed request got a 2xx somewhere.
      expect([...seen.keys()].sort()).toEqual(ops().map((o) => `${o.method} ${o.template}`).sort());
      const succeeded = [...seen.entries()].filter(([, s]) => [...s].some((x) => x < 300)).length;
      expect(succeeded).toBeGreaterThan(ops().length * 0.7);
    },
    TIMEOUT,
  );
});

/** Valid bodies of the JSON routes, with the path each is sent to and the members to make wrong. */
function seeds(): Array<{ template: string; path: string; body: unknown; query?: Array<[string, string]> }> {
  const out: Array<{ template: string; path: string; body: unknown; query?: Array<[string, string]> }> = [];
  for (const f of FILING_IDS) {
    // The check validates and then runs the compliance rules: the deepest of the filing routes that renders nothing.
    for (const s of LONG ? world.samples[f]! : world.samples[f]!.slice(0, 1)) {
      out.push({ template: '/v1/filings/{id}/check', path: `/v1/filings/${f}/check`, body: s.input });
      if (LONG) out.push({ template: '/v1/filings/{id}/validate', path: `/v1/filings/${f}/validate`, body: s.input });
    }
  }
  const data = world.samples['acceptance-extension']![0]!.input;
  out.push({ template: '/v1/filings/{id}/render', path: '/v1/filings/acceptance-extension/render', body: data, query: [['format', 'html']] });
  out.push({ template: '/v1/packages', path: '/v1/packages', body: { documents: [{ filing: 'acceptance-extension', format: 'html', locale: 'en', version: '1.0.0', draft: false, data }] } });
  out.push({ template: '/v1/keys', path: '/v1/keys', body: { name: 'fuzz', role: 'staff' } });
  out.push({ template: '/v1/templates/{filing}/versions/{version}/publish', path: '/v1/templates/acceptance-extension/versions/9.9.9/publish', body: { effectiveFrom: '2019-01-01', effectiveUntil: '2040-01-01' } });
  out.push({ template: '/v1/templates/{filing}/versions/{version}/preview', path: '/v1/templates/acceptance-extension/versions/9.9.9/preview', body: { sample: 'national-data-sharing-platform' } });
  return out;
}

/**
 * Every member of the body's shape: all of them in a long run; otherwise each member of the schema once (the first item
 * of an array standing for its items).
 */
const members = (body: unknown) => paths(body).filter((p) => LONG || p.every((k) => typeof k !== 'number' || k === 0));

describe('each body’s own shape with each member wrong in turn', () => {
  it(
    'answers every one of them as it should',
    async () => {
      const failures: string[] = [];
      let sent = 0;
      for (const s of seeds()) {
        for (const p of members(s.body)) {
          for (const to of LONG ? [wrongType(getAt(s.body, p)), REMOVE] : [wrongType(getAt(s.body, p))]) {
            const r: FuzzRequest = { method: 'POST', template: s.template, path: s.path, query: s.query ?? [], headers: { authorization: `Bearer ${world.keys.admin}`, 'content-type': 'application/json' }, body: { kind: 'json', value: setAt(s.body, p, to) } };
            const v = await send(r);
            sent++;
            if (v.problems.length) failures.push(`${s.path} ${pointer(p)} → ${to === REMOVE ? 'removed' : JSON.stringify(to)}: ${v.status} ${v.code ?? ''}: ${v.problems.join('; ')}`);
          }
        }
      }
      expect(failures.slice(0, 20)).toEqual([]);
      expect(sent).toBeGreaterThan(1000);
    },
    TIMEOUT,
  );
});

describe('hostile paths and methods', () => {
  it(
    'answers them with a 4xx problem, never a file from outside',
    async () => {
      const segment = fc.constantFrom('..', '%2e%2e', '..%2f..%2f', '%2e%2e%2fpackage.json', '%00', '.%00.', '%ff', '~', '%252e%252e', 'v1', 'filings', 'docs', 'assets', 'package.json', 'etc', 'passwd', '');
      const path = fc.oneof(
        fc.array(segment, { minLength: 1, maxLength: 6 }).map((s) => `/${s.join('/')}`),
        fc.constantFrom(...ops().map((o) => o.template)).chain((t) => fc.tuple(fc.constant(t), segment).map(([tt, s]) => tt.replace(/\{\w+\}/g, s))),
        fc.constantFrom('/docs/assets/..%2f..%2fpackage.json', '/docs/assets/%2e%2e%2f%2e%2e%2fpackage.json', '//v1//filings', '/v1/filings/%2e%2e/keys', '/V1/FILINGS', '/openapi.json/..', '/docs/assets/'),
      );
      await fc.assert(
        fc.asyncProperty(fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD'), path, async (method, p) => {
          const res = await node.app.request(p, { method, headers: { authorization: `Bearer ${world.keys.admin}` } });
          const text = await res.text();
          expect(res.status, `${method} ${p}`).toBeLessThan(500);
          expect(text).not.toContain('"devDependencies"');
          expect(text).not.toContain('root:x:0:0');
          if (res.status >= 400 && method !== 'HEAD') expect(res.headers.get('content-type'), `${method} ${p}`).toMatch(/^application\/problem\+json/);
        }),
        { seed: SEED, numRuns: RUNS * 10 },
      );
    },
    TIMEOUT,
  );
});

describe('after the fuzzing', () => {
  it('the service is up and renders as before', async () => {
    expect((await node.app.request('/health')).status).toBe(200);
    expect((await node.app.request('/ready')).status).toBe(200);
    const body = JSON.stringify(world.samples['acceptance-extension']![0]!.input);
    for (const format of ['docx', 'pdf'] as const) {
      const res = await node.app.request(`/v1/filings/acceptance-extension/render?format=${format}&version=1.0.0`, { method: 'POST', headers: { authorization: `Bearer ${world.keys.renderer}`, 'content-type': 'application/json' }, body });
      expect(res.status, `${format}: ${res.status >= 400 ? await res.text() : ''}`).toBe(200);
    }
    expect(Object.getOwnPropertyNames(Object.prototype).sort().join()).toBe(prototypeNames);
  });
});
