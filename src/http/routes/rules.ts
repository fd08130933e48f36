// The compliance rules as data, optionally for one filing, in the caller's language.
import { createRoute, z } from '@hono/zod-openapi';
import { RULES, severityOf } from '../../core/compliance/index.ts';
import { formatCitation } from '../../core/regulations/documents.ts';
import { PROFILE_IDS } from '../../core/regulations/profiles.ts';
import type { RouteContext } from '../app.ts';
import { CONTENT_LANGUAGE, FilingId, Severity } from '../openapi/schemas.ts';
import { callerLocale } from '../problem.ts';
import { problems } from '../route-group.ts';

const RuleList = z
  .object({
    rules: z.array(
      z.object({
        id: z.string(),
        group: z.enum(['G', 'P', 'A', 'K', 'X']),
        filings: z.array(FilingId),
        profiles: z.array(z.enum(PROFILE_IDS)),
        severity: z.object(Object.fromEntries(PROFILE_IDS.map((id) => [id, Severity])) as Record<(typeof PROFILE_IDS)[number], typeof Severity>),
        message: z.string(),
        citations: z.array(z.string()),
        note: z.string().nullable().openapi({ description: 'How the rule reads the measure where it is ambiguous or unverified' }),
        paths: z.array(z.string()),
        enforcedBySchema: z.array(FilingId),
      }),
    ),
  })
  .openapi('RuleList');

export function registerRuleRoutes(ctx: RouteContext): void {
  ctx.secured('filings:read').openapi(
    createRoute({
      method: 'get',
      path: '/v1/rules',
      operationId: 'listRules',
      summary: 'The compliance rules: id, group, filings, profiles, severity per profile, message, citations, paths',
      tags: ['rules'],
      request: { query: z.object({ filing: FilingId.optional() }) },
      responses: { 200: { description: 'Rules', headers: z.object(CONTENT_LANGUAGE), content: { 'application/json': { schema: RuleList } } }, ...problems({ 404: 'Unknown filing (filing_unknown)' }) },
    }),
    (c) => {
      const only = c.req.valid('query').filing;
      const locale = callerLocale(c);
      const rules = RULES.filter((r) => !only || (r.filings as readonly string[]).includes(only)).map((r) => ({
        id: r.id,
        group: r.group,
        filings: [...r.filings],
        profiles: r.profiles ? [...r.profiles] : [...PROFILE_IDS],
        severity: Object.fromEntries(PROFILE_IDS.map((id) => [id, severityOf(r, id)])) as Record<(typeof PROFILE_IDS)[number], z.infer<typeof Severity>>,
        message: locale === 'en' ? r.message.en : r.message.zh,
        citations: r.citations.map((x) => formatCitation(x, locale)),
        note: r.note ? (locale === 'en' ? r.note.en : r.note.zh) : null,
        paths: [...r.paths],
        enforcedBySchema: r.enforcedBySchema ? [...r.enforcedBySchema] : [],
      }));
      return c.json({ rules }, 200, { 'Content-Language': locale });
    },
  );
}
