// 项目概述: facts, people, basis, the period in months, investment and the changes since the proposal's approval.
import { describe, expect, it } from 'vitest';
import { build, fact, paragraphs, sample, tableOf } from '../../../../../test/support/chapter.ts';
import { FeasibilityStudyInput } from '../schema.ts';
import { overview } from './overview.ts';

const F = 'feasibility-study';
const national = sample(F, FeasibilityStudyInput, 'national-enterprise-credit-platform');
const district = sample(F, FeasibilityStudyInput, 'district-city-operations-centre');

describe('overview', () => {
  it('asks nationally whether the project is in the national plan, and not in a district', () => {
    expect(fact(tableOf(build(F, overview, 'ov_project_name', national)), '列入国家政务信息化建设规划')).toBe('是');
    expect(fact(tableOf(build(F, overview, 'ov_project_name', district)), '列入国家政务信息化建设规划')).toBeUndefined();
  });

  it('gives people with title and telephone in one parenthesis', () => {
    expect(fact(tableOf(build(F, overview, 'ov_units', national)), '项目负责人')).toBe('陈立新（信息中心主任，010-88650101）');
  });

  it('lists the basis documents as references', () => {
    expect(paragraphs(build(F, overview, 'ov_basis', national))[1]).toBe('1. 《国家政务信息化项目建设管理办法》（国办发〔2019〕57号）');
  });

  it('states the months the construction period spans', () => {
    expect(paragraphs(build(F, overview, 'ov_scope_period', district)).at(-1)).toBe('项目建设期为16个月，自2025年3月至2026年6月。');
  });

  it('says how the total moved against the proposal\'s approval', () => {
    const p = paragraphs(build(F, overview, 'ov_changes_since_proposal', national))[0];
    expect(p).toBe('项目建议书已于2024年6月18日经国家发展和改革委员会以发改高技〔2024〕1126号文件批复，批复总投资25,600.00万元。本报告估算总投资26,480.00万元，较批复增加880.00万元，增幅3.44%。');
    const same = sample(F, FeasibilityStudyInput, 'national-enterprise-credit-platform', (r) => (r.proposalApproval.approvedInvestment = r.project.totalInvestment));
    expect(paragraphs(build(F, overview, 'ov_changes_since_proposal', same))[0]).not.toContain('较批复增加');
    const none = sample(F, FeasibilityStudyInput, 'national-enterprise-credit-platform', (r) => delete r.proposalApproval);
    expect(build(F, overview, 'ov_changes_since_proposal', none)).toEqual([]);
  });
});
