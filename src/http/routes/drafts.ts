// Filing drafts of a project: create (empty, from a sample, from JSON), read, save with the revision they were based
// on (409 when stale, the refused version kept), history and restore, the merged input's document (draft-marked while
// errors remain), and the final generation that records the documents and freezes input and template version.
import { createRoute, z } from '@hono/zod-openapi';
import type { Locale } from '../../core/errors.ts';
import type { DraftRecord, DraftRevision, FinalRecord } from '../../core/ports.ts';
import { FORMATS, LOCALES } from '../../render/document-job.ts';
import { generateFinal, listFinals, renderDraftDocument } from '../../usecases/draft-documents.ts';
import { checkDraft, createDraft, getDraft, getRevision, listDrafts, listRevisions, restoreRevision, saveDraft, type DraftCheck } from '../../usecases/drafts.ts';
import type { RouteContext } from '../app.ts';
import { contentDisposition } from '../content-disposition.ts';
import { jsonBody } from '../json-limits.ts';
import { binary, CONTENT_LANGUAGE, FieldError, FilingId, Finding } from '../openapi/schemas.ts';
import { callerLocale, localizeFindings } from '../problem.ts';
import { problems } from '../route-group.ts';
import { actorOf, bodyErrors, fieldErrors, ProjectParams } from './projects.ts';

const tags = ['projects'];
const DraftParams = ProjectParams.extend({ draftId: z.string().min(1).max(64) });
const RevisionParams = DraftParams.extend({ seq: z.coerce.number().int().min(1) });
const AnyObject = z.record(z.string(), z.unknown());
const localized = z.object(CONTENT_LANGUAGE);
const json = <S extends z.ZodType>(schema: S, description: string) => ({ description, headers: localized, content: { 'application/json': { schema } } });

const DraftSummary = z.object({ id: z.string(), projectId: z.string(), filing: FilingId, title: z.string(), revision: z.number().int(), status: z.enum(['open', 'final']), createdAt: z.string(), updatedAt: z.string() });
const Draft = DraftSummary.extend({
  data: z.unknown().openapi({ description: 'The filing’s input without the project block (the project’s facts are merged in when checked or rendered)' }),
  valid: z.boolean().openapi({ description: 'The merged input passes the filing’s schema' }),
  errors: z.array(FieldError),
  findings: z.array(Finding).openapi({ description: 'Compliance findings of the merged input (when valid)' }),
}).openapi('Draft');
const DraftList = z.object({ drafts: z.array(DraftSummary) }).openapi('DraftList');
const DraftCreate = z
  .strictObject({ filing: FilingId, title: z.string().trim().max(200).optional(), sample: z.string().max(200).optional().openapi({ description: 'Start from this sample of the filing' }), data: AnyObject.optional().openapi({ description: 'Start from this input (a project block in it is left out)' }) })
  .refine((d) => d.sample === undefined || d.data === undefined, { path: ['data'], message: 'sample or data, not both' })
  .openapi('DraftCreate');
const DraftSave = z.strictObject({ baseRevision: z.number().int().min(1), data: AnyObject, autosave: z.boolean().optional().openapi({ description: 'Saved while typing: one history entry per burst' }) }).openapi('DraftSave');
const Revision = z.object({ seq: z.number().int(), revision: z.number().int().nullable(), basedOn: z.number().int().nullable(), kind: z.enum(['create', 'save', 'autosave', 'import', 'restore', 'conflict']), savedAt: z.string(), savedBy: z.string().nullable() });
const RevisionList = z.object({ revisions: z.array(Revision) }).openapi('RevisionList');
const RevisionOne = Revision.extend({ data: z.unknown() }).openapi('Revision');
const Final = z.object({ id: z.string(), draftId: z.string(), revision: z.number().int(), locale: z.string(), inputSha256: z.string(), templateVersion: z.string(), documents: z.array(z.object({ format: z.string(), outputSha256: z.string(), bytes: z.number().int() })), generatedAt: z.string() }).openapi('Final');
const FinalList = z.object({ finals: z.array(Final) }).openapi('FinalList');
const DocumentQuery = z.object({ format: z.enum(FORMATS).default('docx'), locale: z.enum(LOCALES).default('zh-CN') });

const summary = (d: DraftRecord) => ({ id: d.id, projectId: d.projectId, filing: d.filingId as z.infer<typeof FilingId>, title: d.title, revision: d.revision, status: d.status, createdAt: d.createdAt, updatedAt: d.updatedAt });
const revision = ({ data: _, draftId: __, ...r }: DraftRevision) => r;
const finalBody = ({ input: _, projectId: __, filingId: ___, keyId: ____, ...f }: FinalRecord) => f;
function draftBody(d: DraftRecord, check: DraftCheck, locale: Locale) {
  return { ...summary(d), data: d.data, valid: check.valid, errors: fieldErrors(check.errors, locale), findings: localizeFindings(check.findings, locale) };
}

