// 环保、消防、职业安全卫生和节能 and 社会稳定风险分析: which reviews apply, and the stability chapter's documents.
import { describe, expect, it } from 'vitest';
import { build, fact, paragraphs, sample, tableOf } from '../../../../../test/support/chapter.ts';
import { FeasibilityStudyInput } from '../schema.ts';
import { environment } from './environment.ts';

const F = 'feasibility-study';
const national = sample(F, FeasibilityStudyInput, 'national-enterprise-credit-platform');
const district = sample(F, FeasibilityStudyInput, 'district-city-operations-centre');

describe('environment and stability', () => {
  it('waives the reviews without civil works or high energy use, and says which apply otherwise', () => {
    expect(paragraphs(build(F, environment, 'environment_energy', national))[0]).toMatch(/^本项目不涉及新建土建工程，也不属于高耗能项目/);
    expect(paragraphs(build(F, environment, 'environment_energy', district))[0]).not.toMatch(/^本项目不涉及新建土建工程/);
  });

  it('gives the PUE target and the electricity, and cites the energy assessment', () => {
    const blocks = build(F, environment, 'env_energy_saving', district);
    expect(fact(tableOf(blocks), '年用电量估算')).toBe('180 MWh');
    expect(paragraphs(blocks).at(-1)).toBe('节能评估文件见附件《固定资产投资项目节能登记表》（2024年10月28日）。');
    const withPue = sample(F, FeasibilityStudyInput, 'district-city-operations-centre', (r) => (r.energy.pueTarget = 1.25));
    expect(tableOf(build(F, environment, 'env_energy_saving', withPue)).rows[0]![1]).toBe('1.25');
  });

  it('rates the social-stability risk and cites the report and the opinion on it', () => {
    const p = paragraphs(build(F, environment, 'social_stability', national));
    expect(p[0]).toBe('经分析评估，本项目社会稳定风险等级为低。');
    expect(p.at(-1)).toMatch(/^社会稳定风险评估报告见附件《国家企业信用信息共享与协同监管平台工程社会稳定风险评估报告》（2024年8月30日），对该报告的意见见附件《/);
  });
});
