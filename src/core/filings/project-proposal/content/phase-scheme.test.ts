// 本期项目建设方案: scope, standards and the network the system runs on.
import { describe, expect, it } from 'vitest';
import { build, paragraphs, sample, tableOf } from '../../../../../test/support/chapter.ts';
import { ProjectProposalInput } from '../schema.ts';
import { phaseScheme } from './phase-scheme.ts';

const F = 'project-proposal';
const national = sample(F, ProjectProposalInput, 'national-enterprise-credit-sharing');

describe('phase scheme', () => {
  it('tables the construction content', () => {
    expect(tableOf(build(F, phaseScheme, 'phase_scope', national)).rows.map((r) => r[1])).toEqual(['信用信息归集共享系统', '企业信用画像系统', '协同监管系统', '数据治理系统']);
  });

  it('lists the standards under a lead sentence, and nothing without standards', () => {
    expect(paragraphs(build(F, phaseScheme, 'standards', national))).toEqual(['本期项目遵循的主要标准规范如下：', '1. 企业信用信息归集共享数据元规范', '2. 企业信用信息共享接口规范', '3. 共享数据质量评价规范']);
    const none = sample(F, ProjectProposalInput, 'national-enterprise-credit-sharing', (r) => (r.phaseScheme.standards = []));
    expect(build(F, phaseScheme, 'standards', none)).toEqual([]);
  });

  it('names the networks with 、 in Chinese and "and" in English', () => {
    expect(paragraphs(build(F, phaseScheme, 'network', national))[0]).toBe('本项目依托电子政务外网、互联网部署运行。');
    expect(paragraphs(build(F, phaseScheme, 'network', national, 'en'))[0]).toMatch(/e-government extranet and (the )?Internet/i);
  });
});
