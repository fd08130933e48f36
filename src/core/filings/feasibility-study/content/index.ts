// The content of the 可行性研究报告, by section id: one builder module per chapter (or pair of short chapters).
import type { ContentBuilders } from '../../filing.ts';
import type { FeasibilityStudyInput } from '../schema.ts';
import { overview } from './overview.ts';
import { unitNecessity } from './unit-necessity.ts';
import { overallScheme } from './overall-scheme.ts';
import { phaseScheme } from './phase-scheme.ts';
import { phaseInfrastructure } from './phase-infrastructure.ts';
import { sharing } from './sharing.ts';
import { tendering } from './tendering.ts';
import { environment } from './environment.ts';
import { organisation } from './organisation.ts';
import { investment } from './investment.ts';
import { benefitsRisks } from './benefits-risks.ts';
import { annexes } from './annexes.ts';

export const content: ContentBuilders<FeasibilityStudyInput> = {
  ...overview,
  ...unitNecessity,
  ...overallScheme,
  ...phaseScheme,
  ...phaseInfrastructure,
  ...sharing,
  ...tendering,
  ...environment,
  ...organisation,
  ...investment,
  ...benefitsRisks,
  ...annexes,
};
