// 运行维护保障安排 and 存在问题及整改: the O&M facts, and open issues or the sentence that there are none.
import { describe, expect, it } from 'vitest';
import { build, paragraphs, sample, tableOf } from '../../../../../test/support/chapter.ts';
import { AcceptanceReportInput } from '../schema.ts';
import { operation } from './operation.ts';

const F = 'acceptance-report';

describe('operation and open issues', () => {
  it('tables open issues, the implementing body owning those without an owner', () => {
    const national = sample(F, AcceptanceReportInput, 'national-disaster-warning-platform', (r) => delete r.openIssues[0].owner);
    const t = tableOf(build(F, operation, 'open_issues', national));
    expect(t.rows).toHaveLength(2);
    expect(t.rows[0]![3]).toBe('应急管理部信息研究院平台建设处');
  });

  it('says there is nothing to rectify when no issue is open', () => {
    const none = sample(F, AcceptanceReportInput, 'national-classified-reserve-system');
    expect(paragraphs(build(F, operation, 'open_issues', none))).toEqual(['验收中未发现需要整改的问题。']);
  });
});
