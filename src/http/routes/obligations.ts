// Obligations (staff of the project's organisation, admins): a project's deadlines with status and basis, the board
// across projects, "prepare" (a draft of the filing that fulfils one), and the calendar feeds' secret URLs; the feeds
// themselves are public at their secret path, for calendar programs that cannot send a key.
import { createRoute, z } from '@hono/zod-openapi';
import type { Locale } from '../../core/errors.ts';
import { OBLIGATION_KINDS, OBLIGATION_STATUSES } from '../../core/deadlines/obligations.ts';
import { formatCitation } from '../../core/regulations/documents.ts';
import { boardObligations, prepareObligation, projectObligations, type DeadlineDeps, type ProjectObligations } from '../../usecases/obligations.ts';
import { issueFeed, renderFeed, revokeFeed, type FeedDeps } from '../../usecases/calendar-feeds.ts';
import type { RouteContext } from '../app.ts';
import type { DeadlineServices } from '../env.ts';
import { CONTENT_LANGUAGE } from '../openapi/schemas.ts';
import { callerLocale, httpError } from '../problem.ts';
import { problems } from '../route-group.ts';
import { actorOf, ProjectParams } from './projects.ts';

const tags = ['deadlines'];
const localized = z.object(CONTENT_LANGUAGE);
const json = <S extends z.ZodType>(schema: S, description: string) => ({ description, headers: localized, content: { 'application/json': { schema } } });

const ObligationBody = z.object({
  id: z.string(),
  kind: z.enum(OBLIGATION_KINDS),
  title: z.string(),
  rule: z.string(),
  basis: z.array(z.string()).openapi({ description: 'The articles it rests on, as cited' }),
  from: z.object({ milestone: z.string(), date: z.string() }),
  due: z.string().openapi({ description: 'The last day (inclusive), on the official calendar' }),
  nominalDue: z.string().openapi({ description: 'The day the rule names, before a holiday moved it' }),
  opensOn: z.string().optional(),
  status: z.enum(OBLIGATION_STATUSES),
  daysLeft: z.number().int(),
  fulfilled: z.object({ by: z.enum(['filing', 'milestone']), date: z.string(), late: z.boolean(), filingId: z.string().optional(), draftId: z.string().optional(), finalId: z.string().optional(), milestone: z.string().optional() }).optional(),
  prepare: z.object({ filingId: z.string(), data: z.record(z.string(), z.unknown()) }).optional().openapi({ description: 'The filing that fulfils it, with what the milestones say filled in (POST …/draft makes a draft of it)' }),
  notes: z.array(z.string()),
  warnings: z.array(z.object({ code: z.literal('calendar_year_unknown'), years: z.array(z.number().int()), message: z.string() })),
});
const ProjectObligationsBody = z
  .object({ project: z.object({ id: z.string(), title: z.string(), org: z.string() }), today: z.string(), profile: z.string().nullable(), obligations: z.array(ObligationBody), missing: z.array(z.string()) })
  .openapi('ProjectObligations');
const Board = z.object({ today: z.string(), projects: z.array(ProjectObligationsBody) }).openapi('DeadlineBoard');
const Feed = z.object({ url: z.string(), path: z.string(), scope: z.enum(['project', 'org']), target: z.string() }).openapi('CalendarFeed');
const ObligationParams = ProjectParams.extend({ obligationId: z.string().min(1).max(200) });

function localizeObligations(o: ProjectObligations, locale: Locale) {
  const t = (w: { zh: string; en: string }) => (locale === 'en' ? w.en : w.zh);
  return {
    ...o,
    missing: o.missing.map(t),
    obligations: o.obligations.map((x) => ({ ...x, title: t(x.title), rule: t(x.rule), basis: x.basis.map((c) => formatCitation(c, locale)), notes: x.notes.map(t), warnings: x.warnings.map((w) => ({ ...w, message: t(w.message) })) })),
  };
}

export function deadlineDeps(ctx: RouteContext, d: DeadlineServices): FeedDeps {
  const { deps } = ctx;
  const deadline: DeadlineDeps = {
    store: deps.workbench!,
    now: deps.now,
    projects: { one: (id) => d.feeds.projectWithFinals(id), of: (org) => (org === null ? d.reminders.projectsWithFinals() : d.feeds.projectsOfOrg(org)) },
    dueSoonDays: d.dueSoonDays,
  };
  return { ...deadline, feeds: d.feeds, publicUrl: d.publicUrl, alarmDays: d.offsetsDays };
}

