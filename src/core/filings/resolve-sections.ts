// Which sections a given input requires, in order: the registry filtered by condition, profile and effective dates.
import type { FilingDefinition, SectionDef } from './filing.ts';

function sectionApplies<I>(s: SectionDef<I>, input: I, profile: string, date: string): boolean {
  if (s.profiles && !s.profiles.includes(profile as never)) return false;
  if (s.effectiveFrom && date < s.effectiveFrom) return false;
  if (s.effectiveUntil && date > s.effectiveUntil) return false;
  if (s.when && !s.when.test(input)) return false;
  return true;
}

/**
 * The required sections for this input. A sub-section whose chapter does not apply is dropped with it,
 * so numbering never shows an orphan.
 */
export function resolveSections(def: FilingDefinition, input: unknown): SectionDef<unknown>[] {
  const profile = def.profileOf(input);
  const date = def.dateOf(input);
  const out: SectionDef<unknown>[] = [];
  const skippedAt: number[] = [];
  for (const s of def.sections) {
    while (skippedAt.length && skippedAt[skippedAt.length - 1]! >= s.level) skippedAt.pop();
    if (skippedAt.length) continue;
    if (sectionApplies(s, input, profile, date)) out.push(s);
    else skippedAt.push(s.level);
  }
  return out;
}
