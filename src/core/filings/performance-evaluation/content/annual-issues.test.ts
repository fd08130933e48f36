// The annual report's issues (with serious delays and losses when flagged), next year's plan and its recipients.
import { describe, expect, it } from 'vitest';
import { build, paragraphs, sample } from '../../../../../test/support/chapter.ts';
import { PerformanceEvaluationInput } from '../schema.ts';
import { annualIssues } from './annual-issues.ts';

const F = 'performance-evaluation';
const annual = sample(F, PerformanceEvaluationInput, 'national-annual-emergency-platform');

describe('annual issues', () => {
  it('pairs each problem with its measure', () => {
    const p = paragraphs(build(F, annualIssues, 'issues_rectification', annual));
    expect(p[0]).toMatch(/^1\. 问题：/);
    expect(p[1]).toMatch(/^整改措施：/);
  });

  it('reports a serious delay and the date it was reported to the approving department', () => {
    const delayed = sample(F, PerformanceEvaluationInput, 'national-annual-emergency-platform', (r) => {
      r.seriousDelay = { description: ['进度滞后。'], reportedOn: '2025-10-09', measures: ['加派力量。'] };
    });
    expect(paragraphs(build(F, annualIssues, 'serious_delay', delayed))).toEqual(['进度滞后。', expect.stringContaining('2025年10月9日'), '加派力量。']);
  });

  it('states next year\'s requested investment, and sends the report to its recipients', () => {
    expect(paragraphs(build(F, annualIssues, 'next_year_plan', annual)).at(-1)).toBe('2026年度拟申请安排项目投资6,653.58万元。');
    expect(paragraphs(build(F, annualIssues, 'annual_submission', annual))).toEqual(['本报告报送：国家发展和改革委员会、财政部。', '联系人：孙晓峰；联系电话：010-83933126。']);
  });
});
