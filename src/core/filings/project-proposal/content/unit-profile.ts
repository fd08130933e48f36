// 项目建设单位概况: the unit's mandate and the body that carries the project out (57号 Art. 13).
import type { ContentBuilders } from '../../filing.ts';
import type { ProjectProposalInput } from '../schema.ts';

export const unitProfile: ContentBuilders<ProjectProposalInput> = {
  unit_mandate: (i, c) => c.paras(i.unitProfile.mandate),
  implementing_body: (i, c) => [
    ...c.sentence('implementingBodyLead', (l) => ({ unit: l.text(i.project.constructionUnit.name), body: l.text(i.project.implementingBody) })),
    ...c.paras(i.unitProfile.implementingBodyDuties),
  ],
};
