// A project's obligations as the API and the workbench show them (computed on request from its milestones, profile
// and finals, for today in China), the deadline board across an organisation's projects, and "prepare": a new draft of
// the filing that fulfils an obligation, with what the milestones already say filled in.
import { AppError } from '../core/errors.ts';
import { computeObligations, type Obligation, type ObligationList } from '../core/deadlines/obligations.ts';
import type { GeneratedFiling } from '../core/deadlines/fulfilment.ts';
import type { DraftRecord, ProjectRecord, SampleSource } from '../core/ports.ts';
import { createDraft } from './drafts.ts';
import { getProject, type Actor, type WorkbenchDeps } from './projects.ts';
import { chinaDate } from './reminders.ts';

export interface DeadlineDeps extends WorkbenchDeps {
  /** Projects with their finals: one, an organisation's, or every one (null). */
  projects: {
    one(id: string): Promise<{ project: ProjectRecord; generated: GeneratedFiling[] } | undefined>;
    of(org: string | null): Promise<Array<{ project: ProjectRecord; generated: GeneratedFiling[] }>>;
  };
  dueSoonDays: number;
}

export interface ProjectObligations extends ObligationList {
  project: Pick<ProjectRecord, 'id' | 'title' | 'org'>;
  today: string;
}

function obligationsOf(d: DeadlineDeps, entry: { project: ProjectRecord; generated: GeneratedFiling[] }, today: string): ProjectObligations {
  const { project, generated } = entry;
  const list = computeObligations({ project: project.data.project, milestones: project.data.milestones, generated, today, dueSoonDays: d.dueSoonDays });
  return { project: { id: project.id, title: project.title, org: project.org }, today, ...list };
}

export async function projectObligations(d: DeadlineDeps, actor: Actor, projectId: string): Promise<ProjectObligations> {
  const project = await getProject(d, actor, projectId);
  const entry = (await d.projects.one(project.id)) ?? { project, generated: [] };
  return obligationsOf(d, entry, chinaDate(d.now()));
}

/** The board: every project the actor may see, each with its obligations (all, or only those still open). */
export async function boardObligations(d: DeadlineDeps, actor: Actor, openOnly: boolean): Promise<ProjectObligations[]> {
  if (actor.role !== 'admin' && actor.role !== 'staff') return [];
  const today = chinaDate(d.now());
  const entries = await d.projects.of(actor.role === 'admin' ? null : actor.org);
  return entries.map((e) => {
    const o = obligationsOf(d, e, today);
    return openOnly ? { ...o, obligations: o.obligations.filter((x) => x.status !== 'fulfilled') } : o;
  });
}

function obligationUnknown(id: string, why: 'unknown' | 'no-filing'): AppError {
  return why === 'unknown'
    ? new AppError({ code: 'obligation_unknown', message: { 'zh-CN': `该项目没有这项义务（${id}）。`, en: `The project has no obligation ${id}.` }, details: { obligationId: id } })
    : new AppError({ code: 'obligation_unknown', message: { 'zh-CN': `这项义务（${id}）不是通过编制文书来履行的。`, en: `Obligation ${id} is not met by preparing a filing.` }, details: { obligationId: id } });
}

async function findObligation(d: DeadlineDeps, actor: Actor, projectId: string, obligationId: string): Promise<Obligation> {
  const o = (await projectObligations(d, actor, projectId)).obligations.find((x) => x.id === obligationId);
  if (!o) throw obligationUnknown(obligationId, 'unknown');
  return o;
}

/** A new draft of the filing that fulfils the obligation, titled after it. */
export async function prepareObligation(d: DeadlineDeps, actor: Actor, projectId: string, obligationId: string, samples: SampleSource): Promise<DraftRecord> {
  const o = await findObligation(d, actor, projectId, obligationId);
  if (!o.prepare) throw obligationUnknown(obligationId, 'no-filing');
  return createDraft(d, actor, projectId, { filing: o.prepare.filingId, title: o.title.zh, from: { data: o.prepare.data } }, samples);
}
