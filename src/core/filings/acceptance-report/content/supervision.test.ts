// 工程监理情况: the supervisor's facts and its report as a document reference.
import { describe, expect, it } from 'vitest';
import { build, fact, sample, tableOf } from '../../../../../test/support/chapter.ts';
import { AcceptanceReportInput } from '../schema.ts';
import { supervision } from './supervision.ts';

const F = 'acceptance-report';
const national = sample(F, AcceptanceReportInput, 'national-disaster-warning-platform');

describe('supervision', () => {
  it('cites the supervision report in each language', () => {
    expect(fact(tableOf(build(F, supervision, 'supervision', national)), '监理报告')).toBe('《项目监理总结报告》（ZZJL-2026-007，2026年1月10日）');
    expect(fact(tableOf(build(F, supervision, 'supervision', national, 'en')), 'Supervision report')).toBe('Supervision summary report (ZZJL-2026-007, 10 January 2026)');
    expect(fact(tableOf(build(F, supervision, 'supervision', national, 'bilingual')), '监理报告\nSupervision report')).toBe(
      '《项目监理总结报告》（ZZJL-2026-007，2026年1月10日）\nSupervision summary report (ZZJL-2026-007, 10 January 2026)',
    );
  });

  it("gives the supervisor's report number as issued, not as a 文号", () => {
    const i = sample(F, AcceptanceReportInput, 'national-disaster-warning-platform', (r) => (r.supervision.report.docNo = '中咨监[2026]第7号'));
    expect(fact(tableOf(build(F, supervision, 'supervision', i)), '监理报告')).toBe('《项目监理总结报告》（中咨监[2026]第7号，2026年1月10日）');
  });
});
