// A12–A14: what the acceptance report must not leave unsaid — a failed 等保/分保 or 密评 assessment is incompatible with
// a "passed" acceptance, the report states its 备案, and every accompanying report names its own issuer.
import { art, item } from '../../regulations/documents.ts';
import { citeMeasure } from '../../regulations/profiles.ts';
import { defineRule, type Rule, type Violation } from '../../compliance/rule.ts';
import { enOrZh, sameName, zhOf } from '../prose/bilingual.ts';
import { isThirdParty, issuerOf, namedIssuer, reportFilingBody } from './figures.ts';
import type { AcceptanceReportInput } from './schema.ts';
import { formatDate } from '../../format/format.ts';
import { lookup } from '../../i18n/catalogue.ts';

type I = AcceptanceReportInput;

/** The role of the body that issues each kind of attachment, as the findings name it. */
const ROLE: Readonly<Record<string, { zh: string; en: string }>> = {
  'audit-report': { zh: '审计机构', en: 'auditor' },
  'mlps-assessment': { zh: '等级保护测评机构', en: 'MLPS assessment body' },
  'classified-assessment': { zh: '分级保护测评机构', en: 'classified-protection assessment body' },
  'crypto-assessment': { zh: '密码应用安全性评估机构', en: 'cryptography assessment body' },
  'risk-assessment': { zh: '安全风险评估机构', en: 'risk assessment body' },
  'supervision-report': { zh: '监理单位', en: 'supervisor' },
  'test-report': { zh: '测试机构', en: 'testing body' },
  'archives-acceptance': { zh: '档案验收组织单位', en: 'body that accepted the archives' },
  'classified-approval': { zh: '保密行政管理部门', en: 'secrecy administration' },
};
const roleOf = (kind: string) => ROLE[kind] ?? { zh: '出具单位', en: 'issuer' };
const kindName = (kind: string, lang: 'zh-CN' | 'en'): string => lookup(lang, `filings.acceptance-report.labels.kindOf.${kind}`) ?? kind;

function issuerProblems(i: I): Violation[] {
  const out: Violation[] = [];
  const unit = i.project.constructionUnit.name;
  i.attachments.forEach((a, n) => {
    const path = `/attachments/${n}/issuer`;
    const role = roleOf(a.kind);
    const vars = (problem: string, problemEn: string) => ({ kind: kindName(a.kind, 'zh-CN'), kindEn: kindName(a.kind, 'en'), problem, problemEn });
    const named = namedIssuer(i, a);
    if (a.issuer && isThirdParty(a) && sameName(a.issuer, unit)) {
      out.push({ path, vars: vars(`的出具单位写为建设单位“${zhOf(unit)}”，应为出具该报告的${role.zh}${named ? `“${zhOf(named)}”` : ''}`, `names the construction unit as its issuer; it is issued by the ${role.en}${named ? ` "${enOrZh(named)}"` : ''}`) });
    } else if (a.issuer && named && !sameName(a.issuer, named)) {
      out.push({ path, vars: vars(`的出具单位写为“${zhOf(a.issuer)}”，与本报告载明的${role.zh}“${zhOf(named)}”不一致`, `names "${enOrZh(a.issuer)}" as its issuer, but the report names "${enOrZh(named)}" as the ${role.en}`) });
    } else if (isThirdParty(a) && !issuerOf(i, a)) {
      out.push({ path, vars: vars(`未写明出具单位（${role.zh}）`, `does not name its issuer (the ${role.en})`) });
    }
  });
  return out;
}

