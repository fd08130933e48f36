// 项目概述: the project, its units and people, the drafting organisation and basis, scope and period, investment and
// funding, benefits, the changes since the proposal's approval and the conclusions (2544号 附件2 ch. 1).
import type { ContentBuilders } from '../../filing.ts';
import { regulationText } from '../../../regulations/documents.ts';
import { measureId, profileData } from '../../../regulations/profiles.ts';
import type { Block } from '../../blocks.ts';
import type { ContentContext } from '../../content-context.ts';
import { cell, perLanguage } from '../../prose/bilingual.ts';
import { isEn, joinTexts, paren, semi } from '../../prose/punctuation.ts';
import { docRef } from '../../prose/references.ts';
import { qty, share } from '../../prose/numbers.ts';
import { col, no, parasOf } from '../../prose/tables.ts';
import { normalizeDocNumber, sumWan } from '../../../format/format.ts';
import { constructionMonths } from '../figures.ts';
import type { FeasibilityStudyInput } from '../schema.ts';
import { fundingTable, person, yesNo } from './shared.ts';

type I = FeasibilityStudyInput;

function changesSinceProposal(i: I, c: ContentContext): Block[] {
  const a = i.proposalApproval;
  if (!a) return [];
  const p = i.project;
  const diff = sumWan([p.totalInvestment, -a.approvedInvestment]);
  const diffKey = diff > 0 ? 'changeUp' : diff < 0 ? 'changeDown' : 'changeNone';
  return [
    ...c.sentence('proposalApproval', (l) => ({
      date: l.date(a.date),
      department: l.text(a.approvedBy ?? p.approvingDepartment),
      docNo: normalizeDocNumber(a.docNo),
      approved: l.wan(a.approvedInvestment),
      total: l.wan(p.totalInvestment),
      change: l.label(diffKey, { diff: l.wan(Math.abs(diff)), pct: share(l, Math.abs(diff), a.approvedInvestment) }),
    })),
    ...(i.changesSinceProposal.length
      ? [
          c.table(
            [col(c.label('no'), 0.8, 'center'), col(c.label('change.item'), 2.2), col(c.label('change.approved'), 3), col(c.label('change.proposed'), 3), col(c.label('change.reason'), 3.5)],
            i.changesSinceProposal.map((x, n) => [no(n), cell(c, x.item), cell(c, x.approved), cell(c, x.proposed), cell(c, x.reason)]),
          ),
        ]
      : c.sentence('noChanges', () => ({}))),
  ];
}

function targetsList(i: I, l: ContentContext): string {
  return i.project.performanceTargets
    .slice(0, 6)
    .map((t) => {
      const unit = t.unit ? l.text(t.unit) : '';
      const value = typeof t.targetValue === 'number' ? qty(t.targetValue) : t.targetValue;
      return `${l.text(t.indicator)}${isEn(l) ? ' ' : ''}${value}${unit && isEn(l) && unit !== '%' ? ' ' : ''}${unit}`;
    })
    .join(semi(l));
}

export const overview: ContentBuilders<I> = {
  ov_project_name: (i, c) => {
    const p = i.project;
    return [
      c.facts([
        ['projectName', c.text(p.name)],
        ['projectCode', p.code],
        ['projectType.label', c.label(`projectType.${p.type}`)],
        ['jurisdiction', perLanguage(c, (l) => `${l.text(p.jurisdiction.name)}${paren(l, l.labelInline('regionCode', { code: p.jurisdiction.regionCode }))}`)],
        ['regime', perLanguage(c, (l) => regulationText(measureId(profileData(p.jurisdiction.profile)))![l.lang === 'en' ? 'en' : 'zh'], '\n')],
        ...(profileData(p.jurisdiction.profile).scope === 'national' ? ([['inNationalPlan', yesNo(c, i.inNationalPlan)]] as const) : []),
        ['crossDepartmentProject', yesNo(c, p.crossDepartment !== undefined)],
        ['centralLocalProject', yesNo(c, i.centralLocal)],
      ]),
    ];
  },
  ov_units: (i, c) => {
    const p = i.project;
    return [
      c.facts([
        ['constructionUnit', c.text(p.constructionUnit.name)],
        ['creditCode', p.constructionUnit.creditCode],
        ['implementingBody', c.text(p.implementingBody)],
        ['leader', perLanguage(c, (l) => person(l, p.leader))],
        ...(p.accountablePerson ? ([['accountablePerson', perLanguage(c, (l) => person(l, p.accountablePerson!))]] as const) : []),
        ['approvingDepartment', c.text(p.approvingDepartment)],
        ...(p.financeDepartment ? ([['financeDepartment', c.text(p.financeDepartment)]] as const) : []),
        ...(p.crossDepartment
          ? ([
              ['leadDepartment', c.text(p.crossDepartment.leadDepartment)],
              ['coBuilders', perLanguage(c, (l) => p.crossDepartment!.coBuilders.map((x) => l.text(x)).join(isEn(l) ? '; ' : '、'))],
            ] as const)
          : []),
      ]),
    ];
  },
  ov_drafting_org: (i, c) => [
    c.facts([
      ['draftingOrg', c.text(i.draftingOrg.name)],
      ...(i.draftingOrg.creditCode ? ([['creditCode', i.draftingOrg.creditCode]] as const) : []),
      ...(i.draftingOrg.qualification ? ([['qualification', c.text(i.draftingOrg.qualification)]] as const) : []),
      ['reportDate', c.date(i.report.date)],
      ...(i.report.docNo ? ([['reportDocNo', normalizeDocNumber(i.report.docNo)]] as const) : []),
    ]),
  ],
  ov_basis: (i, c) => [...c.sentence('basisLead', () => ({})), ...c.both((l) => i.basisDocuments.map((d, n) => l.p(`${n + 1}. ${docRef(l, d)}`)))],
  ov_scope_period: (i, c) => {
    const period = i.overview.constructionPeriod;
    return [
      ...c.paras(i.overview.summary),
      ...c.sentence('contentSummary', (l) => ({ list: joinTexts(l, i.phaseScheme.constructionContent.map((x) => x.subsystem)), n: i.phaseScheme.constructionContent.length })),
      ...c.sentence('periodSummary', (l) => ({ months: constructionMonths(i), start: l.month(period.start), end: l.month(period.end) })),
    ];
  },
  ov_investment_funding: (i, c) => {
    const p = i.project;
    return [
      ...c.sentence('investmentSummary', (l) => ({
        total: l.stated(p.totalInvestment),
        parts: p.investmentBreakdown.map((b) => `${l.text(b.item)}${isEn(l) ? ' ' : ''}${l.wan(b.amount)}`).join(semi(l)),
      })),
      ...c.sentence('fundingSummary', (l) => ({ parts: p.fundingSources.map((f) => `${l.text(f.channel)}${isEn(l) ? ' ' : ''}${l.wan(f.amount)}`).join(semi(l)) })),
      fundingTable(i, c),
      ...c.sentence('oandmSummary', (l) => ({ amount: l.wan(p.annualOandM.amount), channel: l.text(p.annualOandM.channel) })),
    ];
  },
  ov_benefits: (i, c) => [...parasOf(c, i.overview.benefits), ...c.sentence('targetsSummary', (l) => ({ n: i.project.performanceTargets.length, list: targetsList(i, l) }))],
  ov_changes_since_proposal: changesSinceProposal,
  ov_conclusions: (i, c) => parasOf(c, i.overview.conclusions),
};