export function registerDraftRoutes(ctx: RouteContext): void {
  const { deps, limits } = ctx;
  const w = { store: deps.workbench!, now: deps.now };
  const group = ctx.secured('projects');
  const unknown = problems({ 404: 'No such project or draft (project_unknown, draft_unknown)' });
  const base = '/v1/projects/{projectId}/drafts';

  group.openapi(createRoute({ method: 'get', path: base, operationId: 'listDrafts', summary: 'The project’s filing drafts', tags, request: { params: ProjectParams }, responses: { 200: json(DraftList, 'Drafts'), ...unknown } }), async (c) =>
    c.json({ drafts: (await listDrafts(w, actorOf(c), c.req.valid('param').projectId)).map(summary) }, 200, { 'Content-Language': callerLocale(c) }),
  );

  group.openapi(
    ctx.idempotent(createRoute({ method: 'post', path: base, operationId: 'createDraft', summary: 'A new draft of a filing: empty, from a sample, or from JSON', tags, middleware: jsonBody(limits), request: { params: ProjectParams, body: { required: true, content: { 'application/json': { schema: DraftCreate } } } }, responses: { 201: json(Draft, 'The new draft, checked'), ...unknown, ...problems({ ...bodyErrors, 422: 'Invalid request (input_invalid), unknown sample (sample_unknown is 404)' }) } })),
    async (c) => {
      const { projectId } = c.req.valid('param');
      const body = c.req.valid('json');
      const from = body.sample !== undefined ? { sample: body.sample } : body.data !== undefined ? { data: body.data } : undefined;
      const draft = await createDraft(w, actorOf(c), projectId, { filing: body.filing, ...(body.title ? { title: body.title } : {}), from }, deps.samples);
      const { project } = await getDraft(w, actorOf(c), projectId, draft.id);
      const locale = callerLocale(c);
      return c.json(draftBody(draft, checkDraft(project, draft.filingId, draft.data), locale), 201, { 'Content-Language': locale });
    },
  );

  group.openapi(createRoute({ method: 'get', path: `${base}/{draftId}`, operationId: 'getDraft', summary: 'A draft with the check of its merged input', tags, request: { params: DraftParams }, responses: { 200: json(Draft, 'The draft'), ...unknown } }), async (c) => {
    const p = c.req.valid('param');
    const { project, draft } = await getDraft(w, actorOf(c), p.projectId, p.draftId);
    const locale = callerLocale(c);
    return c.json(draftBody(draft, checkDraft(project, draft.filingId, draft.data), locale), 200, { 'Content-Language': locale });
  });

  group.openapi(
    createRoute({
      method: 'put',
      path: `${base}/{draftId}`,
      operationId: 'saveDraft',
      summary: 'Save a draft (valid or not) based on a revision; answers its errors and compliance findings',
      tags,
      middleware: jsonBody(limits),
      request: { params: DraftParams, body: { required: true, content: { 'application/json': { schema: DraftSave } } } },
      responses: { 200: json(Draft, 'Saved and checked'), ...unknown, ...problems({ ...bodyErrors, 409: 'Changed meanwhile (draft_conflict: currentRevision, and conflictSeq, the history entry that keeps the refused version) or final (draft_final)', 422: 'Invalid request (input_invalid)' }) },
    }),
    async (c) => {
      const p = c.req.valid('param');
      const b = c.req.valid('json');
      const r = await saveDraft(w, actorOf(c), p.projectId, p.draftId, { baseRevision: b.baseRevision, data: b.data, kind: b.autosave ? 'autosave' : 'save' });
      const locale = callerLocale(c);
      return c.json(draftBody(r.draft, r.check, locale), 200, { 'Content-Language': locale });
    },
  );

  registerHistory(ctx, w, base);
  registerDocuments(ctx, w, base);
}

