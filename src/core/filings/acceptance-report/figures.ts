// Figures derived from an acceptance-report input: deadlines, investment execution, changes and materials.
// The content renders them and the compliance rules (regulations.md §7.3, A1–A14) check them, so both agree.
import { sumWan } from '../../format/format.ts';
import { workingDaysBetween as officialWorkingDaysBetween } from '../../deadlines/working-days.ts';
import { monthPeriodEnd, type PeriodEnd } from '../../deadlines/periods.ts';
import { profileData, type JurisdictionProfileData } from '../../regulations/profiles.ts';
import { ratio } from '../prose/numbers.ts';
import { enOrZh, sameName, zhOf } from '../prose/bilingual.ts';
import type { LText } from '../schema-parts.ts';
import type { AcceptanceReportInput } from './schema.ts';

/**
 * Working days after `from` up to and including `to`, on the official calendar (public holidays and 调休 working days);
 * negative when `to` is before `from`. Years the calendar data does not cover count Monday–Friday (the compliance
 * rules warn about those).
 */
export function workingDaysBetween(from: string, to: string): number {
  return to < from ? -officialWorkingDaysBetween(to, from).days : officialWorkingDaysBetween(from, to).days;
}

/** The semantics of the input's jurisdiction profile (deadlines, what they measure, the 备案, the change route). */
export function measureOf(i: AcceptanceReportInput): JurisdictionProfileData {
  return profileData(i.project.jurisdiction.profile);
}

/** The five materials 57号 Art. 25 requires with the acceptance application (the security report depends on the scheme). */
const ART25_BASE_KINDS = ['construction-summary', 'financial-report', 'audit-report'] as const;

function requiredMaterialKinds(i: AcceptanceReportInput): string[] {
  const protection = i.project.securityLevel.scheme === 'classified' ? 'classified-assessment' : 'mlps-assessment';
  return [...ART25_BASE_KINDS, protection, 'crypto-assessment'];
}

export function missingMaterialKinds(i: AcceptanceReportInput): string[] {
  const present = new Set(i.attachments.map((a) => a.kind));
  return requiredMaterialKinds(i).filter((k) => !present.has(k as never));
}

type Attachment = AcceptanceReportInput['attachments'][number];

/**
 * Materials a third party issues (the auditor, the assessment and testing bodies, the supervisor): their numbers are
 * the issuer's report numbers, shown as given, not 文号 of official documents (GB/T 9704 governs only those).
 */
const THIRD_PARTY_KINDS: readonly string[] = ['audit-report', 'mlps-assessment', 'classified-assessment', 'crypto-assessment', 'risk-assessment', 'test-report', 'supervision-report'];
/** Materials the construction unit draws up itself. */
const UNIT_KINDS: readonly string[] = ['construction-summary', 'financial-report', 'preliminary-acceptance', 'contract-acceptance', 'trial-operation-report'];

export const isThirdParty = (a: Pick<Attachment, 'kind'>): boolean => THIRD_PARTY_KINDS.includes(a.kind);

/** The body the rest of the input names for an attachment: the auditor of the final accounts, the assessment bodies, the supervisor… */
export function namedIssuer(i: AcceptanceReportInput, a: Attachment): LText | undefined {
  switch (a.kind) {
    case 'audit-report':
      return i.investment.finalAccounts.auditor;
    case 'mlps-assessment':
    case 'classified-assessment':
      return i.security.protectionAssessment.org;
    case 'crypto-assessment':
      return i.crypto.org;
    case 'risk-assessment':
      return i.security.riskAssessment.org;
    case 'supervision-report':
      return i.supervision.supervisor;
    case 'test-report':
      return a.docNo === undefined ? undefined : i.tests.find((t) => t.reportNo !== undefined && sameNumber(t.reportNo, a.docNo!))?.org;
    case 'archives-acceptance':
      return i.archives.organiser;
    case 'classified-approval':
      return i.security.classifiedApproval?.authority;
    default:
      return undefined;
  }
}

/** The report number the rest of the input gives for an attachment (the audit report, the assessments). */
function namedNumber(i: AcceptanceReportInput, a: Attachment): LText | undefined {
  switch (a.kind) {
    case 'audit-report':
      return i.investment.finalAccounts.reportNo;
    case 'mlps-assessment':
    case 'classified-assessment':
      return i.security.protectionAssessment.reportNo;
    case 'crypto-assessment':
      return i.crypto.reportNo;
    case 'risk-assessment':
      return i.security.riskAssessment.reportNo;
    default:
      return undefined;
  }
}

