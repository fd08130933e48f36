// Runs the rules that apply to a filing and profile, and turns violations into findings with citations and messages.
import type { FilingDefinition, JurisdictionProfile } from '../filings/filing.ts';
import { formatCitation } from '../regulations/documents.ts';
import { fill } from '../i18n/catalogue.ts';
import { compareRules, type Rule, type RuleContext, type Severity } from './rule.ts';
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

function severityOf(rule: Rule, profile: JurisdictionProfile): Severity {
  return typeof rule.severity === 'string' ? rule.severity : rule.severity[profile];
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
  const findings: Finding[] = [];
  const calendarNotes = new Map<string, Set<number>>();
  const ctx: RuleContext = {
    filingId: def.id,
    profile,
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
        citations: rule.citations.map((c) => ({ 'zh-CN': formatCitation(c, 'zh-CN'), en: formatCitation(c, 'en') })),
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
