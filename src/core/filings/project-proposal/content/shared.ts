// What the proposal's chapters share: its columns, its punctuation marks, people and the security level.
import type { Block, TableColumn } from '../../blocks.ts';
import type { ContentContext } from '../../content-context.ts';
import type { LText } from '../../schema-parts.ts';
import { perLanguage } from '../../prose/bilingual.ts';
import { paren } from '../../prose/punctuation.ts';
import { chineseNumeral } from '../../../regulations/documents.ts';
import type { ProjectProposalInput } from '../schema.ts';

type I = ProjectProposalInput;

export const noCol = (c: ContentContext): TableColumn => ({ label: c.label('no'), width: 1.3, align: 'center' });
export const amountCol = (c: ContentContext): TableColumn => ({ label: c.label('amount'), width: 3, align: 'right' });
export const shareCol = (c: ContentContext): TableColumn => ({ label: c.label('ratio'), width: 2, align: 'right' });

/** Caller paragraphs under a minor heading, or nothing. */
export const headed = (c: ContentContext, key: string, t: readonly LText[] | undefined): Block[] => (t ? [c.h(c.labelInline(key)), ...c.paras(t)] : []);

/** Punctuation for prose in this locale (bilingual documents use the Chinese marks). */
export function marks(c: ContentContext) {
  const en = c.locale === 'en';
  return {
    en,
    comma: en ? ', ' : '，',
    semi: en ? '; ' : '；',
    enum: en ? ', ' : c.locale === 'bilingual' ? '；' : '、',
    dash: en ? ' – ' : '至',
  };
}

/** A composed value for a table cell: once per language, Chinese over English in bilingual documents. */
export const dual = (c: ContentContext, build: (l: ContentContext) => string): string => perLanguage(c, build, '\n');

export function person(c: ContentContext, p: { name: LText; title?: LText; phone?: string }): string {
  if (c.locale === 'bilingual') return dual(c, (l) => person(l, p));
  const m = marks(c);
  const title = p.title ? paren(c, c.text(p.title)) : '';
  const phone = p.phone ? `${m.comma}${c.labelInline('tel')}${m.en ? ' ' : ''}${p.phone}` : '';
  return `${c.text(p.name)}${title}${phone}`;
}

export function securityText(c: ContentContext, s: I['project']['securityLevel']): string {
  if (c.locale === 'bilingual') return dual(c, (l) => securityText(l, s));
  if (s.scheme === 'mlps') {
    const level = typeof s.level === 'number' ? s.level : 0;
    return c.lang === 'en' ? c.labelInline('mlpsLevel', { level }) : c.labelInline('mlpsLevel', { level: chineseNumeral(level) });
  }
  return c.labelInline(`classifiedGrade.${String(s.level)}`);
}

export function sentenceNo(n: number, c: ContentContext): string {
  // The fourth level of 一、→（一）→ 1. →（1）: the entries sit under a level-3 (1.) heading.
  return c.lang === 'en' ? `(${n}) ` : `（${n}）`;
}
