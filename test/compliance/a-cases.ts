// Cases for the A rules (验收申请 / 验收报告, regulations.md §7.3).
import type { RuleCase } from './rule-case.ts';

const AR = 'acceptance-report' as const;
/** National, non-classified, with savings returned and three changes. */
const NAT = 'national-disaster-warning-platform';
/** National, classified (分保), applied under an approved extension. */
const CLS = 'national-classified-reserve-system';
/** District: 3-month window, 10 / 5 working-day deadlines. */
const DIS = 'district-enterprise-service-platform';

export const A_CASES: RuleCase[] = [
  // A1: the five Art. 25 materials, with the security report that fits the scheme.
  { rule: 'A1', filing: AR, sample: NAT, mutate: (i) => (i.attachments = i.attachments.filter((a: { kind: string }) => a.kind !== 'crypto-assessment')), paths: ['/attachments'] },
  { rule: 'A1', filing: AR, sample: CLS, mutate: (i) => (i.attachments.find((a: { kind: string }) => a.kind === 'classified-assessment').kind = 'mlps-assessment'), paths: ['/attachments'] },
  { rule: 'A1', filing: AR, sample: DIS, mutate: (i) => (i.attachments = i.attachments.filter((a: { kind: string }) => a.kind !== 'audit-report' && a.kind !== 'financial-report')), paths: ['/attachments'] },

  // A2: completion + 6 months (national: 2025-10-31 → 2026-04-30), + 3 months (district: 2025-06-30 → 2025-09-30), or the extension.
  { rule: 'A2', filing: AR, sample: NAT, mutate: (i) => (i.acceptance.applicationDate = '2026-05-06'), paths: ['/acceptance/applicationDate'] },
  { rule: 'A2', filing: AR, sample: DIS, mutate: (i) => (i.acceptance.applicationDate = '2025-10-09'), paths: ['/acceptance/applicationDate'] },
  { rule: 'A2', filing: AR, sample: CLS, mutate: (i) => delete i.acceptance.extension, paths: ['/acceptance/applicationDate'] },
  { rule: 'A2', filing: AR, sample: CLS, mutate: (i) => (i.acceptance.extension.newDeadline = '2026-04-01'), paths: ['/acceptance/applicationDate'] },

  { rule: 'A3', filing: AR, sample: NAT, mutate: (i) => (i.archives.accepted = false), paths: ['/archives/accepted'] },

  // A4: a new data centre states its PUE.
  { rule: 'A4', filing: AR, sample: NAT, mutate: (i) => (i.energy.newDataCentre = true), paths: ['/energy/pue'] },
  { rule: 'A4', filing: AR, sample: CLS, mutate: (i) => delete i.energy.pue, paths: ['/energy/pue'] },

  // A5: district — 10 working days after the preliminary acceptance (2025-07-22 → 2025-08-05); both — by the report date.
  { rule: 'A5', filing: AR, sample: DIS, mutate: (i) => (i.sharing.registeredDate = '2025-08-06'), paths: ['/sharing/registeredDate'] },
  {
    // Official calendar: Sunday 2025-09-28 is a working day (National Day 调休), so 10 working days after 2025-09-15 end on
    // 2025-09-28; a Monday–Friday count would allow 2025-09-29.
    rule: 'A5',
    filing: AR,
    sample: DIS,
    mutate: (i) => {
      i.acceptance.preliminaryDate = '2025-09-15';
      i.sharing.registeredDate = '2025-09-29';
      i.report.date = '2025-10-20';
    },
    paths: ['/sharing/registeredDate'],
  },
  { rule: 'A5', filing: AR, sample: NAT, mutate: (i) => (i.sharing.registeredDate = '2026-05-20'), paths: ['/sharing/registeredDate'] },

  // A6: references, the three reasons, 15 % of 概算 for self-managed changes, the total.
  { rule: 'A6', filing: AR, sample: NAT, mutate: (i) => delete i.changes[0].reference, paths: ['/changes/0/reference'] },
  { rule: 'A6', filing: AR, sample: NAT, mutate: (i) => (i.changes[1].reason = 'other'), paths: ['/changes/1/reason'] },
  { rule: 'A6', filing: AR, sample: NAT, mutate: (i) => (i.changes[0].amount = 1453), paths: ['/changes'] },
  {
    rule: 'A6',
    filing: AR,
    sample: DIS,
    mutate: (i) =>
      i.changes.push({
        description: '整体迁移至市级政务云并重构应用',
        reason: 'other',
        handling: 'approved',
        amount: 350,
        reference: { title: '关于同意调整项目建设内容的批复', docNo: '聊高信管〔2025〕8号', date: '2025-01-10' },
      }),
    paths: ['/changes'],
  },

  // A7: actual ≤ 概算; savings returned in full, by the report date.
  { rule: 'A7', filing: AR, sample: NAT, mutate: (i) => (i.investment.byItem[0].actual += 600), paths: ['/investment/byItem'] },
  { rule: 'A7', filing: AR, sample: NAT, mutate: (i) => delete i.investment.savingsReturn, paths: ['/investment/savingsReturn'] },
  { rule: 'A7', filing: AR, sample: DIS, mutate: (i) => (i.investment.savingsReturn.amount = 2), paths: ['/investment/savingsReturn/amount'] },
  { rule: 'A7', filing: AR, sample: NAT, mutate: (i) => (i.investment.savingsReturn.date = '2026-06-30'), paths: ['/investment/savingsReturn/date'] },

  // A8 (district): filed ≤ 5 working days after signing (2024-08-15 → 2024-08-22).
  { rule: 'A8', filing: AR, sample: DIS, mutate: (i) => (i.procurement.contracts[3].filedDate = '2024-08-23'), paths: ['/procurement/contracts/3/filedDate'] },
  { rule: 'A8', filing: AR, sample: DIS, mutate: (i) => delete i.procurement.contracts[1].filedDate, paths: ['/procurement/contracts/1/filedDate'] },
  {
    // Official calendar: 5 working days after 2025-09-22 end on Sunday 2025-09-28 (调休上班); Monday–Friday would give 2025-09-29.
    rule: 'A8',
    filing: AR,
    sample: DIS,
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

  { rule: 'A9', filing: AR, sample: NAT, mutate: (i) => (i.sharing.systemCatalogue.listed = false), paths: ['/sharing/systemCatalogue/listed'] },

  // A10: classified systems — the secrecy administration's approval, before the acceptance meeting.
  { rule: 'A10', filing: AR, sample: CLS, mutate: (i) => delete i.security.classifiedApproval, paths: ['/security/classifiedApproval'] },
  { rule: 'A10', filing: AR, sample: CLS, mutate: (i) => (i.security.classifiedApproval.date = '2026-05-20'), paths: ['/security/classifiedApproval/date'] },

  // A11: trial operation recorded, risk assessment within it.
  { rule: 'A11', filing: AR, sample: NAT, mutate: (i) => delete i.trialRun, paths: ['/trialRun'] },
  { rule: 'A11', filing: AR, sample: DIS, mutate: (i) => (i.security.riskAssessment.duringTrial = false), paths: ['/security/riskAssessment/duringTrial'] },
  { rule: 'A11', filing: AR, sample: NAT, mutate: (i) => (i.security.riskAssessment.date = '2025-09-20'), paths: ['/security/riskAssessment/date'] },
];
