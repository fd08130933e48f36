// Figures derived from an acceptance-report input: deadlines, investment execution, changes and materials.
// The content renders them and the compliance rules (regulations.md §7.3, A1–A11) check them, so both agree.
import { addMonths } from '../../format/dates.ts';
import { sumWan } from '../../format/format.ts';
import { workingDaysBetween as officialWorkingDaysBetween } from '../../deadlines/working-days.ts';
import { ratio } from '../prose/numbers.ts';
import type { AcceptanceReportInput } from './schema.ts';
import { PROFILES } from '../../regulations/profiles.ts';


/**
 * Working days after `from` up to and including `to`, on the official calendar (public holidays and 调休 working days);
 * negative when `to` is before `from`. Years the calendar data does not cover count Monday–Friday (the compliance
 * rules warn about those).
 */
export function workingDaysBetween(from: string, to: string): number {
  return to < from ? -officialWorkingDaysBetween(to, from).days : officialWorkingDaysBetween(from, to).days;
}

/** 57号 Art. 23: self-managed adjustments may total at most 15 % of the approved 概算. */
export const SELF_MANAGED_CHANGE_LIMIT_PERCENT = PROFILES.national.selfManagedAdjustmentPercent;
/** District measure Art. 26: catalogue and data collection within 10 working days of preliminary acceptance. */
export const CATALOGUE_REGISTRATION_WORKING_DAYS = PROFILES.district.catalogueRegistrationWorkingDays!;
/** District measure Art. 13: contracts filed within 5 working days of signing. */
export const CONTRACT_FILING_WORKING_DAYS = PROFILES.district.contractFilingWorkingDays!;

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
  /** Completion date + 6 months (national) / 3 months (district). */
  applicationDeadline: string;
  /** The deadline that applies: the extended one when an extension was approved. */
  effectiveDeadline: string;
  appliedInTime: boolean;
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
  const windowMonths = PROFILES[i.project.jurisdiction.profile].acceptanceWindowMonths;
  const applicationDeadline = addMonths(i.construction.completionDate, windowMonths);
  const ext = i.acceptance.extension?.newDeadline;
  const effectiveDeadline = ext && ext > applicationDeadline ? ext : applicationDeadline;
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
    applicationDeadline,
    effectiveDeadline,
    appliedInTime: i.acceptance.applicationDate <= effectiveDeadline,
  };
}
