// K: the compliance rules of the 绩效评价报告 (regulations.md §7.4): the annual in-construction report (K1–K5, K9) and the
// post-acceptance self-evaluation (K6–K9). Windows, sums and grade bands come from the filing's own helpers, so the
// rendered report and the checks agree on every figure.
import type { LText } from '../schema-parts.ts';
import { zhOf } from '../prose/bilingual.ts';
import { art, item, type Citation } from '../../regulations/documents.ts';
import { formatNumber2 } from '../../format/format.ts';
import { citeMeasure, profilesWhere } from '../../regulations/profiles.ts';
import { PERIOD_END_POLICY } from '../../deadlines/periods.ts';
import { defineRule, type Rule, type Violation } from '../../compliance/rule.ts';
import { dateVars, shiftVars } from '../../compliance/message-vars.ts';
import { acceptedInOperation, gradeFor, selfEvaluationWindow, sumPoints } from './figures.ts';
import { WEIGHTS_RULE } from './weights-rule.ts';
import type { AnnualReport, PerformanceEvaluationInput, SelfEvaluation } from './schema.ts';

type PE = PerformanceEvaluationInput;
const F = ['performance-evaluation'];

const gbf = (n: number): Citation => ({ doc: 'gbf-2019-57', article: art(n) });
const district = (n: number): Citation => ({ doc: 'district-measure', article: art(n) });
const mof: Citation = { doc: 'cy-2020-10', article: item('评价指标与评分等级', 'indicators, scores and grades') };

const annual = (i: PE): AnnualReport | undefined => (i.kind === 'annual' ? i : undefined);
const selfEval = (i: PE): SelfEvaluation | undefined => (i.kind === 'self-evaluation' ? i : undefined);
const some = (xs: readonly unknown[] | undefined): boolean => !!xs && xs.length > 0;
const has = (recipients: readonly LText[], unit: LText | undefined): boolean => unit !== undefined && recipients.some((r) => zhOf(r) === zhOf(unit));
/** Points may carry two decimals: compare within a hundredth. */
const TOLERANCE = 0.01;

const GRADE_ZH = { excellent: '优', good: '良', fair: '中', poor: '差' } as const;

