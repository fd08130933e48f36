// Documents of a draft: the preview and downloads of the current input (草稿/DRAFT while error findings remain), the
// final generation that freezes the merged input and template version (and records the renders in the audit log),
// documents of a final re-rendered exactly as generated, and the consistency check of a project's package.
import type { DocLocale } from '../core/format/format.ts';
import { hasErrors } from '../core/compliance/index.ts';
import type { FinalRecord } from '../core/ports.ts';
import { checkConsistency, type Difference, type PackageDocument } from '../core/workbench/consistency.ts';
import { mergeDraft } from '../core/workbench/project.ts';
import type { Format } from '../render/document-job.ts';
import { getDraft, type DraftOf } from './drafts.ts';
import { getProject, type Actor, type WorkbenchDeps } from './projects.ts';
import { audited, complianceFailed, prepareFiling, renderPrepared, type AuditTrail, type RenderedFiling } from './render-filing.ts';
import type { RenderServices } from './services.ts';
import { preparedValue } from './work.ts';

export interface DocumentRequest {
  format: Format;
  locale: DocLocale;
  signal?: AbortSignal;
}

/** The latest final of a draft generated as final, if any. */
async function latestFinal(w: WorkbenchDeps, d: DraftOf): Promise<FinalRecord | undefined> {
  return d.draft.status === 'final' ? (await w.store.listFinals(d.draft.id))[0] : undefined;
}

/** The document of a final, from the input and template version it was generated with. */
function renderFinal(services: RenderServices, final: FinalRecord, req: DocumentRequest, audit?: AuditTrail): Promise<RenderedFiling> {
  return audited(audit, { filingId: final.filingId, format: req.format, locale: req.locale, draft: false }, async () => {
    const p = await prepareFiling(services, { filingId: final.filingId, input: final.input, version: final.templateVersion });
    return renderPrepared(services, p, { format: req.format, locale: req.locale, draft: false, ...(req.signal ? { signal: req.signal } : {}) });
  });
}

/** The draft's document now: a final as generated; otherwise the merged input, marked as a draft while errors remain. */
export async function renderDraftDocument(services: RenderServices, w: WorkbenchDeps, actor: Actor, ids: { projectId: string; draftId: string }, req: DocumentRequest, audit?: AuditTrail): Promise<RenderedFiling> {
  const d = await getDraft(w, actor, ids.projectId, ids.draftId);
  const final = await latestFinal(w, d);
  if (final) return renderFinal(services, final, req, audit);
  const input = mergeDraft(d.project.data, d.draft.data);
  const prepared = await prepareFiling(services, { filingId: d.draft.filingId, input });
  return audited(audit, { filingId: d.draft.filingId, format: req.format, locale: req.locale, draft: hasErrors(prepared.findings) }, () =>
    renderPrepared(services, prepared, { format: req.format, locale: req.locale, draft: hasErrors(prepared.findings), ...(req.signal ? { signal: req.signal } : {}) }),
  );
}

const FINAL_FORMATS: Format[] = ['docx', 'pdf'];

/**
 * Generates the final documents (DOCX and PDF) of a draft without error findings, each recorded in the audit log,
 * and keeps the exact merged input and template version; the draft then no longer follows the project's facts.
 */
export async function generateFinal(services: RenderServices, w: WorkbenchDeps, actor: Actor, ids: { projectId: string; draftId: string }, req: { locale: DocLocale; signal?: AbortSignal }, audit: AuditTrail): Promise<FinalRecord> {
  const d = await getDraft(w, actor, ids.projectId, ids.draftId);
  const prepared = await prepareFiling(services, { filingId: d.draft.filingId, input: mergeDraft(d.project.data, d.draft.data) });
  if (hasErrors(prepared.findings)) throw complianceFailed(prepared.findings);
  const documents: FinalRecord['documents'] = [];
  for (const format of FINAL_FORMATS) {
    const r = await audited(audit, { filingId: d.draft.filingId, format, locale: req.locale, draft: false }, () =>
      renderPrepared(services, prepared, { format, locale: req.locale, draft: false, ...(req.signal ? { signal: req.signal } : {}) }),
    );
    documents.push({ format, outputSha256: r.outputSha256, bytes: r.bytes.length });
  }
  const final: FinalRecord = {
    id: crypto.randomUUID(),
    draftId: d.draft.id,
    projectId: d.project.id,
    filingId: d.draft.filingId,
    revision: d.draft.revision,
    locale: req.locale,
    input: preparedValue(prepared),
    inputSha256: prepared.inputSha256,
    templateVersion: prepared.template.version,
    documents,
    generatedAt: w.now().toISOString(),
    keyId: audit.keyId,
  };
  await w.store.insertFinal(final);
  return final;
}

export async function listFinals(w: WorkbenchDeps, actor: Actor, ids: { projectId: string; draftId: string }): Promise<FinalRecord[]> {
  const d = await getDraft(w, actor, ids.projectId, ids.draftId);
  return w.store.listFinals(d.draft.id);
}

export interface PackageCheck {
  documents: Array<Omit<PackageDocument, 'input'>>;
  differences: Difference[];
}

/** Every document of the project (finals as generated, open drafts with today's facts) checked against each other. */
export async function checkPackage(w: WorkbenchDeps, actor: Actor, projectId: string): Promise<PackageCheck> {
  const project = await getProject(w, actor, projectId);
  const docs: PackageDocument[] = [];
  for (const draft of await w.store.listDrafts(project.id)) {
    const final = draft.status === 'final' ? (await w.store.listFinals(draft.id))[0] : undefined;
    docs.push({ draftId: draft.id, filingId: draft.filingId, final: final !== undefined, input: final ? final.input : mergeDraft(project.data, draft.data) });
  }
  return { documents: docs.map(({ input: _, ...d }) => d), differences: checkConsistency(docs) };
}
