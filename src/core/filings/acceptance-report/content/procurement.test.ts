// 招标采购与合同管理: contract totals, tendered contracts, and the district's 5-working-day filing of contracts.
import { describe, expect, it } from 'vitest';
import { build, column, paragraphs, sample, tableOf } from '../../../../../test/support/chapter.ts';
import { AcceptanceReportInput } from '../schema.ts';
import { procurement } from './procurement.ts';

const F = 'acceptance-report';
const district = sample(F, AcceptanceReportInput, 'district-enterprise-service-platform');

describe('procurement', () => {
  it('counts the contracts procured by open or invited tender', () => {
    expect(paragraphs(build(F, procurement, 'procurement', district))[0]).toMatch(/项目共签订合同5个，合同总金额[\d,.]+万元，其中通过公开招标或邀请招标方式采购的1个。/);
  });

  it('counts the working days from signing to filing on the official calendar', () => {
    const t = tableOf(build(F, procurement, 'contract_filing', district));
    expect(column(t, '用时（工作日）')).toEqual(['3', '4', '4', '4', '3']);
    expect(paragraphs(build(F, procurement, 'contract_filing', district)).at(-1)).toMatch(/^全部合同均在签订后5个工作日内完成备案/);
  });

  it('says when some contract was filed late or not at all', () => {
    const late = sample(F, AcceptanceReportInput, 'district-enterprise-service-platform', (r) => delete r.procurement.contracts[0].filedDate);
    const blocks = build(F, procurement, 'contract_filing', late);
    expect(column(tableOf(blocks), '备案日期')[0]).toBe('未备案');
    expect(paragraphs(blocks).at(-1)).toMatch(/^部分合同未在签订后5个工作日内完成备案/);
  });

  it("cites the district measure's own article and files with its office", () => {
    expect(paragraphs(build(F, procurement, 'contract_filing', sample(F, AcceptanceReportInput, 'district-enterprise-service-platform')))[0]).toBe(
      '按照区级政务信息化项目建设管理办法（参照国办发〔2019〕57号制定的地方办法）第十三条的规定，采购合同应在签订后5个工作日内报聊城高新区信息化项目综合管理办公室备案。各合同备案情况如下。',
    );
  });
});
