// Cases for the X rules (延期验收申请, regulations.md §7.5). `pass` is the last compliant input at each rule's boundary,
// `mutate` the first that is not, both worked out by hand from the measure.
import type { RuleCase } from './rule-case.ts';

const AE = 'acceptance-extension' as const;
/** National: completed 2026-05-31; 6 months → 2026-11-30, a Monday and a working day. */
const NAT = 'national-data-sharing-platform';
/** District: completed 2026-05-31; 3 months → 2026-08-31, a Monday and a working day. */
const DIS = 'district-smart-park-platform';

/**
 * Completed 2025-04-01: 6 months end on 2025-10-01, inside the National Day holiday (1–8 October 2025), so the period
 * runs to the next working day, 2025-10-09 (民法典 Art. 203 as usually read).
 */
const inNationalDay = (i: { completionDate: string; application: { date: string } }) => {
  i.completionDate = '2025-04-01';
  i.application.date = '2025-09-20';
};
/** District: completed 2025-07-01, 3 months end on 2025-10-01, moved to 2025-10-09 likewise. */
const inNationalDayDistrict = (i: { completionDate: string; application: { date: string } }) => {
  i.completionDate = '2025-07-01';
  i.application.date = '2025-09-20';
};

export const X_CASES: RuleCase[] = [
  // X1: the requested date is later than the original deadline: the day after it is the first that is.
  { rule: 'X1', filing: AE, sample: NAT, pass: (i) => (i.requestedDate = '2026-12-01'), mutate: (i) => (i.requestedDate = '2026-11-30'), paths: ['/requestedDate'] },
  { rule: 'X1', filing: AE, sample: DIS, pass: (i) => (i.requestedDate = '2026-09-01'), mutate: (i) => (i.requestedDate = '2026-08-31'), paths: ['/requestedDate'] },
  {
    rule: 'X1',
    filing: AE,
    sample: NAT,
    pass: (i) => {
      inNationalDay(i);
      i.requestedDate = '2025-10-10';
    },
    mutate: (i) => {
      inNationalDay(i);
      i.requestedDate = '2025-10-09';
    },
    paths: ['/requestedDate'],
    message: '2025年10月1日为法定节假日或休息日，期限顺延至2025年10月9日',
  },

  // X2: requested no later than the original deadline.
  { rule: 'X2', filing: AE, sample: NAT, pass: (i) => (i.application.date = '2026-11-30'), mutate: (i) => (i.application.date = '2026-12-01'), paths: ['/application/date'] },
  { rule: 'X2', filing: AE, sample: DIS, pass: (i) => (i.application.date = '2026-08-31'), mutate: (i) => (i.application.date = '2026-09-01'), paths: ['/application/date'] },
  {
    rule: 'X2',
    filing: AE,
    sample: NAT,
    pass: (i) => {
      inNationalDay(i);
      i.application.date = '2025-10-09';
    },
    mutate: (i) => {
      inNationalDay(i);
      i.application.date = '2025-10-10';
    },
    paths: ['/application/date'],
    message: '顺延至2025年10月9日',
  },
  {
    rule: 'X2',
    filing: AE,
    sample: DIS,
    pass: (i) => {
      inNationalDayDistrict(i);
      i.application.date = '2025-10-09';
    },
    mutate: (i) => {
      inNationalDayDistrict(i);
      i.application.date = '2025-10-10';
    },
    paths: ['/application/date'],
    message: '顺延至2025年10月9日',
  },

  // X3: the approving department, spacing aside.
  { rule: 'X3', filing: AE, sample: DIS, pass: (i) => (i.application.addressee = '聊城高新区信息化项目 综合管理办公室'), mutate: (i) => (i.application.addressee = '聊城高新区管理委员会'), paths: ['/application/addressee'] },
  { rule: 'X3', filing: AE, sample: NAT, mutate: (i) => (i.application.addressee.zh = '财政部'), paths: ['/application/addressee/zh'] },
  { rule: 'X3', filing: AE, sample: NAT, pass: (i) => (i.application.addressee.en = 'national development and reform  commission'), mutate: (i) => (i.application.addressee.en = 'Ministry of Finance'), paths: ['/application/addressee/en'] },

  // X4 (info, where the measure withholds funds until acceptance): the national sample has no such note; made a
  // district project, it gets one.
  { rule: 'X4', filing: AE, sample: NAT, pass: (i) => (i.project.jurisdiction.profile = 'national'), mutate: (i) => (i.project.jurisdiction.profile = 'district'), paths: ['/project/jurisdiction/profile'] },
];
