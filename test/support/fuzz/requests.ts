// Requests for every operation of /openapi.json, generated from the document: path parameters, query strings and
// headers from their schemas and from known good values, mixed with hostile ones; JSON bodies generated from the
// body schema, taken from a valid seed, or a seed with one member wrong, or not JSON at all; multipart uploads with
// good, broken and hostile files.
import fc from 'fast-check';
import type { Role } from '../../../src/core/ports.ts';
import { hostileValue, mutation } from './mutations.ts';
import { schemaArbitrary, type SchemaRoot } from './schema-arbitrary.ts';

type Parameter = { in: string; name: string; required?: boolean; schema?: Record<string, unknown> };
type Operation = { parameters?: Parameter[]; requestBody?: { content: Record<string, { schema?: Record<string, unknown> }> } };
export type FuzzDocument = SchemaRoot & { paths: Record<string, Record<string, Operation>> };

export type FormValue = string | { bytes: Uint8Array; name: string; type: string };
export type FuzzBody = { kind: 'json'; value: unknown } | { kind: 'text'; text: string } | { kind: 'bytes'; bytes: Uint8Array } | { kind: 'form'; fields: Array<[string, FormValue]> };

export interface FuzzRequest {
  method: string;
  /** The documented path the request was made from. */
  template: string;
  path: string;
  query: Array<[string, string]>;
  headers: Record<string, string>;
  body?: FuzzBody;
}

/** What the generators know to be valid on the service under test. */
export interface FuzzWorld {
  doc: FuzzDocument;
  keys: Record<Role, string>;
  filings: string[];
  samples: Record<string, Array<{ name: string; input: unknown }>>;
  versions: string[];
  templateFiles: Record<string, { docx: Uint8Array; html: string }>;
  /** Ids of things that exist (a project, its draft, a receiver, a calendar feed…), by path parameter name. */
  ids: Record<string, string[]>;
}

export interface OperationRef {
  method: string;
  template: string;
  op: Operation;
}

export function operations(doc: FuzzDocument): OperationRef[] {
  return Object.entries(doc.paths).flatMap(([template, ops]) => Object.entries(ops).map(([method, op]) => ({ method: method.toUpperCase(), template, op })));
}

/** A path segment sent as it is, not encoded: bytes that are not UTF-8, a lone `%`. */
const RAW = '\u0001raw:';
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const segment = (v: string) => (v.startsWith(RAW) ? v.slice(RAW.length) : encodeURIComponent(v.replace(LONE_SURROGATE, '\ufffd')));

const hostileText = fc.oneof(
  fc.constantFrom(`${RAW}%ED%A0%80`, `${RAW}%`, `${RAW}%zz`, `${RAW}%C0%AE%C0%AE`, '', ' ', '%00', '%', 'a/b', '\u0000', '\ud800', '<x>', '"', "'", '{{x}}', '..%2f..%2fetc%2fpasswd', 'ＡＢＣ', '项目', 'x'.repeat(300), '1.0.0;', '-1', '1e9', 'null', 'true'),
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
);

function known(world: FuzzWorld, name: string): string[] {
  if (name === 'id' || name === 'filing') return world.filings;
  if (name === 'version' || name === 'from' || name === 'to') return [...world.versions, '9.9.9'];
  if (name === 'name' || name === 'sample') return [...new Set(Object.values(world.samples).flatMap((s) => s.map((x) => x.name)))];
  if (name === 'file') return ['swagger-ui.css', 'init.js', 'swagger-ui-bundle.js'];
  if (name === 'kind') return ['docx', 'html'];
  return world.ids[name] ?? [];
}

function paramValue(world: FuzzWorld, p: Parameter, template = ''): fc.Arbitrary<string> {
  // Retiring the versions in force would leave the later cases nothing to render; other versions are fair game.
  const good = template.endsWith('/retire') && p.name === 'version' ? ['9.9.9'] : known(world, p.name);
  const fromSchema = schemaArbitrary(world.doc, p.schema).map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
  return fc.oneof({ weight: good.length ? 6 : 0, arbitrary: good.length ? fc.constantFrom(...good) : fc.constant('') }, { weight: 2, arbitrary: fromSchema }, { weight: 2, arbitrary: hostileText });
}

function queryArb(world: FuzzWorld, params: Parameter[]): fc.Arbitrary<Array<[string, string]>> {
  const documented = params.filter((p) => p.in === 'query').map((p) => fc.option(paramValue(world, p).map((v) => [p.name, v] as [string, string]), { freq: p.required ? 8 : 2 }));
  const extra = fc.array(fc.tuple(fc.oneof(fc.constantFrom('format', 'locale', 'draft', 'limit', '__proto__', 'constructor'), fc.string({ maxLength: 8 })), hostileText), { maxLength: 2 });
  return fc.tuple(fc.tuple(...documented), extra).map(([doc, more]) => [...doc.filter((x): x is [string, string] => x !== null), ...more]);
}

