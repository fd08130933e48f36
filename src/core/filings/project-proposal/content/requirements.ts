// 需求分析: social problems and goals, business, information volume, functions and performance, sharing needs and the
// security requirements (2013意见; 57号 Art. 9).
import type { ContentBuilders } from '../../filing.ts';
import type { ProjectProposalInput } from '../schema.ts';
import { col, no, parasOf, prunedTable } from '../../prose/tables.ts';
import { noCol, securityText } from './shared.ts';
import { catalogueBlocks } from './sharing-catalogue.ts';
import { DASH, qty, value } from '../../prose/numbers.ts';

export const requirements: ContentBuilders<ProjectProposalInput> = {
  social_objectives: (i, c) => [
    c.table(
      [noCol(c), { label: c.label('socialProblem'), width: 7 }, { label: c.label('indicator'), width: 3 }, { label: c.label('currentValue'), width: 2, align: 'center' }, { label: c.label('targetValue'), width: 2, align: 'center' }],
      i.requirements.socialProblems.map((s, n) => [
        no(n),
        c.text(s.problem),
        s.indicator ? c.text(s.indicator) : '—',
        s.current !== undefined ? value(c, s.current) : '—',
        s.target !== undefined ? value(c, s.target) : '—',
      ]),
    ),
    ...parasOf(c, i.requirements.objectives),
  ],
  business_analysis: (i, c) => [
    prunedTable(
      c,
      [noCol(c), col(c.label('businessName'), 4), col(c.label('businessDescription'), 7), col(c.label('annualVolume'), 3, 'right')],
      i.requirements.businessProcesses.map((b, n) => [no(n), c.text(b.name), b.description ? c.text(b.description) : DASH, `${qty(b.annualVolume)}${c.locale === 'zh-CN' ? '' : ' '}${c.text(b.unit)}`]),
      [2],
    ),
  ],
  information_volume: (i, c) => {
    const v = i.requirements.informationVolume;
    return [
      ...c.sentence('informationVolume', () => ({ records: qty(v.records), storage: qty(v.storageGb), growth: c.percent(v.annualGrowthPercent) })),
      ...parasOf(c, v.notes),
    ];
  },
  system_requirements: (i, c) => [
    c.h(c.labelInline('functionalRequirements')),
    c.table(
      [noCol(c), { label: c.label('functionName'), width: 3 }, { label: c.label('functionDescription'), width: 9 }],
      i.requirements.functional.map((f, n) => [no(n), c.text(f.name), c.text(f.description)]),
    ),
    c.h(c.labelInline('performanceRequirements')),
    c.table(
      [noCol(c), { label: c.label('metric'), width: 5 }, { label: c.label('requirement'), width: 7 }],
      i.requirements.performance.map((f, n) => [no(n), c.text(f.metric), c.text(f.target)]),
    ),
  ],
  sharing_internal: (i, c) => c.paras(i.requirements.sharing.internal),
  sharing_external: (i, c) => c.paras(i.requirements.sharing.external),
  sharing_vertical: (i, c) => c.paras(i.requirements.sharing.vertical),
  sharing_catalogue: catalogueBlocks,
  sharing_mechanism: (i, c) => parasOf(c, i.requirements.sharing.mechanisms),
  security_requirements: (i, c) => {
    const s = i.project.securityLevel;
    return [...c.sentence(s.scheme === 'mlps' ? 'securityMlps' : 'securityClassified', (l) => ({ level: securityText(l, s) })), ...c.paras(i.requirements.securityProtection)];
  },
};
