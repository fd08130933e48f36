// 附件: the catalogue first, then the documents the input names and the caller's own, numbered.
import { describe, expect, it } from 'vitest';
import { build, paragraphs, sample } from '../../../../../test/support/chapter.ts';
import { ProjectProposalInput } from '../schema.ts';
import { attachments } from './attachments.ts';

const F = 'project-proposal';

describe('attachments', () => {
  it('attaches the post-evaluation report of a rebuilt or expanded project', () => {
    const national = sample(F, ProjectProposalInput, 'national-enterprise-credit-sharing');
    const p = paragraphs(build(F, attachments, 'attachments', national));
    expect(p[0]).toBe('附件：1. 信息共享目录');
    expect(p).toContain('5. 国家企业信用信息公示系统（一期）工程第三方后评价报告');
  });

  it('attaches the previous contract and evaluation of a district O&M project', () => {
    const district = sample(F, ProjectProposalInput, 'district-gov-service-platform-om');
    expect(paragraphs(build(F, attachments, 'attachments', district))).toEqual([
      '附件：1. 信息共享目录',
      '2. 一体化政务服务平台2024年度运行维护服务合同',
      '3. 一体化政务服务平台2024年度运行维护项目绩效评价报告',
      '4. 高新区管委会2025年第18次主任办公会议纪要',
    ]);
  });
});
