// 项目基本情况: each kind opens with its own sentence on the same project facts and funding table.
import { describe, expect, it } from 'vitest';
import { build, fact, paragraphs, sample, tableOf } from '../../../../../test/support/chapter.ts';
import { PerformanceEvaluationInput } from '../schema.ts';
import { overview } from './overview.ts';

const F = 'performance-evaluation';
const annual = sample(F, PerformanceEvaluationInput, 'national-annual-emergency-platform');
const selfEval = sample(F, PerformanceEvaluationInput, 'national-self-evaluation-traceability');

describe('overview', () => {
  it('gives the facts of the project, co-builders joined with 、', () => {
    const t = tableOf(build(F, overview, 'overview', annual));
    expect(fact(t, '共建部门')).toBe('水利部、自然资源部、中国气象局');
    expect(fact(t, '批复文件')).toBe('发改高技〔2024〕512号（2024年5月20日）');
    expect(fact(t, '报告年度')).toBe('2025年');
    expect(fact(t, '安全保护等级')).toBe('网络安全等级保护第三级');
    expect(fact(tableOf(build(F, overview, 'overview', annual, 'bilingual')), '安全保护等级\nSecurity protection level')).toBe('网络安全等级保护第三级 / Cybersecurity classified protection (MLPS) level 3');
  });

  it('totals the funding sources exactly', () => {
    expect(tableOf(build(F, overview, 'overview', annual), 1).total).toEqual(['', '合计', '18,640.00']);
  });

  it('opens a self-evaluation with the months since acceptance and the window of the measure', () => {
    const [lead] = paragraphs(build(F, overview, 'overview', selfEval));
    // Accepted 2024-04-26, in operation from 2024-05-06: the 12–24 months run from the later date (验收投产).
    expect(lead).toContain('于项目验收投产（2024年5月6日）后第16个月开展了项目自评价（规定期间为验收投产后12至24个月，即2025年5月6日至2026年5月6日），形成本报告。');
  });
});
