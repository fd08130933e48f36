// Figures derived from a performance-evaluation input (grades, windows, ratios, milestone status), shared by the content and the K rules.
import { addMonths } from '../../format/dates.ts';
import { toCents } from '../../format/format.ts';
import { monthPeriodEnd, type PeriodEnd } from '../../deadlines/periods.ts';
import { GRADES, type SelfEvaluation } from './schema.ts';
import { profileData } from '../../regulations/profiles.ts';
import { level1Class, MOF_2020_10, type Level1Class } from '../../regulations/mof-2020-10.ts';
import { zhOf } from '../prose/bilingual.ts';
import type { JurisdictionProfile } from '../filing.ts';

export type Grade = (typeof GRADES)[number];

/** 优 ≥ 90, 良 80–<90, 中 60–<80, 差 < 60 (财预〔2020〕10号 as usually read: regulations/mof-2020-10.ts). */
export function gradeFor(score: number): Grade {
  const g = MOF_2020_10.grades;
  if (score >= g.excellent) return 'excellent';
  if (score >= g.good) return 'good';
  if (score >= g.fair) return 'fair';
  return 'poor';
}

/**
 * A total of scoring-table points. Points are not money and may carry more than two decimals, so they are added as
 * given and the total rounded to hundredths (amounts in 万元 are added exactly with format.sumWan).
 */
export const sumPoints = (values: readonly number[]): number => toCents(values.reduce((a, b) => a + b, 0)) / 100;

/**
 * 验收投产, from which 57号 Art. 27 (and district Art. 20) count the self-evaluation window: acceptance *and* entry into
 * operation, so the later of the two dates.
 */
export function acceptedInOperation(i: Pick<SelfEvaluation, 'acceptanceDate' | 'operationStartDate'>): string {
  return i.operationStartDate > i.acceptanceDate ? i.operationStartDate : i.acceptanceDate;
}

/**
 * 12–24 months after 验收投产 (57号 Art. 27; district measure Art. 20): the window opens on the corresponding day 12
 * months on and closes at the end of the 24-month period, moved to the next working day past a holiday
 * (deadlines/periods.ts).
 */
export function selfEvaluationWindow(base: string, profile: JurisdictionProfile = 'national'): { from: string; to: string; close: PeriodEnd } {
  const [from, to] = profileData(profile).selfEvaluation.windowMonths;
  const close = monthPeriodEnd(base, to);
  return { from: addMonths(base, from), to: close.end, close };
}

export type MilestoneStatus = 'on-time' | 'late' | 'overdue' | 'pending';

/** Reached on time / reached late / not reached and overdue at the report date / not yet due. */
export function milestoneStatus(m: { planned: string; actual?: string | undefined }, reportDate: string): MilestoneStatus {
  if (m.actual) return m.actual <= m.planned ? 'on-time' : 'late';
  return m.planned < reportDate ? 'overdue' : 'pending';
}

/** How a 10号 scoring table's level-1 weights compare with the defaults of its evaluation mode (as usually read). */
export interface WeightsCheck {
  /** `unit`: 单位自评 (预算执行率 / 产出 / 效益 / 满意度); `common`: the 决策 / 过程 / 产出 / 效益 framework. */
  mode: 'unit' | 'common';
  /** Points per level-1 class, in the order first met. */
  actual: Array<{ cls: Level1Class | undefined; name: string; weight: number }>;
  /** True when the weights follow the defaults of the mode. */
  conforms: boolean;
  /** The defaults the table was held against, by class: points, or (common mode) the least share of 产出 + 效益. */
  expected: Partial<Record<Level1Class, number>> | { outputAndBenefitAtLeast: number };
}

/** The level-1 weights of a self-evaluation scoring table held against the 10号 defaults of its evaluation mode. */
export function weightsCheck(i: Pick<SelfEvaluation, 'indicatorTree'>): WeightsCheck {
  const actual: WeightsCheck['actual'] = [];
  for (const r of i.indicatorTree) {
    const name = zhOf(r.level1);
    const row = actual.find((a) => a.name === name) ?? actual[actual.push({ cls: level1Class(name), name, weight: 0 }) - 1]!;
    row.weight = sumPoints([row.weight, r.weight]);
  }
  const classes = new Set(actual.map((a) => a.cls));
  const points = (c: Level1Class) => sumPoints(actual.filter((a) => a.cls === c).map((a) => a.weight));
  if (classes.has('decision') || classes.has('process')) {
    const cf = MOF_2020_10.commonFramework;
    const known = actual.every((a) => a.cls !== undefined && (cf.level1 as readonly string[]).includes(a.cls));
    const conforms = known && points('output') + points('benefit') >= cf.outputAndBenefitAtLeast - 1e-9;
    return { mode: 'common', actual, conforms, expected: { outputAndBenefitAtLeast: cf.outputAndBenefitAtLeast } };
  }
  const u = MOF_2020_10.unitSelfEvaluation;
  const expected = classes.has('satisfaction') ? u.weights : u.withoutSatisfaction;
  const wanted = Object.entries(expected) as Array<[Level1Class, number]>;
  const conforms = actual.every((a) => a.cls !== undefined && a.cls in expected) && wanted.every(([c, w]) => Math.abs(points(c) - w) < 1e-9);
  return { mode: 'unit', actual, conforms, expected };
}
