// 环保、消防、职业安全卫生和节能 and 社会稳定风险分析: the reviews 57号 Art. 8 keeps only for new civil works or high energy
// use, and the social-stability chapter (2013意见 III(1) item 3).
import type { ContentBuilders } from '../../filing.ts';
import { docRef } from '../../prose/references.ts';
import { qty } from '../../prose/numbers.ts';
import { semi } from '../../prose/punctuation.ts';
import { parasOf } from '../../prose/tables.ts';
import type { FeasibilityStudyInput } from '../schema.ts';

type I = FeasibilityStudyInput;

export const environment: ContentBuilders<I> = {
  environment_energy: (i, c) => {
    const e = i.energy;
    if (e.civilWorks || e.highEnergy) return c.sentence(e.civilWorks ? (e.highEnergy ? 'energyBoth' : 'energyCivil') : 'energyHigh', () => ({}));
    return [...c.sentence('energyWaived', () => ({})), ...parasOf(c, e.statement)];
  },
  env_energy_saving: (i, c) => {
    const e = i.energy;
    return [
      ...(e.pueTarget !== undefined || e.annualElectricityMWh !== undefined
        ? [
            c.facts([
              ...(e.pueTarget !== undefined ? ([['energy.pue', qty(e.pueTarget)]] as const) : []),
              ...(e.annualElectricityMWh !== undefined ? ([['energy.electricity', `${qty(e.annualElectricityMWh)} MWh`]] as const) : []),
            ]),
          ]
        : []),
      ...parasOf(c, e.energySaving),
      ...(i.attachments.energyAssessment ? c.sentence('energyAssessmentAttached', (l) => ({ doc: docRef(l, i.attachments.energyAssessment!) })) : []),
    ];
  },
  env_site_land: (i, c) => [
    ...parasOf(c, i.energy.siteAndLand),
    ...(i.attachments.siteLandEnvironment.length ? c.sentence('siteDocuments', (l) => ({ docs: i.attachments.siteLandEnvironment.map((d) => docRef(l, d)).join(semi(l)) })) : []),
  ],
  env_environmental_impact: (i, c) => parasOf(c, i.energy.environment),
  env_fire_occupational: (i, c) => parasOf(c, i.energy.fireAndSafety),
  social_stability: (i, c) => {
    const ssr = i.socialStabilityRisk;
    if (!ssr) return [];
    const a = i.attachments;
    return [
      ...c.sentence('stabilityLevel', (l) => ({ level: l.label(`riskLevel.${ssr.level}`) })),
      c.h(c.labelInline('stability.analysisHeading')),
      ...c.paras(ssr.analysis),
      c.h(c.labelInline('stability.measuresHeading')),
      ...c.paras(ssr.measures),
      ...(a.socialStabilityReport
        ? c.sentence(a.socialStabilityOpinion ? 'stabilityReportWithOpinion' : 'stabilityReport', (l) => ({
            report: docRef(l, a.socialStabilityReport!),
            opinion: a.socialStabilityOpinion ? docRef(l, a.socialStabilityOpinion) : '',
          }))
        : []),
    ];
  },
};
