// The annual report's 试运行效果和存在问题, 绩效指标完成情况 and 使用单位和监理单位意见 (57号 Art. 20).
import type { ContentBuilders } from '../../filing.ts';
import type { Block } from '../../blocks.ts';
import type { ContentContext } from '../../content-context.ts';
import type { AnnualReport, PerformanceEvaluationInput } from '../schema.ts';
import { joinTexts, paren } from '../../prose/punctuation.ts';
import { annual } from './shared.ts';
import { annualVars } from './vars.ts';
import { DASH, value } from '../../prose/numbers.ts';
import { labelCol } from '../../prose/tables.ts';

// The unit (and date) lead the opinion as a plain paragraph: a bold minor heading would make Chromium synthesise bold CJK glyphs.
function opinionBlocks(c: ContentContext, o: AnnualReport['supervisorOpinion']): Block[] {
  return [c.p(`${c.text(o.unit)}${o.date ? paren(c, c.date(o.date)) : ''}${c.lang === 'en' ? ':' : '：'}`), ...c.paras(o.opinion)];
}

export const annualOperation: ContentBuilders<PerformanceEvaluationInput> = {
  trial_operation_effects: annual((i, c) => {
    const trial = i.trialOperation;
    if (!trial.inOperation) return [];
    return [...c.sentence('trialStart', (l) => ({ systems: joinTexts(l, trial.systems), date: l.date(trial.startDate) })), ...c.paras(trial.effects)];
  }),
  trial_operation_problems: annual((i, c) => (i.trialOperation.inOperation ? c.list(i.trialOperation.problems) : [])),
  indicator_completion: annual((i, c) => [
    ...c.sentence('indicatorSummary', (l) => annualVars(i, l)),
    c.table(
      [labelCol(c, 'no', 1, 'center'), labelCol(c, 'indicator', 4.2), labelCol(c, 'unitShort', 2, 'center'), labelCol(c, 'targetValue', 2.2, 'right'), labelCol(c, 'actualValue', 2.2, 'right'), labelCol(c, 'status', 2.8, 'center'), labelCol(c, 'deviationReason', 5.5)],
      i.indicators.map((r, n) => [
        String(n + 1),
        c.text(r.indicator),
        r.unit ? c.text(r.unit) : DASH,
        value(c, r.target),
        r.actual === undefined ? DASH : value(c, r.actual),
        c.label(`indicator_${r.status}`),
        r.deviationReason ? c.text(r.deviationReason) : DASH,
      ]),
    ),
  ]),
  user_unit_opinions: annual((i, c) => [...c.sentence('userOpinionsLead', () => ({ count: i.userUnitOpinions.length })), ...i.userUnitOpinions.flatMap((o) => opinionBlocks(c, o))]),
  supervisor_opinion: annual((i, c) => opinionBlocks(c, i.supervisorOpinion)),
};
