// Runs the rules that apply to a filing and profile, and turns violations into findings with citations and messages.
import type { FilingDefinition } from '../filings/filing.ts';
import { formatCitation, type Citation } from '../regulations/documents.ts';
import { measureId, PROFILE_IDS, profileData, type JurisdictionProfile, type JurisdictionProfileData } from '../regulations/profiles.ts';
import { fill } from '../i18n/catalogue.ts';
import { compareRules, type Rule, type RuleContext, type Severity, type Violation } from './rule.ts';
import { GENERAL_RULES } from './general-rules.ts';

export interface Finding {
  ruleId: string;
  severity: Severity;
  path: string;
  message: { 'zh-CN': string; en: string };
  citations: Array<{ 'zh-CN': string; en: string }>;
}

const CALENDAR_RULE_ID = 'CAL';

/** The rules a filing is checked against under a profile: the general rules and its own, in rule order. */
function rulesOf(def: Pick<FilingDefinition, 'rules'>, profile: JurisdictionProfile): Rule[] {
  return [...GENERAL_RULES, ...def.rules].filter((r) => !r.profiles || r.profiles.includes(profile)).sort(compareRules);
}

/** The severity of a rule under a profile. */
export function severityOf(rule: Pick<Rule, 'severity'>, profile: JurisdictionProfile): Severity {
  return typeof rule.severity === 'string' ? rule.severity : rule.severity(profileData(profile));
}

/** The measures of the profiles other than this one: their citations do not belong in this profile's findings. */
function foreignMeasures(p: JurisdictionProfileData): Set<string> {
  const own = measureId(p);
  return new Set(PROFILE_IDS.map((id) => measureId(profileData(id))).filter((m) => m !== own && m !== 'gbf-2019-57'));
}

function citationsOf(rule: Rule, v: Violation, foreign: ReadonlySet<string>): Array<{ 'zh-CN': string; en: string }> {
  const all: Citation[] = [...rule.citations.filter((c) => !foreign.has(c.doc)), ...(v.citations ?? [])];
  const seen = new Set<string>();
  const out: Array<{ 'zh-CN': string; en: string }> = [];
  for (const c of all) {
    const zh = formatCitation(c, 'zh-CN');
    if (seen.has(zh)) continue;
    seen.add(zh);
    out.push({ 'zh-CN': zh, en: formatCitation(c, 'en') });
  }
  return out;
}

function calendarFinding(path: string, years: ReadonlySet<number>): Finding {
  const list = [...years].sort().join(', ');
  return {
    ruleId: CALENDAR_RULE_ID,
    severity: 'warning',
    path,
    message: {
      'zh-CN': `工作日计算涉及${list}年，服务的法定节假日数据未覆盖该年份，已按普通周一至周五计算，请人工核对。`,
      en: `The working-day count runs through ${list}, which the official holiday calendar data does not cover; it was counted as plain Monday–Friday days. Check it by hand.`,
    },
    citations: [],
  };
}

/** All findings for a validated input, errors first, in rule order within a severity. */
export function checkFiling(def: FilingDefinition, input: unknown): Finding[] {
  const profile = def.profileOf(input);
  const jurisdiction = profileData(profile);
  const foreign = foreignMeasures(jurisdiction);
  const findings: Finding[] = [];
  const calendarNotes = new Map<string, Set<number>>();
  const ctx: RuleContext = {
    filingId: def.id,
    profile,
    jurisdiction,
    unknownCalendarYears(path, years) {
      if (!years.length) return;
      const set = calendarNotes.get(path) ?? new Set<number>();
      for (const y of years) set.add(y);
      calendarNotes.set(path, set);
    },
  };
  for (const rule of rulesOf(def, profile)) {
    const severity = severityOf(rule, profile);
    for (const v of rule.check(input, ctx)) {
      findings.push({
        ruleId: rule.id,
        severity: v.severity ?? severity,
        path: v.path,
        message: { 'zh-CN': fill(rule.message.zh, v.vars), en: fill(rule.message.en, v.vars) },
        citations: citationsOf(rule, v, foreign),
      });
    }
  }
  for (const [path, years] of calendarNotes) findings.push(calendarFinding(path, years));
  const order: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
  return findings.sort((a, b) => order[a.severity] - order[b.severity]);
}

export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}
