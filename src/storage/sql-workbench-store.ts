// Projects, drafts with their history, finals and sessions over any SQLite-dialect database (node:sqlite, D1). A save
// is one compare-and-set on the draft's revision; its history row is written in the same batch, guarded by the
// save's own token, so a save that lost the race adds nothing but its conflict entry.
import type { DraftRecord, DraftRevision, FinalRecord, ProjectRecord, SaveOutcome, SessionRecord, WorkbenchStore } from '../core/ports.ts';
import { stmt, type SqlDatabase } from './sql-database.ts';

/** A row of projects, and the record it stands for (the reminder store reads the same rows). */
export interface ProjectRow {
  id: string;
  org: string;
  title: string;
  data: string;
  revision: number;
  created_at: string;
  updated_at: string;
  updated_by: string | null;
}
interface DraftRow {
  id: string;
  project_id: string;
  filing_id: string;
  title: string;
  data: string;
  revision: number;
  status: DraftRecord['status'];
  save_token: string;
  created_at: string;
  updated_at: string;
  updated_by: string | null;
}
interface RevisionRow {
  seq: number;
  draft_id: string;
  revision: number | null;
  based_on: number | null;
  kind: DraftRevision['kind'];
  data: string;
  saved_at: string;
  saved_by: string | null;
}
interface FinalRow {
  id: string;
  draft_id: string;
  project_id: string;
  filing_id: string;
  revision: number;
  locale: string;
  input: string;
  input_sha256: string;
  template_version: string;
  documents: string;
  generated_at: string;
  key_id: string | null;
}
interface SessionRow {
  id_sha256: string;
  key_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

export const toProject = (r: ProjectRow): ProjectRecord => ({ id: r.id, org: r.org, title: r.title, data: JSON.parse(r.data) as ProjectRecord['data'], revision: Number(r.revision), createdAt: r.created_at, updatedAt: r.updated_at, updatedBy: r.updated_by });
const toDraft = (r: DraftRow): DraftRecord => ({ id: r.id, projectId: r.project_id, filingId: r.filing_id, title: r.title, data: JSON.parse(r.data) as unknown, revision: Number(r.revision), status: r.status, createdAt: r.created_at, updatedAt: r.updated_at, updatedBy: r.updated_by });
const toRevision = (r: RevisionRow): DraftRevision => ({ seq: Number(r.seq), draftId: r.draft_id, revision: r.revision === null ? null : Number(r.revision), basedOn: r.based_on === null ? null : Number(r.based_on), kind: r.kind, data: JSON.parse(r.data) as unknown, savedAt: r.saved_at, savedBy: r.saved_by });
const toFinal = (r: FinalRow): FinalRecord => ({ id: r.id, draftId: r.draft_id, projectId: r.project_id, filingId: r.filing_id, revision: Number(r.revision), locale: r.locale, input: JSON.parse(r.input) as unknown, inputSha256: r.input_sha256, templateVersion: r.template_version, documents: JSON.parse(r.documents) as FinalRecord['documents'], generatedAt: r.generated_at, keyId: r.key_id });
const toSession = (r: SessionRow): SessionRecord => ({ idSha256: r.id_sha256, keyId: r.key_id, csrfToken: r.csrf_token, createdAt: r.created_at, expiresAt: r.expires_at });

const token = () => crypto.randomUUID();

/** Sessions: a row per signed-in browser, found by the hash of its cookie. */
function sessionMethods(db: SqlDatabase): Pick<WorkbenchStore, 'insertSession' | 'findSession' | 'deleteSession' | 'purgeSessions'> {
  return {
    async insertSession(s) {
      await db.run('INSERT INTO sessions (id_sha256, key_id, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)', [s.idSha256, s.keyId, s.csrfToken, s.createdAt, s.expiresAt]);
    },
    async findSession(idSha256) {
      const r = await db.first<SessionRow>('SELECT * FROM sessions WHERE id_sha256 = ?', [idSha256]);
      return r ? toSession(r) : undefined;
    },
    async deleteSession(idSha256) {
      await db.run('DELETE FROM sessions WHERE id_sha256 = ?', [idSha256]);
    },
    async purgeSessions(now) {
      await db.run('DELETE FROM sessions WHERE expires_at <= ?', [now]);
    },
  };
}

export function sqlWorkbenchStore(db: SqlDatabase): WorkbenchStore {
  const draft = async (id: string) => {
    const r = await db.first<DraftRow>('SELECT * FROM drafts WHERE id = ?', [id]);
    return r ? toDraft(r) : undefined;
  };
  return {
    async insertProject(p) {
      await db.run('INSERT INTO projects (id, org, title, data, revision, created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [p.id, p.org, p.title, JSON.stringify(p.data), p.revision, p.createdAt, p.updatedAt, p.updatedBy]);
    },
    async getProject(id) {
      const r = await db.first<ProjectRow>('SELECT * FROM projects WHERE id = ?', [id]);
      return r ? toProject(r) : undefined;
    },
    async listProjects(org) {
      const rows = org === null ? await db.all<ProjectRow>('SELECT * FROM projects ORDER BY updated_at DESC, id', []) : await db.all<ProjectRow>('SELECT * FROM projects WHERE org = ? ORDER BY updated_at DESC, id', [org]);
      return rows.map(toProject);
    },
    async updateProject(id, baseRevision, change) {
      const { changes } = await db.run('UPDATE projects SET data = ?, title = ?, revision = revision + 1, updated_at = ?, updated_by = ? WHERE id = ? AND revision = ?', [JSON.stringify(change.data), change.title, change.at, change.by, id, baseRevision]);
      const r = await db.first<ProjectRow>('SELECT * FROM projects WHERE id = ?', [id]);
      return { ok: changes === 1, project: r ? toProject(r) : undefined };
    },
    async insertDraft(d) {
      const data = JSON.stringify(d.data);
      await db.batch([
        stmt('INSERT INTO drafts (id, project_id, filing_id, title, data, revision, status, save_token, created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)', d.id, d.projectId, d.filingId, d.title, data, d.revision, d.status, token(), d.createdAt, d.updatedAt, d.updatedBy),
        stmt("INSERT INTO draft_revisions (draft_id, revision, based_on, kind, data, saved_at, saved_by) VALUES (?, ?, NULL, 'create', ?, ?, ?)", d.id, d.revision, data, d.createdAt, d.updatedBy),
      ]);
    },
    getDraft: draft,
    async listDrafts(projectId) {
      return (await db.all<DraftRow>('SELECT * FROM drafts WHERE project_id = ? ORDER BY created_at, id', [projectId])).map(toDraft);
    },
    async saveDraft(id, baseRevision, save): Promise<SaveOutcome> {
      const mine = token();
      const data = JSON.stringify(save.data);
      const last = await db.first<RevisionRow>('SELECT * FROM draft_revisions WHERE draft_id = ? ORDER BY seq DESC LIMIT 1', [id]);
      // An autosave burst of one person is one history entry: the entry it follows is replaced, not added to.
      const coalesce = save.kind === 'autosave' && last?.kind === 'autosave' && last.saved_by === save.by && save.coalesceAfter !== undefined && last.saved_at >= save.coalesceAfter && last.revision === baseRevision;
      const history = coalesce
        ? stmt('UPDATE draft_revisions SET revision = ?, data = ?, saved_at = ? WHERE seq = ? AND EXISTS (SELECT 1 FROM drafts WHERE id = ? AND save_token = ?)', baseRevision + 1, data, save.at, last!.seq, id, mine)
        : stmt('INSERT INTO draft_revisions (draft_id, revision, based_on, kind, data, saved_at, saved_by) SELECT id, revision, ?, ?, data, updated_at, updated_by FROM drafts WHERE id = ? AND save_token = ?', baseRevision, save.kind, id, mine);
      const [update] = await db.batch([
        stmt("UPDATE drafts SET data = ?, revision = revision + 1, save_token = ?, updated_at = ?, updated_by = ? WHERE id = ? AND revision = ? AND status = 'open'", data, mine, save.at, save.by, id, baseRevision),
        history,
      ]);
      const current = await draft(id);
      if (!current) throw new Error(`draft ${id} vanished`);
      if (update!.changes === 1) return { ok: true, draft: current };
      // Nothing typed is lost: the refused version stays in the history beside the one that won.
      await db.run("INSERT INTO draft_revisions (draft_id, revision, based_on, kind, data, saved_at, saved_by) VALUES (?, NULL, ?, 'conflict', ?, ?, ?)", [id, baseRevision, data, save.at, save.by]);
      const seq = await db.first<{ seq: number }>('SELECT max(seq) AS seq FROM draft_revisions WHERE draft_id = ?', [id]);
      return { ok: false, current, conflictSeq: Number(seq?.seq ?? 0) };
    },
    async setDraftStatus(id, status, at) {
      await db.run('UPDATE drafts SET status = ?, updated_at = ? WHERE id = ?', [status, at, id]);
    },
    async listRevisions(draftId) {
      return (await db.all<RevisionRow>('SELECT * FROM draft_revisions WHERE draft_id = ? ORDER BY seq DESC', [draftId])).map(toRevision);
    },
    async getRevision(draftId, seq) {
      const r = await db.first<RevisionRow>('SELECT * FROM draft_revisions WHERE draft_id = ? AND seq = ?', [draftId, seq]);
      return r ? toRevision(r) : undefined;
    },
    async insertFinal(f) {
      await db.batch([
        stmt('INSERT INTO draft_finals (id, draft_id, project_id, filing_id, revision, locale, input, input_sha256, template_version, documents, generated_at, key_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)', f.id, f.draftId, f.projectId, f.filingId, f.revision, f.locale, JSON.stringify(f.input), f.inputSha256, f.templateVersion, JSON.stringify(f.documents), f.generatedAt, f.keyId),
        stmt("UPDATE drafts SET status = 'final', updated_at = ? WHERE id = ?", f.generatedAt, f.draftId),
      ]);
    },
    async listFinals(draftId) {
      return (await db.all<FinalRow>('SELECT * FROM draft_finals WHERE draft_id = ? ORDER BY generated_at DESC, id', [draftId])).map(toFinal);
    },
    ...sessionMethods(db),
  };
}
