// The OpenAPI 3.1 document: every route, request and response (errors included), schemas generated from zod.
import { z } from 'zod';
import { FILINGS } from '../core/filings/index.ts';
import { FILING_IDS } from '../core/filings/index.ts';
import { ROLES } from '../core/ports.ts';
import { FORMATS, LOCALES } from '../render/render-filing.ts';

const Localized = z.object({ 'zh-CN': z.string(), en: z.string() });

const Finding = z.object({
  ruleId: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  path: z.string(),
  message: z.string(),
  citations: z.array(z.string()),
});

export const ResponseSchemas = {
  Problem: z.object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string(),
    detail: z.string(),
    errors: z.array(z.object({ path: z.string(), code: z.string(), message: z.string() })).optional(),
    findings: z.array(Finding).optional(),
  }),
  RuleList: z.object({
    rules: z.array(
      z.object({
        id: z.string(),
        group: z.enum(['G', 'P', 'A', 'K', 'X']),
        filings: z.array(z.enum(FILING_IDS)),
        profiles: z.array(z.enum(['national', 'district'])),
        severity: z.object({ national: z.enum(['error', 'warning', 'info']), district: z.enum(['error', 'warning', 'info']) }),
        message: z.string(),
        citations: z.array(z.string()),
        paths: z.array(z.string()),
        enforcedBySchema: z.array(z.enum(FILING_IDS)),
      }),
    ),
  }),
  TemplateVersion: z.object({
    filingId: z.enum(FILING_IDS),
    version: z.string(),
    effectiveFrom: z.string(),
    effectiveUntil: z.string().optional(),
    status: z.enum(['draft', 'published', 'retired']),
    regulationBasis: z.array(z.string()),
    sha256: z.object({ docx: z.string(), html: z.string() }),
    source: z.enum(['git', 'upload']).optional(),
    createdAt: z.string().optional(),
    publishedAt: z.string().nullable().optional(),
    retiredAt: z.string().nullable().optional(),
  }),
  TemplateVersionList: z.object({ versions: z.array(z.any()) }),
  TemplateVersionOne: z.object({ version: z.any() }),
  TemplateUploadResult: z.object({
    version: z.any(),
    warnings: z.array(z.object({ code: z.string(), severity: z.string(), file: z.string().optional(), tag: z.string().optional(), explanation: z.string() })),
    filledFrom: z.string().optional(),
  }),
  TemplateDiff: z.object({
    filing: z.enum(FILING_IDS),
    from: z.string(),
    to: z.string(),
    sections: z.object({ added: z.array(z.string()), removed: z.array(z.string()), reordered: z.array(z.string()) }),
    tags: z.object({ docx: z.object({ added: z.array(z.string()), removed: z.array(z.string()) }), html: z.object({ added: z.array(z.string()), removed: z.array(z.string()) }) }),
  }),
  CheckResult: z.object({ findings: z.array(Finding), errors: z.number().int(), warnings: z.number().int(), infos: z.number().int() }),
  Health: z.object({ status: z.literal('ok') }),
  Ready: z.object({
    status: z.enum(['ready', 'not_ready']),
    draining: z.boolean(),
    checks: z.object({
      database: z.object({ ok: z.boolean(), detail: z.string().optional() }),
      browser: z.object({ ok: z.boolean(), detail: z.string().optional() }),
      queue: z.object({ active: z.number().int(), queued: z.number().int(), limit: z.number().int() }),
    }),
  }),
  FilingList: z.object({
    filings: z.array(
      z.object({
        id: z.enum(FILING_IDS),
        title: Localized,
        layout: z.enum(['report', 'letter']),
        activeTemplateVersion: z.string().nullable(),
        sections: z.array(z.object({ id: z.string(), level: z.number().int(), title: Localized, conditional: z.boolean() })),
      }),
    ),
  }),
  FilingDetail: z.object({
    id: z.enum(FILING_IDS),
    title: Localized,
    layout: z.enum(['report', 'letter']),
    activeTemplateVersion: z.string().nullable(),
    inputSchema: z.record(z.string(), z.unknown()),
    sections: z.array(
      z.object({
        id: z.string(),
        level: z.number().int(),
        style: z.string(),
        title: Localized,
        binding: z.enum(['national', 'local', 'customary']),
        citations: z.array(z.object({ doc: z.string(), 'zh-CN': z.string(), en: z.string() })),
        condition: z.object({ id: z.string(), description: Localized }).nullable(),
        profiles: z.array(z.enum(['national', 'district'])),
        effectiveFrom: z.string().nullable(),
        effectiveUntil: z.string().nullable(),
      }),
    ),
    templateVersions: z.array(
      z.object({
        filingId: z.string(),
        version: z.string(),
        effectiveFrom: z.string(),
        effectiveUntil: z.string().optional(),
        status: z.enum(['draft', 'published', 'retired']),
        regulationBasis: z.array(z.string()),
        sha256: z.object({ docx: z.string(), html: z.string() }),
      }),
    ),
  }),
  SampleList: z.object({ samples: z.array(z.object({ name: z.string(), href: z.string() })) }),
  Validation: z.object({ valid: z.boolean(), errors: z.array(z.object({ path: z.string(), code: z.string(), message: z.string() })) }),
  GenerationPage: z.object({
    items: z.array(
      z.object({
        id: z.string(),
        at: z.string(),
        keyId: z.string().nullable(),
        filingId: z.string(),
        format: z.string(),
        locale: z.string(),
        templateVersion: z.string().nullable(),
        inputSha256: z.string().nullable(),
        outputSha256: z.string().nullable(),
        bytes: z.number().int().nullable(),
        ms: z.number(),
        outcome: z.string(),
        findings: z.array(z.string()),
        draft: z.boolean(),
      }),
    ),
    next: z.string().nullable(),
  }),
  NewKey: z.object({ id: z.string(), name: z.string(), role: z.enum(ROLES), createdAt: z.string(), secret: z.string() }),
  KeyList: z.object({ keys: z.array(z.object({ id: z.string(), name: z.string(), role: z.enum(ROLES), createdAt: z.string(), revokedAt: z.string().nullable() })) }),
};

