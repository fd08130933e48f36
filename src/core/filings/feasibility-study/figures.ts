// Figures derived from a feasibility-study input: the catalogue's statistics, the construction period in months, tender
// totals and the documents filed with the report. The content renders them; the section conditions read them.
import { sumWan } from '../../format/format.ts';
import type { LText } from '../schema-parts.ts';
import { monthsSpanned } from '../prose/periods.ts';
import { zhOf } from '../prose/bilingual.ts';
import type { CatalogueEntry, FeasibilityStudyInput, TenderPackage } from './schema.ts';

type I = FeasibilityStudyInput;

export interface CatalogueStats {
  total: number;
  unconditional: number;
  conditional: number;
  notShared: number;
  open: number;
  classified: number;
  providers: number;
  items: number;
  byMode: Record<CatalogueEntry['shareMode'], number>;
}

export function catalogueStats(entries: readonly CatalogueEntry[]): CatalogueStats {
  const count = (f: (e: CatalogueEntry) => boolean) => entries.filter(f).length;
  const byMode = { api: 0, 'table-exchange': 0, file: 0, 'online-query': 0 } as CatalogueStats['byMode'];
  for (const e of entries) byMode[e.shareMode] += 1;
  return {
    total: entries.length,
    unconditional: count((e) => e.shareType === 'unconditional'),
    conditional: count((e) => e.shareType === 'conditional'),
    notShared: count((e) => e.shareType === 'not-shared'),
    open: count((e) => e.openAttr.openToPublic),
    classified: count((e) => e.securityLevel === 'classified'),
    providers: new Set(entries.map((e) => zhOf(e.provider))).size,
    items: entries.reduce((s, e) => s + e.items.length, 0),
    byMode,
  };
}

/** The months the construction period spans (a started month counts). */
export function constructionMonths(i: I): number {
  return monthsSpanned(i.overview.constructionPeriod.start, i.overview.constructionPeriod.end);
}

/** The packages tendered in one way, by count and amount. */
export function tenderShare(packages: readonly TenderPackage[], f: (x: TenderPackage) => boolean): { n: number; amount: number } {
  const hit = packages.filter(f);
  return { n: hit.length, amount: sumWan(hit.map((x) => x.amount)) };
}

export interface AttachedDocument {
  title?: LText;
  docNo?: string;
  date?: string;
}

/** The documents filed with the report, in the order of regulations.md §2.3. */
export function attachmentDocuments(i: I): Array<{ key: string; doc: AttachedDocument }> {
  const a = i.attachments;
  const out: Array<{ key: string; doc: AttachedDocument }> = [];
  const push = (key: string, doc: (typeof out)[number]['doc'] | undefined) => {
    if (doc) out.push({ key, doc });
  };
  if (i.proposalApproval) {
    const pa = i.proposalApproval;
    push('attachment.proposalApproval', { ...(pa.title ? { title: pa.title } : {}), docNo: pa.docNo, date: pa.date });
  }
  push('attachment.requirementsReport', a.requirementsReport);
  push('attachment.requirementsReview', a.requirementsReview);
  push('attachment.crossDepartmentFramework', a.crossDepartmentFramework);
  push('attachment.leadDepartmentOpinion', a.leadDepartmentOpinion);
  push('attachment.localFundingCommitment', a.localFundingCommitment);
  push('attachment.postEvaluationReport', a.postEvaluationReport);
  push('attachment.cryptoPlan', a.cryptoPlan);
  push('attachment.cryptoPlanReview', a.cryptoPlanReview);
  push('attachment.socialStabilityReport', a.socialStabilityReport);
  push('attachment.socialStabilityOpinion', a.socialStabilityOpinion);
  push('attachment.energyAssessment', a.energyAssessment);
  for (const d of a.siteLandEnvironment) push('attachment.siteLandEnvironment', d);
  push('attachment.previousContract', a.previousContract);
  push('attachment.previousPerformanceReport', a.previousPerformanceReport);
  for (const d of a.other) push('attachment.other', d);
  return out;
}