export function registerObligationRoutes(ctx: RouteContext, d: DeadlineServices): void {
  const w = deadlineDeps(ctx, d);
  const group = ctx.secured('projects');
  const unknown = problems({ 404: 'No such project, or not of the caller’s organisation (project_unknown)' });

  group.openapi(createRoute({ method: 'get', path: '/v1/projects/{projectId}/obligations', operationId: 'listObligations', summary: 'The project’s obligations: due date on the official calendar, basis, status, and the filing that fulfils each', tags, request: { params: ProjectParams }, responses: { 200: json(ProjectObligationsBody, 'Obligations by due date'), ...unknown } }), async (c) => {
    const locale = callerLocale(c);
    return c.json(localizeObligations(await projectObligations(w, actorOf(c), c.req.valid('param').projectId), locale), 200, { 'Content-Language': locale });
  });

  group.openapi(
    createRoute({ method: 'get', path: '/v1/obligations', operationId: 'deadlineBoard', summary: 'The deadline board: every visible project with its open obligations (or all with ?all=true)', tags, request: { query: z.object({ all: z.enum(['true', 'false']).optional() }) }, responses: { 200: json(Board, 'Projects and their obligations') } }),
    async (c) => {
      const locale = callerLocale(c);
      const lists = await boardObligations(w, actorOf(c), c.req.valid('query').all !== 'true');
      return c.json({ today: lists[0]?.today ?? '', projects: lists.map((l) => localizeObligations(l, locale)) }, 200, { 'Content-Language': locale });
    },
  );

  group.openapi(
    ctx.idempotent(createRoute({ method: 'post', path: '/v1/projects/{projectId}/obligations/{obligationId}/draft', operationId: 'prepareObligation', summary: 'Start a draft of the filing that fulfils the obligation, with the milestones filled in', tags, request: { params: ObligationParams }, responses: { 201: json(z.object({ draftId: z.string(), filing: z.string(), title: z.string() }).openapi('PreparedDraft'), 'The new draft'), ...unknown, ...problems({ 404: 'No such project or obligation, or one met otherwise than by a filing (project_unknown, obligation_unknown)' }) } })),
    async (c) => {
      const p = c.req.valid('param');
      const draft = await prepareObligation(w, actorOf(c), p.projectId, p.obligationId, ctx.deps.samples);
      return c.json({ draftId: draft.id, filing: draft.filingId, title: draft.title }, 201, { 'Content-Language': callerLocale(c) });
    },
  );

  registerFeedRoutes(ctx, w);
}

function registerFeedRoutes(ctx: RouteContext, w: FeedDeps): void {
  const group = ctx.secured('projects');
  // Nothing in a feed's URL is in a language: no Content-Language.
  const created = { 201: { description: 'The feed’s secret URL, shown this once; an earlier URL of the same feed stops working', content: { 'application/json': { schema: Feed } } } };
  group.openapi(createRoute({ method: 'post', path: '/v1/projects/{projectId}/calendar-feed', operationId: 'issueProjectFeed', summary: 'A new secret calendar (ICS) URL for the project’s deadlines', tags, request: { params: ProjectParams }, responses: { ...created, ...problems({ 404: 'No such project (project_unknown)' }) } }), async (c) =>
    c.json(await issueFeed(w, actorOf(c), 'project', c.req.valid('param').projectId), 201),
  );
  group.openapi(createRoute({ method: 'delete', path: '/v1/projects/{projectId}/calendar-feed', operationId: 'revokeProjectFeed', summary: 'End the project’s calendar URL', tags, request: { params: ProjectParams }, responses: { 204: { description: 'Ended' }, ...problems({ 404: 'No such project or feed (project_unknown, feed_unknown)' }) } }), async (c) => {
    if (!(await revokeFeed(w, actorOf(c), 'project', c.req.valid('param').projectId))) throw httpError('feed_unknown', '该项目没有日历订阅地址。', 'The project has no calendar feed.');
    return c.body(null, 204);
  });
  group.openapi(createRoute({ method: 'post', path: '/v1/calendar-feed', operationId: 'issueOrgFeed', summary: 'A new secret calendar (ICS) URL for the deadlines of all the organisation’s projects', tags, responses: created }), async (c) => c.json(await issueFeed(w, actorOf(c), 'org'), 201));
  group.openapi(createRoute({ method: 'delete', path: '/v1/calendar-feed', operationId: 'revokeOrgFeed', summary: 'End the organisation’s calendar URL', tags, responses: { 204: { description: 'Ended' }, ...problems({ 404: 'No feed (feed_unknown)' }) } }), async (c) => {
    if (!(await revokeFeed(w, actorOf(c), 'org'))) throw httpError('feed_unknown', '本单位没有日历订阅地址。', 'The organisation has no calendar feed.');
    return c.body(null, 204);
  });
  ctx.public.openapi(
    createRoute({
      method: 'get',
      path: '/v1/calendars/{feed}',
      operationId: 'calendarFeed',
      summary: 'A calendar feed (RFC 5545, with alarms) at its secret URL; ?lang=en for English',
      tags,
      request: { params: z.object({ feed: z.string().max(100).regex(/^[A-Za-z0-9_-]+\.ics$/) }), query: z.object({ lang: z.enum(['zh-CN', 'en']).optional() }) },
      responses: { 200: { description: 'The feed', headers: z.object({ 'Cache-Control': z.string() }), content: { 'text/calendar': { schema: z.string() } } }, ...problems({ 400: 'A malformed feed name or query (query_invalid, path_invalid)', 404: 'No such feed, or replaced (feed_unknown)' }) },
    }),
    async (c) => {
      const text = await renderFeed(w, c.req.valid('param').feed.replace(/\.ics$/, ''), c.req.valid('query').lang ?? 'zh-CN');
      return c.body(text, 200, { 'Content-Type': 'text/calendar; charset=utf-8', 'Cache-Control': 'private, max-age=300' });
    },
  );
}
