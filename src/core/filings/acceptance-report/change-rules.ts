// A6: the changes of content and investment, by the route the profile's measure allows — 57号 Art. 23 lets the unit
// adjust within 15 % of the 概算 for three reasons and file it; the district measure (Art. 16) has no such route.
import { formatNumber2, sumWan, toCents } from '../../format/format.ts';
import { art } from '../../regulations/documents.ts';
import { citeMeasure, type JurisdictionProfileData } from '../../regulations/profiles.ts';
import { defineRule, type Rule, type Violation } from '../../compliance/rule.ts';
import { enOrZh, zhOf } from '../prose/bilingual.ts';
import type { AcceptanceReportInput } from './schema.ts';

type I = AcceptanceReportInput;
type Change = I['changes'][number];

const percent1 = (v: number): string => (Math.round(v * 10) / 10).toFixed(1);
const problem = (zh: string, en: string) => ({ problem: zh, problemEn: en });

/** Each change on its own: its reference, and whether the route it took exists under the measure. */
function changeProblems(c: Change, n: number, p: JurisdictionProfileData): Violation[] {
  const out: Violation[] = [];
  const name = zhOf(c.description);
  const nameEn = enOrZh(c.description);
  const self = p.adjustments.selfManaged;
  const cite = [citeMeasure(p, p.adjustments.article)];
  // Nationally a change without money may be recorded without a document; where every change is applied for in
  // advance, every change names the approval.
  if (!c.reference && (toCents(c.amount) > 0 || !self)) {
    out.push({
      path: `/changes/${n}/reference`,
      vars: problem(`“${name}”涉及资金调整${formatNumber2(c.amount)}万元，未注明批复或备案文件。`, `"${nameEn}" adjusts CNY ${formatNumber2(c.amount)} (10k) of funds but names no approval or filing.`),
      citations: cite,
    });
  }
  if (c.handling !== 'self-managed') return out;
  if (!self) {
    out.push({
      path: `/changes/${n}/handling`,
      vars: problem(
        `“${name}”由建设单位自行调整，但本项目适用的办法不设自行调整的途径，建设目标、主要建设内容、预算等调整应事先提出调整申请，重新履行审核手续。`,
        `"${nameEn}" was adjusted by the unit itself, but the measure that applies has no self-managed route: changes of goals, main content or budget are applied for in advance and reviewed again.`,
      ),
      citations: cite,
    });
  } else if (!(self.reasons as readonly string[]).includes(c.reason)) {
    out.push({
      path: `/changes/${n}/reason`,
      vars: problem(
        `“${name}”由建设单位自行调整，但不属于党中央国务院部署要求、原技术方案优化、批复框架内的业务需求三种情形之一，应报审批部门批准。`,
        `"${nameEn}" was adjusted by the unit itself for none of the three allowed reasons (a central deployment, optimisation of the technical scheme, business needs within the approved framework); it needs the approving department's approval.`,
      ),
      citations: cite,
    });
  }
  return out;
}

/** The totals: self-managed changes within the measure's share of the 概算, all changes within the 概算. */
function totalProblems(i: I, p: JurisdictionProfileData): Violation[] {
  const out: Violation[] = [];
  const approved = toCents(i.project.totalInvestment);
  const self = toCents(sumWan(i.changes.filter((c) => c.handling === 'self-managed').map((c) => c.amount)));
  const limit = p.adjustments.selfManaged?.limitPercent;
  if (limit !== undefined && self * 100 > limit * approved) {
    const cap = formatNumber2((approved * limit) / 10_000);
    const ratio = percent1((self / approved) * 100);
    out.push({
      path: '/changes',
      vars: problem(
        `自行调整的资金合计${formatNumber2(self / 100)}万元，占批复概算的${ratio}%，超过${limit}%（${cap}万元），应报审批部门批准。`,
        `self-managed adjustments total CNY ${formatNumber2(self / 100)} (10k), ${ratio}% of the approved budget estimate, above ${limit}% (${cap}); they need the approving department's approval.`,
      ),
      citations: [citeMeasure(p, p.adjustments.article)],
    });
  }
  const total = toCents(sumWan(i.changes.map((c) => c.amount)));
  if (total > approved) {
    out.push({
      path: '/changes',
      vars: problem(
        `调整资金合计${formatNumber2(total / 100)}万元，超过批复概算${formatNumber2(approved / 100)}万元。`,
        `the adjusted funds total CNY ${formatNumber2(total / 100)} (10k), more than the approved budget estimate of ${formatNumber2(approved / 100)}.`,
      ),
    });
  }
  return out;
}

export const CHANGE_RULE: Rule<I> = defineRule<I>({
  id: 'A6',
  group: 'A',
  severity: 'error',
  citations: [{ doc: 'gbf-2019-57', article: art(23) }, { doc: 'district-measure', article: art(16) }],
  message: {
    zh: '调整变更不合规定：{problem}',
    en: 'The changes do not follow the rules: {problemEn}',
  },
  note: {
    zh: '区级办法第十六条要求建设目标、建设地点、项目预算、主要建设内容和建设进度等重大变更事先提出调整申请；报告所列的每一项调整变更均按此类变更对待，须有事先批复，不适用57号第二十三条自行调整并备案的途径。',
    en: "The district measure's Art. 16 requires major changes (goals, site, budget, main content, schedule) to be applied for in advance; every change the report lists is read as such a change, needing a prior approval, and 57号 Art. 23's self-managed route (adjust and file) does not apply.",
  },
  paths: ['/changes', '/changes/*/reference', '/changes/*/reason', '/changes/*/handling'],
  check: (i, ctx) => [...i.changes.flatMap((c, n) => changeProblems(c, n, ctx.jurisdiction)), ...totalProblems(i, ctx.jurisdiction)],
});
