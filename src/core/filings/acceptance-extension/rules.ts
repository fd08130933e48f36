// X: the compliance rules of the 延期验收申请 (request to extend the acceptance deadline), regulations.md §7.5.
import { formatDate } from '../../format/format.ts';
import { art, item } from '../../regulations/documents.ts';
import { defineRule, type Rule, type Violation } from '../../compliance/rule.ts';
import { dateVars, shiftVars } from '../../compliance/message-vars.ts';
import { PERIOD_END_POLICY } from '../../deadlines/periods.ts';
import { citeMeasure, profilesWhere } from '../../regulations/profiles.ts';
import { sidesOf } from '../prose/bilingual.ts';
import { acceptanceWindowMonths, originalPeriod } from './figures.ts';
import type { AcceptanceExtensionInput } from './schema.ts';

type I = AcceptanceExtensionInput;

/** Names compared without spacing (Chinese) or case and runs of spaces (English). */
const sameZh = (a: string, b: string) => a.replace(/\s+/g, '') === b.replace(/\s+/g, '');
const sameEn = (a: string, b: string) => a.trim().replace(/\s+/g, ' ').toLowerCase() === b.trim().replace(/\s+/g, ' ').toLowerCase();

export const EXTENSION_RULES: readonly Rule<I>[] = [
  defineRule<I>({
    id: 'X1',
    group: 'X',
    severity: 'error',
    citations: [{ doc: 'gbf-2019-57', article: art(25) }, { doc: 'customary', article: item('延期验收申请的内容', 'content of an extension request') }],
    message: {
      zh: '延期验收申请须写明未能按期验收的原因、建设进展和申请延期至的日期，且该日期应晚于原定的验收期限：{problem}。',
      en: 'An extension request must state the reasons for the delay, the progress and the requested new date, which must be later than the original deadline: {problemEn}.',
    },
    note: { zh: `原定期限按月计算，${PERIOD_END_POLICY.note.zh}。`, en: `The original deadline is a period of months: ${PERIOD_END_POLICY.note.en}.` },
    paths: ['/reasons', '/progress', '/requestedDate'],
    check: (i, ctx) => {
      const out: Violation[] = [];
      if (!i.reasons?.length) out.push({ path: '/reasons', vars: { problem: '未写明原因', problemEn: 'no reasons are given' } });
      if (!i.progress) out.push({ path: '/progress', vars: { problem: '未写明建设进展', problemEn: 'the progress is not stated' } });
      if (!i.requestedDate) return [...out, { path: '/requestedDate', vars: { problem: '未写明申请延期至的日期', problemEn: 'no new date is requested' } }];
      const period = originalPeriod(i);
      ctx.unknownCalendarYears('/requestedDate', period.unknownYears);
      if (i.requestedDate <= period.end) {
        const months = acceptanceWindowMonths(i.project.jurisdiction.profile);
        const shift = shiftVars(period);
        out.push({
          path: '/requestedDate',
          vars: {
            problem: `申请延期至${formatDate(i.requestedDate, 'zh-CN')}，不晚于建设完成后${months}个月的原定期限${formatDate(period.end, 'zh-CN')}${shift.shift}`,
            problemEn: `the requested date of ${formatDate(i.requestedDate, 'en')} is not later than the original deadline of ${formatDate(period.end, 'en')} (${months} months after completion)${shift.shiftEn}`,
          },
          citations: [citeMeasure(ctx.jurisdiction, ctx.jurisdiction.acceptance.article)],
        });
      }
      return out;
    },
  }),
  defineRule<I>({
    id: 'X2',
    group: 'X',
    severity: 'warning',
    citations: [{ doc: 'customary', article: item('延期验收申请应在期限届满前提出', 'an extension is requested before the deadline passes') }, { doc: 'gbf-2019-57', article: art(25) }],
    message: {
      zh: '延期验收申请应在原定的验收期限（建设完成后{months}个月，即{deadline}{shift}）届满前提出，本申请日期为{date}。',
      en: 'The extension should be requested before the original deadline ({months} months after completion, {deadlineEn}{shiftEn}) passes; this request is dated {dateEn}.',
    },
    note: { zh: `原定期限按月计算，${PERIOD_END_POLICY.note.zh}。`, en: `The original deadline is a period of months: ${PERIOD_END_POLICY.note.en}.` },
    paths: ['/application/date'],
    check: (i, ctx) => {
      const period = originalPeriod(i);
      ctx.unknownCalendarYears('/application/date', period.unknownYears);
      if (i.application.date <= period.end) return [];
      return [
        {
          path: '/application/date',
          vars: { months: acceptanceWindowMonths(i.project.jurisdiction.profile), ...dateVars('deadline', period.end), ...shiftVars(period), ...dateVars('date', i.application.date) },
          citations: [citeMeasure(ctx.jurisdiction, ctx.jurisdiction.acceptance.article)],
        },
      ];
    },
  }),
  defineRule<I>({
    id: 'X3',
    group: 'X',
    severity: 'error',
    citations: [{ doc: 'gbf-2019-57', article: art(25) }],
    message: {
      zh: '延期验收申请应主送项目审批部门“{department}”，而不是“{addressee}”。',
      en: 'The extension request must be addressed to the approving department, "{department}", not "{addressee}".',
    },
    paths: ['/application/addressee', '/application/addressee/zh', '/application/addressee/en'],
    check: (i) => {
      const to = sidesOf(i.application.addressee);
      const dept = sidesOf(i.project.approvingDepartment);
      const object = typeof i.application.addressee !== 'string';
      // The names quoted are those of the language that differs, in both messages.
      if (!sameZh(to.zh, dept.zh)) return [{ path: object ? '/application/addressee/zh' : '/application/addressee', vars: { department: dept.zh, addressee: to.zh } }];
      if (to.en !== undefined && dept.en !== undefined && !sameEn(to.en, dept.en)) return [{ path: '/application/addressee/en', vars: { department: dept.en, addressee: to.en } }];
      return [];
    },
  }),
  defineRule<I>({
    id: 'X4',
    group: 'X',
    profiles: profilesWhere((p) => p.acceptance.fundsWithheldUntilAccepted !== null),
    severity: 'info',
    citations: [{ doc: 'district-measure', article: art(19) }],
    message: {
      zh: '依照本项目适用的办法，项目通过验收前不再安排后续建设资金和运行维护经费。',
      en: 'Under the measure that applies, no further construction or O&M funds are released until the project passes acceptance.',
    },
    paths: ['/project/jurisdiction/profile'],
    check: (_i, ctx) => {
      const withheld = ctx.jurisdiction.acceptance.fundsWithheldUntilAccepted;
      return withheld ? [{ path: '/project/jurisdiction/profile', citations: [citeMeasure(ctx.jurisdiction, withheld.article)] }] : [];
    },
  }),
];
