// 投资估算和资金来源: the estimate with shares, its detail grouped with subtotals, the use plan and O&M.
import { describe, expect, it } from 'vitest';
import { build, paragraphs, sample, tableOf } from '../../../../../test/support/chapter.ts';
import { FeasibilityStudyInput } from '../schema.ts';
import { investment } from './investment.ts';

const F = 'feasibility-study';
const national = sample(F, FeasibilityStudyInput, 'national-enterprise-credit-platform');
const district = sample(F, FeasibilityStudyInput, 'district-city-operations-centre');

describe('investment', () => {
  it('gives each item its share of the total, and totals to 100%', () => {
    const t = tableOf(build(F, investment, 'inv_estimate', district));
    expect(t.rows[0]!.slice(1)).toEqual(['指挥中心土建及装修', '820.00', '34.62%']);
    expect(t.total).toEqual(['', '合计', '2,368.50', '100%']);
  });

  it('groups the estimate\'s detail under 一、二、三 in Chinese and A, B, C in English, each with its subtotal', () => {
    const zh = tableOf(build(F, investment, 'inv_estimate', national), 1);
    expect(zh.rows[0]!.slice(0, 2)).toEqual(['一', '工程费用']);
    expect(zh.rows[0]![4]).toBe('21,950.00');
    const en = tableOf(build(F, investment, 'inv_estimate', national, 'en'), 1);
    expect(en.rows[0]![0]).toBe('A');
  });

  it('leaves the estimate\'s detail out when none is given', () => {
    const bare = sample(F, FeasibilityStudyInput, 'national-enterprise-credit-platform', (r) => (r.investment.estimate = []));
    expect(build(F, investment, 'inv_estimate', bare).filter((b) => b.kind === 'table')).toHaveLength(1);
  });

  it('states the O&M funds as a share of the total investment', () => {
    expect(paragraphs(build(F, investment, 'inv_oandm', national))[0]).toBe('项目建成后年度运行维护经费估算为2,118.40万元，约占项目总投资的8%，资金渠道为总局部门预算运行维护经费。');
  });
});
