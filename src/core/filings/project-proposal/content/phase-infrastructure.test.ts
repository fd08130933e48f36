// 本期项目建设方案, continued: equipment quantities with units, products, cloud resources and the cryptography plan.
import { describe, expect, it } from 'vitest';
import { build, column, fact, paragraphs, sample, tableOf } from '../../../../../test/support/chapter.ts';
import { ProjectProposalInput } from '../schema.ts';
import { phaseInfrastructure } from './phase-infrastructure.ts';

const F = 'project-proposal';
const national = sample(F, ProjectProposalInput, 'national-enterprise-credit-sharing');

describe('phase infrastructure', () => {
  it('gives quantities with their unit, spaced in English', () => {
    expect(column(tableOf(build(F, phaseInfrastructure, 'equipment', national)), '数量')).toEqual(['1套', '4台']);
    expect(tableOf(build(F, phaseInfrastructure, 'equipment', national, 'en')).rows[1]![3]).toMatch(/^4 /);
  });

  it('tables the cloud resources and says whether anything is built stand-alone', () => {
    const blocks = build(F, phaseInfrastructure, 'cloud_resources', national);
    expect(fact(tableOf(blocks), '计算资源（vCPU，核）')).toMatch(/^[\d,]+$/);
    const standalone = sample(F, ProjectProposalInput, 'national-enterprise-credit-sharing', (r) => {
      r.phaseScheme.cloud.standaloneInfrastructure = true;
      r.phaseScheme.cloud.standaloneReason = '涉密数据须本地存储。';
    });
    expect(paragraphs(build(F, phaseInfrastructure, 'cloud_resources', standalone)).at(-1)).toBe('涉密数据须本地存储。');
    expect(paragraphs(blocks).join()).not.toContain('涉密数据须本地存储');
  });

  it('tables the cryptography measures by layer', () => {
    expect(tableOf(build(F, phaseInfrastructure, 'crypto_plan', national)).rows.length).toBe(national.phaseScheme.crypto.measures.length);
  });

  it('states the expert review of the cryptography plan when there is one', () => {
    const district = sample(F, ProjectProposalInput, 'district-gov-service-platform-om');
    expect(paragraphs(build(F, phaseInfrastructure, 'crypto_plan', district)).at(-1)).toBe(
      '2025年9月26日，高新区信息化项目综合管理办公室组织的密码应用方案评审专家组对密码应用方案进行了评估，评估结论为修改后通过，方案已按评估意见修改（评估意见：《政务服务平台运维项目密码应用方案专家评审意见》（2025年9月26日））。',
    );
    expect(paragraphs(build(F, phaseInfrastructure, 'crypto_plan', national)).join()).not.toContain('进行了评估');
  });
});
