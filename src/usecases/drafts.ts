// Filing drafts of a project: create (empty, from a sample or from JSON), save with the revision they were based on
// (a stale save is refused and kept), history and restore, and the check of the merged input (schema problems and
// compliance findings) that the form shows as a person types.
import { AppError, type FieldIssue } from '../core/errors.ts';
import { checkFiling as complianceFindings, type Finding } from '../core/compliance/index.ts';
import type { DraftRecord, DraftRevision, ProjectRecord, RevisionKind, SampleSource } from '../core/ports.ts';
import { toFieldIssues } from '../core/validation.ts';
import { mergeDraft, splitInput } from '../core/workbench/project.ts';
import { requireFiling } from './filings.ts';
import { unknownSample } from './templates.ts';
import { getProject, staleSave, type Actor, type WorkbenchDeps } from './projects.ts';

/** Autosaves of one person within this many minutes are one entry of the history. */
const COALESCE_MINUTES = 10;

function draftUnknown(id: string): AppError {
  return new AppError({ code: 'draft_unknown', message: { 'zh-CN': `没有这个文书草稿（${id}）。`, en: `No draft ${id}.` }, details: { draftId: id } });
}

function draftFinal(): AppError {
  return new AppError({
    code: 'draft_final',
    message: { 'zh-CN': '该文书已生成定稿，不能再修改；如需修改，请先“重新编辑”。', en: 'This filing was generated as final and can no longer change; reopen it to edit.' },
  });
}

export interface DraftCheck {
  /** The merged input passes the filing's schema. */
  valid: boolean;
  errors: FieldIssue[];
  /** Compliance findings: only for a valid input (the rules read a parsed input). */
  findings: Finding[];
  input: Record<string, unknown>;
}

/** The draft merged with the project's current facts, its schema problems, and (when valid) its compliance findings. */
export function checkDraft(project: Pick<ProjectRecord, 'data'>, filingId: string, data: unknown): DraftCheck {
  const def = requireFiling(filingId);
  const input = mergeDraft(project.data, data);
  const parsed = def.schema.safeParse(input);
  if (!parsed.success) return { valid: false, errors: toFieldIssues(parsed.error.issues), findings: [], input };
  return { valid: true, errors: [], findings: complianceFindings(def, parsed.data), input };
}

export interface DraftOf {
  project: ProjectRecord;
  draft: DraftRecord;
}

export async function getDraft(w: WorkbenchDeps, actor: Actor, projectId: string, draftId: string): Promise<DraftOf> {
  const project = await getProject(w, actor, projectId);
  const draft = await w.store.getDraft(draftId);
  if (!draft || draft.projectId !== project.id) throw draftUnknown(draftId);
  return { project, draft };
}

export async function listDrafts(w: WorkbenchDeps, actor: Actor, projectId: string): Promise<DraftRecord[]> {
  const project = await getProject(w, actor, projectId);
  return w.store.listDrafts(project.id);
}

export type DraftSource = { sample: string } | { data: unknown } | undefined;

/** A new draft of a filing: empty, from a sample (its project block left out), or from JSON (the same). */
export async function createDraft(w: WorkbenchDeps, actor: Actor, projectId: string, req: { filing: string; title?: string; from?: DraftSource }, samples: SampleSource): Promise<DraftRecord> {
  const project = await getProject(w, actor, projectId);
  const def = requireFiling(req.filing);
  let data: unknown = {};
  if (req.from && 'sample' in req.from) {
    const name = req.from.sample;
    const sample = samples.list(def.id).includes(name) ? samples.get(def.id, name) : undefined;
    if (sample === undefined) throw unknownSample(samples, def.id, name);
    data = splitInput(sample).data;
  } else if (req.from && 'data' in req.from) data = splitInput(req.from.data).data;
  const now = w.now().toISOString();
  const draft: DraftRecord = { id: crypto.randomUUID(), projectId: project.id, filingId: def.id, title: req.title?.trim() || def.id, data, revision: 1, status: 'open', createdAt: now, updatedAt: now, updatedBy: actor.keyId };
  await w.store.insertDraft(draft);
  return draft;
}

export interface SavedDraft {
  draft: DraftRecord;
  check: DraftCheck;
}

/** Saves when the draft is still at `baseRevision`; a stale save is refused (409) and kept in the history. */
export async function saveDraft(w: WorkbenchDeps, actor: Actor, projectId: string, draftId: string, req: { baseRevision: number; data: unknown; kind?: Exclude<RevisionKind, 'create' | 'conflict'> }): Promise<SavedDraft> {
  const { project, draft } = await getDraft(w, actor, projectId, draftId);
  if (draft.status === 'final') throw draftFinal();
  const now = w.now();
  const data = splitInput(req.data).data;
  const coalesceAfter = new Date(now.getTime() - COALESCE_MINUTES * 60_000).toISOString();
  const r = await w.store.saveDraft(draft.id, req.baseRevision, { data, kind: req.kind ?? 'save', at: now.toISOString(), by: actor.keyId, coalesceAfter });
  if (!r.ok) {
    if (r.current.status === 'final') throw draftFinal();
    throw staleSave('draft_conflict', r.current.revision, { conflictSeq: r.conflictSeq });
  }
  return { draft: r.draft, check: checkDraft(project, r.draft.filingId, r.draft.data) };
}

export async function listRevisions(w: WorkbenchDeps, actor: Actor, projectId: string, draftId: string): Promise<DraftRevision[]> {
  const { draft } = await getDraft(w, actor, projectId, draftId);
  return w.store.listRevisions(draft.id);
}

export async function getRevision(w: WorkbenchDeps, actor: Actor, projectId: string, draftId: string, seq: number): Promise<DraftRevision> {
  const { draft } = await getDraft(w, actor, projectId, draftId);
  const r = await w.store.getRevision(draft.id, seq);
  if (!r) throw new AppError({ code: 'revision_unknown', message: { 'zh-CN': `没有这条历史记录（${seq}）。`, en: `No history entry ${seq}.` } });
  return r;
}

/** Makes an entry of the history (a conflict too) the current version, as a new revision. */
export async function restoreRevision(w: WorkbenchDeps, actor: Actor, projectId: string, draftId: string, seq: number, baseRevision: number): Promise<SavedDraft> {
  const entry = await getRevision(w, actor, projectId, draftId, seq);
  return saveDraft(w, actor, projectId, draftId, { baseRevision, data: entry.data, kind: 'restore' });
}

export async function reopenDraft(w: WorkbenchDeps, actor: Actor, projectId: string, draftId: string): Promise<DraftRecord> {
  const { draft } = await getDraft(w, actor, projectId, draftId);
  await w.store.setDraftStatus(draft.id, 'open', w.now().toISOString());
  return { ...draft, status: 'open' };
}
