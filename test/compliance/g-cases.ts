// Cases for the G rules (every filing). `pass` is the last compliant input at each rule's boundary, `mutate` the first
// that is not, both worked out by hand.
import type { RuleCase } from './rule-case.ts';

const AE = 'acceptance-extension' as const;
/** Total 12,860.50 万元, one funding source of 12,860.50; credit code 12100000MA00112238. */
const NAT = 'national-data-sharing-platform';
/** Total 486.80 万元; region 371571 (Shandong). */
const DIS = 'district-smart-park-platform';

export const G_CASES: RuleCase[] = [
  // G1: a name of one character is a name; an empty one is not (the schema refuses it first).
  { rule: 'G1', filing: AE, sample: NAT, pass: (i) => (i.project.approvingDepartment = '委'), mutate: (i) => (i.project.approvingDepartment = ''), paths: ['/project/approvingDepartment'] },
  { rule: 'G2', filing: AE, sample: NAT, pass: (i) => (i.project.implementingBody = '处'), mutate: (i) => delete i.project.implementingBody, paths: ['/project/implementingBody'] },
  // G3: tolerance 0.01 万元 — 12,860.51 against 12,860.50 still reconciles, 12,860.48 does not.
  { rule: 'G3', filing: AE, sample: NAT, pass: (i) => (i.project.fundingSources[0].amount = 12860.51), mutate: (i) => (i.project.fundingSources[0].amount = 12860.48), paths: ['/project/fundingSources'] },
  { rule: 'G3', filing: AE, sample: DIS, pass: (i) => (i.project.investmentBreakdown[0].amount += 0.01), mutate: (i) => (i.project.investmentBreakdown[0].amount += 0.02), paths: ['/project/investmentBreakdown'] },
  { rule: 'G4', filing: AE, sample: NAT, pass: (i) => (i.project.annualOandM.channel = '部门预算'), mutate: (i) => delete i.project.annualOandM.channel, paths: ['/project/annualOandM/channel'] },
  // G5: one quantified indicator (unit and number) is enough; none is not.
  {
    rule: 'G5',
    filing: AE,
    sample: DIS,
    pass: (i) => {
      for (const t of i.project.performanceTargets.slice(1)) {
        delete t.unit;
        t.targetValue = '明显提升';
      }
    },
    mutate: (i) => {
      for (const t of i.project.performanceTargets) {
        delete t.unit;
        t.targetValue = '明显提升';
      }
    },
    paths: ['/project/performanceTargets'],
  },
  // G6: 10月 has two digits of its own; 09月 carries a leading zero.
  {
    rule: 'G6',
    filing: AE,
    sample: NAT,
    pass: (i) => (i.reasons[0] = '相关部门接口于2026年10月方才开放。'),
    mutate: (i) => (i.reasons[0] = '相关部门接口于2026年09月方才开放。'),
    paths: ['/reasons/0'],
  },
  // G7: 〔2025〕12号 is official; 〔2025〕012号 carries a leading zero.
  { rule: 'G7', filing: AE, sample: DIS, pass: (i) => (i.approval.docNo = '聊高信管〔2025〕12号'), mutate: (i) => (i.approval.docNo = '聊高信管〔2025〕012号'), paths: ['/approval/docNo'] },
  // G8: GB 32100 check character of 12100000MA0011223? is 8.
  {
    rule: 'G8',
    filing: AE,
    sample: NAT,
    pass: (i) => (i.project.constructionUnit.creditCode = '12100000MA00112238'),
    mutate: (i) => (i.project.constructionUnit.creditCode = '12100000MA00112239'),
    paths: ['/project/constructionUnit/creditCode'],
  },
  // G9: 65 (Xinjiang) is the last mainland province prefix; 99 is none.
  { rule: 'G9', filing: AE, sample: DIS, pass: (i) => (i.project.jurisdiction.regionCode = '650100'), mutate: (i) => (i.project.jurisdiction.regionCode = '991571'), paths: ['/project/jurisdiction/regionCode'] },
];