export const PERFORMANCE_RULES: readonly Rule<PE>[] = [
  defineRule<PE>({
    id: 'K1',
    group: 'K',
    severity: 'error',
    citations: [gbf(20), district(14)],
    message: {
      zh: '年度绩效报告应在建设期内每年年底前报送：{problem}。',
      en: 'The annual performance report is filed before each year-end of the construction period: {problemEn}.',
    },
    paths: ['/reportDate', '/year'],
    check: (input) => {
      const i = annual(input);
      if (!i) return [];
      const out: Violation[] = [];
      if (i.reportDate > `${i.year}-12-31`) {
        out.push({ path: '/reportDate', vars: { problem: `报告日期晚于${i.year}年12月31日`, problemEn: `the report date is after 31 December ${i.year}` } });
      }
      const startYear = Number(i.approval.plannedStart.slice(0, 4));
      const endYear = Number(i.approval.plannedCompletion.slice(0, 4));
      if (i.year < startYear) {
        out.push({ path: '/year', vars: { problem: `报告年度早于开工年度${startYear}年`, problemEn: `the year is before construction starts in ${startYear}` } });
      } else if (i.year > endYear && !i.seriousDelay) {
        // After the approved period the project is only still under construction if it is late, which 57号 Art. 21
        // requires to be reported (the serious-delay block).
        out.push({ path: '/year', vars: { problem: `报告年度晚于批复建设期（${endYear}年竣工），且未报告严重逾期`, problemEn: `the year is after the approved construction period (completion in ${endYear}) and no serious delay is reported` } });
      }
      return out;
    },
  }),
  defineRule<PE>({
    id: 'K2',
    group: 'K',
    severity: 'error',
    citations: [gbf(20)],
    message: {
      zh: '年度绩效报告须有建设进度和投资计划执行情况：缺少{what}。',
      en: 'The annual report must cover construction progress and investment-plan execution: {whatEn} is missing.',
    },
    paths: ['/progress', '/milestones', '/investment', '/investment/plan'],
    enforcedBySchema: F,
    check: (input) => {
      const i = annual(input);
      if (!i) return [];
      const out: Violation[] = [];
      if (!i.progress || !some(i.progress.summary)) out.push({ path: '/progress', vars: { what: '建设进度', whatEn: 'the construction progress' } });
      if (!some(i.milestones)) out.push({ path: '/milestones', vars: { what: '里程碑完成情况', whatEn: 'the milestone record' } });
      if (!i.investment) out.push({ path: '/investment', vars: { what: '投资计划执行情况', whatEn: 'the investment-plan execution' } });
      else if (!some(i.investment.plan)) out.push({ path: '/investment/plan', vars: { what: '年度投资计划下达、到位和支出情况', whatEn: 'the issued, received and spent plan lines' } });
      return out;
    },
  }),
  defineRule<PE>({
    id: 'K3',
    group: 'K',
    severity: 'error',
    citations: [gbf(20), district(14)],
    message: {
      zh: '已投入试运行的系统须说明试运行{what}。',
      en: 'Systems in trial operation must report {whatEn} of the trial operation.',
    },
    paths: ['/trialOperation/effects', '/trialOperation/problems'],
    enforcedBySchema: F,
    check: (input) => {
      const i = annual(input);
      if (!i || !i.trialOperation.inOperation) return [];
      const t = i.trialOperation;
      return [
        ...(some(t.effects) ? [] : [{ path: '/trialOperation/effects', vars: { what: '效果', whatEn: 'the effects' } }]),
        ...(some(t.problems) ? [] : [{ path: '/trialOperation/problems', vars: { what: '存在的问题', whatEn: 'the problems' } }]),
      ];
    },
  }),
  defineRule<PE>({
    id: 'K4',
    group: 'K',
    severity: 'error',
    citations: [gbf(20)],
    message: {
      zh: '年度绩效报告须征求并载明{what}的意见。',
      en: 'The annual report must carry the opinions of {whatEn}.',
    },
    paths: ['/userUnitOpinions', '/supervisorOpinion'],
    enforcedBySchema: F,
    check: (input) => {
      const i = annual(input);
      if (!i) return [];
      return [
        ...(some(i.userUnitOpinions) ? [] : [{ path: '/userUnitOpinions', vars: { what: '项目使用单位', whatEn: 'the user units' } }]),
        ...(i.supervisorOpinion && some(i.supervisorOpinion.opinion) ? [] : [{ path: '/supervisorOpinion', vars: { what: '监理单位', whatEn: 'the supervisor' } }]),
      ];
    },
  }),
  defineRule<PE>({
    id: 'K5',
    group: 'K',
    profiles: profilesWhere((p) => p.annualReport.toFinance),
    severity: 'error',
    citations: [district(14)],
    message: {
      zh: '年度绩效报告应报送项目审批部门（综合管理办公室）和财政部门：{problem}。',
      en: 'The annual report goes to the approving department (the Integrated Management Office) and the finance department: {problemEn}.',
    },
    paths: ['/recipients', '/project/financeDepartment'],
    check: (input, ctx) => {
      const i = annual(input);
      if (!i) return [];
      const out: Violation[] = [];
      if (!has(i.recipients, i.project.approvingDepartment)) {
        out.push({ path: '/recipients', vars: { problem: `报送单位中没有${zhOf(i.project.approvingDepartment)}`, problemEn: 'the approving department is not among the recipients' } });
      }
      const finance = i.project.financeDepartment;
      if (!finance) out.push({ path: '/project/financeDepartment', vars: { problem: '未写明财政部门', problemEn: 'the finance department is not named' } });
      else if (!has(i.recipients, finance)) out.push({ path: '/recipients', vars: { problem: `报送单位中没有${zhOf(finance)}`, problemEn: 'the finance department is not among the recipients' } });
      return out.map((v) => ({ ...v, citations: [citeMeasure(ctx.jurisdiction, ctx.jurisdiction.annualReport.article)] }));
    },
  }),
  defineRule<PE>({
    id: 'K6',
    group: 'K',
    severity: 'error',
    citations: [gbf(27), district(20)],
    message: {
      zh: '自评价应在项目验收投产后{min}至{max}个月内开展（验收投产日{base}，即{from}至{to}{shift}）：{problem}。',
      en: 'The self-evaluation falls {min} to {max} months after acceptance and entry into operation ({baseEn}), i.e. from {fromEn} to {toEn}{shiftEn}: {problemEn}.',
    },
    note: {
      zh: `“验收投产”指通过验收并投入运行，以验收日期和投入运行日期中较晚者起算；期间届满按月计算，${PERIOD_END_POLICY.note.zh}。`,
      en: `"Accepted and put into operation" counts from the later of the acceptance date and the date of entry into operation; the window closes at the end of a period of months, and ${PERIOD_END_POLICY.note.en}.`,
    },
    paths: ['/evaluationDate', '/operationStartDate'],
    check: (input, ctx) => {
      const i = selfEval(input);
      if (!i) return [];
      const base = acceptedInOperation(i);
      const w = selfEvaluationWindow(base, ctx.profile);
      ctx.unknownCalendarYears('/evaluationDate', w.close.unknownYears);
      const [min, max] = ctx.jurisdiction.selfEvaluation.windowMonths;
      const vars = { min, max, ...dateVars('base', base), ...dateVars('from', w.from), ...dateVars('to', w.to), ...shiftVars(w.close) };
      const citations = [citeMeasure(ctx.jurisdiction, ctx.jurisdiction.selfEvaluation.article)];
      const out: Violation[] = [];
      const date = dateVars('d', i.evaluationDate);
      if (i.evaluationDate < w.from) out.push({ path: '/evaluationDate', vars: { ...vars, problem: `评价日期${date.d}早于期间`, problemEn: `the evaluation date ${date.dEn} is too early` }, citations });
      else if (i.evaluationDate > w.to) out.push({ path: '/evaluationDate', vars: { ...vars, problem: `评价日期${date.d}晚于期间`, problemEn: `the evaluation date ${date.dEn} is too late` }, citations });
      if (i.operationStartDate > i.evaluationDate) {
        out.push({ path: '/operationStartDate', vars: { ...vars, problem: '投入运行日期晚于评价日期', problemEn: 'operation starts after the evaluation date' }, citations });
      }
      return out;
    },
  }),
  defineRule<PE>({
    id: 'K7',
    group: 'K',
    severity: 'error',
    citations: [gbf(27), district(20)],
    message: {
      zh: '自评价报告应报送{required}：{problem}。',
      en: 'The self-evaluation report goes to {requiredEn}: {problemEn}.',
    },
    paths: ['/recipients', '/project/financeDepartment'],
    // 57号 Art. 27: approving and finance departments; the district measure (Art. 20): the Integrated Management Office.
    check: (input, ctx) => {
      const i = selfEval(input);
      if (!i) return [];
      const national = ctx.jurisdiction.selfEvaluation.toFinance;
      const req = national
        ? { required: '项目审批部门和财政部门', requiredEn: 'the approving department and the finance department' }
        : { required: '项目审批部门（综合管理办公室）', requiredEn: 'the approving department (the Integrated Management Office)' };
      const out: Violation[] = [];
      if (!has(i.recipients, i.project.approvingDepartment)) {
        out.push({ path: '/recipients', vars: { ...req, problem: `报送单位中没有${zhOf(i.project.approvingDepartment)}`, problemEn: 'the approving department is not among the recipients' } });
      }
      if (national) {
        const finance = i.project.financeDepartment;
        if (!finance) out.push({ path: '/project/financeDepartment', vars: { ...req, problem: '未写明财政部门', problemEn: 'the finance department is not named' } });
        else if (!has(i.recipients, finance)) out.push({ path: '/recipients', vars: { ...req, problem: `报送单位中没有${zhOf(finance)}`, problemEn: 'the finance department is not among the recipients' } });
      }
      return out.map((v) => ({ ...v, citations: [citeMeasure(ctx.jurisdiction, ctx.jurisdiction.selfEvaluation.article)] }));
    },
  }),
  defineRule<PE>({
    id: 'K8',
    group: 'K',
    severity: 'error',
    citations: [mof],
    message: {
      zh: '评分表：{problem}（权重合计100，得分不超过权重，优≥90、良80—90、中60—80、差<60）。',
      en: 'Scoring table: {problemEn} (weights add up to 100, no score above its weight; excellent ≥ 90, good 80–90, fair 60–80, poor < 60).',
    },
    paths: ['/indicatorTree', '/indicatorTree/*/score', '/totalScore', '/grade'],
    check: (input) => {
      const i = selfEval(input);
      if (!i) return [];
      const out: Violation[] = [];
      const weights = sumPoints(i.indicatorTree.map((r) => r.weight));
      if (Math.abs(weights - 100) > TOLERANCE) {
        out.push({ path: '/indicatorTree', vars: { problem: `指标权重合计为${formatNumber2(weights)}`, problemEn: `the weights add up to ${formatNumber2(weights)}` } });
      }
      i.indicatorTree.forEach((r, n) => {
        if (r.score > r.weight + 1e-9) {
          out.push({ path: `/indicatorTree/${n}/score`, vars: { problem: `“${zhOf(r.level3)}”得分${r.score}高于权重${r.weight}`, problemEn: `a score of ${r.score} exceeds its weight of ${r.weight}` } });
        }
      });
      const scores = sumPoints(i.indicatorTree.map((r) => r.score));
      if (Math.abs(scores - i.totalScore) > TOLERANCE) {
        out.push({ path: '/totalScore', vars: { problem: `总分${i.totalScore}不等于各项得分之和${formatNumber2(scores)}`, problemEn: `the total of ${i.totalScore} is not the sum of the scores, ${formatNumber2(scores)}` } });
      }
      const band = gradeFor(i.totalScore);
      if (band !== i.grade) {
        out.push({ path: '/grade', vars: { problem: `总分${i.totalScore}对应“${GRADE_ZH[band]}”，而非“${GRADE_ZH[i.grade]}”`, problemEn: `a total of ${i.totalScore} is graded ${band}, not ${i.grade}` } });
      }
      return out;
    },
  }),
  defineRule<PE>({
    id: 'K9',
    group: 'K',
    severity: 'warning',
    citations: [gbf(20), mof],
    message: {
      zh: '绩效指标“{indicator}”：{problem}。',
      en: 'Performance indicator "{indicator}": {problemEn}.',
    },
    paths: ['/project/performanceTargets/*', '/indicators/*/deviationReason'],
    check: (input) => {
      const out: Violation[] = [];
      const i = input;
      if (i.kind === 'annual') {
        i.project.performanceTargets.forEach((t, n) => {
          const row = i.indicators.find((r) => zhOf(r.indicator) === zhOf(t.indicator));
          if (!row) out.push({ path: `/project/performanceTargets/${n}`, vars: { indicator: zhOf(t.indicator), problem: '批复的指标未列入完成情况表', problemEn: 'the approved indicator is missing from the completion table' } });
          else if (row.actual === undefined && row.deviationReason === undefined) {
            out.push({ path: `/project/performanceTargets/${n}`, vars: { indicator: zhOf(t.indicator), problem: '未报告实际值，也未说明原因', problemEn: 'neither an actual value nor a reason is given' } });
          }
        });
        i.indicators.forEach((r, n) => {
          if ((r.status === 'behind' || r.status === 'not-met') && r.deviationReason === undefined) {
            out.push({ path: `/indicators/${n}/deviationReason`, vars: { indicator: zhOf(r.indicator), problem: '滞后或未完成的指标应说明偏差原因', problemEn: 'an indicator behind or not met needs the reason for the deviation' } });
          }
        });
        return out;
      }
      i.project.performanceTargets.forEach((t, n) => {
        if (!i.indicatorTree.some((r) => zhOf(r.level3) === zhOf(t.indicator))) {
          out.push({ path: `/project/performanceTargets/${n}`, vars: { indicator: zhOf(t.indicator), problem: '批复的指标未列入评价指标体系', problemEn: 'the approved indicator is missing from the indicator tree' } });
        }
      });
      return out;
    },
  }),
  WEIGHTS_RULE,
];
