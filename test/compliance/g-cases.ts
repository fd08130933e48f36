// Cases for the G rules (every filing).
import type { RuleCase } from './rule-case.ts';

const AE = 'acceptance-extension' as const;
const NAT = 'national-data-sharing-platform';
const DIS = 'district-smart-park-platform';

export const G_CASES: RuleCase[] = [
  { rule: 'G1', filing: AE, sample: NAT, mutate: (i) => (i.project.approvingDepartment = ''), paths: ['/project/approvingDepartment'] },
  { rule: 'G2', filing: AE, sample: NAT, mutate: (i) => delete i.project.implementingBody, paths: ['/project/implementingBody'] },
  { rule: 'G3', filing: AE, sample: NAT, mutate: (i) => (i.project.fundingSources[0].amount -= 10), paths: ['/project/fundingSources'] },
  { rule: 'G3', filing: AE, sample: DIS, mutate: (i) => (i.project.investmentBreakdown[0].amount += 0.02), paths: ['/project/investmentBreakdown'] },
  { rule: 'G4', filing: AE, sample: NAT, mutate: (i) => delete i.project.annualOandM.channel, paths: ['/project/annualOandM/channel'] },
  {
    rule: 'G5',
    filing: AE,
    sample: DIS,
    mutate: (i) => {
      for (const t of i.project.performanceTargets) {
        delete t.unit;
        t.targetValue = '明显提升';
      }
    },
    paths: ['/project/performanceTargets'],
  },
  { rule: 'G6', filing: AE, sample: NAT, mutate: (i) => (i.reasons[0] = '相关部门接口于2026年09月方才开放。'), paths: ['/reasons/0'] },
  { rule: 'G7', filing: AE, sample: DIS, mutate: (i) => (i.approval.docNo = '聊高信管〔2025〕012号'), paths: ['/approval/docNo'] },
  { rule: 'G8', filing: AE, sample: NAT, mutate: (i) => (i.project.constructionUnit.creditCode = '12100000MA00112239'), paths: ['/project/constructionUnit/creditCode'] },
  { rule: 'G9', filing: AE, sample: DIS, mutate: (i) => (i.project.jurisdiction.regionCode = '991571'), paths: ['/project/jurisdiction/regionCode'] },
];
