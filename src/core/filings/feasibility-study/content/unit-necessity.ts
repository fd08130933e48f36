// 项目建设单位概况 and 需求分析和项目建设的必要性: the unit and its implementing body; the background, current systems,
// problems, requirements (goals, business, information volume, functions, security) and significance (2544号 附件2 ch. 2–3).
import type { ContentBuilders } from '../../filing.ts';
import { perLanguage, cell } from '../../prose/bilingual.ts';
import { docRef } from '../../prose/references.ts';
import { col, no, parasOf, prunedTable } from '../../prose/tables.ts';
import type { FeasibilityStudyInput } from '../schema.ts';
import { count, securityLevelText, storage } from './shared.ts';

type I = FeasibilityStudyInput;

export const unitNecessity: ContentBuilders<I> = {
  unit_functions: (i, c) => parasOf(c, i.unitProfile.functions),
  unit_implementing_body: (i, c) => [
    ...c.sentence('implementingBodySentence', (l) => ({ unit: l.text(i.project.constructionUnit.name), body: l.text(i.project.implementingBody), leader: l.text(i.project.leader.name) })),
    ...parasOf(c, i.unitProfile.implementingBodyDuties),
  ],
  necessity: (i, c) => {
    const a = i.attachments;
    if (!a.requirementsReport) return [];
    return c.sentence(a.requirementsReview ? 'requirementsBasisReviewed' : 'requirementsBasis', (l) => ({
      report: docRef(l, a.requirementsReport!),
      review: a.requirementsReview ? docRef(l, a.requirementsReview) : '',
    }));
  },
  nec_background: (i, c) => parasOf(c, i.necessity.background),
  nec_current_systems: (i, c) =>
    i.necessity.currentSystems.length
      ? [
          c.table(
            [col(c.label('no'), 0.8, 'center'), col(c.label('sys.name'), 3), col(c.label('sys.year'), 1.3, 'center'), col(c.label('sys.status'), 5), col(c.label('sys.disposition'), 2)],
            i.necessity.currentSystems.map((s, n) => [no(n), cell(c, s.name), s.builtYear ? String(s.builtYear) : '—', cell(c, s.description), s.disposition ? cell(c, s.disposition) : '—']),
          ),
        ]
      : [],
  nec_problems: (i, c) => c.list(i.necessity.problems),
  req_objectives: (i, c) => [
    ...parasOf(c, i.requirements.objectives),
    ...(i.requirements.socialProblems.length
      ? [
          c.table(
            [col(c.label('no'), 0.8, 'center'), col(c.label('req.problem'), 6), col(c.label('req.indicator'), 3), col(c.label('req.value'), 2)],
            i.requirements.socialProblems.map((s, n) => [no(n), cell(c, s.problem), s.indicator ? cell(c, s.indicator) : '—', s.value ? cell(c, s.value) : '—']),
          ),
        ]
      : []),
  ],
  req_business: (i, c) =>
    i.requirements.businessProcesses.length
      ? [
          prunedTable(
            c,
            [col(c.label('no'), 0.8, 'center'), col(c.label('req.process'), 3), col(c.label('req.processDescription'), 5), col(c.label('req.volume'), 2, 'right'), col(c.label('unit'), 1.4, 'center')],
            i.requirements.businessProcesses.map((b, n) => [no(n), cell(c, b.name), b.description ? cell(c, b.description) : '—', perLanguage(c, (l) => count(l, b.volumePerYear), '\n'), cell(c, b.unit)]),
            [2],
          ),
        ]
      : [],
  req_information_volume: (i, c) => {
    const iv = i.requirements.informationVolume;
    if (!iv) return [];
    return [
      c.facts([
        ['req.records', perLanguage(c, (l) => count(l, iv.records))],
        ['req.storage', storage(iv.storageGB)],
        ['req.growth', c.percent(iv.annualGrowthPercent)],
        ['req.storage5y', storage(iv.storageGB * (1 + iv.annualGrowthPercent / 100) ** 5)],
      ]),
      ...parasOf(c, iv.notes),
    ];
  },
  req_functional_performance: (i, c) => [
    c.h(c.labelInline('req.functionalHeading')),
    c.table(
      [col(c.label('no'), 0.8, 'center'), col(c.label('req.function'), 3), col(c.label('req.functionDescription'), 8)],
      i.requirements.functional.map((f, n) => [no(n), cell(c, f.name), cell(c, f.description)]),
    ),
    ...(i.requirements.performance.length
      ? [
          c.h(c.labelInline('req.performanceHeading')),
          c.table(
            [col(c.label('no'), 0.8, 'center'), col(c.label('req.performanceIndicator'), 4), col(c.label('req.performanceRequirement'), 7)],
            i.requirements.performance.map((f, n) => [no(n), cell(c, f.indicator), cell(c, f.requirement)]),
          ),
        ]
      : []),
  ],
  req_security: (i, c) => [...c.sentence('securityRequirement', (l) => ({ level: securityLevelText(l, i.project.securityLevel) })), ...c.paras(i.requirements.security)],
  nec_significance: (i, c) => c.paras(i.necessity.significance),
};
