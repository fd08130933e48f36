// 需求分析: social problems with values, business volumes, information volume, functions, the security requirement.
import { describe, expect, it } from 'vitest';
import { build, column, paragraphs, sample, tableOf } from '../../../../../test/support/chapter.ts';
import { ProjectProposalInput } from '../schema.ts';
import { requirements } from './requirements.ts';

const F = 'project-proposal';
const national = sample(F, ProjectProposalInput, 'national-enterprise-credit-sharing');

describe('requirements', () => {
  it('writes current and target values as numbers or the caller\'s text', () => {
    const t = tableOf(build(F, requirements, 'social_objectives', national));
    expect(column(t, '现状值')).toEqual(['12', '30']);
    expect(column(t, '目标值')).toEqual(['0', '1']);
  });

  it('gives business volumes with their unit, and drops the description column when no process has one', () => {
    const t = tableOf(build(F, requirements, 'business_analysis', national));
    expect(column(t, '年业务量')[0]).toBe('1,200,000,000条');
    const bare = sample(F, ProjectProposalInput, 'national-enterprise-credit-sharing', (r) => r.requirements.businessProcesses.forEach((b: { description?: unknown }) => delete b.description));
    expect(tableOf(build(F, requirements, 'business_analysis', bare)).columns.map((c) => c.label)).toEqual(['序号', '业务事项', '年业务量']);
  });

  it('estimates the information volume', () => {
    expect(paragraphs(build(F, requirements, 'information_volume', national))[0]).toBe('经测算，本项目建成后数据总量约6,000,000,000条，存储容量约480,000GB，预计年均增长18%。');
  });

  it('states the protection requirement in its scheme\'s words', () => {
    expect(paragraphs(build(F, requirements, 'security_requirements', national))[0]).toContain('第三级');
  });
});