const RequestSchemas = {
  KeyRequest: z.object({ name: z.string().min(1).max(100), role: z.enum(ROLES) }),
  PackageRequest: z.object({
    documents: z
      .array(
        z.object({
          filing: z.enum(FILING_IDS),
          format: z.enum(FORMATS),
          locale: z.enum(LOCALES).default('zh-CN'),
          version: z.string().optional(),
          draft: z.boolean().default(false),
          data: z.record(z.string(), z.unknown()).describe('The filing data, as for POST /v1/filings/{id}/render'),
        }),
      )
      .min(1)
      .max(20),
  }),
};

const pascal = (id: string) => id.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase());
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (name: string) => ({ content: { 'application/json': { schema: ref(name) } } });
const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: ref('Problem') } } });

const COMMON_ERRORS = {
  '400': problem('Malformed request: bad JSON, query value or Authorization header (codes json_invalid, json_too_deep, json_forbidden_key, query_invalid, format_unknown, locale_unknown, auth_header_malformed)'),
  '401': problem('Missing, invalid or revoked API key (unauthorized)'),
  '403': problem('The key’s role may not do this (forbidden)'),
  '429': problem('Rate limit of the key exceeded (rate_limited); see Retry-After'),
  '500': problem('Server fault (internal, template_invalid, output_check_failed, render_failed)'),
  '503': problem('Overloaded or shutting down (queue_full, render_timeout, renderer_unavailable, renderer_crashed, shutting_down); see Retry-After'),
};
const BODY_ERRORS = {
  '413': problem('Body over the size limit (body_too_large)'),
  '415': problem('Body is not application/json (unsupported_media_type)'),
};
const filingParam = { name: 'id', in: 'path', required: true, schema: ref('FilingId') };
const templateFiling = { name: 'filing', in: 'path', required: true, schema: ref('FilingId') };
const templateVersion = { name: 'version', in: 'path', required: true, schema: { type: 'string' } };

let cached: Record<string, unknown> | undefined;

