// Validation and the compliance preflight without rendering: what an integrator calls before asking for a document.
import type { FieldIssue } from '../core/errors.ts';
import { toFieldIssues, validate } from '../core/validation.ts';
import { checkFiling as complianceFindings, type Finding } from '../core/compliance/index.ts';
import { requireFiling } from './filings.ts';

export interface ValidationResult {
  valid: boolean;
  errors: FieldIssue[];
}

/** Every schema problem of an input at once; an invalid input is an answer here, not an error. */
export function validateFiling(filingId: string, input: unknown): ValidationResult {
  const def = requireFiling(filingId);
  const result = def.schema.safeParse(input);
  return { valid: result.success, errors: result.success ? [] : toFieldIssues(result.error.issues) };
}

export interface CheckResult {
  /** Errors first, in rule order within a severity. */
  findings: Finding[];
  errors: number;
  warnings: number;
  infos: number;
}

/** The compliance findings of a valid input; an invalid one is refused with every schema problem (input_invalid). */
export function checkFiling(filingId: string, input: unknown): CheckResult {
  const def = requireFiling(filingId);
  const findings = complianceFindings(def, validate(def.schema, input));
  const count = (s: Finding['severity']) => findings.filter((f) => f.severity === s).length;
  return { findings, errors: count('error'), warnings: count('warning'), infos: count('info') };
}
