// 档案管理情况: whether the archives passed, and only the facts given.
import { describe, expect, it } from 'vitest';
import { build, fact, sample, tableOf } from '../../../../../test/support/chapter.ts';
import { AcceptanceReportInput } from '../schema.ts';
import { archives } from './archives.ts';

const F = 'acceptance-report';

describe('archives', () => {
  it('says passed or not passed, and leaves out facts not given', () => {
    const passed = sample(F, AcceptanceReportInput, 'national-disaster-warning-platform');
    expect(fact(tableOf(build(F, archives, 'archives', passed)), '档案验收')).toBe('通过');
    expect(fact(tableOf(build(F, archives, 'archives', passed)), '归档案卷（卷）')).toBe(String(passed.archives.volumes));
    const failed = sample(F, AcceptanceReportInput, 'national-disaster-warning-platform', (r) => {
      r.archives.accepted = false;
      delete r.archives.volumes;
    });
    const t = tableOf(build(F, archives, 'archives', failed));
    expect(fact(t, '档案验收')).toBe('未通过');
    expect(fact(t, '归档案卷（卷）')).toBeUndefined();
  });
});
