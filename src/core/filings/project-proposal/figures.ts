// Figures derived from a proposal input: the sharing catalogue by type and the headcount of the project organisation.
import type { CatalogueEntry, ProjectProposalInput } from './schema.ts';

/** How many catalogue entries are shared unconditionally, on conditions, or not (国发〔2016〕51号). */
export function catalogueCounts(i: ProjectProposalInput): Record<CatalogueEntry['shareType'], number> {
  const counts = { unconditional: 0, conditional: 0, none: 0 };
  for (const e of i.requirements.sharing.catalogue) counts[e.shareType] += 1;
  return counts;
}

export function staffTotal(i: ProjectProposalInput): number {
  return i.organisation.staffing.reduce((a, s) => a + s.count, 0);
}
