// What the 可研's chapters share: counts and storage as each language reads them, people, the security level, yes/no and
// the funding table that both the overview and the investment chapter show.
import type { Block } from '../../blocks.ts';
import type { ContentContext } from '../../content-context.ts';
import { cell } from '../../prose/bilingual.ts';
import { isEn, paren } from '../../prose/punctuation.ts';
import { qty, share } from '../../prose/numbers.ts';
import { col, no } from '../../prose/tables.ts';
import { sumWan } from '../../../format/format.ts';
import type { FeasibilityStudyInput } from '../schema.ts';

type I = FeasibilityStudyInput;

/** A large count the way each language reads it: `218亿` / `21,800,000,000`. */
export function count(l: ContentContext, n: number): string {
  if (isEn(l)) return qty(n);
  if (n >= 1e8) return `${qty(Math.round(n / 1e6) / 100)}亿`;
  if (n >= 1e5) return `${qty(Math.round(n / 100) / 100)}万`;
  return qty(n);
}

/** Storage in GB, shown in TB (decimal) from 1,000 GB. */
export function storage(gb: number): string {
  return gb >= 1000 ? `${qty(Math.round(gb / 100) / 10)} TB` : `${qty(gb)} GB`;
}

export const yesNo = (c: ContentContext, b: boolean): string => c.label(b ? 'yesNo.yes' : 'yesNo.no');

export function person(l: ContentContext, p: I['project']['leader']): string {
  const extra = [p.title ? l.text(p.title) : '', p.phone ?? ''].filter(Boolean).join(isEn(l) ? ', ' : '，');
  return l.text(p.name) + paren(l, extra);
}

export function securityLevelText(l: ContentContext, s: I['project']['securityLevel']): string {
  return s.scheme === 'mlps' ? l.label('mlpsLevel', { level: l.label(`levelNumeral.${s.level}`) }) : l.label('classifiedGrade', { grade: l.label(`grade.${s.level}`) });
}

/** The funding sources against the total investment (shown in the overview and again in the investment chapter). */
export function fundingTable(i: I, c: ContentContext): Block {
  const p = i.project;
  const sum = sumWan(p.fundingSources.map((f) => f.amount));
  return c.table(
    [col(c.label('no'), 0.8, 'center'), col(c.label('channel'), 5), col(c.label('amount'), 2.5, 'right'), col(c.label('share'), 1.7, 'right')],
    p.fundingSources.map((f, n) => [no(n), cell(c, f.channel), c.num(f.amount), share(c, f.amount, p.totalInvestment)]),
    ['', c.label('total'), c.num(sum), share(c, sum, p.totalInvestment)],
  );
}
