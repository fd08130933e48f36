// 建设任务完成情况: tasks done, and the changes judged against the 15 % self-managed limit of 57号 Art. 23.
import { describe, expect, it } from 'vitest';
import { build, column, paragraphs, sample, tableOf } from '../../../../../test/support/chapter.ts';
import { AcceptanceReportInput } from '../schema.ts';
import { tasks } from './tasks.ts';

const F = 'acceptance-report';
const national = sample(F, AcceptanceReportInput, 'national-disaster-warning-platform');

describe('tasks and changes', () => {
  it('counts the tasks completed, adjusted ones included', () => {
    expect(paragraphs(build(F, tasks, 'task_completion', national))).toEqual(['批复的5项建设内容中，已完成5项，完成情况如下。']);
  });

  it('tables the changes with their share of the approved estimate and totals them exactly', () => {
    const t = tableOf(build(F, tasks, 'changes', national));
    expect(column(t, '占概算比例')).toEqual(['0.37%', '0.29%', '2.13%']);
    expect(t.total).toEqual(['合计', '', '', '', '274.80', '2.78%', '']);
  });

  it('finds the self-managed changes within the limit, over it, or none at all', () => {
    expect(paragraphs(build(F, tasks, 'changes', national))[1]).toContain('占批复概算的0.66%，未超过15%的限额');
    const over = sample(F, AcceptanceReportInput, 'national-disaster-warning-platform', (r) => (r.changes[0].amount = 1600));
    expect(paragraphs(build(F, tasks, 'changes', over))[1]).toContain('超过15%的限额，应按规定报国家发展和改革委员会审批');
    const approvedOnly = sample(F, AcceptanceReportInput, 'national-disaster-warning-platform', (r) => r.changes.forEach((x: { handling: string }) => (x.handling = 'approved')));
    expect(paragraphs(build(F, tasks, 'changes', approvedOnly))[1]).toBe('上述变更均已事先报国家发展和改革委员会批准。');
  });

  it('has no self-managed route under the district measure: every change is applied for in advance', () => {
    const district = sample(F, AcceptanceReportInput, 'district-enterprise-service-platform');
    expect(paragraphs(build(F, tasks, 'changes', district))[1]).toBe('上述变更均已事先报聊城高新区信息化项目综合管理办公室批准。');
    const self = sample(F, AcceptanceReportInput, 'district-enterprise-service-platform', (r) => (r.changes[0].handling = 'self-managed'));
    expect(paragraphs(build(F, tasks, 'changes', self))[1]).toContain('本项目适用的办法不设自行调整的途径');
  });
});
