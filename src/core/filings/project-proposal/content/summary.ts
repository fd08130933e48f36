// 项目简介: the project's name and facts, its units and people, the drafting basis, an overview and the conclusions.
import type { ContentBuilders } from '../../filing.ts';
import type { ContentContext } from '../../content-context.ts';
import { paren } from '../../prose/punctuation.ts';
import type { ProjectProposalInput } from '../schema.ts';
import { docRef } from '../../prose/references.ts';
import { dual, headed, marks, person, securityText } from './shared.ts';

type I = ProjectProposalInput;

const channels = (i: I, l: ContentContext): string =>
  i.project.fundingSources.map((f) => `${l.text(f.channel)}${l.locale === 'en' ? ': ' : ''}${l.wan(f.amount)}`).join(marks(l).semi);

export const summary: ContentBuilders<I> = {
  project_name: (i, c) => {
    const p = i.project;
    return [
      c.facts([
        ['projectName', c.text(p.name)],
        ['projectCode', p.code],
        ['projectTypeLabel', c.labelInline(`projectType.${p.type}`)],
        ['jurisdiction', `${c.text(p.jurisdiction.name)}${paren(c, p.jurisdiction.regionCode)}`],
        ['approvingDepartment', c.text(p.approvingDepartment)],
      ]),
    ];
  },
  construction_unit: (i, c) => {
    const p = i.project;
    return [
      c.facts([
        ['constructionUnit', c.text(p.constructionUnit.name)],
        ['creditCode', p.constructionUnit.creditCode],
        ['implementingBody', c.text(p.implementingBody)],
        ['leader', person(c, p.leader)],
        ...(p.accountablePerson ? ([['accountablePerson', person(c, p.accountablePerson)]] as const) : []),
        ...(p.financeDepartment ? ([['financeDepartment', c.text(p.financeDepartment)]] as const) : []),
      ]),
    ];
  },
  drafting_basis: (i, c) => [
    ...c.sentence('draftingOrg', (l) => ({ org: l.text(i.proposal.draftingOrg) })),
    ...c.both((l) => i.proposal.basisDocuments.map((d, n) => l.p(`${n + 1}. ${docRef(l, d)}`))),
    ...(i.proposal.inPlan ? c.sentence('inPlan', () => ({})) : []),
  ],
  project_overview: (i, c) => {
    const p = i.project;
    return [
      c.facts([
        ['constructionPeriod', dual(c, (l) => `${l.date(i.overview.period.start)}${marks(l).dash}${l.date(i.overview.period.end)}`)],
        ['totalInvestment', dual(c, (l) => l.stated(p.totalInvestment))],
        ['fundingSourcesLabel', dual(c, (l) => channels(i, l))],
        ['annualOandM', dual(c, (l) => `${l.wan(p.annualOandM.amount)}${paren(l, l.text(p.annualOandM.channel))}`)],
        ['securityLevel', securityText(c, p.securityLevel)],
      ]),
      ...headed(c, 'goals', i.overview.goals),
      ...headed(c, 'scaleAndContent', i.overview.scaleAndContent),
      ...headed(c, 'benefitsAndRisks', i.overview.benefitsAndRisks),
    ];
  },
  conclusions: (i, c) => c.paras(i.overview.conclusions),
};
