// 系统测试与试运行情况: tests passed, the trial period in days, and the risk assessment made during it.
import { describe, expect, it } from 'vitest';
import { build, paragraphs, sample } from '../../../../../test/support/chapter.ts';
import { AcceptanceReportInput } from '../schema.ts';
import { testing } from './testing.ts';

const F = 'acceptance-report';
const national = sample(F, AcceptanceReportInput, 'national-disaster-warning-platform');

describe('testing', () => {
  it('counts the tests that did not fail', () => {
    const failed = sample(F, AcceptanceReportInput, 'national-disaster-warning-platform', (r) => (r.tests[0].result = 'failed'));
    const count = national.tests.length;
    expect(paragraphs(build(F, testing, 'testing', failed))).toEqual([`项目共开展测试${count}项，其中${count - 1}项通过。`]);
  });

  it('gives the trial period with both ends counted, and the assessment made during it', () => {
    const p = paragraphs(build(F, testing, 'trial_operation', national));
    expect(p[0]).toBe('系统于2025年5月6日至2025年8月31日进行试运行，共118天。');
    expect(p.at(-1)).toMatch(/^试运行期间，.+对系统开展了安全风险评估。$/);
    const after = sample(F, AcceptanceReportInput, 'national-disaster-warning-platform', (r) => (r.security.riskAssessment.duringTrial = false));
    expect(paragraphs(build(F, testing, 'trial_operation', after)).join()).not.toContain('对系统开展了安全风险评估');
  });
});
