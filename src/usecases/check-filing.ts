// Validation and the compliance preflight without rendering: what an integrator calls before asking for a document.
import type { FieldIssue } from '../core/errors.ts';
import type { Finding } from '../core/compliance/index.ts';
import { requireFiling } from './filings.ts';
import type { Work } from './work.ts';

export interface ValidationResult {
  valid: boolean;
  errors: FieldIssue[];
}

/** Every schema problem of an input at once; an invalid input is an answer here, not an error. */
export async function validateFiling(work: Work, filingId: string, input: unknown, signal?: AbortSignal): Promise<ValidationResult> {
  requireFiling(filingId);
  return work.validate({ filingId, input }, signal);
}

export interface CheckResult {
  /** Errors first, in rule order within a severity. */
  findings: Finding[];
  errors: number;
  warnings: number;
  infos: number;
}

/** The compliance findings of a valid input; an invalid one is refused with every schema problem (input_invalid). */
export async function checkFiling(work: Work, filingId: string, input: unknown, signal?: AbortSignal): Promise<CheckResult> {
  requireFiling(filingId);
  const { findings } = await work.prepare({ filingId, input }, signal);
  const count = (s: Finding['severity']) => findings.filter((f) => f.severity === s).length;
  return { findings, errors: count('error'), warnings: count('warning'), infos: count('info') };
}
