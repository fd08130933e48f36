// One composed Node app per test file for the HTTP suites: real templates, SQLite and Chromium, a key per role, and
// every response the tests look at checked against the app's own /openapi.json.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import type { Role } from '../../src/core/ports.ts';
import type { AppDeps } from '../../src/http/app.ts';
import { composeNodeApp, type NodeApp } from '../../src/runtime/node/compose.ts';
import { createApiKey } from '../../src/usecases/keys.ts';
import { createOpenApiChecker, fetchOpenApi } from './openapi-check.ts';
import { samplesOf } from './samples.ts';

export interface CallOpts {
  key?: Role | string | null;
  body?: unknown;
  raw?: BodyInit;
  headers?: Record<string, string>;
}

export type ProblemJson = { code: string; status: number; detail: string; errors?: Array<{ path: string; code: string; message: string }>; [k: string]: unknown };

export function httpHarness() {
  const h = {
    node: undefined as unknown as NodeApp,
    keys: {} as Record<Role, string>,
    /** Differences between responses and the document, collected for a final assertion. */
    drift: [] as string[],
    check: undefined as unknown as ReturnType<typeof createOpenApiChecker>,
  };

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'filing-http-'));
    h.node = await composeNodeApp({ ...process.env, DATABASE_PATH: join(dir, 'db.sqlite'), RATE_LIMIT_PER_MINUTE: '10000', MAX_BODY_BYTES: String(256 * 1024) });
    for (const role of ['renderer', 'staff', 'maintainer', 'admin'] as const) h.keys[role] = (await createApiKey(h.node.store, { name: role, role, now: new Date().toISOString() })).secret;
    h.check = createOpenApiChecker(await fetchOpenApi(h.node.app));
  });
  afterAll(() => h.node.close());

  async function call(method: string, path: string, o: CallOpts = {}): Promise<Response> {
    const headers: Record<string, string> = { ...o.headers };
    const key = o.key === undefined ? 'admin' : o.key;
    if (key) headers.authorization = `Bearer ${key in h.keys ? h.keys[key as Role] : key}`;
    let body: BodyInit | undefined = o.raw;
    if (o.body !== undefined) {
      body = JSON.stringify(o.body);
      headers['content-type'] ??= 'application/json';
    }
    const res = await h.node.app.request(path, { method, headers, ...(body !== undefined ? { body } : {}) });
    h.drift.push(...(await h.check(method, path, res)));
    return res;
  }

  async function problem(res: Response): Promise<ProblemJson> {
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    return (await res.json()) as ProblemJson;
  }

  /** Dependencies for a second app built over the same store and services, to vary one of them. */
  function baseDeps(): AppDeps {
    return {
      render: h.node.services,
      store: h.node.store,
      samples: { list: () => [], get: () => undefined },
      now: () => new Date(),
      log: () => {},
      readiness: { browser: async () => ({ ok: true }), queue: () => ({ active: 0, queued: 0, limit: 1 }) },
      lifecycle: { draining: false, inFlight: 0 },
    };
  }

  const sample = () => structuredClone(samplesOf('acceptance-extension').find((x) => x.name === 'national-data-sharing-platform')!.input) as Record<string, unknown>;

  return { h, call, problem, baseDeps, sample };
}
