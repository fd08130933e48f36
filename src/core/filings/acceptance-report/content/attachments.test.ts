// 附件: the Art. 25 materials first, then the others, numbered on from them, each with its own issuer and number.
import { describe, expect, it } from 'vitest';
import { build, column, paragraphs, sample, tableOf } from '../../../../../test/support/chapter.ts';
import { AcceptanceReportInput } from '../schema.ts';
import { attachments } from './attachments.ts';

const F = 'acceptance-report';
const classified = sample(F, AcceptanceReportInput, 'national-classified-reserve-system');

describe('attachments', () => {
  it('counts every material', () => {
    expect(paragraphs(build(F, attachments, 'attachments', classified))).toEqual(['随本报告附送下列材料共9件。']);
  });

  it('numbers the other materials after the required ones', () => {
    const required = tableOf(build(F, attachments, 'required_materials', classified));
    expect(column(required, '附件序号')).toEqual(['附件1', '附件2', '附件3', '附件4', '附件5']);
    expect(column(required, '文号或报告编号')[0]).toBe('—');
    const others = tableOf(build(F, attachments, 'other_attachments', classified));
    expect(column(others, '附件序号')).toEqual(['附件6', '附件7', '附件8', '附件9']);
    expect(column(others, '文号或报告编号')[0]).toBe('国保审〔2025〕117号');
  });

  it('names each report by its own issuer: the auditor and assessment bodies, never the construction unit by default', () => {
    const i = sample(F, AcceptanceReportInput, 'national-classified-reserve-system', (r) => {
      for (const a of r.attachments) delete a.issuer;
    });
    const t = tableOf(build(F, attachments, 'required_materials', i));
    // 建设总结 and 财务报告 are the unit's own; the audit report is the auditor's, the 分保 and 密评 reports the assessment bodies'.
    expect(column(t, '出具单位')).toEqual(['国家物资储备信息保障中心', '国家物资储备信息保障中心', '信永中和会计师事务所（特殊普通合伙）', '国家保密科技测评中心', '国家密码管理局密码测评中心']);
    const others = tableOf(build(F, attachments, 'other_attachments', i));
    // The secrecy administration's approval, the extension (no issuer known: a dash), the supervisor, the archives body.
    expect(column(others, '出具单位')).toEqual(['国家保密局', '—', '华信国安工程监理有限公司', '国家物资储备信息保障中心综合处']);
  });

  it('shows third-party report numbers as issued and puts only official 文号 in 〔〕', () => {
    const i = sample(F, AcceptanceReportInput, 'national-disaster-warning-platform', (r) => {
      r.attachments[2].docNo = '中瑞审字[2026]第0312号';
      r.attachments[10].docNo = '应急厅档验[2026]2号';
    });
    const required = tableOf(build(F, attachments, 'required_materials', i));
    expect(column(required, '文号或报告编号')[2]).toBe('中瑞审字[2026]第0312号');
    const others = tableOf(build(F, attachments, 'other_attachments', i));
    expect(column(others, '文号或报告编号')).toContain('应急厅档验〔2026〕2号');
    // Left out, the number is the one the report gives elsewhere (the 密评 report's own number).
    const without = sample(F, AcceptanceReportInput, 'national-disaster-warning-platform', (r) => delete r.attachments[4].docNo);
    expect(column(tableOf(build(F, attachments, 'required_materials', without)), '文号或报告编号')[4]).toBe('SCCTC-MP-2025-0388');
  });
});
