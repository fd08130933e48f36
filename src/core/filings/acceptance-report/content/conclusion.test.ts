// 验收结论: the verdict sentence follows the committee's conclusion.
import { describe, expect, it } from 'vitest';
import { build, paragraphs, sample, tableOf } from '../../../../../test/support/chapter.ts';
import { AcceptanceReportInput } from '../schema.ts';
import { conclusion } from './conclusion.ts';

const F = 'acceptance-report';

describe('conclusion', () => {
  it('states the verdict the committee reached', () => {
    const passed = sample(F, AcceptanceReportInput, 'national-disaster-warning-platform');
    expect(paragraphs(build(F, conclusion, 'conclusion', passed))[0]).toMatch(/验收结论为通过。$/);
    expect(paragraphs(build(F, conclusion, 'committee_opinion', passed)).at(-1)).toBe('验收委员会同意国家自然灾害综合风险监测预警信息共享平台工程通过竣工验收。');
    const rectify = sample(F, AcceptanceReportInput, 'national-disaster-warning-platform', (r) => (r.acceptance.conclusion = 'rectify'));
    expect(paragraphs(build(F, conclusion, 'conclusion', rectify))[0]).toMatch(/验收结论为限期整改。$/);
  });

  it('lists the committee with each member\'s role', () => {
    const passed = sample(F, AcceptanceReportInput, 'national-disaster-warning-platform');
    expect(tableOf(build(F, conclusion, 'committee', passed)).rows[0]![2]).toBe('主任委员');
  });
});