function registerHistory(ctx: RouteContext, w: { store: NonNullable<RouteContext['deps']['workbench']>; now: () => Date }, base: string): void {
  const group = ctx.secured('projects');
  const unknown = problems({ 404: 'No such project, draft or history entry (project_unknown, draft_unknown, revision_unknown)' });
  group.openapi(createRoute({ method: 'get', path: `${base}/{draftId}/revisions`, operationId: 'listDraftRevisions', summary: 'The draft’s history, newest first (refused stale saves included)', tags, request: { params: DraftParams }, responses: { 200: json(RevisionList, 'History'), ...unknown } }), async (c) => {
    const p = c.req.valid('param');
    return c.json({ revisions: (await listRevisions(w, actorOf(c), p.projectId, p.draftId)).map(revision) }, 200, { 'Content-Language': callerLocale(c) });
  });
  group.openapi(createRoute({ method: 'get', path: `${base}/{draftId}/revisions/{seq}`, operationId: 'getDraftRevision', summary: 'One entry of the history with its data', tags, request: { params: RevisionParams }, responses: { 200: json(RevisionOne, 'The entry'), ...unknown } }), async (c) => {
    const p = c.req.valid('param');
    const r = await getRevision(w, actorOf(c), p.projectId, p.draftId, p.seq);
    return c.json({ ...revision(r), data: r.data }, 200, { 'Content-Language': callerLocale(c) });
  });
  group.openapi(
    createRoute({
      method: 'post',
      path: `${base}/{draftId}/revisions/{seq}/restore`,
      operationId: 'restoreDraftRevision',
      summary: 'Make a history entry the current version (a new revision)',
      tags,
      middleware: jsonBody(ctx.limits),
      request: { params: RevisionParams, body: { required: true, content: { 'application/json': { schema: z.strictObject({ baseRevision: z.number().int().min(1) }).openapi('RestoreRequest') } } } },
      responses: { 200: json(Draft, 'Restored'), ...unknown, ...problems({ ...bodyErrors, 409: 'Changed meanwhile (draft_conflict) or final (draft_final)', 422: 'Invalid request (input_invalid)' }) },
    }),
    async (c) => {
      const p = c.req.valid('param');
      const r = await restoreRevision(w, actorOf(c), p.projectId, p.draftId, p.seq, c.req.valid('json').baseRevision);
      const locale = callerLocale(c);
      return c.json(draftBody(r.draft, r.check, locale), 200, { 'Content-Language': locale });
    },
  );
}

function registerDocuments(ctx: RouteContext, w: { store: NonNullable<RouteContext['deps']['workbench']>; now: () => Date }, base: string): void {
  const { deps } = ctx;
  const group = ctx.secured('projects');
  const audit = (keyId: string) => ({ store: deps.store, keyId, now: deps.now, log: deps.log });
  group.openapi(
    createRoute({
      method: 'get',
      path: `${base}/{draftId}/document`,
      operationId: 'renderDraft',
      summary: 'The draft’s document now (草稿/DRAFT while error findings remain; a final’s as generated)',
      tags,
      request: { params: DraftParams, query: DocumentQuery },
      responses: {
        200: { description: 'The document', headers: z.object({ 'Content-Disposition': z.string(), 'X-Draft': z.enum(['true', 'false']), 'X-Template-Version': z.string(), 'Cache-Control': z.string() }), content: { 'application/pdf': { schema: binary }, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { schema: binary }, 'text/html': { schema: z.string() } } },
        ...problems({ 400: 'Bad format or locale (format_unknown, locale_unknown)', 404: 'No such project or draft', 422: 'The merged input is invalid (input_invalid, errors[]) or no template version is in force (template_missing)', 503: 'PDF pool full or a render past its budget (queue_full, render_timeout)' }),
      },
    }),
    async (c) => {
      const p = c.req.valid('param');
      const q = c.req.valid('query');
      const r = await renderDraftDocument(deps.render, w, actorOf(c), p, { format: q.format, locale: q.locale, signal: c.req.raw.signal }, audit(c.get('apiKey').id));
      return c.body(r.bytes as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': r.contentType, 'Content-Disposition': contentDisposition(r.fileName, `${r.filingId}-${r.inputSha256.slice(0, 12)}.${q.format}`), 'X-Draft': String(r.draft), 'X-Template-Version': r.templateVersion, 'Cache-Control': 'no-store' });
    },
  );
  group.openapi(
    createRoute({
      method: 'post',
      path: `${base}/{draftId}/final`,
      operationId: 'generateFinal',
      summary: 'Generate the final DOCX and PDF: audited, with the exact merged input and template version kept',
      tags,
      middleware: jsonBody(ctx.limits, { optional: true }),
      request: { params: DraftParams, body: { required: false, content: { 'application/json': { schema: z.strictObject({ locale: z.enum(LOCALES).optional() }).openapi('FinalRequest') } } } },
      responses: { 201: json(Final, 'The final record'), ...problems({ ...bodyErrors, 404: 'No such project or draft', 422: 'Invalid input (input_invalid) or error findings (compliance_failed, findings[])', 503: 'PDF pool full (queue_full)' }) },
    }),
    async (c) => {
      const p = c.req.valid('param');
      const f = await generateFinal(deps.render, w, actorOf(c), p, { locale: c.req.valid('json').locale ?? 'zh-CN', signal: c.req.raw.signal }, audit(c.get('apiKey').id));
      return c.json(finalBody(f), 201, { 'Content-Language': callerLocale(c) });
    },
  );
  group.openapi(createRoute({ method: 'get', path: `${base}/{draftId}/finals`, operationId: 'listFinals', summary: 'The draft’s final generations, newest first', tags, request: { params: DraftParams }, responses: { 200: json(FinalList, 'Finals'), ...problems({ 404: 'No such project or draft' }) } }), async (c) =>
    c.json({ finals: (await listFinals(w, actorOf(c), c.req.valid('param'))).map(finalBody) }, 200, { 'Content-Language': callerLocale(c) }),
  );
}
