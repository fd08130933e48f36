// Compliance rules as data: id, severity per jurisdiction profile, the filings it applies to, the citation, the message
// in zh-CN and en, the JSON Pointers it concerns, and a check that returns the violations it finds.
import type { FilingId, JurisdictionProfile } from '../filings/filing.ts';
import type { Citation } from '../regulations/documents.ts';

export type Severity = 'error' | 'warning' | 'info';
/** G all filings, P proposal/feasibility, A acceptance, K performance, X extension (regulations.md §7). */
export type RuleGroup = 'G' | 'P' | 'A' | 'K' | 'X';

export interface Violation {
  /** JSON Pointer of the offending value (or of the object that lacks something). */
  path: string;
  /** Values for the `{name}` placeholders of the rule's message. */
  vars?: Record<string, string | number>;
  /** Overrides the rule's severity for this violation, when the input decides it (e.g. stricter for NDRC-approved projects). */
  severity?: Severity;
}

export interface RuleContext {
  filingId: FilingId;
  profile: JurisdictionProfile;
  /**
   * Reports that a working-day computation for `path` ran through years the official calendar data does not cover;
   * the engine turns this into a warning, so a plain weekday count is never silently taken for the real one.
   */
  unknownCalendarYears(path: string, years: readonly number[]): void;
}

export interface Rule<I = unknown> {
  id: string;
  group: RuleGroup;
  /** The filings whose inputs this rule reads. */
  filings: readonly FilingId[];
  /** Profiles it applies to; both when omitted. */
  profiles?: readonly JurisdictionProfile[];
  /** One severity, or one per profile (e.g. error under the district measure, warning nationally). */
  severity: Severity | Record<JurisdictionProfile, Severity>;
  citations: readonly Citation[];
  message: { zh: string; en: string };
  /** The JSON Pointers (with `*` for any index) this rule is about. */
  paths: readonly string[];
  /**
   * Set when the filing's schema already refuses the violation (the input cannot be valid without it); the check still
   * runs as a second line and documents the rule, and tests assert the schema's refusal at the rule's path instead.
   */
  enforcedBySchema?: readonly FilingId[];
  check(input: I, ctx: RuleContext): Violation[];
}

/** Keeps the input type of a rule written for particular filings, and erases it for the rule list. */
export function defineRule<I>(rule: Rule<I>): Rule {
  return rule as unknown as Rule;
}
