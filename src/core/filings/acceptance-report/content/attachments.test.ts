// 附件: the Art. 25 materials first, then the others, numbered on from them.
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
    expect(column(required, '文号')[0]).toBe('—');
    const others = tableOf(build(F, attachments, 'other_attachments', classified));
    expect(column(others, '附件序号')).toEqual(['附件6', '附件7', '附件8', '附件9']);
    expect(column(others, '文号')[0]).toBe('国保审〔2025〕117号');
  });
});
