// The shape of a rule's test cases: a valid sample it passes on, and a change to that sample that makes it fire.
import type { FilingId } from '../../src/core/filings/index.ts';

export interface RuleCase {
  rule: string;
  filing: FilingId;
  /** Name of a valid sample in samples/<filing>/ (without .json); the rule must not fire on it. */
  sample: string;
  /** Turns the sample into one that breaks the rule (for schema-enforced rules: one the schema refuses). */
  mutate: (input: any) => void; // eslint-disable-line @typescript-eslint/no-explicit-any
  /**
   * Turns the sample into the last compliant input at the rule's boundary (the last day still in time, the amount just
   * within the limit, the least the measure accepts), worked out by hand from the measure; the rule must not fire on it.
   * `mutate` is then the first input past that boundary.
   */
  pass?: (input: any) => void; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** The JSON Pointers the rule (or the schema) must report. */
  paths: string[];
  /** Optional: the severity every finding of the case must have (for rules whose severity depends on the input). */
  severity?: 'error' | 'warning' | 'info';
  /** Optional: a phrase every finding's Chinese message must contain (e.g. the holiday shift it applied). */
  message?: string;
  /** Optional: the case also names the calendar note it expects (years outside the holiday data). */
  note?: string;
}
