// Runs the rules that apply to a filing and profile, and turns violations into findings with citations and messages.
import type { FilingDefinition } from '../filings/filing.ts';
import { formatCitation } from '../regulations/documents.ts';
import type { Rule, RuleContext, Severity } from './rule.ts';
import { RULES } from './rules/index.ts';

export interface Finding {
  ruleId: string;
  severity: Severity;
  path: string;
  message: { 'zh-CN': string; en: string };
  citations: Array<{ 'zh-CN': string; en: string }>;
}

const fill = (template: string, vars: Record<string, string | number> = {}) => template.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));

export const CALENDAR_RULE_ID = 'CAL';

export function rulesFor(filingId: string, profile: string, rules: readonly Rule[] = RULES): Rule[] {
  return rules.filter((r) => (r.filings as readonly string[]).includes(filingId) && (!r.profiles || (r.profiles as readonly string[]).includes(profile)));
}

export function severityOf(rule: Rule, profile: 'national' | 'district'): Severity {
  return typeof rule.severity === 'string' ? rule.severity : rule.severity[profile];
}

/** All findings for a validated input, errors first, in rule order within a severity. */
export function checkFiling(def: FilingDefinition, input: unknown, rules: readonly Rule[] = RULES): Finding[] {
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
  for (const rule of rulesFor(def.id, profile, rules)) {
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
  for (const [path, years] of calendarNotes) {
    const list = [...years].sort().join(', ');
    findings.push({
      ruleId: CALENDAR_RULE_ID,
      severity: 'warning',
      path,
      message: {
        'zh-CN': `工作日计算涉及${list}年，服务的法定节假日数据未覆盖该年份，已按普通周一至周五计算，请人工核对。`,
        en: `The working-day count runs through ${list}, which the official holiday calendar data does not cover; it was counted as plain Monday–Friday days. Check it by hand.`,
      },
      citations: [],
    });
  }
  const order: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
  return findings.sort((a, b) => order[a.severity] - order[b.severity]);
}

export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}
