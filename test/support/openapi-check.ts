// Checks a response against /openapi.json: the operation must document the status and content type, and a JSON
// body must validate against the documented schema. Tests call it on every response they look at.
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { buildOpenApiDocument } from '../../src/http/openapi.ts';

type Doc = { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema?: object }> }> }>>; components: { schemas: Record<string, object> } };
const doc = buildOpenApiDocument() as unknown as Doc;
const ajv = new Ajv2020({ strict: false, allErrors: true });
(addFormatsModule as unknown as (a: Ajv2020) => void)(ajv);
ajv.addSchema({ $id: 'openapi', components: doc.components } as object);

function rewriteRefs(schema: unknown): unknown {
  return JSON.parse(JSON.stringify(schema).replace(/"#\/components\/schemas\//g, '"openapi#/components/schemas/'));
}

function findOperation(method: string, path: string) {
  const clean = path.split('?')[0]!;
  for (const [template, ops] of Object.entries(doc.paths)) {
    const re = new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`);
    if (re.test(clean)) return ops[method.toLowerCase()];
  }
  return undefined;
}

/** Returns a list of problems (empty when the response matches the document). */
export async function checkAgainstOpenApi(method: string, path: string, res: Response): Promise<string[]> {
  const op = findOperation(method, path);
  if (!op) return [`${method} ${path}: not in /openapi.json`];
  const documented = op.responses[String(res.status)];
  if (!documented) return [`${method} ${path}: status ${res.status} not documented`];
  const type = (res.headers.get('content-type') ?? '').split(';')[0]!.trim();
  if (res.status === 204) return [];
  const content = documented.content ?? {};
  if (!(type in content)) return [`${method} ${path} ${res.status}: content type ${type} not documented (${Object.keys(content).join(', ')})`];
  const schema = content[type]!.schema;
  if (!schema || !type.includes('json')) return [];
  const body = await res.clone().json();
  const validate = ajv.compile(rewriteRefs(schema) as object);
  return validate(body) ? [] : [`${method} ${path} ${res.status}: ${ajv.errorsText(validate.errors)}`];
}
