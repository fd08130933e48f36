// The staff pages: projects, a project's facts and filings, the draft editor (saved without script too), the
// preview in a sandboxed frame with its own CSP, downloads, JSON export and import, history, finals.
import type { Context } from 'hono';
import { AppError, isAppError } from '../core/errors.ts';
import type { Lang } from '../core/i18n/catalogue.ts';
import { mergeDraft } from '../core/workbench/project.ts';
import type { RouteContext } from '../http/app.ts';
import { contentDisposition } from '../http/content-disposition.ts';
import { FORMATS, LOCALES, type Format } from '../render/document-job.ts';
import type { DocLocale } from '../core/format/format.ts';
import { checkPackage, generateFinal, listFinals, renderDraftDocument } from '../usecases/draft-documents.ts';
import { checkDraft, createDraft, getDraft, getRevision, listDrafts, listRevisions, reopenDraft, restoreRevision, saveDraft } from '../usecases/drafts.ts';
import { createProject, getProject, listProjects, saveProject } from '../usecases/projects.ts';
import { decodeForm } from './form/codec.ts';
import { h } from './html.ts';
import { t } from './messages.ts';
import { draftPage } from './pages/draft.ts';
import { historyPage } from './pages/history.ts';
import { projectPage } from './pages/project.ts';
import { projectsPage } from './pages/projects.ts';
import { field, file, formEntriesOf, type PageRoutes, type SignedInCtx } from './routes.ts';

/** The preview is a document, not a page of the workbench: no script at all, framed only by the workbench. */
export const PREVIEW_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; frame-ancestors 'self'; base-uri 'none'; form-action 'none'; sandbox";

const html = (p: SignedInCtx, body: { toString(): string }, status = 200) => p.c.html(body.toString(), status as 200);
const revisionOf = (body: Record<string, unknown>) => Number(field(body, '_revision') ?? '0');
const pick = <T extends string>(value: string | undefined, allowed: readonly T[], fallback: T): T => (allowed.includes(value as T) ? (value as T) : fallback);

function previewMessage(lang: Lang, text: string): string {
  return h`<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8"><title>${text}</title></head><body style="font: 15px/1.6 sans-serif; color: #505a5f; padding: 2rem">${text}</body></html>`.toString();
}

function documentHeaders(c: Context, r: { contentType: string; fileName: string; filingId: string; inputSha256: string }, format: string): Record<string, string> {
  return { 'Content-Type': r.contentType, 'Content-Disposition': contentDisposition(r.fileName, `${r.filingId}-${r.inputSha256.slice(0, 12)}.${format}`), 'Cache-Control': 'no-store' };
}

async function readJsonFile(f: File | undefined, max: number): Promise<unknown> {
  const bad = (zh: string, en: string) => new AppError({ code: 'upload_invalid', message: { 'zh-CN': zh, en } });
  if (!f) throw bad('请选择 JSON 文件。', 'Choose a JSON file.');
  if (f.size > max) throw bad('文件过大。', 'The file is too large.');
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(await f.arrayBuffer())) as unknown;
  } catch {
    throw bad('文件不是有效的 JSON。', 'The file is not valid JSON.');
  }
}

export function registerProjectPages(ctx: RouteContext, pages: PageRoutes): void {
  const { deps } = ctx;
  const w = { store: deps.workbench!, now: deps.now };
  const audit = (p: SignedInCtx) => ({ store: deps.store, keyId: p.viewer.key.id, now: deps.now, log: deps.log });
  const maxJson = ctx.limits.maxBytes;

  pages.get('/projects', 'projects', async (p) => html(p, projectsPage(p, await listProjects(w, p.viewer.actor))));
  pages.post('/projects', 'projects', async (p, body) => {
    const name = (field(body, 'name') ?? '').trim();
    if (!name) throw new AppError({ code: 'input_invalid', message: { 'zh-CN': '请填写项目名称。', en: 'Give the project a name.' } });
    const project = await createProject(w, p.viewer.actor, { name: name.slice(0, 200) });
    return p.c.redirect(`/projects/${project.id}`, 303);
  });
  pages.get('/projects/:pid', 'projects', async (p) => {
    const project = await getProject(w, p.viewer.actor, p.c.req.param('pid')!);
    return html(p, projectPage(p, project, await listDrafts(w, p.viewer.actor, project.id), await checkPackage(w, p.viewer.actor, project.id), deps.samples));
  });
  pages.post('/projects/:pid', 'projects', async (p, body) => {
    const id = p.c.req.param('pid')!;
    await saveProject(w, p.viewer.actor, id, { baseRevision: revisionOf(body), data: decodeForm(formEntriesOf(body)) });
    return p.c.redirect(`/projects/${id}`, 303);
  });
  pages.post('/projects/:pid/drafts', 'projects', async (p, body) => {
    const pid = p.c.req.param('pid')!;
    const [filing, sample] = (field(body, 'start') ?? '').split('|');
    const title = field(body, 'title')?.trim();
    const draft = await createDraft(w, p.viewer.actor, pid, { filing: filing ?? '', ...(title ? { title } : {}), from: sample ? { sample } : undefined }, deps.samples);
    return p.c.redirect(`/projects/${pid}/drafts/${draft.id}`, 303);
  });
  pages.post('/projects/:pid/drafts/import', 'projects', async (p, body) => {
    const pid = p.c.req.param('pid')!;
    const data = await readJsonFile(file(body, 'file'), maxJson);
    const draft = await createDraft(w, p.viewer.actor, pid, { filing: field(body, 'filing') ?? '', from: { data } }, deps.samples);
    return p.c.redirect(`/projects/${pid}/drafts/${draft.id}`, 303);
  });
  registerEditor(ctx, pages, w, audit, maxJson);
}

