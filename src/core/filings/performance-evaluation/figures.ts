// Figures derived from a performance-evaluation input (grades, windows, ratios, milestone status), shared by the content and the K rules.
import { addMonths } from '../../format/dates.ts';
import { toCents } from '../../format/format.ts';
import { GRADES } from './schema.ts';
import { PROFILES } from '../../regulations/profiles.ts';
import type { JurisdictionProfile } from '../filing.ts';

export type Grade = (typeof GRADES)[number];

/** 优 ≥ 90, 良 80–<90, 中 60–<80, 差 < 60 (财预〔2020〕10号). */
export function gradeFor(score: number): Grade {
  if (score >= 90) return 'excellent';
  if (score >= 80) return 'good';
  if (score >= 60) return 'fair';
  return 'poor';
}

/**
 * A total of scoring-table points. Points are not money and may carry more than two decimals, so they are added as
 * given and the total rounded to hundredths (amounts in 万元 are added exactly with format.sumWan).
 */
export const sumPoints = (values: readonly number[]): number => toCents(values.reduce((a, b) => a + b, 0)) / 100;

/** 12–24 months after acceptance (57号 Art. 27; district measure Art. 20). */
export function selfEvaluationWindow(acceptanceDate: string, profile: JurisdictionProfile = 'national'): { from: string; to: string } {
  const [from, to] = PROFILES[profile].selfEvaluationWindowMonths;
  return { from: addMonths(acceptanceDate, from), to: addMonths(acceptanceDate, to) };
}

export type MilestoneStatus = 'on-time' | 'late' | 'overdue' | 'pending';

/** Reached on time / reached late / not reached and overdue at the report date / not yet due. */
export function milestoneStatus(m: { planned: string; actual?: string | undefined }, reportDate: string): MilestoneStatus {
  if (m.actual) return m.actual <= m.planned ? 'on-time' : 'late';
  return m.planned < reportDate ? 'overdue' : 'pending';
}
