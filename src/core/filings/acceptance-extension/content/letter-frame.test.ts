// The extension request's letter parts: title, addressee, opening, attachments, signature and note.
import { describe, expect, it } from 'vitest';
import { build, paragraphs, sample } from '../../../../../test/support/chapter.ts';
import { AcceptanceExtensionInput } from '../schema.ts';
import { letterFrame } from './letter-frame.ts';

const F = 'acceptance-extension';
const district = sample(F, AcceptanceExtensionInput, 'district-smart-park-platform');
const part = (id: string, input = district, locale: 'zh-CN' | 'en' | 'bilingual' = 'zh-CN') => paragraphs(build(F, letterFrame, id, input, locale));

describe('letter frame', () => {
  it('titles the letter as a 请示 about the project', () => {
    expect(part('title')).toEqual(['关于聊城高新区智慧园区综合管理平台建设项目延期验收的请示']);
    expect(part('title', district, 'en')[0]).toMatch(/^Request to Extend the Acceptance Deadline of the /);
  });

  it('addresses the approving department with the colon of the language', () => {
    expect(part('addressee')).toEqual(['聊城高新区信息化项目综合管理办公室：']);
    expect(part('addressee', district, 'en')).toEqual(['聊城高新区信息化项目综合管理办公室:']);
  });

  it('opens with the approval, the completion and the deadline of the district profile (3 months)', () => {
    const [opening] = part('opening');
    expect(opening).toContain('聊高信管〔2025〕12号');
    // The district measure limits when the completion acceptance is organised, not when it is applied for.
    expect(opening).toContain('建设完成后3个月内、即2026年8月31日前组织完成竣工验收。因下述原因，项目无法按期组织完成竣工验收');
    const national = sample(F, AcceptanceExtensionInput, 'national-data-sharing-platform');
    expect(part('opening', national)[0]).toContain('建设完成后6个月内、即2026年11月30日前申请验收。');
  });

  it('moves a deadline that ends in a holiday to the next working day and says so', () => {
    const i = sample(F, AcceptanceExtensionInput, 'national-data-sharing-platform', (r) => (r.completionDate = '2025-04-01'));
    expect(part('opening', i)[0]).toContain('即2025年10月9日前申请验收（2025年10月1日为法定节假日或休息日，期限顺延至其后第一个工作日）');
  });

  it('lists one attachment without a number, several numbered', () => {
    expect(part('attachments')).toEqual(['附件：项目剩余工作进度计划表']);
    const two = sample(F, AcceptanceExtensionInput, 'district-smart-park-platform', (r) => r.attachments.push('密评机构排期函'));
    expect(part('attachments', two)).toEqual(['附件：1. 项目剩余工作进度计划表', '2. 密评机构排期函']);
  });

  it('signs with the unit and the date of the request, and notes the contact', () => {
    expect(part('signature')).toEqual(['聊城高新技术产业开发区管理委员会', '2026年8月20日']);
    expect(part('signature', district, 'en')[1]).toBe('20 August 2026');
    expect(part('note')).toEqual(['（联系人：孙立新；联系电话：0635-8881266）']);
  });

  it('writes the sentences once per language in a bilingual letter', () => {
    const closing = build(F, letterFrame, 'closing', district, 'bilingual');
    expect(closing.map((b) => (b.kind === 'p' ? [b.text, b.alt ?? false] : []))).toEqual([
      ['妥否，请批示。', false],
      ['We hereby request your approval.', true],
    ]);
  });
});
