// 跨部门共建共享框架方案: participants, interfaces, data flows and the preliminary catalogue of a cross-department project.
import { describe, expect, it } from 'vitest';
import { build, paragraphs, sample, tableOf } from '../../../../../test/support/chapter.ts';
import { ProjectProposalInput } from '../schema.ts';
import { framework } from './framework.ts';

const F = 'project-proposal';
const national = sample(F, ProjectProposalInput, 'national-enterprise-credit-sharing');

describe('framework scheme', () => {
  it('names the lead and co-building departments, then their division of work', () => {
    const blocks = build(F, framework, 'framework_participants', national);
    expect(paragraphs(blocks)[0]).toContain('由国家市场监督管理总局牵头，会同国家税务总局、人力资源和社会保障部、海关总署');
    expect(tableOf(blocks).rows).toHaveLength(4);
  });

  it('tables the interfaces', () => {
    expect(tableOf(build(F, framework, 'framework_interfaces', national)).rows[0]!.slice(1, 3)).toEqual(['企业登记信息查询接口', '市场监管总局']);
  });

  it('is empty for a project that is not cross-department', () => {
    const single = sample(F, ProjectProposalInput, 'district-gov-service-platform-om');
    expect(build(F, framework, 'framework_goals', single)).toEqual([]);
  });
});
