// The proposal's 信息共享目录: counts by sharing type, the summary table and each entry's attributes.
import { describe, expect, it } from 'vitest';
import { build, fact, paragraphs, sample, tableOf } from '../../../../../test/support/chapter.ts';
import { ProjectProposalInput } from '../schema.ts';
import { requirements } from './requirements.ts';

const F = 'project-proposal';
const national = sample(F, ProjectProposalInput, 'national-enterprise-credit-sharing');

describe('sharing catalogue', () => {
  it('counts the entries by sharing type', () => {
    expect(paragraphs(build(F, requirements, 'sharing_catalogue', national))[0]).toMatch(/^本项目信息共享目录共5项，其中无条件共享2项、有条件共享2项、不予共享1项。/);
  });

  it('puts the code under the name, and details every entry under a numbered heading', () => {
    const blocks = build(F, requirements, 'sharing_catalogue', national);
    expect(tableOf(blocks).rows[0]![1]).toBe('企业登记注册信息\n101010001');
    const headings = blocks.filter((b) => b.kind === 'h').map((b) => (b.kind === 'h' ? b.text : ''));
    expect(headings[0]).toBe('（1）企业登记注册信息');
    expect(headings).toHaveLength(5);
    expect(fact(tableOf(blocks, 2), '共享类型')).toBe('有条件共享');
  });

  it('gives each data item\'s type in parentheses', () => {
    const items = fact(tableOf(build(F, requirements, 'sharing_catalogue', national), 1), '信息项') ?? '';
    expect(items).toMatch(/（[^）]+）、/);
  });

  it("names each entry's responsible department and, when registered, its catalogue registration", () => {
    const blocks = build(F, requirements, 'sharing_catalogue', national);
    expect(fact(tableOf(blocks, 1), '责任部门')).toBe('国家市场监督管理总局');
    expect(fact(tableOf(blocks, 1), '目录注册')).toBe('目录编码GJZWML-101010001，2024年6月28日在国家政务信息资源目录系统注册');
    // The fifth resource is not registered yet: no row.
    expect(fact(tableOf(blocks, 5), '目录注册')).toBeUndefined();
    expect(fact(tableOf(build(F, requirements, 'sharing_catalogue', national, 'en'), 1), 'Catalogue registration')).toBe(
      'catalogue code GJZWML-101010001, registered on 28 June 2024 in the national government information-resource catalogue system',
    );
  });
});
