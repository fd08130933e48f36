// 网络安全与密码应用: the level in its scheme's words, the assessments, and the classified-system approval.
import { describe, expect, it } from 'vitest';
import { build, fact, paragraphs, sample, tableOf } from '../../../../../test/support/chapter.ts';
import { AcceptanceReportInput } from '../schema.ts';
import { security } from './security.ts';

const F = 'acceptance-report';
const national = sample(F, AcceptanceReportInput, 'national-disaster-warning-platform');
const classified = sample(F, AcceptanceReportInput, 'national-classified-reserve-system');

describe('security', () => {
  it('names the MLPS level or the classified grade', () => {
    expect(paragraphs(build(F, security, 'security', national))[0]).toContain('网络安全等级保护第三级');
    expect(paragraphs(build(F, security, 'security', classified))[0]).toMatch(/^系统按涉密信息系统秘密级要求建设/);
  });

  it('lists the assessment with its filing number when given', () => {
    const t = tableOf(build(F, security, 'classified_assessment', classified));
    expect([fact(t, '涉密等级'), fact(t, '测评结论'), fact(t, '报告编号')]).toEqual(['涉密信息系统秘密级', '符合', 'BMCP-2025-0432']);
  });

  it('states the secrecy administration\'s approval, or that it is still missing', () => {
    expect(paragraphs(build(F, security, 'classified_approval', classified))).toEqual(['2025年12月5日，国家保密局以国保审〔2025〕117号批准系统投入使用。']);
    const pending = sample(F, AcceptanceReportInput, 'national-classified-reserve-system', (r) => delete r.security.classifiedApproval);
    expect(paragraphs(build(F, security, 'classified_approval', pending))).toEqual(['系统尚未取得保密行政管理部门的使用审批。']);
  });

  it('says whether the risk assessment was made during the trial operation', () => {
    expect(fact(tableOf(build(F, security, 'risk_assessment', classified)), '是否在试运行期间开展')).toBe('是');
  });

  it('states what a non-compliant assessment entails under the measure that applies', () => {
    const failed = sample(F, AcceptanceReportInput, 'national-disaster-warning-platform', (r) => (r.crypto.conclusion = 'non-compliant'));
    const text = paragraphs(build(F, security, 'crypto_assessment', failed)).join('');
    expect(text).toContain('评估结论为“不符合”');
    expect(text).toContain('按照《国家政务信息化项目建设管理办法》（国办发〔2019〕57号）第二十八条第（三）项，不符合密码应用和网络安全要求');
    expect(paragraphs(build(F, security, 'crypto_assessment', national)).join('')).not.toContain('不安排运行维护经费');
    const district = sample(F, AcceptanceReportInput, 'district-enterprise-service-platform', (r) => (r.security.protectionAssessment.conclusion = 'non-compliant'));
    expect(paragraphs(build(F, security, 'mlps_assessment', district)).join('')).toContain('第二十二条第（二）项');
  });
});
