// Which generated filing or entered milestone meets an obligation, and on what day: read from the filings' inputs as
// generated (a final keeps its exact input), so the date is the one the document itself states.
import type { MilestoneDates } from './milestone-dates.ts';

/** A filing of the project generated as final: its exact input. */
export interface GeneratedFiling {
  filingId: string;
  draftId: string;
  finalId: string;
  generatedAt: string;
  input: unknown;
}

type Met = { by: 'filing'; filingId: string; draftId: string; finalId: string; date: string } | { by: 'milestone'; milestone: string; date: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const at = (v: unknown, ...path: string[]): unknown => path.reduce<unknown>((o, k) => (isObject(o) ? o[k] : undefined), v);
const date = (v: unknown): string | undefined => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined);

/** The earliest final of a filing that passes `test`, dated by `dateOf` (or the day it was generated). */
function firstFinal(generated: readonly GeneratedFiling[], filingId: string, test: (input: unknown) => boolean, dateOf: (input: unknown) => string | undefined): Met | undefined {
  const hits = generated
    .filter((g) => g.filingId === filingId && test(g.input))
    .map((g) => ({ by: 'filing' as const, filingId, draftId: g.draftId, finalId: g.finalId, date: dateOf(g.input) ?? g.generatedAt.slice(0, 10) }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return hits[0];
}

const milestone = (name: string, d: string | undefined): Met | undefined => (d ? { by: 'milestone', milestone: name, date: d } : undefined);
const always = () => true;

export const fulfilment = {
  /** 57号 Art. 25: the application (a milestone, or an acceptance report that states it); a held acceptance implies one. */
  acceptanceApplied(m: MilestoneDates, generated: readonly GeneratedFiling[]): Met | undefined {
    return (
      milestone('acceptanceApplication', m.acceptanceApplication) ??
      firstFinal(generated, 'acceptance-report', always, (i) => date(at(i, 'acceptance', 'applicationDate'))) ??
      milestone('acceptanceOrganised', m.acceptanceOrganised) ??
      milestone('acceptance', m.acceptance)
    );
  },
  /** District Art. 19: the acceptance meeting held. */
  acceptanceOrganised(m: MilestoneDates, generated: readonly GeneratedFiling[]): Met | undefined {
    return (
      milestone('acceptanceOrganised', m.acceptanceOrganised) ??
      firstFinal(generated, 'acceptance-report', always, (i) => date(at(i, 'acceptance', 'meetingDate'))) ??
      milestone('acceptance', m.acceptance)
    );
  },
  /** The latest 延期验收申请 generated: when it was dated and the date it asks for. */
  extension(generated: readonly GeneratedFiling[]): { date: string; requestedDate?: string; fulfilment: Met } | undefined {
    const met = firstFinal(generated, 'acceptance-extension', always, (i) => date(at(i, 'application', 'date')));
    if (!met) return undefined;
    const latest = generated.filter((g) => g.filingId === 'acceptance-extension').sort((a, b) => (a.generatedAt < b.generatedAt ? 1 : -1))[0]!;
    const requested = date(at(latest.input, 'requestedDate'));
    return { date: met.date, ...(requested ? { requestedDate: requested } : {}), fulfilment: met };
  },
  annual(generated: readonly GeneratedFiling[], year: number): Met | undefined {
    return firstFinal(generated, 'performance-evaluation', (i) => at(i, 'kind') === 'annual' && at(i, 'year') === year, (i) => date(at(i, 'reportDate')));
  },
  selfEvaluation(generated: readonly GeneratedFiling[]): Met | undefined {
    return firstFinal(generated, 'performance-evaluation', (i) => at(i, 'kind') === 'self-evaluation', (i) => date(at(i, 'evaluationDate')));
  },
};
