// 总体建设方案: principles and goals, with the phases tabled when there are any.
import { describe, expect, it } from 'vitest';
import { build, sample } from '../../../../../test/support/chapter.ts';
import { ProjectProposalInput } from '../schema.ts';
import { overallScheme } from './overall-scheme.ts';

const F = 'project-proposal';

describe('overall scheme', () => {
  it('tables the phases after the goals, and leaves the table out when there are none', () => {
    const national = sample(F, ProjectProposalInput, 'national-enterprise-credit-sharing', (r) => (r.overallScheme.phases = [{ phase: '一期', goal: '建成' }]));
    const blocks = build(F, overallScheme, 'overall_goals', national);
    const table = blocks.find((b) => b.kind === 'table');
    expect(table && table.kind === 'table' ? table.rows : []).toEqual([['1', '一期', '—', '建成']]);
    const none = sample(F, ProjectProposalInput, 'national-enterprise-credit-sharing', (r) => (r.overallScheme.phases = []));
    expect(build(F, overallScheme, 'overall_goals', none).every((b) => b.kind === 'p')).toBe(true);
  });
});
