// 项目概况 (overview): the project facts, its approvals and how acceptance was applied for and held (57号 Art. 25).
import type { ContentBuilders } from '../../filing.ts';
import type { ContentContext } from '../../content-context.ts';
import { normalizeDocNumber } from '../../../format/format.ts';
import { acceptanceFigures, measureOf, reportFilingBody } from '../figures.ts';
import type { AcceptanceReportInput } from '../schema.ts';
import { perLanguage } from '../../prose/bilingual.ts';
import { formatCitation } from '../../../regulations/documents.ts';
import { citeMeasure, profileData } from '../../../regulations/profiles.ts';
import { paren } from '../../prose/punctuation.ts';
import { amountCol, baseVars, noCol, opt, securityLevelText, semicolon } from './shared.ts';
import { labelCol, no } from '../../prose/tables.ts';

type I = AcceptanceReportInput;

function projectFacts(i: I, c: ContentContext): Array<readonly [string, string]> {
  const p = i.project;
  return [
    ['projectName', c.text(p.name)],
    ['projectCode', p.code],
    ['constructionUnit', c.text(p.constructionUnit.name)],
    ['creditCode', p.constructionUnit.creditCode],
    ['implementingBody', c.text(p.implementingBody)],
    ['leader', c.text(p.leader.name) + (p.leader.title ? paren(c, c.text(p.leader.title)) : '')],
    ...opt(p.accountablePerson, (x) => ['accountablePerson', c.text(x.name) + (x.title ? paren(c, c.text(x.title)) : '')] as const),
    ['approvingDepartment', c.text(p.approvingDepartment)],
    ['jurisdiction', perLanguage(c, (l) => l.text(p.jurisdiction.name) + paren(l, profileData(p.jurisdiction.profile).applies[l.lang === 'en' ? 'en' : 'zh']))],
    ...opt(p.crossDepartment, (x) => ['leadDepartment', c.text(x.leadDepartment)] as const),
    ...opt(p.crossDepartment, (x) => ['coBuilders', x.coBuilders.map((b) => c.text(b)).join(semicolon(c))] as const),
    ['projectType', c.labelInline(`ptypeOf.${p.type}`)],
    ['approvedEstimate', c.stated(p.totalInvestment)],
    ['plannedPeriod', `${c.date(i.construction.plannedStart)} — ${c.date(i.construction.plannedCompletion)}`],
    ['actualPeriod', `${c.date(i.construction.actualStart)} — ${c.date(i.construction.completionDate)}`],
    ['securityLevel', securityLevelText(c, i)],
    ['annualOandM', c.wan(p.annualOandM.amount) + paren(c, c.text(p.annualOandM.channel))],
  ];
}

/** The deadline with what it limits and, when a holiday moved it, from which day. */
function deadlineFact(i: I, c: ContentContext): readonly [string, string] {
  const f = acceptanceFigures(i);
  const d = f.deadline;
  const why = perLanguage(c, (l) => l.label(`windowOf.${f.deadlineAct}`, { months: f.windowMonths }) + (d.shifted ? l.label('shiftedFrom', { nominal: l.date(d.nominal) }) : ''));
  return [`deadlineOf.${f.deadlineAct}`, c.date(d.end) + paren(c, why)];
}

function processFacts(i: I, c: ContentContext): Array<readonly [string, string]> {
  const a = i.acceptance;
  return [
    ['completionDate', c.date(i.construction.completionDate)],
    ['preliminaryDate', c.date(a.preliminaryDate)],
    deadlineFact(i, c),
    ...opt(a.extension, (x) => ['extension', perLanguage(c, (l) => normalizeDocNumber(x.docNo) + paren(l, l.date(x.date)) + semicolon(l) + l.labelInline('extendedTo', { date: l.date(x.newDeadline) }), '\n')] as const),
    ['applicationDate', c.date(a.applicationDate) + (a.applicationDocNo ? paren(c, normalizeDocNumber(a.applicationDocNo)) : '')],
    ['meetingDate', c.date(a.meetingDate)],
    ['organiser', c.text(a.organiser)],
  ];
}

function processVars(i: I, l: ContentContext): Record<string, string | number> {
  const a = i.acceptance;
  const f = acceptanceFigures(i);
  return {
    ...baseVars(i, l),
    completion: l.date(i.construction.completionDate),
    preliminary: l.date(a.preliminaryDate),
    application: l.date(a.applicationDate),
    deadline: l.date(f.effectiveDeadline),
    shift: f.deadline.shifted && !a.extension ? l.label('shiftedFrom', { nominal: l.date(f.deadline.nominal) }) : '',
    months: f.windowMonths,
    meeting: l.date(a.meetingDate),
    organiser: l.text(a.organiser),
    extNo: a.extension ? normalizeDocNumber(a.extension.docNo) : '',
  };
}

/** The 备案 of the report: with whom (as given, or the body the measure names), the basis, and when if already done. */
function filingVars(i: I, l: ContentContext): Record<string, string> {
  const given = i.acceptance.reportFiling;
  const body = reportFilingBody(i);
  const m = measureOf(i);
  return {
    basis: formatCitation(citeMeasure(m, m.acceptance.reportFilingArticle), l.lang),
    recipient: given ? l.text(given.recipient) : l.lang === 'en' ? body.en : body.zh,
    date: given?.date ? l.date(given.date) : '',
    docNo: given?.docNo ? paren(l, normalizeDocNumber(given.docNo)) : '',
  };
}

export const overview: ContentBuilders<I> = {
  overview: (i, c) => c.sentence('overviewLead', (l) => ({ ...baseVars(i, l), approvals: i.approvals.length })),
  project_facts: (i, c) => [c.facts(projectFacts(i, c)), ...c.paras(i.construction.objectives)],
  approvals: (i, c) => [
    c.table(
      [noCol(c), labelCol(c, 'approvalStage', 3), labelCol(c, 'docNo', 4), labelCol(c, 'issuer', 4), labelCol(c, 'approvalDate', 3, 'center'), amountCol(c, 'amount')],
      i.approvals.map((x, k) => [no(k), c.label(`stageOf.${x.stage}`), normalizeDocNumber(x.docNo), c.text(x.issuer), c.date(x.date), x.amount === undefined ? '—' : c.num(x.amount)]),
    ),
    ...c.sentence('approvalsSummary', (l) => baseVars(i, l)),
  ],
  acceptance_process: (i, c) => {
    const a = i.acceptance;
    const f = acceptanceFigures(i);
    return [
      c.facts(processFacts(i, c)),
      ...c.sentence(`process.${f.deadlineAct}.${f.inTime ? (a.extension ? 'extended' : 'inTime') : 'late'}`, (l) => processVars(i, l)),
      ...c.sentence('processMeeting', (l) => ({ ...processVars(i, l), members: a.committee.length })),
      ...c.sentence(a.reportFiling?.date ? 'reportFiling.done' : 'reportFiling.planned', (l) => filingVars(i, l)),
    ];
  },
};
