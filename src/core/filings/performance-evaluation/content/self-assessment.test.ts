// The self-evaluation's assessment chapters: the rows of each aspect with subtotals, sharing, satisfaction, O&M spend.
import { describe, expect, it } from 'vitest';
import { build, fact, paragraphs, sample, tableOf } from '../../../../../test/support/chapter.ts';
import { PerformanceEvaluationInput } from '../schema.ts';
import { selfAssessment } from './self-assessment.ts';

const F = 'performance-evaluation';
const selfEval = sample(F, PerformanceEvaluationInput, 'national-self-evaluation-traceability');

describe('self-evaluation assessment', () => {
  it('tables the rows of an aspect with their subtotal', () => {
    const t = tableOf(build(F, selfAssessment, 'se_decision_management', selfEval));
    expect(t.rows[3]).toEqual(['资金管理', '预算执行率（%）', '100', '97.65', '6', '5.86']);
    expect(t.total![0]).toBe('小计');
  });

  it('gives the share rate of the catalogued resources', () => {
    const t = tableOf(build(F, selfAssessment, 'se_information_sharing', selfEval));
    expect(fact(t, '共享率')).toMatch(/%$/);
    const none = sample(F, PerformanceEvaluationInput, 'national-self-evaluation-traceability', (r) => (r.sharingStats.resourcesCatalogued = 0));
    expect(fact(tableOf(build(F, selfAssessment, 'se_information_sharing', none)), '共享率')).toBe('—');
  });

  it('reports the survey, with the valid responses only when given', () => {
    const lead = paragraphs(build(F, selfAssessment, 'se_satisfaction', selfEval))[0];
    const without = sample(F, PerformanceEvaluationInput, 'national-self-evaluation-traceability', (r) => delete r.satisfactionSurvey.validResponses);
    expect(paragraphs(build(F, selfAssessment, 'se_satisfaction', without))[0]).not.toBe(lead);
  });

  it('totals the O&M budget and spending by year', () => {
    const t = tableOf(build(F, selfAssessment, 'se_operation_security', selfEval));
    expect(t.total![0]).toBe('合计');
    expect(t.total![3]).toMatch(/%$/);
  });
});
