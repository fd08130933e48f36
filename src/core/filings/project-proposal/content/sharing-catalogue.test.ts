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
});
