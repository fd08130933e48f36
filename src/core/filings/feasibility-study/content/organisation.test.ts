// 项目组织机构和人员培训 and 项目实施进度: totals, the hours column only when given, the period in months.
import { describe, expect, it } from 'vitest';
import { build, paragraphs, sample, tableOf } from '../../../../../test/support/chapter.ts';
import { FeasibilityStudyInput } from '../schema.ts';
import { organisation } from './organisation.ts';

const F = 'feasibility-study';
const district = sample(F, FeasibilityStudyInput, 'district-city-operations-centre');

describe('organisation and schedule', () => {
  it('totals staff and trainees', () => {
    expect(tableOf(build(F, organisation, 'org_staffing', district)).total).toEqual(['', '合计', '3', '']);
    expect(tableOf(build(F, organisation, 'org_training', district)).total).toEqual(['', '合计', '', '180', '']);
  });

  it('has an hours column only when some training gives hours', () => {
    const noHours = sample(F, FeasibilityStudyInput, 'district-city-operations-centre', (r) => r.organisation.training.forEach((x: { hours?: number }) => delete x.hours));
    expect(tableOf(build(F, organisation, 'org_training', noHours)).columns.map((c) => c.label)).toEqual(['序号', '培训对象', '培训内容', '人次']);
  });

  it('opens the schedule with the months the period spans, and drops empty optional columns', () => {
    const blocks = build(F, organisation, 'schedule', district);
    expect(paragraphs(blocks)[0]).toBe('项目建设期为16个月，自2025年3月至2026年6月。');
    expect(tableOf(blocks).columns.map((c) => c.label)).toEqual(['序号', '工作阶段', '开始时间', '完成时间']);
  });
});
