// The filings the service offers, in the order of a project's life; the ids and the lookup derive from this one list.
import type { FilingDefinition } from './filing.ts';
import { projectProposal } from './project-proposal/index.ts';
import { feasibilityStudy } from './feasibility-study/index.ts';
import { acceptanceReport } from './acceptance-report/index.ts';
import { performanceEvaluation } from './performance-evaluation/index.ts';
import { acceptanceExtension } from './acceptance-extension/index.ts';

export const FILINGS = [projectProposal, feasibilityStudy, acceptanceReport, performanceEvaluation, acceptanceExtension] as const;

/** A filing of the list, its id narrowed to the ids the list holds. */
export type RegisteredFiling = (typeof FILINGS)[number];
export type FilingId = RegisteredFiling['id'];

type IdsOf<T extends readonly FilingDefinition[]> = { readonly [K in keyof T]: T[K]['id'] };

/** The ids in list order, as a tuple (zod enums and OpenAPI take it as it is). */
export const FILING_IDS = FILINGS.map((f) => f.id) as unknown as IdsOf<typeof FILINGS>;

const BY_ID = new Map<string, RegisteredFiling>(FILINGS.map((f) => [f.id, f]));

export function filingById(id: string): RegisteredFiling | undefined {
  return BY_ID.get(id);
}
