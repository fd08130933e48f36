// The compliance rules of the 验收申请 / 验收报告 (regulations.md §7.3): A1–A14 (A6 in change-rules.ts, A12–A14 in
// assessment-rules.ts), and P21 (the 概算 against the 可研 estimate), which only this filing can check because only
// its approval list records both figures.
import { addWorkingDays } from '../../deadlines/working-days.ts';
import { formatDate, formatNumber2, formatPercent, toCents } from '../../format/format.ts';
import { lookup } from '../../i18n/catalogue.ts';
import { art, item } from '../../regulations/documents.ts';
import { citeMeasure, profilesWhere } from '../../regulations/profiles.ts';
import { PERIOD_END_POLICY } from '../../deadlines/periods.ts';
import { defineRule, type Rule, type Violation } from '../../compliance/rule.ts';
import { dateVars, shiftVars } from '../../compliance/message-vars.ts';
import { enOrZh, zhOf } from '../prose/bilingual.ts';
import { acceptanceFigures, missingMaterialKinds } from './figures.ts';
import { ASSESSMENT_RULES } from './assessment-rules.ts';
import { CHANGE_RULE } from './change-rules.ts';
import type { AcceptanceReportInput } from './schema.ts';

type I = AcceptanceReportInput;

const kindName = (kind: string, lang: 'zh-CN' | 'en'): string => lookup(lang, `filings.acceptance-report.labels.kindOf.${kind}`) ?? kind;

