// Checks responses against the service's own /openapi.json: the operation must document the status, the content type
// and every header the service sends (and a header documented as required must be there); a JSON body must validate
// against the documented schema. Tests call it on every response they look at.
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

type Header = { required?: boolean };
type Operation = { responses: Record<string, { headers?: Record<string, Header>; content?: Record<string, { schema?: object }> }> };
export type OpenApiDocument = { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, object> } };

/** Headers the service itself sets, which the document must name where they are sent. */
const SERVICE_HEADERS = /^(x-[a-z0-9-]+|ratelimit-[a-z]+|retry-after|www-authenticate|content-disposition|content-language|cache-control)$/;
/** Hono's secure headers, the same on every response; the document's description names them once. */
const SECURE_HEADERS = new Set(['x-content-type-options', 'x-dns-prefetch-control', 'x-download-options', 'x-frame-options', 'x-permitted-cross-domain-policies', 'x-xss-protection']);

function rewriteRefs(schema: unknown): unknown {
  return JSON.parse(JSON.stringify(schema).replace(/"#\/components\/schemas\//g, '"openapi#/components/schemas/'));
}

/** The app's document, fetched through the app itself. */
export async function fetchOpenApi(app: { request(path: string): Response | Promise<Response> }): Promise<OpenApiDocument> {
  return (await (await app.request('/openapi.json')).json()) as OpenApiDocument;
}

export function createOpenApiChecker(doc: OpenApiDocument) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  (addFormatsModule as unknown as (a: Ajv2020) => void)(ajv);
  ajv.addSchema({ $id: 'openapi', components: doc.components } as object);
  const compiled = new Map<object, ReturnType<Ajv2020['compile']>>();

  const findOperation = (method: string, path: string) => {
    const clean = path.split('?')[0]!;
    for (const [template, ops] of Object.entries(doc.paths)) {
      const re = new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`);
      if (re.test(clean)) return ops[method.toLowerCase()];
    }
    return undefined;
  };

  /** Returns a list of problems (empty when the response matches the document). */
  return async function check(method: string, path: string, res: Response): Promise<string[]> {
    const op = findOperation(method, path);
    if (!op) return [`${method} ${path}: not in /openapi.json`];
    const documented = op.responses[String(res.status)];
    if (!documented) return [`${method} ${path}: status ${res.status} not documented`];
    const where = `${method} ${path} ${res.status}`;
    const out: string[] = [];
    const headers = Object.fromEntries(Object.entries(documented.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
    for (const [name, h] of Object.entries(headers)) if (h.required && !res.headers.has(name)) out.push(`${where}: required header ${name} missing`);
    res.headers.forEach((_, name) => {
      if (SERVICE_HEADERS.test(name) && !SECURE_HEADERS.has(name) && !headers[name]) out.push(`${where}: header ${name} not documented`);
    });
    if (res.status === 204) return out;
    const type = (res.headers.get('content-type') ?? '').split(';')[0]!.trim();
    const content = documented.content ?? {};
    if (!(type in content)) return [...out, `${where}: content type ${type} not documented (${Object.keys(content).join(', ')})`];
    const schema = content[type]!.schema;
    if (!schema || !type.includes('json')) return out;
    const body = await res.clone().json();
    let validate = compiled.get(schema);
    if (!validate) compiled.set(schema, (validate = ajv.compile(rewriteRefs(schema) as object)));
    return validate(body) ? out : [...out, `${where}: ${ajv.errorsText(validate.errors)}`];
  };
}
