// 建设成效与绩效目标完成情况: indicators achieved and values as the caller gave them.
import { describe, expect, it } from 'vitest';
import { build, column, paragraphs, sample, tableOf } from '../../../../../test/support/chapter.ts';
import { AcceptanceReportInput } from '../schema.ts';
import { performance } from './performance.ts';

const F = 'acceptance-report';

describe('performance', () => {
  it('counts the indicators achieved', () => {
    const one = sample(F, AcceptanceReportInput, 'national-classified-reserve-system', (r) => (r.performanceResults[0].achieved = false));
    expect(paragraphs(build(F, performance, 'performance', one))).toEqual(['项目设定的3项绩效指标中，2项达到或超过目标值。']);
  });

  it('writes numbers with separators and text values as given', () => {
    const big = sample(F, AcceptanceReportInput, 'national-classified-reserve-system', (r) => (r.performanceResults[0].actual = 1230.5));
    const t = tableOf(build(F, performance, 'performance_results', big));
    expect(column(t, '实际值')).toEqual(['1,230.5', '99.95', '94']);
    expect(column(t, '目标值')).toEqual(['420', '99.9', '≥90']);
  });
});