export const ACCEPTANCE_RULES: readonly Rule<I>[] = [
  ...ASSESSMENT_RULES,
  defineRule<I>({
    id: 'A1',
    group: 'A',
    severity: 'error',
    citations: [{ doc: 'gbf-2019-57', article: art(25) }, { doc: 'district-measure', article: art(19) }],
    message: {
      zh: '验收申请须附送项目建设总结、财务报告、审计报告、安全风险评估报告（涉密系统为安全保密测评报告，非涉密系统为等级保护测评报告）和密码应用安全性评估报告；缺少：{missing}。',
      en: 'The acceptance application must enclose the construction summary, financial report, audit report, security assessment (secrecy assessment for classified systems, MLPS assessment otherwise) and cryptography assessment; missing: {missingEn}.',
    },
    paths: ['/attachments'],
    check: (i) => {
      const missing = missingMaterialKinds(i);
      if (!missing.length) return [];
      return [{ path: '/attachments', vars: { missing: missing.map((k) => kindName(k, 'zh-CN')).join('、'), missingEn: missing.map((k) => kindName(k, 'en')).join('; ') } }];
    },
  }),
  defineRule<I>({
    id: 'A2',
    group: 'A',
    severity: 'error',
    citations: [{ doc: 'gbf-2019-57', article: art(25) }, { doc: 'district-measure', article: art(19) }],
    message: {
      zh: '{act}{date}晚于建设完成后{months}个月的期限（{deadline}）{shift}，且没有覆盖该日期的延期验收批复。',
      en: 'The {actEn} of {dateEn} is later than the deadline of {months} months after completion ({deadlineEn}){shiftEn}, and no approved extension covers it.',
    },
    note: {
      zh: `57号第二十五条限定的是建设单位提出验收申请的时间，区级办法第十九条限定的是建设单位组织完成竣工验收的时间，后者按竣工验收会议日期判断；按月计算的期限，${PERIOD_END_POLICY.note.zh}。`,
      en: `57号 Art. 25 limits when the unit applies for acceptance; the district measure's Art. 19 limits when the completion acceptance is organised, read as the date of the acceptance meeting. For periods of months, ${PERIOD_END_POLICY.note.en}.`,
    },
    paths: ['/acceptance/applicationDate', '/acceptance/meetingDate'],
    check: (i, ctx) => {
      const f = acceptanceFigures(i);
      const path = f.deadlineAct === 'organised' ? '/acceptance/meetingDate' : '/acceptance/applicationDate';
      ctx.unknownCalendarYears(path, f.deadline.unknownYears);
      if (f.inTime) return [];
      const act = f.deadlineAct === 'organised' ? { act: '竣工验收会议（组织验收）日期', actEn: 'completion acceptance meeting' } : { act: '验收申请日期', actEn: 'acceptance application' };
      return [
        {
          path,
          vars: { months: f.windowMonths, ...act, ...dateVars('date', f.actDate), ...dateVars('deadline', f.deadline.end), ...shiftVars(f.deadline) },
          citations: [citeMeasure(ctx.jurisdiction, ctx.jurisdiction.acceptance.article)],
        },
      ];
    },
  }),
  defineRule<I>({
    id: 'A3',
    group: 'A',
    severity: 'error',
    citations: [{ doc: 'gbf-2019-57', article: art(26) }],
    message: {
      zh: '项目档案未通过验收，项目不得通过验收。',
      en: 'The project archives have not passed their acceptance, so the project cannot pass acceptance.',
    },
    paths: ['/archives/accepted'],
    check: (i) => (i.archives.accepted ? [] : [{ path: '/archives/accepted' }]),
  }),
  defineRule<I>({
    id: 'A4',
    group: 'A',
    severity: 'error',
    citations: [{ doc: 'gbf-2019-57', article: art(16) }, { doc: 'gbf-2019-57', article: art(15) }, { doc: 'fgg-2013-266' }],
    message: {
      zh: '验收报告须说明{what}。',
      en: 'The report must cover {whatEn}.',
    },
    paths: ['/productSafety', '/crypto', '/energy/statement', '/energy/pue'],
    check: (i) => {
      const out: Violation[] = [];
      if (!i.productSafety?.length) out.push({ path: '/productSafety', vars: { what: '软硬件产品的安全可靠情况', whatEn: 'the safety and reliability of the hardware and software products' } });
      if (!i.crypto) out.push({ path: '/crypto', vars: { what: '密码应用及其安全性评估情况', whatEn: 'the cryptography application and its security assessment' } });
      if (!i.energy?.statement?.length) out.push({ path: '/energy/statement', vars: { what: '硬件设备和新建数据中心的能效情况', whatEn: 'the energy efficiency of the hardware and of any new data centre' } });
      else if (i.energy.newDataCentre && i.energy.pue === undefined)
        out.push({ path: '/energy/pue', vars: { what: '新建数据中心（机房）的电能使用效率（PUE）', whatEn: 'the power usage effectiveness (PUE) of the new data centre (machine room)' } });
      return out;
    },
  }),
  defineRule<I>({
    id: 'A5',
    group: 'A',
    // An error where the measure sets the registration deadline; elsewhere registering late is a warning.
    severity: (p) => (p.catalogue.registrationWorkingDays === null ? 'warning' : 'error'),
    citations: [{ doc: 'district-measure', article: art(25) }, { doc: 'district-measure', article: art(26) }, { doc: 'gbf-2019-57', article: art(11) }],
    message: {
      zh: '信息资源目录编制和数据归集于{date}完成，应在{when}完成（最迟{deadline}）。',
      en: 'The catalogue registration and data collection were done on {dateEn}; they must be done {whenEn} (by {deadlineEn}).',
    },
    paths: ['/sharing/registeredDate'],
    check: (i, ctx) => {
      const path = '/sharing/registeredDate';
      const registered = i.sharing.registeredDate;
      if (registered > i.report.date) {
        return [{ path, vars: { when: '本报告日期前', whenEn: 'before the date of this report', ...dateVars('date', registered), ...dateVars('deadline', i.report.date) } }];
      }
      const { registrationWorkingDays: days, registrationArticle } = ctx.jurisdiction.catalogue;
      if (days === null) return [];
      const due = addWorkingDays(i.acceptance.preliminaryDate, days);
      ctx.unknownCalendarYears(path, due.unknownYears);
      if (registered <= due.date) return [];
      return [
        {
          path,
          vars: {
            when: `初步验收后${days}个工作日内`,
            whenEn: `within ${days} working days of the preliminary acceptance`,
            ...dateVars('date', registered),
            ...dateVars('deadline', due.date),
          },
          ...(registrationArticle ? { citations: [citeMeasure(ctx.jurisdiction, registrationArticle)] } : {}),
        },
      ];
    },
  }),
  CHANGE_RULE,
  defineRule<I>({
    id: 'A7',
    group: 'A',
    severity: 'error',
    citations: [{ doc: 'gbf-2019-57', article: art(22) }, { doc: 'district-measure', article: art(15) }],
    message: {
      zh: '投资执行不合规定：{problem}',
      en: 'The investment does not follow the rules: {problemEn}',
    },
    paths: ['/investment/byItem', '/investment/savingsReturn', '/investment/savingsReturn/amount', '/investment/savingsReturn/date'],
    check: (i) => {
      const f = acceptanceFigures(i);
      const approved = formatNumber2(f.approved);
      const actual = formatNumber2(f.actual);
      if (f.overrun > 0) {
        return [
          {
            path: '/investment/byItem',
            vars: {
              problem: `实际完成投资${actual}万元，超出批复概算${approved}万元。`,
              problemEn: `actual investment of CNY ${actual} (10k) exceeds the approved budget estimate of ${approved}.`,
            },
          },
        ];
      }
      if (f.savings <= 0) return [];
      const savings = formatNumber2(f.savings);
      const ret = i.investment.savingsReturn;
      if (!ret) {
        return [
          {
            path: '/investment/savingsReturn',
            vars: {
              problem: `实际完成投资${actual}万元，结余资金${savings}万元，未说明按规定退回。`,
              problemEn: `actual investment is CNY ${actual} (10k), leaving savings of ${savings}, and their return is not shown.`,
            },
          },
        ];
      }
      const out: Violation[] = [];
      if (toCents(ret.amount) !== toCents(f.savings)) {
        out.push({
          path: '/investment/savingsReturn/amount',
          vars: {
            problem: `退回结余资金${formatNumber2(ret.amount)}万元，与结余资金${savings}万元（批复概算${approved}万元减实际完成投资${actual}万元）不符。`,
            problemEn: `CNY ${formatNumber2(ret.amount)} (10k) was returned, but the savings are ${savings} (approved ${approved} less actual ${actual}).`,
          },
        });
      }
      if (ret.date > i.report.date) {
        out.push({
          path: '/investment/savingsReturn/date',
          vars: {
            problem: `结余资金退回日期${formatDate(ret.date, 'zh-CN')}晚于本报告日期${formatDate(i.report.date, 'zh-CN')}，报告时尚未退回。`,
            problemEn: `the savings are returned on ${formatDate(ret.date, 'en')}, after this report (${formatDate(i.report.date, 'en')}), so they have not been returned yet.`,
          },
        });
      }
      return out;
    },
  }),
  defineRule<I>({
    id: 'A8',
    group: 'A',
    profiles: profilesWhere((p) => p.contractFiling !== null),
    severity: 'warning',
    citations: [{ doc: 'district-measure', article: art(13) }],
    message: {
      zh: '合同“{contract}”应在签订（{signed}）后{days}个工作日内（即{deadline}前）报{office}备案；{status}。',
      en: 'The contract "{contractEn}" must be filed with the {officeEn} within {days} working days of signing ({signedEn}), i.e. by {deadlineEn}; {statusEn}.',
    },
    paths: ['/procurement/contracts/*/filedDate'],
    check: (i, ctx) => {
      const rule = ctx.jurisdiction.contractFiling;
      if (!rule) return [];
      const out: Violation[] = [];
      i.procurement.contracts.forEach((c, n) => {
        const path = `/procurement/contracts/${n}/filedDate`;
        const due = addWorkingDays(c.signDate, rule.workingDays);
        ctx.unknownCalendarYears(path, due.unknownYears);
        if (c.filedDate !== undefined && c.filedDate <= due.date) return;
        out.push({
          path,
          vars: {
            contract: zhOf(c.name),
            contractEn: enOrZh(c.name),
            days: rule.workingDays,
            office: rule.office.zh,
            officeEn: rule.office.en,
            ...dateVars('signed', c.signDate),
            ...dateVars('deadline', due.date),
            ...(c.filedDate === undefined
              ? { status: '未填写备案日期', statusEn: 'no filing date is given' }
              : { status: `实际于${formatDate(c.filedDate, 'zh-CN')}备案`, statusEn: `it was filed on ${formatDate(c.filedDate, 'en')}` }),
          },
          citations: [citeMeasure(ctx.jurisdiction, rule.article)],
        });
      });
      return out;
    },
  }),
  defineRule<I>({
    id: 'A9',
    group: 'A',
    severity: 'warning',
    citations: [{ doc: 'gbf-2019-57', article: art(12) }, { doc: 'gbf-2019-57', article: art(28) }],
    message: {
      zh: '系统尚未纳入政务信息系统目录；未纳入目录的系统不安排运行维护经费。',
      en: 'The system is not listed in the government information-system catalogue; unlisted systems receive no O&M funds.',
    },
    paths: ['/sharing/systemCatalogue/listed'],
    check: (i) => (i.sharing.systemCatalogue.listed ? [] : [{ path: '/sharing/systemCatalogue/listed' }]),
  }),
  defineRule<I>({
    id: 'A10',
    group: 'A',
    severity: 'error',
    citations: [{ doc: 'fgg-2013-266', article: item('涉密信息系统审批', 'approval of classified systems') }],
    message: {
      zh: '涉密信息系统须经保密行政管理部门审查批准后方可投入使用：{problem}。',
      en: 'A classified system may be put into use only after the secrecy administration has approved it: {problemEn}.',
    },
    paths: ['/security/classifiedApproval', '/security/classifiedApproval/date'],
    check: (i) => {
      if (i.project.securityLevel.scheme !== 'classified') return [];
      const a = i.security.classifiedApproval;
      if (!a) return [{ path: '/security/classifiedApproval', vars: { problem: '报告未载明该批准', problemEn: 'the report names no such approval' } }];
      if (a.date <= i.acceptance.meetingDate) return [];
      return [
        {
          path: '/security/classifiedApproval/date',
          vars: {
            problem: `批准日期${formatDate(a.date, 'zh-CN')}晚于竣工验收会议日期${formatDate(i.acceptance.meetingDate, 'zh-CN')}`,
            problemEn: `the approval of ${formatDate(a.date, 'en')} is later than the acceptance meeting of ${formatDate(i.acceptance.meetingDate, 'en')}`,
          },
        },
      ];
    },
  }),
  defineRule<I>({
    id: 'A11',
    group: 'A',
    severity: 'warning',
    citations: [{ doc: 'fgg-2013-266', article: item('试运行和安全风险评估', 'trial operation and security risk assessment') }],
    message: {
      zh: '应记录试运行情况，并在试运行期间开展安全风险评估：{problem}。',
      en: 'The trial operation and a security risk assessment made during it must be recorded: {problemEn}.',
    },
    paths: ['/trialRun', '/security/riskAssessment/duringTrial', '/security/riskAssessment/date'],
    check: (i) => {
      const t = i.trialRun;
      const r = i.security.riskAssessment;
      if (!t) return [{ path: '/trialRun', vars: { problem: '未记录试运行的起止时间和情况', problemEn: 'the trial operation (its period and findings) is not recorded' } }];
      if (!r.duringTrial) return [{ path: '/security/riskAssessment/duringTrial', vars: { problem: '安全风险评估不是在试运行期间开展的', problemEn: 'the security risk assessment was not made during the trial operation' } }];
      if (r.date >= t.start && r.date <= t.end) return [];
      return [
        {
          path: '/security/riskAssessment/date',
          vars: {
            problem: `安全风险评估日期${formatDate(r.date, 'zh-CN')}不在试运行期间（${formatDate(t.start, 'zh-CN')}至${formatDate(t.end, 'zh-CN')}）内`,
            problemEn: `the security risk assessment of ${formatDate(r.date, 'en')} falls outside the trial operation (${formatDate(t.start, 'en')} to ${formatDate(t.end, 'en')})`,
          },
        },
      ];
    },
  }),
  defineRule<I>({
    id: 'P21',
    group: 'P',
    severity: 'warning',
    citations: [{ doc: 'customary', article: item('《政府投资条例》第十二条', 'Regulations on Government Investment, Art. 12') }],
    message: {
      zh: '初步设计概算{budget}万元超过可行性研究报告投资估算{estimate}万元的10%（超出{excess}），应向审批部门报告，审批部门可要求重新报送可行性研究报告。',
      en: 'The preliminary-design budget of {budget} (CNY 10k) exceeds the feasibility estimate of {estimate} by more than 10 % ({excess}); report it to the approving department, which may ask for a new feasibility study.',
    },
    paths: ['/approvals/*/amount'],
    // Only where both figures are recorded: the latest 可研 approval and the latest 初设概算 approval with amounts.
    check: (i) => {
      let estimate: number | undefined;
      let budget: { n: number; amount: number } | undefined;
      (i.approvals ?? []).forEach((a, n) => {
        if (a.amount === undefined) return;
        if (a.stage === 'feasibility') estimate = a.amount;
        if (a.stage === 'preliminary-design') budget = { n, amount: a.amount };
      });
      if (estimate === undefined || budget === undefined || estimate <= 0) return [];
      if (toCents(budget.amount) * 10 <= toCents(estimate) * 11) return [];
      return [{ path: `/approvals/${budget.n}/amount`, vars: { budget: formatNumber2(budget.amount), estimate: formatNumber2(estimate), excess: formatPercent(((budget.amount - estimate) / estimate) * 100) } }];
    },
  }),
];
