// What a filing that meets an obligation can already say from the project's milestones: the start of its draft, so
// "prepare the 延期验收申请" opens with the approval, the completion date and the addressee filled in. The project
// block itself is not copied: a draft takes the project's current facts when it is checked or rendered.
import type { JurisdictionProfileData } from '../regulations/profiles.ts';
import type { MilestoneDates } from './milestone-dates.ts';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
/** Only the keys with a value. */
const some = (o: Json): Json => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && !(isObject(v) && Object.keys(v).length === 0)));

const approval = (m: MilestoneDates) => (m.approval ? some({ docNo: m.approval.docNo, date: m.approval.date }) : undefined);

/** 57号 Art. 20 / 27: the approving department, and the finance department where the measure sends the report there too. */
function recipients(project: unknown, toFinance: boolean): string[] | undefined {
  const p = isObject(project) ? project : {};
  const list = [text(p.approvingDepartment), toFinance ? text(p.financeDepartment) : undefined].filter((x): x is string => x !== undefined);
  return list.length ? list : undefined;
}

export const prefill = {
  acceptanceReport(m: MilestoneDates): Json {
    return some({
      construction: some({ actualStart: m.start, completionDate: m.completion }),
      acceptance: some({ preliminaryDate: m.preliminaryAcceptance, applicationDate: m.acceptanceApplication, meetingDate: m.acceptanceOrganised }),
    });
  },
  extension(project: unknown, m: MilestoneDates): Json {
    const addressee = isObject(project) ? text(project.approvingDepartment) : undefined;
    return some({ application: some({ addressee }), approval: approval(m), completionDate: m.completion });
  },
  annual(project: unknown, p: JurisdictionProfileData, m: MilestoneDates, year: number): Json {
    return some({ kind: 'annual', year, approval: approval(m), recipients: recipients(project, p.annualReport.toFinance) });
  },
  selfEvaluation(project: unknown, p: JurisdictionProfileData, m: MilestoneDates): Json {
    return some({
      kind: 'self-evaluation',
      approval: approval(m),
      completionDate: m.completion,
      acceptanceDate: m.acceptance,
      operationStartDate: m.entryIntoOperation,
      recipients: recipients(project, p.selfEvaluation.toFinance),
    });
  },
};
