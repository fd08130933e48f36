// Compliance rules as data: id, severity per jurisdiction profile, the citation, the message in zh-CN and en, the JSON
// Pointers it concerns, and a check that returns the violations it finds. A filing lists the rules that read its input.
import type { Citation } from '../regulations/documents.ts';
import type { JurisdictionProfile, JurisdictionProfileData } from '../regulations/profiles.ts';

export type Severity = 'error' | 'warning' | 'info';

/**
 * The family of a rule (regulations.md §7): G every filing, P proposal / feasibility study, A acceptance, K performance
 * evaluation, X extension request. A new filing takes a letter of its own.
 */
export type RuleGroup = string;

/**
 * The families of the service's rules, in the order they are listed (GET /v1/rules) and run. A rule of a family not
 * named here (a filing defined outside the service's list) runs after them.
 */
export const RULE_GROUP_ORDER = ['G', 'A', 'X', 'P', 'K'] as const;
export type ListedRuleGroup = (typeof RULE_GROUP_ORDER)[number];

export function isListedRuleGroup(group: string): group is ListedRuleGroup {
  return (RULE_GROUP_ORDER as readonly string[]).includes(group);
}

export interface Violation {
  /** JSON Pointer of the offending value (or of the object that lacks something). */
  path: string;
  /** Values for the `{name}` placeholders of the rule's message. */
  vars?: Record<string, string | number>;
  /** Overrides the rule's severity for this violation, when the input decides it (e.g. stricter for NDRC-approved projects). */
  severity?: Severity;
  /** Citations this violation rests on besides the rule's, e.g. the article of the profile's own measure it applied. */
  citations?: readonly Citation[];
}

export interface RuleContext {
  filingId: string;
  profile: JurisdictionProfile;
  /** The semantics of that profile (src/core/regulations/profile-data.ts): what its deadlines measure, whom it files with. */
  jurisdiction: JurisdictionProfileData;
  /**
   * Reports that a working-day computation for `path` ran through years the official calendar data does not cover;
   * the engine turns this into a warning, so a plain weekday count is never silently taken for the real one.
   */
  unknownCalendarYears(path: string, years: readonly number[]): void;
}

export interface Rule<I = unknown> {
  /** The group letter and a number, e.g. `A7`. */
  id: string;
  group: RuleGroup;
  /** Profiles it applies to (computed from their semantics with profilesWhere); every profile when omitted. */
  profiles?: readonly JurisdictionProfile[];
  /** One severity, or one decided by the profile's semantics (e.g. an error where the measure sets the deadline). */
  severity: Severity | ((p: JurisdictionProfileData) => Severity);
  /**
   * The documents and articles it rests on. A citation of one profile's own measure is shown only in that profile's
   * findings (a national finding does not cite the district measure).
   */
  citations: readonly Citation[];
  message: { zh: string; en: string };
  /** How the rule reads the measure where the text is ambiguous or unverified: the reading chosen, in both languages. */
  note?: { zh: string; en: string };
  /** The JSON Pointers (with `*` for any index) this rule is about. */
  paths: readonly string[];
  /**
   * The filings whose schema already refuses the violation (the input cannot be valid without it); the check still
   * runs as a second line and documents the rule, and tests assert the schema's refusal at the rule's path instead.
   */
  enforcedBySchema?: readonly string[];
  check(input: I, ctx: RuleContext): Violation[];
}

/** Writes a rule for the input type of the filings that list it. */
export function defineRule<I>(rule: Rule<I>): Rule<I> {
  return rule;
}

function groupRank(group: string): number {
  const n = (RULE_GROUP_ORDER as readonly string[]).indexOf(group);
  return n < 0 ? RULE_GROUP_ORDER.length : n;
}

/** Rule order: by family (RULE_GROUP_ORDER), then by number (P2 before P10). */
export function compareRules(a: Pick<Rule, 'id' | 'group'>, b: Pick<Rule, 'id' | 'group'>): number {
  const byGroup = groupRank(a.group) - groupRank(b.group) || a.group.localeCompare(b.group);
  if (byGroup) return byGroup;
  const num = (id: string) => Number(/\d+$/.exec(id)?.[0] ?? 0);
  return num(a.id) - num(b.id) || a.id.localeCompare(b.id);
}
