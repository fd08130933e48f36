// Cases for the X rules (延期验收申请, regulations.md §7.5).
import type { RuleCase } from './rule-case.ts';

const AE = 'acceptance-extension' as const;
/** National: completed 2026-05-31, original deadline 2026-11-30. */
const NAT = 'national-data-sharing-platform';
/** District: completed 2026-05-31, original deadline 2026-08-31. */
const DIS = 'district-smart-park-platform';

export const X_CASES: RuleCase[] = [
  { rule: 'X1', filing: AE, sample: NAT, mutate: (i) => (i.requestedDate = '2026-11-30'), paths: ['/requestedDate'] },
  { rule: 'X1', filing: AE, sample: DIS, mutate: (i) => (i.requestedDate = '2026-08-15'), paths: ['/requestedDate'] },

  { rule: 'X2', filing: AE, sample: NAT, mutate: (i) => (i.application.date = '2026-12-01'), paths: ['/application/date'] },
  { rule: 'X2', filing: AE, sample: DIS, mutate: (i) => (i.application.date = '2026-09-01'), paths: ['/application/date'] },

  { rule: 'X3', filing: AE, sample: DIS, mutate: (i) => (i.application.addressee = '聊城高新区管理委员会'), paths: ['/application/addressee'] },
  { rule: 'X3', filing: AE, sample: NAT, mutate: (i) => (i.application.addressee.zh = '财政部'), paths: ['/application/addressee/zh'] },
  { rule: 'X3', filing: AE, sample: NAT, mutate: (i) => (i.application.addressee.en = 'Ministry of Finance'), paths: ['/application/addressee/en'] },

  // X4 (district, info): the national sample has no such note; made a district project, it gets one.
  { rule: 'X4', filing: AE, sample: NAT, mutate: (i) => (i.project.jurisdiction.profile = 'district'), paths: ['/project/jurisdiction/profile'] },
];