function authArb(world: FuzzWorld): fc.Arbitrary<string | undefined> {
  return fc.oneof(
    { weight: 10, arbitrary: fc.constant(`Bearer ${world.keys.admin}`) },
    { weight: 3, arbitrary: fc.constantFrom(...(['renderer', 'staff', 'maintainer'] as const)).map((r) => `Bearer ${world.keys[r]}`) },
    { weight: 1, arbitrary: fc.constant(undefined) },
    {
      weight: 2,
      arbitrary: fc.oneof(
        fc.constantFrom('Bearer', 'Bearer ', 'Basic dXNlcjpwYXNz', `bearer ${world.keys.admin}`, `Bearer ${world.keys.admin}x`, `Bearer ${world.keys.admin.slice(0, -1)}`, 'Bearer fsk_000000000000_' + 'A'.repeat(43), `Bearer ${'A'.repeat(5000)}`),
        fc.string({ maxLength: 60 }).map((s) => `Bearer ${s}`),
      ),
    },
  );
}

const headerValue = fc.oneof(fc.constantFrom('', 'x', '*/*', 'en', 'zh-CN', ';;;', 'q=0'), fc.stringMatching(/^[\x20-\x7e]{0,60}$/));

function headersArb(world: FuzzWorld, hasBody: boolean, bodyType: string | undefined): fc.Arbitrary<Record<string, string>> {
  const contentType = bodyType
    ? fc.oneof(
        { weight: 12, arbitrary: fc.constant(bodyType) },
        { weight: 1, arbitrary: fc.constantFrom('application/json; charset=utf-8', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=zz', 'application/problem+json', 'application/json', '', 'application/xml') },
      )
    : fc.constant(undefined);
  return fc
    .record({
      authorization: authArb(world),
      'content-type': contentType,
      accept: fc.option(fc.oneof(fc.constantFrom('application/pdf', 'text/html', '*/*', 'application/json', 'text/html;q=0, application/pdf;q=0', 'image/png', 'application/*', 'text/*'), headerValue), { freq: 3 }),
      'accept-language': fc.option(fc.oneof(fc.constantFrom('en', 'zh-CN', 'en-GB,en;q=0.9', 'zh-TW', 'fr', '*'), headerValue), { freq: 3 }),
      'idempotency-key': fc.option(fc.oneof(fc.uuid(), fc.constantFrom('short', '"quoted-idempotency-key-0001"', 'with spaces in the key 0001'), headerValue), { freq: hasBody ? 4 : 8 }),
      'x-request-id': fc.option(fc.oneof(fc.uuid(), headerValue), { freq: 4 }),
    })
    .map((h) => Object.fromEntries(Object.entries(h).filter((e): e is [string, string] => typeof e[1] === 'string')));
}

function sampleOf(world: FuzzWorld, filing: string | undefined): fc.Arbitrary<unknown> {
  const list = (filing && world.samples[filing]) || Object.values(world.samples).flat();
  return fc.constantFrom(...list).map((s) => structuredClone(s.input));
}

/** A valid body for the operation, as the service's own examples would be. */
function seedBody(world: FuzzWorld, template: string, params: Record<string, string>): fc.Arbitrary<unknown> | undefined {
  if (/\/v1\/filings\/\{id\}\/(validate|check|render)$/.test(template)) return sampleOf(world, params.id);
  if (template === '/v1/packages') {
    const doc = fc.constantFrom(...world.filings).chain((filing) => fc.record({ filing: fc.constant(filing), format: fc.constantFrom('docx', 'html', 'docx', 'pdf'), locale: fc.constantFrom('zh-CN', 'en', 'bilingual'), data: sampleOf(world, filing) }));
    return fc.record({ documents: fc.array(doc, { minLength: 1, maxLength: 2 }) });
  }
  if (template === '/v1/keys') return fc.record({ name: fc.string({ minLength: 1, maxLength: 20 }), role: fc.constantFrom('renderer', 'staff', 'maintainer', 'admin') });
  if (template.endsWith('/preview')) return fc.record({ sample: fc.constantFrom(...known(world, 'sample')) });
  if (template.endsWith('/publish')) return fc.oneof(fc.constant({}), fc.record({ effectiveFrom: fc.constantFrom('2031-01-01', '2019-01-01') }));
  return undefined;
}

function jsonBodyArb(world: FuzzWorld, ref: OperationRef, params: Record<string, string>): fc.Arbitrary<FuzzBody | undefined> {
  const schema = ref.op.requestBody?.content['application/json']?.schema;
  const seed = seedBody(world, ref.template, params) ?? schemaArbitrary(world.doc, schema);
  return fc.oneof(
    { weight: 3, arbitrary: seed.map((value) => ({ kind: 'json' as const, value })) },
    { weight: 7, arbitrary: seed.chain((v) => mutation(v)).map((value) => ({ kind: 'json' as const, value })) },
    { weight: 2, arbitrary: schemaArbitrary(world.doc, schema).map((value) => ({ kind: 'json' as const, value })) },
    { weight: 1, arbitrary: hostileValue.map((value) => ({ kind: 'json' as const, value })) },
    { weight: 1, arbitrary: fc.constantFrom('', '{', '{"a":', '\uFEFF{}', 'NaN', '[1,]', '{"a":1}{"b":2}', '1e400', `${'['.repeat(5000)}${']'.repeat(5000)}`, '{"__proto__":{"polluted":1}}', '{"constructor":{"prototype":{"polluted":1}}}').map((text) => ({ kind: 'text' as const, text })) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 64 }).map((bytes) => ({ kind: 'bytes' as const, bytes })) },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
}

function uploadArb(world: FuzzWorld, filing: string): fc.Arbitrary<FuzzBody> {
  const files = world.templateFiles[filing] ?? Object.values(world.templateFiles)[0]!;
  const flip = (b: Uint8Array) => fc.integer({ min: 0, max: b.length - 1 }).map((i) => Uint8Array.from(b, (x, j) => (j === i ? x ^ 0xff : x)));
  const docx = fc.oneof(fc.constant(files.docx), flip(files.docx), fc.uint8Array({ maxLength: 200 }), fc.constant(files.docx.slice(0, files.docx.length >> 1)));
  const html = fc.oneof(
    fc.constant(files.html),
    fc.constantFrom('{{#each', '{{> partial}}', '<img src="http://127.0.0.1:9/x">', '<style>@import url(//x)</style>', '{{{raw}}}', '\ud800').map((bad) => files.html.replace('</body>', `${bad}</body>`)),
    fc.string({ maxLength: 80 }),
  );
  const file = (bytes: fc.Arbitrary<Uint8Array | string>, name: string) => bytes.map((b) => ({ bytes: typeof b === 'string' ? new TextEncoder().encode(b) : b, name, type: 'application/octet-stream' }));
  const field = (name: string, value: fc.Arbitrary<FormValue>) => fc.option(value.map((v) => [name, v] as [string, FormValue]), { freq: 6 });
  return fc
    .tuple(
      field('version', fc.oneof(fc.tuple(fc.nat(99), fc.nat(99), fc.nat(99)).map(([a, b, c]) => `${a + 2}.${b}.${c}`), fc.constantFrom(...world.versions), hostileText)),
      field('effectiveFrom', fc.oneof(fc.constantFrom('2031-01-01', '2019-06-30', '2031-02-30'), hostileText)),
      field('effectiveUntil', fc.oneof(fc.constantFrom('2030-01-01', '2035-01-01'), hostileText)),
      field('regulationBasis', fc.oneof(fc.constant('国办发〔2019〕57号'), hostileText)),
      field('docx', file(docx, `${filing}.docx`)),
      field('html', file(html, `${filing}.hbs`)),
      fc.option(fc.tuple(fc.string({ maxLength: 10 }), hostileText).map((x) => x as [string, FormValue]), { freq: 4 }),
    )
    .map((fields) => ({ kind: 'form' as const, fields: fields.filter((f): f is [string, FormValue] => f !== null) }));
}

/** A request for one operation: mostly well-formed around one fault, sometimes nothing but faults. */
export function requestArb(world: FuzzWorld, ref: OperationRef): fc.Arbitrary<FuzzRequest> {
  const pathParams = (ref.op.parameters ?? []).filter((p) => p.in === 'path');
  const params = fc.tuple(...pathParams.map((p) => paramValue(world, p, ref.template).filter((v) => v !== '.' && v !== '..'))).map((vs) => Object.fromEntries(pathParams.map((p, i) => [p.name, vs[i]!])));
  const bodyType = Object.keys(ref.op.requestBody?.content ?? {})[0];
  return params.chain((values) => {
    const path = ref.template.replace(/\{(\w+)\}/g, (_, n: string) => segment(values[n]!));
    const body: fc.Arbitrary<FuzzBody | undefined> =
      bodyType === 'multipart/form-data' ? uploadArb(world, values.filing ?? '') : bodyType ? jsonBodyArb(world, ref, values) : fc.constant(undefined);
    return fc.record({ method: fc.constant(ref.method), template: fc.constant(ref.template), path: fc.constant(path), query: queryArb(world, ref.op.parameters ?? []), headers: headersArb(world, bodyType !== undefined, bodyType), body });
  }).map((r) => (r.body === undefined ? (({ body: _, ...rest }) => rest)(r) : r));
}
