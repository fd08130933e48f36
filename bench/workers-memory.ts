// The built Worker bundle's memory under Node with a Workers-sized heap: run as a child of npm run bench:workers with
// --max-old-space-size=128 --trace-gc, it imports the bundle wrangler built (the same main.js it uploads), serves it
// D1 over node:sqlite and R2 from memory, and sends the heaviest requests the limits admit. Between the markers it
// prints, the parent reads the heap V8 reported at each collection, whose largest value is the case's peak.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync, type SQLInputValue } from 'node:sqlite';
import { pathToFileURL } from 'node:url';
import { bigDocumentXmlTemplate, largestLegalInput, sixteenDocumentPackage } from '../test/support/worst-inputs.ts';
import { validSamples } from '../src/runtime/node/sample-files.ts';
import { FILINGS } from '../src/core/filings/index.ts';

const ADMIN = 'admin-key-of-the-memory-benchmark-000001';
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

/** D1's statement interface over node:sqlite, as much of it as the service's D1 adapter calls. */
function d1(db: DatabaseSync) {
  const values = (params: unknown[]) => params.map((p) => (p instanceof ArrayBuffer ? new Uint8Array(p) : p) as SQLInputValue);
  const statement = (sql: string, params: unknown[] = []) => ({
    bind: (...p: unknown[]) => statement(sql, p),
    first: async () => db.prepare(sql).get(...values(params)) ?? null,
    all: async () => ({ results: db.prepare(sql).all(...values(params)), meta: { changes: 0 } }),
    run: async () => ({ results: [], meta: { changes: Number(db.prepare(sql).run(...values(params)).changes) } }),
    sql,
    params,
  });
  return {
    prepare: (sql: string) => statement(sql),
    async batch(list: Array<ReturnType<typeof statement>>) {
      db.exec('BEGIN');
      try {
        const out = list.map((s) => ({ results: [], meta: { changes: Number(db.prepare(s.sql).run(...values(s.params)).changes) } }));
        db.exec('COMMIT');
        return out;
      } catch (e) {
        db.exec('ROLLBACK');
        throw e;
      }
    },
  };
}

function r2() {
  const objects = new Map<string, Uint8Array>();
  const body = (b: Uint8Array) => ({ arrayBuffer: async () => b.slice().buffer, text: async () => new TextDecoder().decode(b) });
  return {
    get: async (key: string) => (objects.has(key) ? body(objects.get(key)!) : null),
    head: async (key: string) => (objects.has(key) ? {} : null),
    async put(key: string, value: ArrayBuffer | Uint8Array | string) {
      objects.set(key, typeof value === 'string' ? new TextEncoder().encode(value) : new Uint8Array(value instanceof ArrayBuffer ? value : value.slice().buffer));
    },
  };
}

const bundleDir = process.argv[2]!;
// The requests' bodies are made first: making them is the bench's work, not the Worker's.
const largestSample = FILINGS.flatMap((f) => validSamples(f.id).map((p) => ({ filing: f.id, text: readFileSync(p, 'utf8') }))).sort((a, b) => b.text.length - a.text.length)[0]!;
const legal = JSON.stringify(largestLegalInput());
const pack = JSON.stringify(sixteenDocumentPackage());
const bigTemplate = bigDocumentXmlTemplate();
const overLimit = JSON.stringify({ pad: 'x'.repeat(1024 * 1024) });
const db = new DatabaseSync(':memory:');
for (const f of readdirSync('src/storage/migrations').sort()) db.exec(readFileSync(join('src/storage/migrations', f), 'utf8'));
const env = { DB: d1(db), FILES: r2(), ADMIN_API_KEY: ADMIN, RATE_LIMIT_PER_MINUTE: '100000' };
const ctx = { waitUntil() {}, passThroughOnException() {}, props: {} };
// The bundle installs the Workers' console and process (unenv's) as globals, as workerd has them: the bench writes to
// the stdout and reads the memory of the Node process it held before.
const nodeProcess = process;
const print = (line: string) => nodeProcess.stdout.write(`${line}\n`);
const worker = ((await import(pathToFileURL(join(bundleDir, 'main.js')).href)) as { default: { fetch(r: Request, e: unknown, c: unknown): Promise<Response> } }).default;

async function request(name: string, path: string, body?: string | FormData): Promise<void> {
  gc();
  print(`@@start ${name}`);
  const headers: Record<string, string> = { authorization: `Bearer ${ADMIN}`, ...(typeof body === 'string' ? { 'content-type': 'application/json' } : {}) };
  const res = await worker.fetch(new Request(`http://worker.test${path}`, { method: body === undefined ? 'GET' : 'POST', headers, ...(body !== undefined ? { body } : {}) }), env, ctx);
  const bytes = (await res.arrayBuffer()).byteLength;
  const m = nodeProcess.memoryUsage();
  print(`@@end ${res.status} ${bytes} ${m.heapUsed} ${m.external + m.arrayBuffers}`);
}

function upload(docx: Uint8Array): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries({ version: '9.0.0', effectiveFrom: '2030-01-01', regulationBasis: '国办发〔2019〕57号' })) form.append(k, v);
  form.append('docx', new File([docx as Uint8Array<ArrayBuffer>], 'template.docx'));
  return form;
}

await request('first request (composes the app)', '/v1/filings');
await request(`largest sample DOCX bilingual (${largestSample.filing})`, `/v1/filings/${largestSample.filing}/render?format=docx&locale=bilingual`, largestSample.text);
await request(`largest sample HTML bilingual (${largestSample.filing})`, `/v1/filings/${largestSample.filing}/render?format=html&locale=bilingual`, largestSample.text);
await request('largest legal input (MAX_BODY_BYTES) DOCX bilingual', '/v1/filings/feasibility-study/render?format=docx&locale=bilingual', legal);
await request('largest legal input (MAX_BODY_BYTES) HTML bilingual', '/v1/filings/feasibility-study/render?format=html&locale=bilingual', legal);
await request('package of sixteen documents (MAX_BODY_BYTES)', '/v1/packages', pack);
await request('template upload with an 8 MiB document.xml (TEMPLATE_MAX_BYTES)', '/v1/templates/feasibility-study/versions', upload(bigTemplate));
await request('a body over MAX_BODY_BYTES (refused)', '/v1/filings/feasibility-study/render?format=docx', overLimit);
