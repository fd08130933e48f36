// Every compliance rule as the API lists it: the general rules and each filing's own, with the filings that apply them.
import { FILINGS, type FilingId } from '../filings/registry.ts';
import { GENERAL_RULES } from './general-rules.ts';
import { compareRules, isListedRuleGroup, type ListedRuleGroup, type Rule } from './rule.ts';

/** A rule with the filings that apply it (every filing for a general rule). */
export interface RegisteredRule extends Omit<Rule, 'group' | 'enforcedBySchema'> {
  group: ListedRuleGroup;
  filings: readonly FilingId[];
  enforcedBySchema?: readonly FilingId[];
}

function register(): RegisteredRule[] {
  const filings = new Map<Rule, FilingId[]>(GENERAL_RULES.map((r) => [r, FILINGS.map((f) => f.id)]));
  for (const f of FILINGS) for (const r of f.rules as readonly Rule[]) filings.set(r, [...(filings.get(r) ?? []), f.id]);
  const out: RegisteredRule[] = [];
  for (const [rule, ids] of filings) {
    // A rule may only claim the schemas of filings that apply it; a slip here would mislead the API and the tests.
    for (const e of rule.enforcedBySchema ?? []) if (!(ids as string[]).includes(e)) throw new Error(`rule ${rule.id}: enforcedBySchema names ${e}, which does not apply it`);
    const { group, enforcedBySchema, ...rest } = rule;
    if (!isListedRuleGroup(group)) throw new Error(`rule ${rule.id}: group ${group} is not in RULE_GROUP_ORDER`);
    out.push({ ...rest, group, filings: ids, ...(enforcedBySchema ? { enforcedBySchema: enforcedBySchema as readonly FilingId[] } : {}) });
  }
  const ids = out.map((r) => r.id);
  const twice = ids.find((id, n) => ids.indexOf(id) !== n);
  if (twice) throw new Error(`two rules have the id ${twice}`);
  return out.sort(compareRules);
}

export const RULES: readonly RegisteredRule[] = register();
