// 项目组织机构和人员 and 项目实施进度: the headcount total, and optional columns left out when empty.
import { describe, expect, it } from 'vitest';
import { build, sample, tableOf } from '../../../../../test/support/chapter.ts';
import { ProjectProposalInput } from '../schema.ts';
import { organisation } from './organisation.ts';

const F = 'project-proposal';
const national = sample(F, ProjectProposalInput, 'national-enterprise-credit-sharing');

describe('organisation and schedule', () => {
  it('totals the headcount', () => {
    expect(tableOf(build(F, organisation, 'staffing', national)).total).toEqual(['合计', '', '24', '']);
  });

  it('leaves out the duties column when no role has duties', () => {
    const bare = sample(F, ProjectProposalInput, 'national-enterprise-credit-sharing', (r) => r.organisation.staffing.forEach((s: { duties?: unknown }) => delete s.duties));
    const t = tableOf(build(F, organisation, 'staffing', bare));
    expect(t.columns.map((c) => c.label)).toEqual(['序号', '岗位', '人数']);
    expect(t.total).toEqual(['合计', '', '24']);
  });

  it('dates the schedule\'s milestones', () => {
    expect(tableOf(build(F, organisation, 'schedule', national)).rows[0]![2]).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日$/);
  });
});
