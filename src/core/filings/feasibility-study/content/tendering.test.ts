// 项目招标方案: totals by method with their shares, reasons for not tendering, and the ticks of the summary table.
import { describe, expect, it } from 'vitest';
import { build, paragraphs, sample, tableOf } from '../../../../../test/support/chapter.ts';
import { FeasibilityStudyInput } from '../schema.ts';
import { tendering } from './tendering.ts';

const F = 'feasibility-study';
const national = sample(F, FeasibilityStudyInput, 'national-enterprise-credit-platform');

describe('tendering', () => {
  it('totals the packages by method with their shares', () => {
    const p = paragraphs(build(F, tendering, 'tendering_plan', national));
    expect(p.find((x) => x.startsWith('本项目拟划分'))).toBe('本项目拟划分11个采购包，估算金额合计24,580.00万元。其中公开招标9个包，金额20,980.00万元，占85.35%；不采用招标方式2个包，金额3,600.00万元，占14.65%。');
  });

  it('gives the reasons of the packages not tendered, numbered', () => {
    const p = paragraphs(build(F, tendering, 'tendering_plan', national));
    expect(p.filter((x) => /^\d\. /.test(x))).toHaveLength(2);
  });

  it('ticks scope, organisation and method, and nothing of the latter for a package not tendered', () => {
    const t = tableOf(build(F, tendering, 'tendering_table', national));
    expect(t.rows[0]!.slice(2, 9)).toEqual(['√', '', '', '√', '√', '', '']);
    const notTendered = t.rows.find((r) => r[8] === '√')!;
    expect(notTendered.slice(2, 8)).toEqual(['', '', '', '', '', '']);
    expect(t.total!.slice(0, 2)).toEqual(['合计', '24,580.00']);
  });
});