export function buildOpenApiDocument(): Record<string, unknown> {
  if (cached) return cached;
  const schemas: Record<string, unknown> = { FilingId: { type: 'string', enum: [...FILING_IDS] } };
  for (const [name, s] of Object.entries({ ...ResponseSchemas, ...RequestSchemas })) schemas[name] = z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' });
  for (const def of FILINGS) schemas[`${pascal(def.id)}Input`] = z.toJSONSchema(def.schema, { io: 'input', unrepresentable: 'any' });
  const filingBody = { required: true, content: { 'application/json': { schema: { oneOf: FILINGS.map((d) => ref(`${pascal(d.id)}Input`)) } } } };
  const secured = [{ apiKey: [] }];

  cached = {
    openapi: '3.1.0',
    info: {
      title: '政务信息化项目文书服务 / Government informatization filing service',
      version: '1.0.0',
      description:
        'Renders the filings required by 国办发〔2019〕57号 and local measures modelled on it as DOCX, PDF or HTML in zh-CN, en or bilingual. Errors are application/problem+json in the language of Accept-Language (zh-CN by default, en).',
    },
    servers: [{ url: '/' }],
    components: {
      securitySchemes: { apiKey: { type: 'http', scheme: 'bearer', description: 'API key: Authorization: Bearer fsk_<id>_<secret>' } },
      schemas,
    },
    paths: {
      '/health': { get: { operationId: 'health', summary: 'Liveness', responses: { '200': { description: 'Alive', ...json('Health') } } } },
      '/ready': {
        get: { operationId: 'ready', summary: 'Readiness: database writable, browser healthy, queue depth', responses: { '200': { description: 'Ready', ...json('Ready') }, '503': { description: 'Not ready', ...json('Ready') } } },
      },
      '/openapi.json': { get: { operationId: 'openapi', summary: 'This document', responses: { '200': { description: 'OpenAPI 3.1', content: { 'application/json': {} } } } } },
      '/docs': { get: { operationId: 'docs', summary: 'Interactive documentation', responses: { '200': { description: 'HTML page', content: { 'text/html': {} } } } } },
      '/v1/filings': {
        get: { operationId: 'listFilings', summary: 'The five filings, their active template version and sections', security: secured, responses: { '200': { description: 'Filings', ...json('FilingList') }, ...COMMON_ERRORS } },
      },
      '/v1/filings/{id}': {
        get: {
          operationId: 'getFiling',
          summary: 'Input JSON Schema, ordered sections with citations and conditions, template versions',
          security: secured,
          parameters: [filingParam],
          responses: { '200': { description: 'Filing', ...json('FilingDetail') }, '404': problem('Unknown filing (filing_unknown); lists the valid ids'), ...COMMON_ERRORS },
        },
      },
      '/v1/filings/{id}/samples': {
        get: { operationId: 'listSamples', summary: 'Sample inputs', security: secured, parameters: [filingParam], responses: { '200': { description: 'Samples', ...json('SampleList') }, '404': problem('Unknown filing'), ...COMMON_ERRORS } },
      },
      '/v1/filings/{id}/samples/{name}': {
        get: {
          operationId: 'getSample',
          summary: 'One sample input, ready to POST to render',
          security: secured,
          parameters: [filingParam, { name: 'name', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { '200': { description: 'The sample', content: { 'application/json': { schema: { type: 'object' } } } }, '404': problem('Unknown filing or sample (filing_unknown, sample_unknown)'), ...COMMON_ERRORS },
        },
      },
      '/v1/filings/{id}/validate': {
        post: {
          operationId: 'validateFiling',
          summary: 'Validate filing data without rendering',
          security: secured,
          parameters: [filingParam],
          requestBody: filingBody,
          responses: { '200': { description: 'Validation result', ...json('Validation') }, '404': problem('Unknown filing'), ...BODY_ERRORS, '422': problem('JSON limits exceeded (json_limit_exceeded)'), ...COMMON_ERRORS },
        },
      },
      '/v1/templates/{filing}/versions': {
        get: {
          operationId: 'listTemplateVersions',
          summary: 'Template versions of a filing with status and dates (maintainer, admin)',
          security: secured,
          parameters: [templateFiling],
          responses: { '200': { description: 'Versions', ...json('TemplateVersionList') }, '404': problem('Unknown filing'), ...COMMON_ERRORS },
        },
        post: {
          operationId: 'uploadTemplateVersion',
          summary: 'Upload a draft version: multipart docx and/or html files, version, effectiveFrom, effectiveUntil, regulationBasis; linted first',
          security: secured,
          parameters: [templateFiling],
          requestBody: {
            required: true,
            content: {
              'multipart/form-data': {
                schema: {
                  type: 'object',
                  required: ['version', 'effectiveFrom', 'regulationBasis'],
                  properties: {
                    docx: { type: 'string', format: 'binary' },
                    html: { type: 'string', format: 'binary' },
                    version: { type: 'string', pattern: '^\\d+\\.\\d+\\.\\d+$' },
                    effectiveFrom: { type: 'string', format: 'date' },
                    effectiveUntil: { type: 'string', format: 'date' },
                    regulationBasis: { type: 'array', items: { type: 'string' } },
                  },
                },
              },
            },
          },
          responses: {
            '201': { description: 'The new draft, lint warnings, and the version that supplied a file not uploaded', ...json('TemplateUploadResult') },
            '404': problem('Unknown filing'),
            '409': problem('The version exists (template_version_exists)'),
            '413': problem('Upload over the limit (body_too_large)'),
            '415': problem('Not multipart/form-data'),
            '422': problem('Fields missing or invalid (upload_invalid, errors[]), or the lint failed (template_lint_failed, problems[] with file, tag and explanation); nothing stored'),
            ...COMMON_ERRORS,
          },
        },
      },
      '/v1/templates/{filing}/versions/{version}': {
        get: { operationId: 'getTemplateVersion', summary: 'One template version', security: secured, parameters: [templateFiling, templateVersion], responses: { '200': { description: 'Version', ...json('TemplateVersionOne') }, '404': problem('Unknown filing or version'), ...COMMON_ERRORS } },
      },
      '/v1/templates/{filing}/versions/{version}/files/{kind}': {
        get: {
          operationId: 'getTemplateFile',
          summary: 'Download a version’s DOCX or HTML template',
          security: secured,
          parameters: [templateFiling, templateVersion, { name: 'kind', in: 'path', required: true, schema: { type: 'string', enum: ['docx', 'html'] } }],
          responses: {
            '200': { description: 'The file', content: { 'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { schema: { type: 'string', format: 'binary' } }, 'text/x-handlebars-template': { schema: { type: 'string' } } } },
            '404': problem('Unknown filing, version or kind'),
            ...COMMON_ERRORS,
          },
        },
      },
      '/v1/templates/{filing}/versions/{version}/preview': {
        post: {
          operationId: 'previewTemplateVersion',
          summary: 'Render a named sample with this version in every format and locale (ZIP)',
          security: secured,
          parameters: [templateFiling, templateVersion],
          requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', required: ['sample'], properties: { sample: { type: 'string' } } } } } },
          responses: {
            '200': { description: 'ZIP of 9 documents and manifest.json', content: { 'application/zip': { schema: { type: 'string', format: 'binary' } } } },
            '404': problem('Unknown filing, version or sample'),
            ...BODY_ERRORS,
            '422': problem('Invalid request'),
            ...COMMON_ERRORS,
          },
        },
      },
      '/v1/templates/{filing}/versions/{version}/publish': {
        post: {
          operationId: 'publishTemplateVersion',
          summary: 'Publish a draft, optionally setting its effective dates; the lint is run again for that date',
          security: secured,
          parameters: [templateFiling, templateVersion],
          requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { effectiveFrom: { type: 'string', format: 'date' }, effectiveUntil: { type: 'string', format: 'date' } } } } } },
          responses: {
            '200': { description: 'The published version', ...json('TemplateVersionOne') },
            '404': problem('Unknown filing or version'),
            '409': problem('Not a draft (template_version_state)'),
            ...BODY_ERRORS,
            '422': problem('Invalid dates or lint failure for that date'),
            ...COMMON_ERRORS,
          },
        },
      },
      '/v1/templates/{filing}/versions/{version}/retire': {
        post: {
          operationId: 'retireTemplateVersion',
          summary: 'Retire a published version (rollback): renders fall back to the version in force before it',
          security: secured,
          parameters: [templateFiling, templateVersion],
          responses: { '200': { description: 'The retired version', ...json('TemplateVersionOne') }, '404': problem('Unknown filing or version'), '409': problem('Not published (template_version_state)'), ...COMMON_ERRORS },
        },
      },
      '/v1/templates/{filing}/diff': {
        get: {
          operationId: 'diffTemplateVersions',
          summary: 'Sections added, removed or reordered and tags added or removed between two versions',
          security: secured,
          parameters: [templateFiling, { name: 'from', in: 'query', required: true, schema: { type: 'string' } }, { name: 'to', in: 'query', required: true, schema: { type: 'string' } }],
          responses: { '200': { description: 'Differences', ...json('TemplateDiff') }, '404': problem('Unknown filing or version'), ...COMMON_ERRORS },
        },
      },
      '/v1/rules': {
        get: {
          operationId: 'listRules',
          summary: 'The compliance rules: id, group, filings, profiles, severity per profile, message, citations, paths',
          security: secured,
          parameters: [{ name: 'filing', in: 'query', schema: ref('FilingId') }],
          responses: { '200': { description: 'Rules', ...json('RuleList') }, '404': problem('Unknown filing'), ...COMMON_ERRORS },
        },
      },
      '/v1/filings/{id}/check': {
        post: {
          operationId: 'checkFiling',
          summary: 'Compliance preflight: findings with rule id, severity, JSON Pointer, message and citation',
          security: secured,
          parameters: [filingParam],
          requestBody: filingBody,
          responses: { '200': { description: 'Findings (errors first)', ...json('CheckResult') }, '404': problem('Unknown filing'), ...BODY_ERRORS, '422': problem('Input invalid (input_invalid)'), ...COMMON_ERRORS },
        },
      },
      '/v1/filings/{id}/render': {
        post: {
          operationId: 'renderFiling',
          summary: 'Render a filing',
          description:
            'format from the query or, failing that, from Accept (application/pdf, application/vnd.openxmlformats-officedocument.wordprocessingml.document, text/html). The template version in force on the filing’s own date is used unless version pins one.',
          security: secured,
          parameters: [
            filingParam,
            { name: 'format', in: 'query', schema: { type: 'string', enum: [...FORMATS] } },
            { name: 'locale', in: 'query', schema: { type: 'string', enum: [...LOCALES], default: 'zh-CN' } },
            { name: 'version', in: 'query', schema: { type: 'string' } },
            { name: 'draft', in: 'query', schema: { type: 'boolean', default: false }, description: 'Render despite error-level findings: 草稿/DRAFT on every page and the findings in an appendix' },
          ],
          requestBody: filingBody,
          responses: {
            '200': {
              description: 'The document',
              headers: {
                'Content-Disposition': { schema: { type: 'string' }, description: 'attachment with the Chinese file name (filename*) and an ASCII fallback' },
                'X-Template-Version': { schema: { type: 'string' } },
                'X-Input-SHA256': { schema: { type: 'string' } },
                'X-Output-SHA256': { schema: { type: 'string' } },
                'X-Compliance-Findings': { schema: { type: 'string' }, description: 'Non-blocking findings as ruleId:severity, comma-separated' },
                'X-Draft': { schema: { type: 'string', enum: ['true', 'false'] } },
              },
              content: {
                'application/pdf': { schema: { type: 'string', format: 'binary' } },
                'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { schema: { type: 'string', format: 'binary' } },
                'text/html': { schema: { type: 'string' } },
              },
            },
            '404': problem('Unknown filing'),
            '406': problem('No acceptable format (not_acceptable)'),
            ...BODY_ERRORS,
            '422': problem('Input invalid (input_invalid, with errors[] of JSON Pointers), compliance errors (compliance_failed, with findings[]), JSON limits, no template version in force, page or size limit'),
            ...COMMON_ERRORS,
          },
        },
      },
      '/v1/packages': {
        post: {
          operationId: 'renderPackage',
          summary: 'Several filings in one ZIP with manifest.json',
          security: secured,
          requestBody: { required: true, ...json('PackageRequest') },
          responses: {
            '200': { description: 'ZIP of the documents and manifest.json (file names, filing ids, template versions, hashes)', content: { 'application/zip': { schema: { type: 'string', format: 'binary' } } } },
            ...BODY_ERRORS,
            '422': problem('Request or document data invalid (input_invalid, package_invalid) or a document with compliance errors (compliance_failed); nothing is rendered'),
            ...COMMON_ERRORS,
          },
        },
      },
      '/v1/generations': {
        get: {
          operationId: 'listGenerations',
          summary: 'Audit log of every render, newest first (admin)',
          security: secured,
          parameters: [
            { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 500, default: 50 } },
            { name: 'before', in: 'query', schema: { type: 'string' }, description: 'cursor from next' },
          ],
          responses: { '200': { description: 'A page of generations', ...json('GenerationPage') }, ...COMMON_ERRORS },
        },
      },
      '/v1/keys': {
        get: { operationId: 'listKeys', summary: 'API keys (admin)', security: secured, responses: { '200': { description: 'Keys', ...json('KeyList') }, ...COMMON_ERRORS } },
        post: {
          operationId: 'createKey',
          summary: 'Create an API key (admin); the secret is shown once',
          security: secured,
          requestBody: { required: true, ...json('KeyRequest') },
          responses: { '201': { description: 'The new key with its secret', ...json('NewKey') }, ...BODY_ERRORS, '422': problem('Invalid request'), ...COMMON_ERRORS },
        },
      },
      '/v1/keys/{id}': {
        delete: {
          operationId: 'revokeKey',
          summary: 'Revoke an API key (admin)',
          security: secured,
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { '204': { description: 'Revoked' }, '404': problem('No such active key (key_unknown)'), ...COMMON_ERRORS },
        },
      },
    },
  };
  return cached;
}
