// The project's milestones as the deadlines read them: each date taken when it is a real ISO date, the rest ignored,
// because the workbench stores milestones as typed (valid or not) and a half-entered record still has deadlines.
import { parseIsoDate } from '../format/format.ts';

export interface ContractDate {
  name: string;
  date: string;
  filed?: string;
  /** A short stable key of the contract's name (the obligation's id must not change when the list is reordered). */
  key: string;
}

export interface MilestoneDates {
  approval?: { date: string; docNo?: string };
  contracts: ContractDate[];
  start?: string;
  trialOperation?: string;
  completion?: string;
  preliminaryAcceptance?: string;
  acceptanceApplication?: string;
  acceptanceOrganised?: string;
  acceptance?: string;
  entryIntoOperation?: string;
  catalogueRegistration?: string;
}

const SINGLE = ['start', 'trialOperation', 'completion', 'preliminaryAcceptance', 'acceptanceApplication', 'acceptanceOrganised', 'acceptance', 'entryIntoOperation', 'catalogueRegistration'] as const;
const MAX_CONTRACTS = 500;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const dateOf = (v: unknown): string | undefined => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && parseIsoDate(v) ? v : undefined);
const textOf = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim().slice(0, 200) : undefined);

/** FNV-1a (32 bit) of the text, as 8 hex digits: short, stable, and needs no crypto API. */
function shortKey(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

export function readMilestones(raw: unknown): MilestoneDates {
  const m = isObject(raw) ? raw : {};
  const out: MilestoneDates = { contracts: [] };
  for (const k of SINGLE) {
    const d = dateOf(m[k]);
    if (d) out[k] = d;
  }
  if (isObject(m.approval)) {
    const date = dateOf(m.approval.date);
    const docNo = textOf(m.approval.docNo);
    if (date) out.approval = { date, ...(docNo ? { docNo } : {}) };
  }
  const contracts = Array.isArray(m.contractSignings) ? m.contractSignings.slice(0, MAX_CONTRACTS) : [];
  const seen = new Set<string>();
  for (const c of contracts) {
    if (!isObject(c)) continue;
    const name = textOf(c.name);
    const date = dateOf(c.date);
    if (!name || !date) continue;
    let key = shortKey(name);
    // The same name signed twice on one day still gives two obligations.
    for (let n = 2; seen.has(`${date}:${key}`); n++) key = shortKey(`${name}#${n}`);
    seen.add(`${date}:${key}`);
    const filed = dateOf(c.filed);
    out.contracts.push({ name, date, key, ...(filed ? { filed } : {}) });
  }
  return out;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
