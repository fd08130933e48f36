// Projects of an organisation: create, list, read and save their facts (the project block and milestones), with the
// same revision check as drafts; staff reach their organisation's projects only, admins every one.
import { AppError, type FieldIssue } from '../core/errors.ts';
import type { ProjectRecord, Role, WorkbenchStore } from '../core/ports.ts';
import { toFieldIssues } from '../core/validation.ts';
import { ProjectFacts, projectTitle, type ProjectData } from '../core/workbench/project.ts';

/** Who is acting: the key behind the request or the session. */
export interface Actor {
  keyId: string;
  role: Role;
  org: string;
}

export interface WorkbenchDeps {
  store: WorkbenchStore;
  now: () => Date;
}

function projectUnknown(id: string): AppError {
  return new AppError({ code: 'project_unknown', message: { 'zh-CN': `没有这个项目（${id}），或无权查看。`, en: `No project ${id}, or it is not yours to see.` }, details: { projectId: id } });
}

/** Staff see their organisation's projects; admins see every organisation's. */
function canSee(actor: Actor, project: Pick<ProjectRecord, 'org'>): boolean {
  return actor.role === 'admin' || (actor.role === 'staff' && project.org === actor.org);
}

export function validateProject(data: ProjectData): FieldIssue[] {
  const r = ProjectFacts.safeParse({ project: data.project, milestones: data.milestones ?? {} });
  return r.success ? [] : toFieldIssues(r.error.issues);
}

const asData = (v: unknown): ProjectData => {
  const o = typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  return { ...(o.project !== undefined ? { project: o.project } : {}), milestones: o.milestones ?? {} };
};

export async function createProject(w: WorkbenchDeps, actor: Actor, req: { name: string; data?: unknown }): Promise<ProjectRecord> {
  const now = w.now().toISOString();
  const data = req.data === undefined ? { project: { name: req.name }, milestones: {} } : asData(req.data);
  const record: ProjectRecord = { id: crypto.randomUUID(), org: actor.org, title: projectTitle(data, req.name), data, revision: 1, createdAt: now, updatedAt: now, updatedBy: actor.keyId };
  await w.store.insertProject(record);
  return record;
}

export async function listProjects(w: WorkbenchDeps, actor: Actor): Promise<ProjectRecord[]> {
  if (actor.role !== 'admin' && actor.role !== 'staff') return [];
  return w.store.listProjects(actor.role === 'admin' ? null : actor.org);
}

export async function getProject(w: WorkbenchDeps, actor: Actor, id: string): Promise<ProjectRecord> {
  const p = await w.store.getProject(id);
  if (!p || !canSee(actor, p)) throw projectUnknown(id);
  return p;
}

/** A save based on a revision that is no longer the current one: refused, and said where the refused version is. */
export function staleSave(code: 'project_conflict' | 'draft_conflict', current: number, details: Record<string, unknown> = {}): AppError {
  const kept =
    code === 'draft_conflict'
      ? { zh: '您的版本已保留在历史记录中，可对照后合并。', en: 'Your version is kept in the history, to compare and merge.' }
      : { zh: '您的修改仍在本页，请对照最新版本后再保存。', en: 'Your changes are still on this page; compare them with the latest version before saving again.' };
  return new AppError({
    code,
    message: {
      'zh-CN': `保存未成功：此内容已被他人（或另一窗口）修改，当前为第${current}版。${kept.zh}`,
      en: `Not saved: someone (or another window) changed this meanwhile; it is now at revision ${current}. ${kept.en}`,
    },
    details: { currentRevision: current, ...details },
  });
}

/** Saves the project's facts when it is still at `baseRevision`; answers the record and its validation problems. */
export async function saveProject(w: WorkbenchDeps, actor: Actor, id: string, req: { baseRevision: number; data: unknown }): Promise<{ project: ProjectRecord; errors: FieldIssue[] }> {
  const before = await getProject(w, actor, id);
  const data = asData(req.data);
  const r = await w.store.updateProject(id, req.baseRevision, { data, title: projectTitle(data, before.title), at: w.now().toISOString(), by: actor.keyId });
  if (!r.ok || !r.project) throw staleSave('project_conflict', r.project?.revision ?? before.revision);
  return { project: r.project, errors: validateProject(r.project.data) };
}
