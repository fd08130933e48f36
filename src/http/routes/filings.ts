// The filings as data: list, one filing's input schema, sections and template versions, and the sample inputs.
import { createRoute, z } from '@hono/zod-openapi';
import { FILINGS, filingById, type FilingDefinition, type SectionDef } from '../../core/filings/index.ts';
import { message } from '../../core/i18n/catalogue.ts';
import { describeJsonSchema, inputJsonSchema } from '../../core/filings/json-schema.ts';
import { formatCitation } from '../../core/regulations/documents.ts';
import { PROFILE_IDS } from '../../core/regulations/profiles.ts';
import { activeTemplateVersion } from '../../usecases/filings.ts';
import { unknownSample } from '../../usecases/templates.ts';
import type { RouteContext } from '../app.ts';
import { CONTENT_LANGUAGE, FilingId, FilingInput, Localized, TemplateVersion } from '../openapi/schemas.ts';
import { callerLocale } from '../problem.ts';
import { problems } from '../route-group.ts';

const tags = ['filings'];
const Profiles = z.array(z.enum(PROFILE_IDS));

const FilingSummary = z.object({
  id: FilingId,
  title: Localized,
  layout: z.enum(['report', 'letter']),
  activeTemplateVersion: z.string().nullable().openapi({ description: 'The published version in force today, if any' }),
  sections: z.array(z.object({ id: z.string(), level: z.number().int(), title: Localized, conditional: z.boolean() })),
});
const FilingList = z.object({ filings: z.array(FilingSummary) }).openapi('FilingList');

const Section = z.object({
  id: z.string(),
  level: z.number().int(),
  style: z.string(),
  title: Localized,
  binding: z.enum(['national', 'local', 'customary']),
  citations: z.array(z.object({ doc: z.string(), 'zh-CN': z.string(), en: z.string() })),
  condition: z.object({ id: z.string(), description: Localized }).nullable(),
  profiles: Profiles,
  effectiveFrom: z.string().nullable(),
  effectiveUntil: z.string().nullable(),
});
const FilingDetail = z
  .object({
    id: FilingId,
    title: Localized,
    layout: z.enum(['report', 'letter']),
    activeTemplateVersion: z.string().nullable(),
    inputSchema: z.record(z.string(), z.unknown()).openapi({ description: 'JSON Schema (2020-12) of the input; every field has a title and help text (description), and enumerated values their labels (x-enumLabels), in the language of Accept-Language' }),
    sections: z.array(Section),
    templateVersions: z.array(TemplateVersion),
  })
  .openapi('FilingDetail');
const SampleList = z.object({ samples: z.array(z.object({ name: z.string(), href: z.string() })) }).openapi('SampleList');

export const FilingParams = z.object({ id: FilingId });
const json = <S extends z.ZodType>(schema: S, description: string) => ({ description, content: { 'application/json': { schema } } });

function titles(key: string) {
  return { 'zh-CN': message('zh-CN', key), en: message('en', key) };
}

function describeSection(def: FilingDefinition, s: SectionDef<unknown>): z.infer<typeof Section> {
  return {
    id: s.id,
    level: s.level,
    style: s.style ?? 'heading',
    title: titles(`filings.${def.id}.sections.${s.id}`),
    binding: s.binding,
    citations: s.citations.map((c) => ({ doc: c.doc, 'zh-CN': formatCitation(c, 'zh-CN'), en: formatCitation(c, 'en') })),
    condition: s.when ? { id: s.when.id, description: { 'zh-CN': s.when.description.zh, en: s.when.description.en } } : null,
    profiles: s.profiles ?? [...PROFILE_IDS],
    effectiveFrom: s.effectiveFrom ?? null,
    effectiveUntil: s.effectiveUntil ?? null,
  };
}

export function registerFilingRoutes({ deps, secured }: RouteContext): void {
  const read = secured('filings:read');
  const today = () => deps.now().toISOString().slice(0, 10);
  const sections = (def: FilingDefinition) => def.sections as SectionDef<unknown>[];

  read.openapi(createRoute({ method: 'get', path: '/v1/filings', operationId: 'listFilings', summary: 'The five filings, their active template version and sections', tags, responses: { 200: json(FilingList, 'Filings') } }), (c) =>
    c.json(
      {
        filings: FILINGS.map((def) => ({
          id: def.id,
          title: titles(`filings.${def.id}.title`),
          layout: def.layout,
          activeTemplateVersion: activeTemplateVersion(deps.render.templates, def, today()),
          sections: sections(def).map((s) => ({ id: s.id, level: s.level, title: titles(`filings.${def.id}.sections.${s.id}`), conditional: Boolean(s.when || s.profiles) })),
        })),
      },
      200,
    ),
  );

  const unknown = problems({ 404: 'Unknown filing (filing_unknown); lists the valid ids' });
  read.openapi(
    createRoute({ method: 'get', path: '/v1/filings/{id}', operationId: 'getFiling', summary: 'Input JSON Schema, ordered sections with citations and conditions, template versions', tags, request: { params: FilingParams }, responses: { 200: { ...json(FilingDetail, 'Filing'), headers: z.object(CONTENT_LANGUAGE) }, ...unknown } }),
    (c) => {
      const def = filingById(c.req.valid('param').id)!;
      const locale = callerLocale(c);
      return c.json(
        {
          id: def.id,
          title: titles(`filings.${def.id}.title`),
          layout: def.layout,
          activeTemplateVersion: activeTemplateVersion(deps.render.templates, def, today()),
          inputSchema: describeJsonSchema(inputJsonSchema(def.schema), def.id, locale),
          sections: sections(def).map((s) => describeSection(def, s)),
          templateVersions: deps.render.templates.versions(def.id),
        },
        200,
        { 'Content-Language': locale },
      );
    },
  );

  read.openapi(
    createRoute({ method: 'get', path: '/v1/filings/{id}/samples', operationId: 'listSamples', summary: 'Sample inputs to start from', tags, request: { params: FilingParams }, responses: { 200: json(SampleList, 'Samples'), ...unknown } }),
    (c) => {
      const { id } = c.req.valid('param');
      return c.json({ samples: deps.samples.list(id).map((name) => ({ name, href: `/v1/filings/${id}/samples/${encodeURIComponent(name)}` })) }, 200);
    },
  );

  read.openapi(
    createRoute({
      method: 'get',
      path: '/v1/filings/{id}/samples/{name}',
      operationId: 'getSample',
      summary: 'One sample input, ready to POST to validate, check or render',
      tags,
      request: { params: FilingParams.extend({ name: z.string().max(200) }) },
      responses: { 200: json(FilingInput, 'The sample: a valid input of the filing'), ...problems({ 404: 'Unknown filing or sample (filing_unknown, sample_unknown); lists the valid names' }) },
    }),
    (c) => {
      const { id, name } = c.req.valid('param');
      const sample = deps.samples.list(id).includes(name) ? deps.samples.get(id, name) : undefined;
      if (sample === undefined) throw unknownSample(deps.samples, id, name);
      // Samples are valid inputs of their filing (the test suite parses every one with the filing's schema).
      return c.json(sample, 200);
    },
  );
}
