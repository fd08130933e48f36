// Schemas shared by the route modules: problems, findings, template versions, the filing inputs, and the response
// headers; each named one becomes a component of /openapi.json.
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { FILINGS, FILING_IDS } from '../../core/filings/index.ts';
import { describeJsonSchema, inputJsonSchema } from '../../core/filings/json-schema.ts';
import { ERROR_CODES } from '../problem.ts';

const pascal = (id: string) => id.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase());

export const FilingId = z.enum(FILING_IDS).openapi('FilingId');
export const Localized = z.object({ 'zh-CN': z.string(), en: z.string() }).openapi('Localized');
export const Severity = z.enum(['error', 'warning', 'info']);

const INPUT_REFS = FILINGS.map((def) => ({ $ref: `#/components/schemas/${pascal(def.id)}Input` }));

/**
 * The filings' own input schemas (the ones the use cases validate with) as components, in zod's own JSON Schema
 * (2020-12, the dialect of OpenAPI 3.1), as GET /v1/filings/{id} serves them; shared definitions become components.
 */
export function registerFilingInputs(registry: OpenAPIHono['openAPIRegistry']): void {
  for (const def of FILINGS) {
    const name = `${pascal(def.id)}Input`;
    // English titles and help in the document; GET /v1/filings/{id} gives them in the caller's language.
    const { $schema: _, $defs, ...schema } = describeJsonSchema(inputJsonSchema(def.schema), def.id, 'en') as Record<string, unknown> & { $defs?: Record<string, unknown> };
    const relocate = (x: unknown) => JSON.parse(JSON.stringify(x).replace(/"#\/\$defs\//g, `"#/components/schemas/${name}_`)) as Record<string, unknown>;
    for (const [key, value] of Object.entries($defs ?? {})) registry.registerComponent('schemas', `${name}_${key}`, relocate(value));
    registry.registerComponent('schemas', name, { ...relocate(schema), description: `Input of ${def.id}` });
  }
}

/**
 * A filing's input at the HTTP edge, documented as any of the five inputs: the filing named in the path is validated
 * by its own schema in the use case, which reports every bad field with its JSON Pointer.
 */
export const FilingInput = z.unknown().openapi('FilingInput', { description: 'The input of the filing named in the path, as GET /v1/filings/{id} describes it', anyOf: INPUT_REFS });

export const FieldError = z.object({ path: z.string().openapi({ description: 'JSON Pointer (RFC 6901)' }), code: z.string(), message: z.string() }).openapi('FieldError');

export const Finding = z
  .object({ ruleId: z.string(), severity: Severity, path: z.string().openapi({ description: 'JSON Pointer' }), message: z.string(), citations: z.array(z.string()) })
  .openapi('Finding');

export const LintProblem = z
  .object({ code: z.string(), severity: z.enum(['error', 'warning']), file: z.string().optional(), tag: z.string().optional(), explanation: z.string() })
  .openapi('LintProblem');

export const Problem = z
  .strictObject({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.enum(ERROR_CODES),
    detail: z.string().openapi({ description: 'In the language of Accept-Language (zh-CN by default, en)' }),
    errors: z.array(FieldError).optional().openapi({ description: 'Every bad field at once (input_invalid, package_invalid, upload_invalid)' }),
    findings: z.array(Finding).optional().openapi({ description: 'compliance_failed: the findings that block the render' }),
    problems: z.array(LintProblem).optional().openapi({ description: 'template_lint_failed: every lint problem' }),
    valid: z.array(z.string()).optional().openapi({ description: 'The values that would have been accepted (filing_unknown, sample_unknown, format_unknown, locale_unknown)' }),
    filingId: z.string().optional(),
    version: z.string().optional(),
    available: z.array(z.string()).optional().openapi({ description: 'template_missing: the versions that may be pinned' }),
    date: z.string().optional().openapi({ description: 'template_missing: the filing date no version is in force on' }),
    retryAfterSeconds: z.number().int().optional(),
    queueLimit: z.number().int().optional(),
    timeoutMs: z.number().int().optional(),
    cancelled: z.boolean().optional(),
    pages: z.number().int().optional(),
    maxPages: z.number().int().optional(),
    bytes: z.number().int().optional(),
    maxBytes: z.number().int().optional(),
    limit: z.enum(['nodes', 'string', 'array']).optional().openapi({ description: 'json_limit_exceeded: which limit' }),
    max: z.number().int().optional(),
    path: z.string().optional().openapi({ description: 'JSON Pointer of the value over a limit' }),
    position: z.number().int().optional().openapi({ description: 'json_invalid: offset of the syntax error' }),
    received: z.string().nullable().optional().openapi({ description: 'unsupported_media_type: the Content-Type sent' }),
    role: z.string().optional(),
    permission: z.string().optional(),
    accept: z.string().optional(),
    parameter: z.string().optional().openapi({ description: 'query_invalid: the parameter at fault' }),
    reason: z.string().optional(),
    projectId: z.string().optional().openapi({ description: 'project_unknown' }),
    draftId: z.string().optional().openapi({ description: 'draft_unknown' }),
    obligationId: z.string().optional().openapi({ description: 'obligation_unknown' }),
    receiverId: z.string().optional().openapi({ description: 'receiver_unknown' }),
    deliveryId: z.string().optional().openapi({ description: 'delivery_unknown, delivery_not_dead' }),
    currentRevision: z.number().int().optional().openapi({ description: 'project_conflict, draft_conflict: the revision saved meanwhile' }),
    conflictSeq: z.number().int().optional().openapi({ description: 'draft_conflict: the history entry that keeps the refused version' }),
  })
  .openapi('Problem', { description: 'RFC 9457 problem details with a stable code' });

export const TemplateVersion = z
  .object({
    filingId: FilingId,
    version: z.string(),
    effectiveFrom: z.string().openapi({ format: 'date' }),
    effectiveUntil: z.string().openapi({ format: 'date' }).optional(),
    status: z.enum(['draft', 'published', 'retired']),
    regulationBasis: z.array(z.string()),
    sha256: z.object({ docx: z.string(), html: z.string() }),
    source: z.enum(['git', 'upload']).optional(),
    createdAt: z.string().optional(),
    publishedAt: z.string().nullable().optional(),
    retiredAt: z.string().nullable().optional(),
  })
  .openapi('TemplateVersion');

const header = (description: string) => z.string().openapi({ description });
export const REQUEST_ID = { 'X-Request-Id': header('Id of this request (as sent by the caller when well-formed, else generated); also in the server log') };
/** The RateLimit header fields of the IETF draft (draft-ietf-httpapi-ratelimit-headers). */
export const RATE_LIMIT = {
  'RateLimit-Limit': header('Requests allowed in the window (per key), or failed authentications allowed (per client address, auth_throttled)'),
  'RateLimit-Remaining': header('Requests left in the window'),
  'RateLimit-Reset': header('Seconds until the quota is whole again (the window ends, or the address’s block is over)'),
};
export const CONTENT_LANGUAGE = { 'Content-Language': header('Language of the messages: zh-CN or en') };

export const binary = z.string().openapi({ type: 'string', format: 'binary' });
