// What a project owes and by when: the obligations the measures derive from its milestones and jurisdiction profile,
// dated on the official calendar (working days with 调休, month periods ending on a holiday moved to the next working
// day), each with its basis, its status and the filing that fulfils it. A pure function of its inputs and "today".
import type { Citation } from '../regulations/documents.ts';
import { citeMeasure, PROFILE_IDS, profileData, type JurisdictionProfile, type JurisdictionProfileData, type Wording } from '../regulations/profiles.ts';
import { addDays, addMonths } from '../format/dates.ts';
import { monthPeriodEnd, PERIOD_END_POLICY } from './periods.ts';
import { addWorkingDays, dayInfo } from './working-days.ts';
import { daysBetween, readMilestones, type MilestoneDates } from './milestone-dates.ts';
import { fulfilment, type GeneratedFiling } from './fulfilment.ts';
import { prefill } from './prefill.ts';

export type { GeneratedFiling } from './fulfilment.ts';

export const OBLIGATION_KINDS = ['acceptance', 'acceptance-extension', 'contract-filing', 'catalogue-registration', 'annual-report', 'self-evaluation'] as const;
export type ObligationKind = (typeof OBLIGATION_KINDS)[number];
export const OBLIGATION_STATUSES = ['upcoming', 'due-soon', 'overdue', 'fulfilled'] as const;
export type ObligationStatus = (typeof OBLIGATION_STATUSES)[number];

export interface ObligationWarning {
  code: 'calendar_year_unknown';
  years: number[];
  message: Wording;
}

/** How the obligation was met: a filing generated as final, or a milestone entered. */
export type Fulfilment = { by: 'filing'; filingId: string; draftId: string; finalId: string; date: string } | { by: 'milestone'; milestone: string; date: string };

export interface Obligation {
  /** Stable within the project while its anchor does not change (the key of its reminders). */
  id: string;
  kind: ObligationKind;
  title: Wording;
  /** What the measure asks, with the figure, e.g. 竣工后6个月内申请验收. */
  rule: Wording;
  basis: Citation[];
  /** The milestone the period runs from. */
  from: { milestone: string; date: string };
  /** The last day (inclusive). */
  due: string;
  /** The day the rule names before a holiday moved it (equal to `due` when nothing moved). */
  nominalDue: string;
  /** A window that opens later than its anchor (the self-evaluation: 12 months after 验收投产). */
  opensOn?: string;
  status: ObligationStatus;
  /** Calendar days from today to `due` (negative when past). */
  daysLeft: number;
  fulfilled?: Fulfilment & { late: boolean };
  /** The filing that fulfils it, with what the project's milestones already say filled in. */
  prepare?: { filingId: string; data: Record<string, unknown> };
  notes: Wording[];
  warnings: ObligationWarning[];
}

export interface ObligationInput {
  /** The project block as entered (its jurisdiction profile decides the figures). */
  project: unknown;
  milestones: unknown;
  /** The project's filings generated as final. */
  generated: readonly GeneratedFiling[];
  /** The day it is where the measures apply (China time), ISO. */
  today: string;
  /** An open obligation due within this many days is `due-soon`. */
  dueSoonDays: number;
}

export interface ObligationList {
  profile: JurisdictionProfile | null;
  obligations: Obligation[];
  /** Why nothing could be derived (no profile in the project block), in both languages. */
  missing: Wording[];
}

type Draft = Omit<Obligation, 'status' | 'daysLeft' | 'fulfilled' | 'warnings' | 'notes'> & { notes?: Wording[]; unknownYears: number[]; fulfilled?: Fulfilment };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function profileOf(project: unknown): JurisdictionProfile | null {
  const id = isObject(project) && isObject(project.jurisdiction) ? project.jurisdiction.profile : undefined;
  return typeof id === 'string' && (PROFILE_IDS as readonly string[]).includes(id) ? (id as JurisdictionProfile) : null;
}

/** Years of the calendar data a due day depends on: the day's own year, and those a period was counted through. */
function yearsUnknown(days: string[], counted: number[]): number[] {
  const out = new Set(counted);
  for (const d of days) if (!dayInfo(d).known) out.add(Number(d.slice(0, 4)));
  return [...out].sort((a, b) => a - b);
}

const SHIFT_NOTE: Wording = { zh: PERIOD_END_POLICY.note.zh, en: PERIOD_END_POLICY.note.en };

function monthPeriod(from: string, months: number): Pick<Draft, 'due' | 'nominalDue' | 'unknownYears'> & { notes: Wording[] } {
  const end = monthPeriodEnd(from, months);
  return { due: end.end, nominalDue: end.nominal, unknownYears: yearsUnknown([end.end], end.unknownYears), notes: end.shifted ? [SHIFT_NOTE] : [] };
}

