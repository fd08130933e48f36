// The content of the 项目建议书, by section id: one builder module per chapter.
import type { ContentBuilders } from '../../filing.ts';
import type { ProjectProposalInput } from '../schema.ts';
import { summary } from './summary.ts';
import { unitProfile } from './unit-profile.ts';
import { necessity } from './necessity.ts';
import { requirements } from './requirements.ts';
import { overallScheme } from './overall-scheme.ts';
import { phaseScheme } from './phase-scheme.ts';
import { phaseInfrastructure } from './phase-infrastructure.ts';
import { organisation } from './organisation.ts';
import { investment } from './investment.ts';
import { benefitsRisks } from './benefits-risks.ts';
import { framework } from './framework.ts';
import { attachments } from './attachments.ts';

export const content: ContentBuilders<ProjectProposalInput> = {
  ...summary,
  ...unitProfile,
  ...necessity,
  ...requirements,
  ...overallScheme,
  ...phaseScheme,
  ...phaseInfrastructure,
  ...organisation,
  ...investment,
  ...benefitsRisks,
  ...framework,
  ...attachments,
};
