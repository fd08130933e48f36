// Projects (staff of their organisation, admins): create, list, read, save the shared facts with the revision they
// were based on, and the consistency check of the project's filings. The workbench's pages use the same routes.
import { createRoute, z } from '@hono/zod-openapi';
import type { FieldIssue, Locale } from '../../core/errors.ts';
import type { ProjectRecord } from '../../core/ports.ts';
import { checkPackage } from '../../usecases/draft-documents.ts';
import { createProject, getProject, listProjects, saveProject, validateProject, type Actor } from '../../usecases/projects.ts';
import type { RouteContext } from '../app.ts';
import type { AppEnv } from '../env.ts';
import { jsonBody } from '../json-limits.ts';
import { CONTENT_LANGUAGE, FieldError } from '../openapi/schemas.ts';
import { callerLocale } from '../problem.ts';
import { problems } from '../route-group.ts';
import type { Context } from 'hono';

const tags = ['projects'];
const Id = z.string().min(1).max(64);
export const ProjectParams = z.object({ projectId: Id });
const AnyObject = z.record(z.string(), z.unknown());
const localized = z.object(CONTENT_LANGUAGE);
const json = <S extends z.ZodType>(schema: S, description: string) => ({ description, headers: localized, content: { 'application/json': { schema } } });
export const bodyErrors = { 400: 'Malformed body (json_invalid, json_too_deep, json_forbidden_key)', 413: 'Body over the size limit (body_too_large)', 415: 'Body is not application/json (unsupported_media_type)' };

const ProjectSummary = z.object({ id: z.string(), org: z.string(), title: z.string(), revision: z.number().int(), createdAt: z.string(), updatedAt: z.string() });
const Project = ProjectSummary.extend({
  data: z.object({ project: z.unknown().optional(), milestones: z.unknown().optional() }).openapi({ description: 'The project block (as in every filing’s input) and the milestones, as entered' }),
  valid: z.boolean(),
  errors: z.array(FieldError).openapi({ description: 'What the facts still lack or get wrong, by JSON Pointer (saved all the same)' }),
}).openapi('Project');
const ProjectList = z.object({ projects: z.array(ProjectSummary) }).openapi('ProjectList');
const ProjectCreate = z.strictObject({ name: z.string().trim().min(1).max(200), data: AnyObject.optional().openapi({ description: '{ project, milestones } to start from' }) }).openapi('ProjectCreate');
const ProjectSave = z.strictObject({ baseRevision: z.number().int().min(1).openapi({ description: 'The revision the change was made on; a stale one is refused with 409' }), data: AnyObject }).openapi('ProjectSave');
const FactValue = z.object({ draftId: z.string(), filingId: z.string(), pointer: z.string(), value: z.unknown() });
const Consistency = z
  .object({
    documents: z.array(z.object({ draftId: z.string(), filingId: z.string(), final: z.boolean() })),
    differences: z.array(z.object({ fact: z.string(), values: z.array(FactValue) })),
  })
  .openapi('Consistency');

export const actorOf = (c: Context<AppEnv>): Actor => {
  const k = c.get('apiKey');
  return { keyId: k.id, role: k.role, org: k.org };
};
export const fieldErrors = (issues: FieldIssue[], locale: Locale) => issues.map((i) => ({ path: i.path, code: i.code, message: i.message[locale] }));
const summary = (p: ProjectRecord) => ({ id: p.id, org: p.org, title: p.title, revision: p.revision, createdAt: p.createdAt, updatedAt: p.updatedAt });
function projectBody(p: ProjectRecord, locale: Locale, errors = validateProject(p.data)) {
  return { ...summary(p), data: p.data, valid: errors.length === 0, errors: fieldErrors(errors, locale) };
}

export function registerProjectRoutes(ctx: RouteContext): void {
  const { deps, limits } = ctx;
  const w = { store: deps.workbench!, now: deps.now };
  const group = ctx.secured('projects');
  const unknown = problems({ 404: 'No such project, or not of the caller’s organisation (project_unknown)' });

  group.openapi(createRoute({ method: 'get', path: '/v1/projects', operationId: 'listProjects', summary: 'Projects the caller may see (their organisation’s; every one for admins)', tags, responses: { 200: json(ProjectList, 'Projects, newest first') } }), async (c) =>
    c.json({ projects: (await listProjects(w, actorOf(c))).map(summary) }, 200, { 'Content-Language': callerLocale(c) }),
  );

  group.openapi(
    ctx.idempotent(createRoute({ method: 'post', path: '/v1/projects', operationId: 'createProject', summary: 'Create a project of the caller’s organisation', tags, middleware: jsonBody(limits), request: { body: { required: true, content: { 'application/json': { schema: ProjectCreate } } } }, responses: { 201: json(Project, 'The new project'), ...problems({ ...bodyErrors, 422: 'Invalid request (input_invalid)' }) } })),
    async (c) => {
      const locale = callerLocale(c);
      return c.json(projectBody(await createProject(w, actorOf(c), c.req.valid('json')), locale), 201, { 'Content-Language': locale });
    },
  );

  group.openapi(createRoute({ method: 'get', path: '/v1/projects/{projectId}', operationId: 'getProject', summary: 'A project with its facts and their validation', tags, request: { params: ProjectParams }, responses: { 200: json(Project, 'The project'), ...unknown } }), async (c) => {
    const locale = callerLocale(c);
    return c.json(projectBody(await getProject(w, actorOf(c), c.req.valid('param').projectId), locale), 200, { 'Content-Language': locale });
  });

  group.openapi(
    createRoute({
      method: 'put',
      path: '/v1/projects/{projectId}',
      operationId: 'saveProject',
      summary: 'Save the project’s facts (valid or not); every open draft follows them, finals keep theirs',
      tags,
      middleware: jsonBody(limits),
      request: { params: ProjectParams, body: { required: true, content: { 'application/json': { schema: ProjectSave } } } },
      responses: { 200: json(Project, 'Saved, with what is still wrong'), ...unknown, ...problems({ ...bodyErrors, 409: 'Changed meanwhile (project_conflict, currentRevision)', 422: 'Invalid request (input_invalid)' }) },
    }),
    async (c) => {
      const locale = callerLocale(c);
      const r = await saveProject(w, actorOf(c), c.req.valid('param').projectId, c.req.valid('json'));
      return c.json(projectBody(r.project, locale, r.errors), 200, { 'Content-Language': locale });
    },
  );

  group.openapi(
    createRoute({ method: 'get', path: '/v1/projects/{projectId}/consistency', operationId: 'checkProjectConsistency', summary: 'Shared facts that differ between the project’s filings (finals as generated), with the pointers on each side', tags, request: { params: ProjectParams }, responses: { 200: json(Consistency, 'Documents and differences'), ...unknown } }),
    async (c) => c.json(await checkPackage(w, actorOf(c), c.req.valid('param').projectId), 200, { 'Content-Language': callerLocale(c) }),
  );
}
