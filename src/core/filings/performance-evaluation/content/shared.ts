// What the performance report's chapters share: the guards that give a kind's builders its own input type, prefixed
// caller text, and the project facts and tables both kinds open with.
import type { Block } from '../../blocks.ts';
import type { ContentContext } from '../../content-context.ts';
import type { SectionBuilder } from '../../filing.ts';
import type { LText } from '../../schema-parts.ts';
import { hasEn, perLanguage } from '../../prose/bilingual.ts';
import { joinTexts, paren } from '../../prose/punctuation.ts';
import { DASH, value } from '../../prose/numbers.ts';
import { labelCol } from '../../prose/tables.ts';
import { normalizeDocNumber, sumWan } from '../../../format/format.ts';
import { chineseNumeral } from '../../../regulations/documents.ts';
import type { AnnualReport, PerformanceEvaluationInput, SelfEvaluation } from '../schema.ts';

type I = PerformanceEvaluationInput;

/** A builder of the annual report's sections (they are never required for a self-evaluation). */
export const annual =
  (build: (i: AnnualReport, c: ContentContext) => Block[]): SectionBuilder<I> =>
  (i, c) =>
    i.kind === 'annual' ? build(i, c) : [];

/** A builder of the self-evaluation's sections (they are never required for an annual report). */
export const selfEvaluation =
  (build: (i: SelfEvaluation, c: ContentContext) => Block[]): SectionBuilder<I> =>
  (i, c) =>
    i.kind === 'self-evaluation' ? build(i, c) : [];

export const ucfirst = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** Caller text after a catalogue prefix (`问题：…`), per language; bilingual adds the English line only when given. */
export function prefixed(c: ContentContext, prefix: (l: ContentContext) => string, t: LText): Block[] {
  return c.both((l) => (c.locale === 'bilingual' && l.lang === 'en' && !hasEn(t) ? [] : [l.p(`${prefix(l)}${l.text(t)}`)]));
}

export function targetsTable(c: ContentContext, p: I['project']): Block {
  return c.table(
    [labelCol(c, 'no', 1, 'center'), labelCol(c, 'objective', 4.5), labelCol(c, 'indicator', 4.5), labelCol(c, 'indicatorType', 2.6, 'center'), labelCol(c, 'unitShort', 2, 'center'), labelCol(c, 'targetValue', 2.2, 'right')],
    p.performanceTargets.map((t, n) => [String(n + 1), c.text(t.objective), c.text(t.indicator), c.label(`type_${t.type}`), t.unit ? c.text(t.unit) : DASH, value(c, t.targetValue)]),
  );
}

export function fundingTable(c: ContentContext, p: I['project']): Block {
  return c.table(
    [labelCol(c, 'no', 1, 'center'), labelCol(c, 'channel', 6), labelCol(c, 'amount', 3, 'right')],
    p.fundingSources.map((f, n) => [String(n + 1), c.text(f.channel), c.num(f.amount)]),
    ['', c.label('total'), c.num(sumWan(p.fundingSources.map((f) => f.amount)))],
  );
}

/** 网络安全等级保护第三级 (a Chinese numeral, as the other filings write it) / MLPS level 3; or the classified grade. */
function securityLevelText(c: ContentContext, s: I['project']['securityLevel']): string {
  if (s.scheme !== 'mlps') return c.labelInline(`classified_${String(s.level)}`);
  const level = s.level;
  return perLanguage(c, (l) => l.label('mlpsLevel', { level: typeof level === 'number' && l.lang !== 'en' ? chineseNumeral(level) : String(level) }));
}

export function projectFacts(i: I, c: ContentContext): Array<readonly [string, string]> {
  const p = i.project;
  return [
    ['projectName', c.text(p.name)],
    ['projectCode', p.code],
    ['constructionUnit', `${c.text(p.constructionUnit.name)}${paren(c, p.constructionUnit.creditCode)}`],
    ['implementingBody', c.text(p.implementingBody)],
    ['leader', c.text(p.leader.name) + (p.leader.title ? paren(c, c.text(p.leader.title)) : '')],
    ...(p.crossDepartment
      ? ([
          ['leadDepartment', c.text(p.crossDepartment.leadDepartment)],
          ['coBuilders', joinTexts(c, p.crossDepartment.coBuilders)],
        ] as const)
      : []),
    ['approvingDepartment', c.text(p.approvingDepartment)],
    ['approvalDocument', `${normalizeDocNumber(i.approval.docNo)}${paren(c, c.date(i.approval.date))}`],
    ['approvedInvestment', c.stated(p.totalInvestment)],
    ['constructionPeriod', `${c.date(i.approval.plannedStart)} — ${c.date(i.approval.plannedCompletion)}`],
    ['securityLevel', securityLevelText(c, p.securityLevel)],
  ];
}