function acceptance(p: JurisdictionProfileData, m: MilestoneDates, input: ObligationInput): Draft[] {
  if (!m.completion) return [];
  const a = p.acceptance;
  const organised = a.deadlineAct === 'organised';
  const period = monthPeriod(m.completion, a.windowMonths);
  const extension = fulfilment.extension(input.generated);
  const met = organised ? fulfilment.acceptanceOrganised(m, input.generated) : fulfilment.acceptanceApplied(m, input.generated);
  const basis = [citeMeasure(p, a.article)];
  const rule: Wording = organised
    ? { zh: `建成后${a.windowMonths}个月内组织竣工验收`, en: `organise the completion acceptance within ${a.windowMonths} months of completion` }
    : { zh: `建成后${a.windowMonths}个月内向审批部门申请验收`, en: `apply to the approving department for acceptance within ${a.windowMonths} months of completion` };
  // An extension asked for in time moves the act to the date it asks for (pending the approving department's answer).
  const moved = extension && extension.requestedDate && extension.requestedDate > period.due && extension.date <= period.due ? extension.requestedDate : undefined;
  const out: Draft[] = [
    {
      id: 'acceptance',
      kind: 'acceptance',
      title: organised ? { zh: '组织竣工验收', en: 'Organise the completion acceptance' } : { zh: '申请竣工验收', en: 'Apply for acceptance' },
      rule,
      basis,
      from: { milestone: 'completion', date: m.completion },
      ...period,
      ...(moved ? { due: moved, nominalDue: moved, unknownYears: yearsUnknown([moved], []), notes: [{ zh: `已于${extension!.date}申请延期验收至${moved}（以审批部门批复为准）`, en: `an extension to ${moved} was requested on ${extension!.date} (subject to the approving department's approval)` }] } : {}),
      ...(met ? { fulfilled: met } : {}),
      prepare: { filingId: 'acceptance-report', data: prefill.acceptanceReport(m) },
    },
  ];
  // The 延期验收申请 is owed only while the acceptance is not met in time; it goes in before the deadline (X2).
  if (extension || !met || met.date > period.due) {
    out.push({
      id: 'acceptance-extension',
      kind: 'acceptance-extension',
      title: { zh: '提交延期验收申请（不能按期验收时）', en: 'Request an extension of the acceptance deadline (if it cannot be met)' },
      rule: { zh: `不能按期${organised ? '组织' : '申请'}验收的，应在期限届满前提出延期验收申请`, en: `if the acceptance cannot be ${organised ? 'organised' : 'applied for'} in time, request an extension before the deadline passes` },
      basis,
      from: { milestone: 'completion', date: m.completion },
      ...period,
      ...(extension ? { fulfilled: extension.fulfilment } : {}),
      prepare: { filingId: 'acceptance-extension', data: prefill.extension(input.project, m) },
    });
  }
  return out;
}

function contractFilings(p: JurisdictionProfileData, m: MilestoneDates): Draft[] {
  const cf = p.contractFiling;
  if (!cf) return [];
  return m.contracts.map((c) => {
    const end = addWorkingDays(c.date, cf.workingDays);
    return {
      id: `contract-filing:${c.date}:${c.key}`,
      kind: 'contract-filing' as const,
      title: { zh: `合同备案：${c.name}`, en: `File the contract: ${c.name}` },
      rule: { zh: `合同签订后${cf.workingDays}个工作日内报${cf.office.zh}备案`, en: `file with the ${cf.office.en} within ${cf.workingDays} working days of signing` },
      basis: [citeMeasure(p, cf.article)],
      from: { milestone: 'contractSignings', date: c.date },
      due: end.date,
      nominalDue: end.date,
      unknownYears: yearsUnknown([end.date], end.unknownYears),
      ...(c.filed ? { fulfilled: { by: 'milestone' as const, milestone: 'contractSignings.filed', date: c.filed } } : {}),
    };
  });
}

function catalogue(p: JurisdictionProfileData, m: MilestoneDates): Draft[] {
  const days = p.catalogue.registrationWorkingDays;
  if (days === null || !p.catalogue.registrationArticle || !m.preliminaryAcceptance) return [];
  const end = addWorkingDays(m.preliminaryAcceptance, days);
  return [
    {
      id: 'catalogue-registration',
      kind: 'catalogue-registration',
      title: { zh: '政务信息资源目录注册和数据归集', en: 'Register the resource catalogue and collect the data' },
      rule: { zh: `初步验收后${days}个工作日内完成目录注册和数据归集`, en: `register the catalogue and collect the data within ${days} working days of the preliminary acceptance` },
      basis: [citeMeasure(p, p.catalogue.registrationArticle)],
      from: { milestone: 'preliminaryAcceptance', date: m.preliminaryAcceptance },
      due: end.date,
      nominalDue: end.date,
      unknownYears: yearsUnknown([end.date], end.unknownYears),
      ...(m.catalogueRegistration ? { fulfilled: { by: 'milestone' as const, milestone: 'catalogueRegistration', date: m.catalogueRegistration } } : {}),
    },
  ];
}

/**
 * One report for each year whose 31 December falls within construction (from the start, or the approval when no start
 * is entered, until completion; while completion is not entered, up to the current year).
 */
