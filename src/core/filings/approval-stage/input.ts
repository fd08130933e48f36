// What the rules shared by the 项目建议书 and the 可行性研究报告 read: either input, told apart by the filing id, and the
// 信息共享目录 of either, whose entries sit at different paths with differently named fields.
import type { RuleContext } from '../../compliance/rule.ts';
import { art, item, type Citation } from '../../regulations/documents.ts';
import type { LText } from '../schema-parts.ts';
import { zhOf } from '../prose/bilingual.ts';
import type { ProjectProposalInput } from '../project-proposal/schema.ts';
import type { FeasibilityStudyInput } from '../feasibility-study/schema.ts';

/** The input of either approval-stage report. */
export type ApprovalStageInput = ProjectProposalInput | FeasibilityStudyInput;

export const gbf = (n: number): Citation => ({ doc: 'gbf-2019-57', article: art(n) });
export const district = (n: number): Citation => ({ doc: 'district-measure', article: art(n) });
export const opinion2013 = (zh: string, en: string): Citation => ({ doc: 'fgg-2013-266', article: item(zh, en) });

/** The filing's own date: the proposal's or the 可研 report's. */
export const filingDate = (i: ApprovalStageInput, ctx: RuleContext): string => (isProposal(i, ctx) ? i.proposal.date : i.report.date);

export const isProposal = (i: ApprovalStageInput, ctx: RuleContext): i is ProjectProposalInput => ctx.filingId === 'project-proposal';
export const filled = (t: LText | undefined): boolean => zhOf(t).trim() !== '';
export const some = (xs: readonly unknown[] | undefined): boolean => !!xs && xs.length > 0;

/** The catalogue entry fields the rules read, with the key each filing uses for them. */
export interface Entry {
  path: string;
  name: string;
  items: readonly unknown[] | undefined;
  format: unknown;
  technicalInterface: LText | undefined;
  processingMethod: LText | undefined;
  traceability: LText | undefined;
  shareType: string | undefined;
  shareCondition: LText | undefined;
  basis: LText | undefined;
  basisKey: 'refusalBasis' | 'shareBasis';
  source: LText | undefined;
  updateCycle: unknown;
  open: { key: 'openness' | 'openAttr'; value: { open: boolean; condition: LText | undefined } | undefined };
  consumers: readonly LText[];
  responsibleDepartment: LText | undefined;
  registration: { catalogueCode: string; date: string; system: LText } | undefined;
  /** When the resource is (or is to be) published: the 可研 gives it, the proposal does not. */
  publishDate: string | undefined;
}

/** The 信息共享目录 of either filing: the proposal's /requirements/sharing/catalogue or the 可研's /sharingChapter/catalogue. */
export function catalogue(i: ApprovalStageInput, ctx: RuleContext): { path: string; entries: Entry[] } {
  if (isProposal(i, ctx)) {
    const base = '/requirements/sharing/catalogue';
    return {
      path: base,
      entries: (i.requirements?.sharing?.catalogue ?? []).map((e, n) => ({
        path: `${base}/${n}`,
        name: zhOf(e.name),
        items: e.items,
        format: e.format,
        technicalInterface: e.technicalInterface,
        processingMethod: e.processingMethod,
        traceability: e.traceability,
        shareType: e.shareType,
        shareCondition: e.shareCondition,
        basis: e.refusalBasis,
        basisKey: 'refusalBasis',
        source: e.source,
        updateCycle: e.updateCycle,
        open: { key: 'openness', value: e.openness ? { open: e.openness.open, condition: e.openness.condition } : undefined },
        consumers: e.consumers ?? [],
        responsibleDepartment: e.responsibleDepartment,
        registration: e.registration,
        publishDate: undefined,
      })),
    };
  }
  const base = '/sharingChapter/catalogue';
  return {
    path: base,
    entries: (i.sharingChapter?.catalogue ?? []).map((e, n) => ({
      path: `${base}/${n}`,
      name: zhOf(e.name),
      items: e.items,
      format: e.format,
      technicalInterface: e.technicalInterface,
      processingMethod: e.processingMethod,
      traceability: e.traceability,
      // The 可研 spells 不予共享 `not-shared`; the rules speak of the three 51号 types.
      shareType: e.shareType === 'not-shared' ? 'none' : e.shareType,
      shareCondition: e.shareCondition,
      basis: e.shareBasis,
      basisKey: 'shareBasis',
      source: e.source,
      updateCycle: e.updateCycle,
      open: { key: 'openAttr', value: e.openAttr ? { open: e.openAttr.openToPublic, condition: e.openAttr.condition } : undefined },
      consumers: e.consumers ?? [],
      responsibleDepartment: e.responsibleDepartment,
      registration: e.registration,
      publishDate: e.publishDate,
    })),
  };
}