function sameNumber(a: LText, b: LText): boolean {
  const norm = (t: LText) => (typeof t === 'string' ? t : t.zh).replace(/\s+/g, '');
  return norm(a) === norm(b);
}

/**
 * Who issued an attachment, as the report states it: the issuer given with it, else the body the input names for its
 * kind, else the construction unit for what it draws up itself; undefined when nobody is known (never the construction
 * unit by default for a third party's report).
 */
export function issuerOf(i: AcceptanceReportInput, a: Attachment): LText | undefined {
  return a.issuer ?? namedIssuer(i, a) ?? (UNIT_KINDS.includes(a.kind) ? i.project.constructionUnit.name : undefined);
}

/** The attachment's number: the one given with it, else the one the input gives for the report elsewhere. */
export function numberOf(i: AcceptanceReportInput, a: Attachment): LText | undefined {
  return a.docNo ?? namedNumber(i, a);
}

/**
 * The body the acceptance report is filed with (备案) under the profile: the approving department, or the named office
 * (the approving department itself when its name is the office's); `matches` tells whether a recipient is that body.
 */
export function reportFilingBody(i: AcceptanceReportInput): { zh: string; en: string; matches: (recipient: LText) => boolean } {
  const dept = i.project.approvingDepartment;
  const filing = measureOf(i).acceptance.reportFiling;
  if (filing.body === 'approving-department') return { zh: zhOf(dept), en: enOrZh(dept), matches: (r) => sameName(r, dept) };
  const { office } = filing;
  const concrete = zhOf(dept).includes(office.zh);
  return { zh: concrete ? zhOf(dept) : office.zh, en: concrete ? enOrZh(dept) : office.en, matches: (r) => zhOf(r).includes(office.zh) };
}

export interface AcceptanceFigures {
  /** Approved 概算 (project.totalInvestment), 万元. */
  approved: number;
  /** Actual investment (sum of investment.byItem[].actual), 万元. */
  actual: number;
  /** approved − actual when positive, else 0. */
  savings: number;
  /** actual − approved when positive, else 0. */
  overrun: number;
  /** actual / approved, %; null when nothing was approved. */
  executionRate: number | null;
  selfManagedChanges: number;
  /** Self-managed adjustments / approved, %; null when nothing was approved. */
  selfManagedRatio: number | null;
  changesTotal: number;
  windowMonths: number;
  /** What the window limits: the application (57号 Art. 25) or the organised acceptance (district Art. 19). */
  deadlineAct: 'application' | 'organised';
  /** The date of that act: the application date, or the date of the acceptance meeting. */
  actDate: string;
  /** Completion date + 6 months (national) / 3 months (district), moved to the next working day past a holiday. */
  deadline: PeriodEnd;
  /** The deadline that applies: the extended one when an extension was approved. */
  effectiveDeadline: string;
  /** The act took place by the deadline that applies. */
  inTime: boolean;
}

const MEMO = new WeakMap<AcceptanceReportInput, AcceptanceFigures>();

/** The figures of one input (computed once: the section conditions, the content and the rules all read them). */
export function acceptanceFigures(i: AcceptanceReportInput): AcceptanceFigures {
  let f = MEMO.get(i);
  if (!f) MEMO.set(i, (f = computeFigures(i)));
  return f;
}

function computeFigures(i: AcceptanceReportInput): AcceptanceFigures {
  const approved = i.project.totalInvestment;
  const actual = sumWan(i.investment.byItem.map((r) => r.actual));
  const diff = sumWan([approved, -actual]);
  const selfManaged = sumWan(i.changes.filter((c) => c.handling === 'self-managed').map((c) => c.amount));
  const { windowMonths, deadlineAct } = measureOf(i).acceptance;
  const deadline = monthPeriodEnd(i.construction.completionDate, windowMonths);
  const ext = i.acceptance.extension?.newDeadline;
  const effectiveDeadline = ext && ext > deadline.end ? ext : deadline.end;
  const actDate = deadlineAct === 'organised' ? i.acceptance.meetingDate : i.acceptance.applicationDate;
  return {
    approved,
    actual,
    savings: diff > 0 ? diff : 0,
    overrun: diff < 0 ? -diff : 0,
    executionRate: ratio(actual, approved),
    selfManagedChanges: selfManaged,
    selfManagedRatio: ratio(selfManaged, approved),
    changesTotal: sumWan(i.changes.map((c) => c.amount)),
    windowMonths,
    deadlineAct,
    actDate,
    deadline,
    effectiveDeadline,
    inTime: actDate <= effectiveDeadline,
  };
}
