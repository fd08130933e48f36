// What the acceptance report's chapters share: column makers, references, the security level, the sentence values.
import type { TableColumn } from '../../blocks.ts';
import { labelCol } from '../../prose/tables.ts';
import type { ContentContext } from '../../content-context.ts';
import { paren } from '../../prose/punctuation.ts';
import { perLanguage } from '../../prose/bilingual.ts';
import { docRef, type DocumentReference } from '../../prose/references.ts';
import { chineseNumeral } from '../../../regulations/documents.ts';
import { normalizeDocNumber } from '../../../format/format.ts';
import { acceptanceFigures } from '../figures.ts';
import type { AcceptanceReportInput } from '../schema.ts';

type I = AcceptanceReportInput;

export const noCol = (c: ContentContext): TableColumn => labelCol(c, 'no', 1.8, 'center');
export const amountCol = (c: ContentContext, key: string): TableColumn => labelCol(c, key, 2.4, 'right');

export function semicolon(c: ContentContext): string {
  return c.lang === 'en' ? '; ' : '；';
}

/** A reference in a table cell: the document number and date when there is a number, else the document in each language. */
export function shortRef(c: ContentContext, r: DocumentReference): string {
  if (!r.docNo) return perLanguage(c, (l) => docRef(l, r), '\n');
  return normalizeDocNumber(r.docNo) + (r.date ? paren(c, c.date(r.date)) : '');
}

export function securityLevelText(c: ContentContext, i: I): string {
  const s = i.project.securityLevel;
  // The shared block does not tie the level's form to the scheme; the level's own form decides the wording.
  return typeof s.level === 'number'
    ? c.labelInline('mlpsLevel', { level: s.level, levelZh: chineseNumeral(s.level) })
    : c.labelInline(`gradeOf.${s.level}`);
}

/** A fact row only when the value is given. */
export function opt<T>(v: T | undefined, pair: (v: T) => readonly [string, string]): Array<readonly [string, string]> {
  return v === undefined ? [] : [pair(v)];
}

/** The values most sentences of the report use. */
export function baseVars(i: I, l: ContentContext): Record<string, string | number> {
  const f = acceptanceFigures(i);
  return {
    project: l.text(i.project.name),
    unit: l.text(i.project.constructionUnit.name),
    department: l.text(i.project.approvingDepartment),
    approved: l.wan(f.approved),
    actual: l.wan(f.actual),
  };
}
