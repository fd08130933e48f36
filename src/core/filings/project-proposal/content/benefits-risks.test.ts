// 效益与风险分析 and 绩效目标: benefits under their headings, risks, and the targets with their values.
import { describe, expect, it } from 'vitest';
import { build, column, sample, tableOf } from '../../../../../test/support/chapter.ts';
import { ProjectProposalInput } from '../schema.ts';
import { benefitsRisks } from './benefits-risks.ts';

const F = 'project-proposal';
const national = sample(F, ProjectProposalInput, 'national-enterprise-credit-sharing');

describe('benefits, risks and targets', () => {
  it('heads the economic and social benefits', () => {
    const headings = build(F, benefitsRisks, 'benefits', national).filter((b) => b.kind === 'h');
    expect(headings.map((h) => (h.kind === 'h' ? h.text : ''))).toEqual(['经济效益', '社会效益']);
  });

  it('tables the targets with their type and value', () => {
    const t = tableOf(build(F, benefitsRisks, 'performance', national));
    expect(column(t, '指标类型')[0]).toBe('产出数量');
    expect(column(t, '目标值').slice(0, 2)).toEqual(['60', '99.9']);
  });
});