function registerEditor(ctx: RouteContext, pages: PageRoutes, w: { store: NonNullable<RouteContext['deps']['workbench']>; now: () => Date }, audit: (p: SignedInCtx) => { store: RouteContext['deps']['store']; keyId: string; now: () => Date; log: RouteContext['deps']['log'] }, maxJson: number): void {
  const { deps } = ctx;
  const D = '/projects/:pid/drafts/:did';
  const ids = (p: SignedInCtx) => ({ projectId: p.c.req.param('pid')!, draftId: p.c.req.param('did')! });
  const back = (p: SignedInCtx) => p.c.redirect(`/projects/${ids(p).projectId}/drafts/${ids(p).draftId}`, 303);

  pages.get(D, 'projects', async (p) => {
    const { project, draft } = await getDraft(w, p.viewer.actor, ids(p).projectId, ids(p).draftId);
    return html(p, draftPage(p, project, draft, checkDraft(project, draft.filingId, draft.data), await listFinals(w, p.viewer.actor, ids(p))));
  });
  pages.post(D, 'projects', async (p, body) => {
    await saveDraft(w, p.viewer.actor, ids(p).projectId, ids(p).draftId, { baseRevision: revisionOf(body), data: decodeForm(formEntriesOf(body)), kind: 'save' });
    return back(p);
  });
  pages.get(`${D}/preview`, 'projects', async (p) => {
    const locale = pick(p.c.req.query('locale'), LOCALES, 'zh-CN') as DocLocale;
    p.c.header('Content-Security-Policy', PREVIEW_CSP);
    p.c.header('X-Frame-Options', 'SAMEORIGIN');
    p.c.header('Cache-Control', 'no-store');
    try {
      const r = await renderDraftDocument(deps.render, w, p.viewer.actor, ids(p), { format: 'html', locale });
      return p.c.html(new TextDecoder().decode(r.bytes));
    } catch (e) {
      if (!isAppError(e) || e.code !== 'input_invalid') throw e;
      return p.c.html(previewMessage(p.lang, t(p.lang, 'previewNeedsValid', { n: e.issues.length })));
    }
  });
  pages.get(`${D}/download`, 'projects', async (p) => {
    const format = pick(p.c.req.query('format'), FORMATS, 'docx') as Format;
    const locale = pick(p.c.req.query('locale'), LOCALES, 'zh-CN') as DocLocale;
    const r = await renderDraftDocument(deps.render, w, p.viewer.actor, ids(p), { format, locale, signal: p.c.req.raw.signal }, audit(p));
    return p.c.body(r.bytes as Uint8Array<ArrayBuffer>, 200, documentHeaders(p.c, r, format));
  });
  pages.get(`${D}/export`, 'projects', async (p) => {
    const { project, draft } = await getDraft(w, p.viewer.actor, ids(p).projectId, ids(p).draftId);
    const finals = draft.status === 'final' ? await listFinals(w, p.viewer.actor, ids(p)) : [];
    const input = finals[0]?.input ?? mergeDraft(project.data, draft.data);
    const name = `${draft.filingId}-${draft.id.slice(0, 8)}-r${draft.revision}.json`;
    return p.c.body(JSON.stringify(input, null, 2), 200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Disposition': contentDisposition(name, name), 'Cache-Control': 'no-store' });
  });
  pages.post(`${D}/import`, 'projects', async (p, body) => {
    const data = await readJsonFile(file(body, 'file'), maxJson);
    const { draft } = await getDraft(w, p.viewer.actor, ids(p).projectId, ids(p).draftId);
    await saveDraft(w, p.viewer.actor, ids(p).projectId, ids(p).draftId, { baseRevision: draft.revision, data, kind: 'import' });
    return back(p);
  });
  pages.get(`${D}/history`, 'projects', async (p) => {
    const { project, draft } = await getDraft(w, p.viewer.actor, ids(p).projectId, ids(p).draftId);
    const show = Number(p.c.req.query('show') ?? '0');
    const shown = show > 0 ? await getRevision(w, p.viewer.actor, project.id, draft.id, show) : undefined;
    return html(p, historyPage(p, project, draft, await listRevisions(w, p.viewer.actor, project.id, draft.id), shown));
  });
  pages.post(`${D}/history/:seq/restore`, 'projects', async (p, body) => {
    await restoreRevision(w, p.viewer.actor, ids(p).projectId, ids(p).draftId, Number(p.c.req.param('seq')), revisionOf(body));
    return back(p);
  });
  pages.post(`${D}/final`, 'projects', async (p, body) => {
    const locale = pick(field(body, 'locale'), LOCALES, 'zh-CN') as DocLocale;
    await generateFinal(deps.render, w, p.viewer.actor, ids(p), { locale }, audit(p));
    return back(p);
  });
  pages.post(`${D}/reopen`, 'projects', async (p) => {
    await reopenDraft(w, p.viewer.actor, ids(p).projectId, ids(p).draftId);
    return back(p);
  });
}