function annualReports(p: JurisdictionProfileData, m: MilestoneDates, input: ObligationInput): Draft[] {
  const from = m.start ?? m.approval?.date;
  if (!from) return [];
  const first = Number(from.slice(0, 4));
  // A completion on any day of year C ends construction before C's 31 December.
  const last = m.completion ? Number(m.completion.slice(0, 4)) - 1 : Number(input.today.slice(0, 4));
  const out: Draft[] = [];
  for (let year = first; year <= last && out.length < 50; year++) {
    const due = `${year}-12-31`;
    const lastWorking = dayInfo(due).working ? undefined : lastWorkingDayBefore(due);
    const met = fulfilment.annual(input.generated, year);
    out.push({
      id: `annual-report:${year}`,
      kind: 'annual-report',
      title: { zh: `${year}年度建设期绩效报告`, en: `Annual performance report ${year}` },
      rule: { zh: '建设期内每年年底前报送年度绩效报告', en: 'file the annual performance report before each year-end of construction' },
      basis: [citeMeasure(p, p.annualReport.article)],
      from: { milestone: m.start ? 'start' : 'approval', date: from },
      due,
      nominalDue: due,
      unknownYears: yearsUnknown([due], []),
      ...(lastWorking ? { notes: [{ zh: `${due}为休息日，最后一个工作日为${lastWorking}`, en: `${due} is a rest day; the last working day before it is ${lastWorking}` }] } : {}),
      ...(met ? { fulfilled: met } : {}),
      prepare: { filingId: 'performance-evaluation', data: prefill.annual(input.project, p, m, year) },
    });
  }
  return out;
}

function lastWorkingDayBefore(day: string): string {
  let d = day;
  for (let i = 0; i < 30 && !dayInfo(d).working; i++) d = addDays(d, -1);
  return d;
}

/** 12–24 months after 验收投产, the later of acceptance and entry into operation (57号 Art. 27; district Art. 20). */
function selfEvaluation(p: JurisdictionProfileData, m: MilestoneDates, input: ObligationInput): Draft[] {
  if (!m.acceptance || !m.entryIntoOperation) return [];
  const base = m.entryIntoOperation > m.acceptance ? m.entryIntoOperation : m.acceptance;
  const [open, close] = p.selfEvaluation.windowMonths;
  const period = monthPeriod(base, close);
  const met = fulfilment.selfEvaluation(input.generated);
  return [
    {
      id: 'self-evaluation',
      kind: 'self-evaluation',
      title: { zh: '项目自评价报告', en: 'Post-acceptance self-evaluation' },
      rule: { zh: `验收投产后${open}至${close}个月内开展自评价并报送`, en: `self-evaluate and report ${open}–${close} months after acceptance and entry into operation` },
      basis: [citeMeasure(p, p.selfEvaluation.article)],
      from: { milestone: base === m.acceptance ? 'acceptance' : 'entryIntoOperation', date: base },
      opensOn: addMonths(base, open),
      ...period,
      ...(met ? { fulfilled: met } : {}),
      prepare: { filingId: 'performance-evaluation', data: prefill.selfEvaluation(input.project, p, m) },
    },
  ];
}

function finish(d: Draft, input: ObligationInput): Obligation {
  const { unknownYears, fulfilled, notes, ...rest } = d;
  const daysLeft = daysBetween(input.today, d.due);
  const status: ObligationStatus = fulfilled ? 'fulfilled' : daysLeft < 0 ? 'overdue' : daysLeft <= input.dueSoonDays ? 'due-soon' : 'upcoming';
  const warnings: ObligationWarning[] = unknownYears.length
    ? [
        {
          code: 'calendar_year_unknown',
          years: unknownYears,
          message: {
            zh: `官方节假日安排未收录${unknownYears.join('、')}年：该年只按周末计算休息日，期限可能不准，请在国务院办公厅公布安排后核对。`,
            en: `The official holiday calendar does not cover ${unknownYears.join(', ')}: only weekends were taken as rest days there, so the date may be wrong; check it once the State Council publishes the year's arrangements.`,
          },
        },
      ]
    : [];
  return { ...rest, status, daysLeft, ...(fulfilled ? { fulfilled: { ...fulfilled, late: fulfilled.date > d.due } } : {}), notes: notes ?? [], warnings };
}

/** Every obligation of the project, by due date. */
export function computeObligations(input: ObligationInput): ObligationList {
  const profile = profileOf(input.project);
  if (!profile) return { profile: null, obligations: [], missing: [{ zh: '项目信息未选择适用的管理办法（project.jurisdiction.profile），无法计算期限。', en: 'The project names no jurisdiction profile (project.jurisdiction.profile), so no deadline can be derived.' }] };
  const p = profileData(profile);
  const m = readMilestones(input.milestones);
  const drafts = [...contractFilings(p, m), ...annualReports(p, m, input), ...acceptance(p, m, input), ...catalogue(p, m), ...selfEvaluation(p, m, input)];
  const obligations = drafts.map((d) => finish(d, input)).sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.id < b.id ? -1 : 1));
  return { profile, obligations, missing: [] };
}
