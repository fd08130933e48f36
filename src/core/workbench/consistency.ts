// The cross-document check of a project's package: every shared fact (the project block, and the dates and numbers
// several filings state again) must read the same in every document, finals included; a difference names the
// JSON Pointer of the fact on each side.
import { canonicalJson } from '../canonical.ts';

export interface PackageDocument {
  draftId: string;
  filingId: string;
  /** Generated as final: its input is frozen and no longer follows the project. */
  final: boolean;
  input: unknown;
}

export interface FactValue {
  draftId: string;
  filingId: string;
  pointer: string;
  value: unknown;
}

export interface Difference {
  /** `project` for a fact of the project block, else the name of the shared fact. */
  fact: string;
  values: FactValue[];
}

/** Facts stated outside the project block, by the pointer each filing keeps them at. */
const SHARED_FACTS: Record<string, Record<string, string>> = {
  approvalDocNo: { 'acceptance-extension': '/approval/docNo', 'performance-evaluation': '/approval/docNo' },
  approvalDate: { 'acceptance-extension': '/approval/date', 'performance-evaluation': '/approval/date' },
  plannedStart: { 'acceptance-extension': '/approval/plannedStart', 'performance-evaluation': '/approval/plannedStart', 'acceptance-report': '/construction/plannedStart' },
  plannedCompletion: { 'acceptance-extension': '/approval/plannedCompletion', 'performance-evaluation': '/approval/plannedCompletion', 'acceptance-report': '/construction/plannedCompletion' },
  completionDate: { 'acceptance-extension': '/completionDate', 'performance-evaluation': '/completionDate', 'acceptance-report': '/construction/completionDate' },
};

const escape = (k: string) => k.replace(/~/g, '~0').replace(/\//g, '~1');

function at(value: unknown, pointer: string): unknown {
  let node = value;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** The leaves of the project block by pointer; text given as `{zh, en}` is one leaf. */
function projectLeaves(value: unknown, pointer: string, out: Map<string, unknown>): void {
  const isText = value !== null && typeof value === 'object' && !Array.isArray(value) && 'zh' in value;
  if (value === null || typeof value !== 'object' || isText) {
    if (value !== undefined) out.set(pointer, value);
    return;
  }
  if (Array.isArray(value)) value.forEach((v, i) => projectLeaves(v, `${pointer}/${i}`, out));
  else for (const [k, v] of Object.entries(value)) projectLeaves(v, `${pointer}/${escape(k)}`, out);
}

function differing(fact: string, values: FactValue[]): Difference | undefined {
  const distinct = new Set(values.map((v) => canonicalJson(v.value)));
  return distinct.size > 1 ? { fact, values } : undefined;
}

export function checkConsistency(docs: readonly PackageDocument[]): Difference[] {
  const out: Difference[] = [];
  // Project facts: every pointer any document holds, compared across the documents that hold it or miss it.
  const leaves = docs.map((d) => {
    const m = new Map<string, unknown>();
    projectLeaves(at(d.input, '/project'), '/project', m);
    return m;
  });
  const pointers = [...new Set(leaves.flatMap((m) => [...m.keys()]))];
  for (const pointer of pointers) {
    const values = docs.map((d, i) => ({ draftId: d.draftId, filingId: d.filingId, pointer, value: leaves[i]!.get(pointer) ?? null }));
    const diff = differing('project', values);
    if (diff) out.push(diff);
  }
  for (const [fact, where] of Object.entries(SHARED_FACTS)) {
    const values = docs.flatMap((d) => {
      const pointer = where[d.filingId];
      const value = pointer ? at(d.input, pointer) : undefined;
      return pointer && value !== undefined ? [{ draftId: d.draftId, filingId: d.filingId, pointer, value }] : [];
    });
    const diff = differing(fact, values);
    if (diff) out.push(diff);
  }
  return out;
}
