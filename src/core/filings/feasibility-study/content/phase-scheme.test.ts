// 本期项目建设方案: the options compared with the chosen one marked, and the network the system runs on.
import { describe, expect, it } from 'vitest';
import { build, paragraphs, sample, tableOf } from '../../../../../test/support/chapter.ts';
import { FeasibilityStudyInput } from '../schema.ts';
import { phaseScheme } from './phase-scheme.ts';

const F = 'feasibility-study';
const national = sample(F, FeasibilityStudyInput, 'national-enterprise-credit-platform');

describe('phase scheme', () => {
  it('marks the selected option and gives each estimate', () => {
    const t = tableOf(build(F, phaseScheme, 'phase_options', national));
    expect(t.rows[1]![0]).toBe('方案二：依托政务云建设共享与协同监管平台（推荐方案）');
    expect(t.rows.map((r) => r.at(-1))).toEqual(['18,600.00', '26,480.00', '34,200.00']);
    const unpriced = sample(F, FeasibilityStudyInput, 'national-enterprise-credit-platform', (r) => delete r.phaseScheme.options[2].estimate);
    expect(tableOf(build(F, phaseScheme, 'phase_options', unpriced)).rows[2]!.at(-1)).toBe('—');
  });

  it('gives only the conclusion when no options are compared', () => {
    const none = sample(F, FeasibilityStudyInput, 'national-enterprise-credit-platform', (r) => (r.phaseScheme.options = []));
    expect(build(F, phaseScheme, 'phase_options', none).every((b) => b.kind === 'p')).toBe(true);
  });

  it('states the network type', () => {
    expect(paragraphs(build(F, phaseScheme, 'phase_network', national))[0]).toContain('电子政务外网');
  });
});
