// 投资估算和资金筹措: the estimate and funding with shares of the total, added exactly; the local commitment.
import { describe, expect, it } from 'vitest';
import { build, column, paragraphs, sample, tableOf } from '../../../../../test/support/chapter.ts';
import { ProjectProposalInput } from '../schema.ts';
import { investment } from './investment.ts';

const F = 'project-proposal';
const national = sample(F, ProjectProposalInput, 'national-enterprise-credit-sharing');

describe('investment', () => {
  it('gives each cost item its share of the total', () => {
    const t = tableOf(build(F, investment, 'investment_estimate', national));
    expect(column(t, '占比').slice(0, 2)).toEqual(['39.79%', '15.34%']);
    expect(t.total).toEqual(['合计', '', '18,650.00', '100%']);
  });

  it('adds amounts in cents: 0.1 and 0.2 make 0.30', () => {
    const cents = sample(F, ProjectProposalInput, 'national-enterprise-credit-sharing', (r) => {
      r.investment.usePlan = [
        { year: 2025, amount: 0.1 },
        { year: 2026, amount: 0.2 },
      ];
    });
    expect(tableOf(build(F, investment, 'use_plan', cents)).total![2]).toBe('0.30');
  });

  it('cites the local commitment letter of a central–local project', () => {
    const p = paragraphs(build(F, investment, 'local_commitment', national));
    expect(p[0]).toContain('《山东省人民政府关于国家企业信用信息共享平台（二期）山东节点建设配套资金的承诺函》');
  });
});
