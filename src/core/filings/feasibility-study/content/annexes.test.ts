// 附表、附件: one table per catalogue entry, and the documents filed, numbered.
import { describe, expect, it } from 'vitest';
import { build, paragraphs, sample } from '../../../../../test/support/chapter.ts';
import { FeasibilityStudyInput } from '../schema.ts';
import { annexes } from './annexes.ts';

const F = 'feasibility-study';
const district = sample(F, FeasibilityStudyInput, 'district-city-operations-centre');

describe('annexes', () => {
  it('gives each catalogue entry its own table', () => {
    const blocks = build(F, annexes, 'annex_sharing_catalogue', district);
    expect(blocks.filter((b) => b.kind === 'table')).toHaveLength(district.sharingChapter.catalogue.length);
  });

  it('numbers the documents filed with the report and cites each', () => {
    expect(paragraphs(build(F, annexes, 'annex_documents', district))).toEqual([
      '附件1　密码应用方案：《高新区城市运行管理服务平台密码应用方案》（2024年10月15日）',
      '附件2　节能评估文件：《固定资产投资项目节能登记表》（2024年10月28日）',
      '附件3　规划选址、用地预审或环境影响评价文件：《建设项目规划选址意见》（聊高审批规〔2024〕37号，2024年10月21日）',
      '附件4　规划选址、用地预审或环境影响评价文件：《建设项目环境影响登记表》（2024年10月25日）',
    ]);
  });
});
