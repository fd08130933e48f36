// 项目建设单位概况: the unit's mandate and its implementing body.
import { describe, expect, it } from 'vitest';
import { build, paragraphs, sample } from '../../../../../test/support/chapter.ts';
import { ProjectProposalInput } from '../schema.ts';
import { unitProfile } from './unit-profile.ts';

const F = 'project-proposal';
const national = sample(F, ProjectProposalInput, 'national-enterprise-credit-sharing');

describe('unit profile', () => {
  it('names the implementing body of the construction unit before its duties', () => {
    const p = paragraphs(build(F, unitProfile, 'implementing_body', national));
    expect(p[0]).toContain('国家市场监督管理总局');
    expect(p[0]).toContain('国家市场监督管理总局信息中心');
    expect(p.length).toBe(1 + national.unitProfile.implementingBodyDuties.length);
  });
});
