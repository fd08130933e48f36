// A project as the workbench keeps it: the facts every filing shares (the project block) and its milestones, entered
// once; a filing draft holds the rest of its filing's input and is merged with the project's facts when checked.
import { z } from 'zod';
import { DocNumber, IsoDate, LIMITS, ProjectBlock, ShortText } from '../filings/schema-parts.ts';

const E = (key: string) => ({ error: `@${key}` });

/**
 * The dates deadlines are reckoned from (approval, contracts, start, trial operation, completion, preliminary acceptance,
 * entry into operation) and the dates that meet them (a contract's filing, the acceptance application, acceptance
 * organised, acceptance, catalogue registration).
 */
const Milestones = z.strictObject({
  approval: z.strictObject({ date: IsoDate, docNo: DocNumber.optional() }).optional(),
  /** `filed`: the day the contract was filed with the office (district Art. 13). */
  contractSignings: z
    .array(z.strictObject({ name: ShortText, date: IsoDate, filed: IsoDate.optional() }))
    .max(LIMITS.listItems, E('list_too_long'))
    .default([]),
  start: IsoDate.optional(),
  trialOperation: IsoDate.optional(),
  completion: IsoDate.optional(),
  /** 初步验收: the district's catalogue registration runs from it (district Art. 26). */
  preliminaryAcceptance: IsoDate.optional(),
  /** The 验收申请 sent to the approving department (57号 Art. 25). */
  acceptanceApplication: IsoDate.optional(),
  acceptanceOrganised: IsoDate.optional(),
  acceptance: IsoDate.optional(),
  entryIntoOperation: IsoDate.optional(),
  catalogueRegistration: IsoDate.optional(),
});
export type Milestones = z.infer<typeof Milestones>;

/** What the project page edits: the project block and the milestones. */
export const ProjectFacts = z.strictObject({ project: ProjectBlock, milestones: Milestones });
export type ProjectFacts = z.infer<typeof ProjectFacts>;

/** Stored as typed, valid or not: the page saves what a person has entered so far. */
export interface ProjectData {
  project?: unknown;
  milestones?: unknown;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A draft's data is its filing's input without the project block; the project's current facts go in front. */
export function mergeDraft(project: ProjectData, draftData: unknown): Json {
  const rest = isObject(draftData) ? Object.fromEntries(Object.entries(draftData).filter(([k]) => k !== 'project')) : {};
  return project.project === undefined ? rest : { project: project.project, ...rest };
}

/** The other way: an input split into the project block (if any) and the draft's own data. */
export function splitInput(input: unknown): { project: unknown; data: Json } {
  if (!isObject(input)) return { project: undefined, data: {} };
  const { project, ...data } = input;
  return { project, data };
}

/** A short name for lists: the project name's Chinese side, or what was given. */
export function projectTitle(data: ProjectData, fallback: string): string {
  const name = isObject(data.project) ? data.project.name : undefined;
  if (typeof name === 'string' && name.trim()) return name.trim();
  if (isObject(name) && typeof name.zh === 'string' && name.zh.trim()) return name.zh.trim();
  return fallback;
}
