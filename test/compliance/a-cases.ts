// Cases for the A rules (验收申请 / 验收报告, regulations.md §7.3). `pass` is the last compliant input at each rule's
// boundary, `mutate` the first that is not, both worked out by hand from the measure and the official calendar.
import type { RuleCase } from './rule-case.ts';

const AR = 'acceptance-report' as const;
/** National, non-classified, 概算 9,876.40 万元, savings of 561.60 returned, self-managed changes of 64.80. */
const NAT = 'national-disaster-warning-platform';
/** National, classified (分保), applied under an approved extension to 2026-04-30. */
const CLS = 'national-classified-reserve-system';
/** District: 3 months to organise the completion acceptance, 10 / 5 working-day deadlines, 概算 368.50 万元. */
const DIS = 'district-enterprise-service-platform';

type Input = any; // eslint-disable-line @typescript-eslint/no-explicit-any
const kind = (i: Input, k: string) => i.attachments.findIndex((a: { kind: string }) => a.kind === k);

export const A_CASES: RuleCase[] = [
  // A1: the five Art. 25 materials, with the security report that fits the scheme; exactly those five pass.
  {
    rule: 'A1',
    filing: AR,
    sample: NAT,
    pass: (i) => (i.attachments = i.attachments.filter((a: { kind: string }) => ['construction-summary', 'financial-report', 'audit-report', 'mlps-assessment', 'crypto-assessment'].includes(a.kind))),
    mutate: (i) => (i.attachments = i.attachments.filter((a: { kind: string }) => a.kind !== 'crypto-assessment')),
    paths: ['/attachments'],
  },
  { rule: 'A1', filing: AR, sample: CLS, mutate: (i) => (i.attachments[kind(i, 'classified-assessment')].kind = 'mlps-assessment'), paths: ['/attachments'] },
  { rule: 'A1', filing: AR, sample: DIS, mutate: (i) => (i.attachments = i.attachments.filter((a: { kind: string }) => a.kind !== 'audit-report' && a.kind !== 'financial-report')), paths: ['/attachments'] },

  // A2 national: the application within 6 months — completed 2025-10-31, so by 2026-04-30 (a Thursday, a working day).
  { rule: 'A2', filing: AR, sample: NAT, pass: (i) => (i.acceptance.applicationDate = '2026-04-30'), mutate: (i) => (i.acceptance.applicationDate = '2026-05-01'), paths: ['/acceptance/applicationDate'] },
  // A2 district: the completion acceptance *organised* (its meeting held) within 3 months — completed 2025-06-30, so by
  // 2025-09-30; the application date does not count.
  {
    rule: 'A2',
    filing: AR,
    sample: DIS,
    pass: (i) => {
      i.acceptance.meetingDate = '2025-09-30';
      i.acceptance.applicationDate = '2025-09-29';
    },
    mutate: (i) => (i.acceptance.meetingDate = '2025-10-01'),
    paths: ['/acceptance/meetingDate'],
  },
  // A2 ending in a holiday: completed 2025-04-01, 6 months end on 2025-10-01 in the National Day holiday (1–8
  // October), so the application is in time up to the next working day, 2025-10-09.
  {
    rule: 'A2',
    filing: AR,
    sample: NAT,
    pass: (i) => {
      i.construction.completionDate = '2025-04-01';
      i.acceptance.applicationDate = '2025-10-09';
    },
    mutate: (i) => {
      i.construction.completionDate = '2025-04-01';
      i.acceptance.applicationDate = '2025-10-10';
    },
    paths: ['/acceptance/applicationDate'],
    message: '2025年10月1日为法定节假日或休息日，期限顺延至2025年10月9日',
  },
  // District, ending in the same holiday: completed 2025-07-01, 3 months → 2025-10-01 → 2025-10-09.
  {
    rule: 'A2',
    filing: AR,
    sample: DIS,
    pass: (i) => {
      i.construction.completionDate = '2025-07-01';
      i.acceptance.meetingDate = '2025-10-09';
    },
    mutate: (i) => {
      i.construction.completionDate = '2025-07-01';
      i.acceptance.meetingDate = '2025-10-10';
    },
    paths: ['/acceptance/meetingDate'],
    message: '顺延至2025年10月9日',
  },
  // A period ending on a 调休 working Sunday is not moved: completed 2025-03-28, 6 months → Sunday 2025-09-28, a working day.
  {
    rule: 'A2',
    filing: AR,
    sample: NAT,
    pass: (i) => {
      i.construction.completionDate = '2025-03-28';
      i.acceptance.applicationDate = '2025-09-28';
    },
    mutate: (i) => {
      i.construction.completionDate = '2025-03-28';
      i.acceptance.applicationDate = '2025-09-29';
    },
    paths: ['/acceptance/applicationDate'],
  },
  // Under an approved extension to 2026-04-30: that day is the last.
  { rule: 'A2', filing: AR, sample: CLS, pass: (i) => (i.acceptance.applicationDate = '2026-04-30'), mutate: (i) => (i.acceptance.applicationDate = '2026-05-01'), paths: ['/acceptance/applicationDate'] },
  { rule: 'A2', filing: AR, sample: CLS, mutate: (i) => delete i.acceptance.extension, paths: ['/acceptance/applicationDate'] },

  { rule: 'A3', filing: AR, sample: NAT, pass: (i) => (i.archives.accepted = true), mutate: (i) => (i.archives.accepted = false), paths: ['/archives/accepted'] },

  // A4: a new data centre states its PUE.
  {
    rule: 'A4',
    filing: AR,
    sample: NAT,
    pass: (i) => {
      i.energy.newDataCentre = true;
      i.energy.pue = 1.3;
    },
    mutate: (i) => (i.energy.newDataCentre = true),
    paths: ['/energy/pue'],
  },
  { rule: 'A4', filing: AR, sample: CLS, mutate: (i) => delete i.energy.pue, paths: ['/energy/pue'] },

  // A5 district: 10 working days after the preliminary acceptance of Tuesday 2025-07-22 end on Tuesday 2025-08-05.
  { rule: 'A5', filing: AR, sample: DIS, pass: (i) => (i.sharing.registeredDate = '2025-08-05'), mutate: (i) => (i.sharing.registeredDate = '2025-08-06'), paths: ['/sharing/registeredDate'] },
  {
    // Official calendar: Sunday 2025-09-28 is a working day (National Day 调休), so 10 working days after 2025-09-15 end on
    // 2025-09-28; a Monday–Friday count would allow 2025-09-29.
    rule: 'A5',
    filing: AR,
    sample: DIS,
    pass: (i) => {
      i.acceptance.preliminaryDate = '2025-09-15';
      i.sharing.registeredDate = '2025-09-28';
      i.report.date = '2025-10-20';
    },
    mutate: (i) => {
      i.acceptance.preliminaryDate = '2025-09-15';
      i.sharing.registeredDate = '2025-09-29';
      i.report.date = '2025-10-20';
    },
    paths: ['/sharing/registeredDate'],
    severity: 'error',
  },
  // National: registered by the report date (2026-05-08), a warning.
  { rule: 'A5', filing: AR, sample: NAT, pass: (i) => (i.sharing.registeredDate = '2026-05-08'), mutate: (i) => (i.sharing.registeredDate = '2026-05-09'), paths: ['/sharing/registeredDate'], severity: 'warning' },

  // A6 national: self-managed changes up to 15 % of 9,876.40 = 1,481.46 万元; they are 36.20 + 28.60, so the first may
  // grow to 1,452.86 and no further.
  { rule: 'A6', filing: AR, sample: NAT, pass: (i) => (i.changes[0].amount = 1452.86), mutate: (i) => (i.changes[0].amount = 1452.87), paths: ['/changes'] },
  // A change that moves no money may go without a document nationally; one that moves 0.01 万元 may not.
  {
    rule: 'A6',
    filing: AR,
    sample: NAT,
    pass: (i) => {
      i.changes[0].amount = 0;
      delete i.changes[0].reference;
    },
    mutate: (i) => {
      i.changes[0].amount = 0.01;
      delete i.changes[0].reference;
    },
    paths: ['/changes/0/reference'],
  },
  { rule: 'A6', filing: AR, sample: NAT, mutate: (i) => (i.changes[1].reason = 'other'), paths: ['/changes/1/reason'] },
  // A6 district (Art. 16): no self-managed route — an approved change passes, the same change self-managed does not, and
  // every change names its approval, even one that moves no money.
  { rule: 'A6', filing: AR, sample: DIS, pass: (i) => (i.changes[0].handling = 'approved'), mutate: (i) => (i.changes[0].handling = 'self-managed'), paths: ['/changes/0/handling'] },
  {
    rule: 'A6',
    filing: AR,
    sample: DIS,
    pass: (i) => (i.changes[0].amount = 0),
    mutate: (i) => {
      i.changes[0].amount = 0;
      delete i.changes[0].reference;
    },
    paths: ['/changes/0/reference'],
  },
  // All changes within the 概算 of 368.50: 18.60 + 349.90 is exactly it, 18.60 + 350.00 is over.
  {
    rule: 'A6',
    filing: AR,
    sample: DIS,
    pass: (i) =>
      i.changes.push({ description: '整体迁移至市级政务云并重构应用', reason: 'other', handling: 'approved', amount: 349.9, reference: { title: '关于同意调整项目建设内容的批复', docNo: '聊高信管〔2025〕8号', date: '2025-01-10' } }),
    mutate: (i) =>
      i.changes.push({ description: '整体迁移至市级政务云并重构应用', reason: 'other', handling: 'approved', amount: 350, reference: { title: '关于同意调整项目建设内容的批复', docNo: '聊高信管〔2025〕8号', date: '2025-01-10' } }),
    paths: ['/changes'],
  },

  // A7: actual ≤ 概算 (9,314.80 + 561.60 = 9,876.40 exactly; 561.61 more is over); savings returned in full by the report.
  { rule: 'A7', filing: AR, sample: NAT, pass: (i) => (i.investment.byItem[0].actual += 561.6), mutate: (i) => (i.investment.byItem[0].actual += 561.61), paths: ['/investment/byItem'] },
  { rule: 'A7', filing: AR, sample: NAT, mutate: (i) => delete i.investment.savingsReturn, paths: ['/investment/savingsReturn'] },
  { rule: 'A7', filing: AR, sample: NAT, pass: (i) => (i.investment.savingsReturn.amount = 561.6), mutate: (i) => (i.investment.savingsReturn.amount = 561.59), paths: ['/investment/savingsReturn/amount'] },
  { rule: 'A7', filing: AR, sample: DIS, mutate: (i) => (i.investment.savingsReturn.amount = 2), paths: ['/investment/savingsReturn/amount'] },
  { rule: 'A7', filing: AR, sample: NAT, pass: (i) => (i.investment.savingsReturn.date = '2026-05-08'), mutate: (i) => (i.investment.savingsReturn.date = '2026-05-09'), paths: ['/investment/savingsReturn/date'] },

  // A8 (district): filed ≤ 5 working days after signing — Thursday 2024-08-15 → Thursday 2024-08-22.
  { rule: 'A8', filing: AR, sample: DIS, pass: (i) => (i.procurement.contracts[3].filedDate = '2024-08-22'), mutate: (i) => (i.procurement.contracts[3].filedDate = '2024-08-23'), paths: ['/procurement/contracts/3/filedDate'] },
  { rule: 'A8', filing: AR, sample: DIS, mutate: (i) => delete i.procurement.contracts[1].filedDate, paths: ['/procurement/contracts/1/filedDate'] },
  {
    // Official calendar: 5 working days after 2025-09-22 end on Sunday 2025-09-28 (调休上班); Monday–Friday would give 2025-09-29.
    rule: 'A8',
    filing: AR,
    sample: DIS,
    pass: (i) => {
      i.procurement.contracts[0].signDate = '2025-09-22';
      i.procurement.contracts[0].filedDate = '2025-09-28';
    },
    mutate: (i) => {
      i.procurement.contracts[0].signDate = '2025-09-22';
      i.procurement.contracts[0].filedDate = '2025-09-29';
    },
    paths: ['/procurement/contracts/0/filedDate'],
  },
  {
    // A year the holiday data does not cover: counted Monday–Friday, and the engine adds a calendar note for the path.
    rule: 'A8',
    filing: AR,
    sample: DIS,
    mutate: (i) => {
      i.procurement.contracts[2].signDate = '2027-03-01';
      i.procurement.contracts[2].filedDate = '2027-03-10';
    },
    paths: ['/procurement/contracts/2/filedDate'],
    note: '2027',
  },

  { rule: 'A9', filing: AR, sample: NAT, pass: (i) => (i.sharing.systemCatalogue = { listed: true }), mutate: (i) => (i.sharing.systemCatalogue.listed = false), paths: ['/sharing/systemCatalogue/listed'] },

  // A10: classified systems — the secrecy administration's approval, on the day of the acceptance meeting at the latest.
  { rule: 'A10', filing: AR, sample: CLS, mutate: (i) => delete i.security.classifiedApproval, paths: ['/security/classifiedApproval'] },
  { rule: 'A10', filing: AR, sample: CLS, pass: (i) => (i.security.classifiedApproval.date = '2026-05-14'), mutate: (i) => (i.security.classifiedApproval.date = '2026-05-15'), paths: ['/security/classifiedApproval/date'] },

  // A11: trial operation recorded, risk assessment within it (2025-05-06 to 2025-08-31, both days included).
  { rule: 'A11', filing: AR, sample: NAT, mutate: (i) => delete i.trialRun, paths: ['/trialRun'] },
  { rule: 'A11', filing: AR, sample: DIS, mutate: (i) => (i.security.riskAssessment.duringTrial = false), paths: ['/security/riskAssessment/duringTrial'] },
  { rule: 'A11', filing: AR, sample: NAT, pass: (i) => (i.security.riskAssessment.date = '2025-08-31'), mutate: (i) => (i.security.riskAssessment.date = '2025-09-01'), paths: ['/security/riskAssessment/date'] },
  { rule: 'A11', filing: AR, sample: NAT, pass: (i) => (i.security.riskAssessment.date = '2025-05-06'), mutate: (i) => (i.security.riskAssessment.date = '2025-05-05'), paths: ['/security/riskAssessment/date'] },

  // A12: 基本符合 still meets the requirement; 不符合 cannot sit with "passed" (but can with 限期整改).
  { rule: 'A12', filing: AR, sample: NAT, pass: (i) => (i.crypto.conclusion = 'basically-compliant'), mutate: (i) => (i.crypto.conclusion = 'non-compliant'), paths: ['/crypto/conclusion'] },
  {
    rule: 'A12',
    filing: AR,
    sample: NAT,
    pass: (i) => {
      i.security.protectionAssessment.conclusion = 'non-compliant';
      i.acceptance.conclusion = 'rectify';
    },
    mutate: (i) => (i.security.protectionAssessment.conclusion = 'non-compliant'),
    paths: ['/security/protectionAssessment/conclusion'],
  },
  { rule: 'A12', filing: AR, sample: CLS, mutate: (i) => (i.security.protectionAssessment.conclusion = 'non-compliant'), paths: ['/security/protectionAssessment/conclusion'], message: '分级保护测评' },

  // A13: filed with the approving department nationally, with the 综合管理办公室 in the district; after acceptance.
  { rule: 'A13', filing: AR, sample: NAT, mutate: (i) => delete i.acceptance.reportFiling, paths: ['/acceptance/reportFiling'], severity: 'warning' },
  { rule: 'A13', filing: AR, sample: NAT, pass: (i) => (i.acceptance.reportFiling.recipient = '国家发展和改革委员会'), mutate: (i) => (i.acceptance.reportFiling.recipient = '财政部'), paths: ['/acceptance/reportFiling/recipient'] },
  { rule: 'A13', filing: AR, sample: DIS, pass: (i) => (i.acceptance.reportFiling.recipient = '聊城高新区综合管理办公室'), mutate: (i) => (i.acceptance.reportFiling.recipient = '聊城高新区财政金融局'), paths: ['/acceptance/reportFiling/recipient'] },
  // The acceptance meeting is on 2026-04-22: filing that day is after acceptance, the day before is not.
  { rule: 'A13', filing: AR, sample: NAT, pass: (i) => (i.acceptance.reportFiling.date = '2026-04-22'), mutate: (i) => (i.acceptance.reportFiling.date = '2026-04-21'), paths: ['/acceptance/reportFiling/date'] },

  // A14: each report's issuer is its own — the auditor, the assessment bodies, the tester; left out, it is taken from the
  // body the report names for it, never the construction unit.
  { rule: 'A14', filing: AR, sample: NAT, pass: (i) => delete i.attachments[kind(i, 'audit-report')].issuer, mutate: (i) => (i.attachments[kind(i, 'audit-report')].issuer = i.project.constructionUnit.name), paths: ['/attachments/2/issuer'] },
  { rule: 'A14', filing: AR, sample: NAT, mutate: (i) => (i.attachments[kind(i, 'mlps-assessment')].issuer = '北京某网络安全测评有限公司'), paths: ['/attachments/3/issuer'] },
  {
    rule: 'A14',
    filing: AR,
    sample: NAT,
    // The test report names no issuer: with its number it is the tester of that test; with a number no test has, nobody.
    pass: (i) => delete i.attachments[kind(i, 'test-report')].issuer,
    mutate: (i) => {
      delete i.attachments[kind(i, 'test-report')].issuer;
      i.attachments[kind(i, 'test-report')].docNo = 'CSTC-2025-X-0001';
    },
    paths: ['/attachments/8/issuer'],
  },
  { rule: 'A14', filing: AR, sample: CLS, mutate: (i) => (i.attachments[kind(i, 'supervision-report')].issuer = i.project.constructionUnit.name), paths: ['/attachments/7/issuer'] },
];
