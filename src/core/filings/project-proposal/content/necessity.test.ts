// 项目建设的必要性: current systems, problems, and the earlier project's post-evaluation or its O&M record.
import { describe, expect, it } from 'vitest';
import { build, fact, paragraphs, sample, tableOf } from '../../../../../test/support/chapter.ts';
import { ProjectProposalInput } from '../schema.ts';
import { necessity } from './necessity.ts';

const F = 'project-proposal';
const national = sample(F, ProjectProposalInput, 'national-enterprise-credit-sharing');
const district = sample(F, ProjectProposalInput, 'district-gov-service-platform-om');

describe('necessity', () => {
  it('tables the current systems and numbers the problems', () => {
    expect(tableOf(build(F, necessity, 'current_systems', national)).rows[0]!.slice(1, 3)).toEqual(['国家企业信用信息公示系统', '2021']);
    expect(paragraphs(build(F, necessity, 'problems', national))[2]).toMatch(/^3\. /);
  });

  it('gives the earlier project\'s approval and its third-party post-evaluation', () => {
    const p = paragraphs(build(F, necessity, 'previous_evaluation', national));
    expect(p[0]).toMatch(/^前期项目为国家企业信用信息公示系统（一期）工程，批复文件为《/);
    expect(p[2]).toContain('出具《国家企业信用信息公示系统（一期）工程第三方后评价报告》');
  });

  it('gives a district O&M project\'s previous contract and evaluation as references', () => {
    const t = tableOf(build(F, necessity, 'previous_operation', district));
    expect(fact(t, '上一期合同')).toBe('《一体化政务服务平台2024年度运行维护服务合同》（GXZW-2024-017，2024年1月12日）');
    expect(fact(t, '合同金额')).toBe('178.20万元');
    expect(fact(t, '评价得分')).toBe('91.5');
  });
});