export const ASSESSMENT_RULES: readonly Rule<I>[] = [
  defineRule<I>({
    id: 'A12',
    group: 'A',
    severity: 'error',
    citations: [
      { doc: 'gbf-2019-57', article: art(16) },
      { doc: 'gbf-2019-57', article: item('第二十八条第（三）项', 'Art. 28(3)') },
      { doc: 'district-measure', article: item('第二十二条第（二）项', 'Art. 22(2)') },
      { doc: 'district-measure', article: art(29) },
    ],
    message: {
      zh: '{assessment}结论为“不符合”，验收结论不能为“通过”：密码应用和网络安全是验收的重要内容，不符合要求的系统不安排运行维护经费，建设单位不得新建、改建、扩建政务信息系统；应整改并重新测评后再确定验收结论。',
      en: 'The {assessmentEn} concluded "non-compliant", so the acceptance cannot conclude "passed": cryptography and cyber-security are key acceptance content, and a system that fails them receives no O&M funds and may not be built, rebuilt or expanded further; rectify, re-assess, then conclude.',
    },
    note: {
      zh: '测评结论分“符合”“基本符合”“不符合”，“基本符合”视为满足要求；只有“不符合”与“通过”的验收结论相冲突。',
      en: 'Assessments conclude compliant, basically compliant or non-compliant; basically compliant is read as meeting the requirement, and only non-compliant conflicts with a passed acceptance.',
    },
    paths: ['/security/protectionAssessment/conclusion', '/crypto/conclusion'],
    check: (i) => {
      if (i.acceptance.conclusion !== 'passed') return [];
      const out: Violation[] = [];
      if (i.security.protectionAssessment.conclusion === 'non-compliant') {
        const classified = i.project.securityLevel.scheme === 'classified';
        out.push({
          path: '/security/protectionAssessment/conclusion',
          vars: classified ? { assessment: '涉密信息系统分级保护测评', assessmentEn: 'classified-protection assessment' } : { assessment: '网络安全等级保护测评', assessmentEn: 'MLPS assessment' },
        });
      }
      if (i.crypto.conclusion === 'non-compliant') {
        out.push({ path: '/crypto/conclusion', vars: { assessment: '密码应用安全性评估', assessmentEn: 'cryptography application security assessment' } });
      }
      return out;
    },
  }),
  defineRule<I>({
    id: 'A13',
    group: 'A',
    severity: 'warning',
    citations: [{ doc: 'gbf-2019-57', article: item('第二十五条第三款', 'Art. 25 ¶3') }, { doc: 'district-measure', article: art(19) }],
    message: {
      zh: '验收报告应报{expected}备案：{problem}。',
      en: 'The acceptance report is filed with the {expectedEn}: {problemEn}.',
    },
    note: {
      zh: '区级办法要求报综合管理办公室备案；备案单位名称中含“综合管理办公室”即视为符合。',
      en: "The district measure files the report with the Integrated Management Office; a recipient whose Chinese name contains 综合管理办公室 is taken to be it.",
    },
    paths: ['/acceptance/reportFiling', '/acceptance/reportFiling/recipient', '/acceptance/reportFiling/date'],
    check: (i, ctx) => {
      const body = reportFilingBody(i);
      const expected = { expected: body.zh, expectedEn: body.en };
      const citations = [citeMeasure(ctx.jurisdiction, ctx.jurisdiction.acceptance.reportFilingArticle)];
      const f = i.acceptance.reportFiling;
      if (!f) return [{ path: '/acceptance/reportFiling', vars: { ...expected, problem: '报告未写明备案单位（acceptance.reportFiling）', problemEn: 'the report does not state where it is filed (acceptance.reportFiling)' }, citations }];
      const out: Violation[] = [];
      if (!body.matches(f.recipient)) {
        out.push({ path: '/acceptance/reportFiling/recipient', vars: { ...expected, problem: `写明的备案单位为“${zhOf(f.recipient)}”`, problemEn: `the report names "${enOrZh(f.recipient)}"` }, citations });
      }
      if (f.date !== undefined && f.date < i.acceptance.meetingDate) {
        const problem = `备案日期${formatDate(f.date, 'zh-CN')}早于竣工验收会议日期${formatDate(i.acceptance.meetingDate, 'zh-CN')}，验收完成后方可备案`;
        const problemEn = `the filing date ${formatDate(f.date, 'en')} is before the acceptance meeting of ${formatDate(i.acceptance.meetingDate, 'en')}; the report is filed after acceptance`;
        out.push({ path: '/acceptance/reportFiling/date', vars: { ...expected, problem, problemEn }, citations });
      }
      return out;
    },
  }),
  defineRule<I>({
    id: 'A14',
    group: 'A',
    severity: 'error',
    citations: [{ doc: 'gbf-2019-57', article: art(25) }, { doc: 'district-measure', article: art(19) }],
    message: {
      zh: '附件“{kind}”{problem}。',
      en: 'The attachment "{kindEn}" {problemEn}.',
    },
    note: {
      zh: '审计报告、测评和评估报告、测试报告、监理报告由第三方出具，出具单位以报告其他部分载明的审计机构、测评机构、监理单位为准，未写明的不默认为建设单位。',
      en: 'Audit, assessment, test and supervision reports are issued by third parties; their issuer is the auditor, assessment body or supervisor the report names elsewhere, never the construction unit by default.',
    },
    paths: ['/attachments/*/issuer'],
    check: (i) => issuerProblems(i),
  }),
];
