// 投资完成和资金使用情况: execution against the 概算, exact differences, rates with no base, savings and their return.
import { describe, expect, it } from 'vitest';
import { build, column, paragraphs, sample, tableOf } from '../../../../../test/support/chapter.ts';
import { AcceptanceReportInput } from '../schema.ts';
import { investment } from './investment.ts';

const F = 'acceptance-report';
const national = sample(F, AcceptanceReportInput, 'national-disaster-warning-platform');

describe('investment', () => {
  it('states the execution rate, or the overrun when actual spending passes the estimate', () => {
    expect(paragraphs(build(F, investment, 'investment', national))[0]).toContain('实际完成投资9,314.80万元，概算执行率94.31%，未超出批复概算');
    const over = sample(F, AcceptanceReportInput, 'national-disaster-warning-platform', (r) => (r.investment.byItem[6].actual = 1000));
    expect(paragraphs(build(F, investment, 'investment', over))[0]).toContain('超出批复概算438.40万元');
  });

  it('shows each line\'s difference exactly, negative where a line ran over', () => {
    const t = tableOf(build(F, investment, 'budget_execution', national));
    expect(column(t, '差额（万元）')).toEqual(['53.20', '7.50', '72.00', '-36.20', '-28.60', '63.70', '430.00']);
    expect(t.total!.slice(2, 5)).toEqual(['9,876.40', '9,314.80', '561.60']);
  });

  it('gives no rate against a zero approved amount', () => {
    const zero = sample(F, AcceptanceReportInput, 'national-disaster-warning-platform', (r) => (r.investment.bySource[0].approved = 0));
    expect(column(tableOf(build(F, investment, 'funding_sources', zero)), '到位率')[0]).toBe('—');
  });

  it('reports the savings and the document they were returned under, without nesting brackets', () => {
    const p = paragraphs(build(F, investment, 'savings', national));
    expect(p[0]).toBe('项目实际完成投资低于批复概算，结余资金561.60万元。');
    expect(p[1]).toBe('结余资金561.60万元已于2026年3月31日按规定退回原资金渠道（中央预算内投资）（《关于退回项目结余资金的报告》，应急信研〔2026〕9号，2026年3月31日）。');
    const pending = sample(F, AcceptanceReportInput, 'national-disaster-warning-platform', (r) => delete r.investment.savingsReturn);
    expect(paragraphs(build(F, investment, 'savings', pending))[1]).toBe('结余资金将按规定退回原资金渠道。');
  });
});
