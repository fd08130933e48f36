// Format-neutral content of a section (paragraphs, minor headings, tables) and the helpers filings build it with.
import type { FilingId } from './filing.ts';
import type { LText } from './common.ts';
import { formatDate, formatMonth, formatNumber2, formatPercent, formatWan, normalizeDocNumber, rmbUppercaseWan, type DocLocale } from '../format/format.ts';
import { lookup, message, type Lang } from '../i18n/catalogue.ts';

export interface Paragraph {
  kind: 'p';
  text: string;
  /** The English half of a bilingual pair: set in a secondary style. */
  alt?: boolean;
}
export interface MinorHeading {
  kind: 'h';
  text: string;
}
export interface TableColumn {
  label: string;
  /** Relative width; the columns of a table share the text block in proportion. */
  width?: number;
  align?: 'left' | 'center' | 'right';
}
export interface Table {
  kind: 'table';
  columns: TableColumn[];
  rows: string[][];
  /** A closing row set in bold, e.g. 合计. */
  total?: string[];
}
export type Block = Paragraph | MinorHeading | Table;

/** Text value of caller-supplied text: `{ zh, en }` or a plain (Chinese) string. */
function sides(t: LText): { zh: string; en?: string } {
  return typeof t === 'string' ? { zh: t } : t;
}

export interface ContentContext {
  filingId: FilingId;
  locale: DocLocale;
  /** The language of headings and labels (bilingual documents lead with Chinese). */
  lang: Lang;
  /** One line of caller text in this locale (bilingual: `中文 / English` when both are given). */
  text(t: LText): string;
  /** Caller text as paragraphs; bilingual gives the Chinese paragraph then its English one. */
  paras(t: LText | readonly LText[]): Block[];
  /** A label from the catalogue (`filings.<id>.labels.<key>`, then `common.labels.<key>`); bilingual: `中文\nEnglish`. */
  label(key: string, vars?: Record<string, string | number>): string;
  /** A label on one line; bilingual: `中文 / English`. */
  labelInline(key: string, vars?: Record<string, string | number>): string;
  date(iso: string): string;
  month(iso: string): string;
  /** Amount in 万元 in running text. */
  wan(v: number): string;
  /** A stated total in 万元 with its uppercase RMB (大写) in Chinese: `12,860.50万元（大写：人民币壹亿…元整）`. */
  stated(v: number): string;
  /** Amount in 万元 in a table column whose header names the unit. */
  num(v: number): string;
  percent(v: number): string;
  p(text: string): Paragraph;
  h(text: string): MinorHeading;
  table(columns: Array<string | TableColumn>, rows: string[][], total?: string[]): Table;
  /** Two-column table of label keys and values. */
  facts(pairs: ReadonlyArray<readonly [labelKey: string, value: string]>): Table;
  /** A list as numbered paragraphs: `1. …`. */
  list(items: readonly LText[]): Block[];
  /**
   * Prose built per language: once in this locale, or, in bilingual documents, once in Chinese and once in
   * English (set as the secondary paragraphs), so each sentence reads naturally with its own dates and names.
   */
  both(build: (c: ContentContext) => Block[]): Block[];
  /** One sentence from the catalogue, as paragraphs (see `both`). */
  sentence(key: string, vars: (c: ContentContext) => Record<string, string | number>): Block[];
}

/** The cover of a report: the project name, the construction unit and the report's document number (〔〕). */
export function reportCover(c: ContentContext, project: { name: LText; constructionUnit: { name: LText } }, docNo?: string): { title: string; unit: string; docNo?: string } {
  return { title: c.text(project.name), unit: c.text(project.constructionUnit.name), ...(docNo ? { docNo: normalizeDocNumber(docNo) } : {}) };
}

export function createContentContext(filingId: FilingId, locale: DocLocale): ContentContext {
  const lang: Lang = locale === 'en' ? 'en' : 'zh-CN';
  // Filing labels first, then the shared ones; looked up without exceptions (this runs for every table cell label).
  const labelIn = (l: Lang, key: string, vars?: Record<string, string | number>): string =>
    message(l, lookup(l, `filings.${filingId}.labels.${key}`) !== undefined ? `filings.${filingId}.labels.${key}` : `common.labels.${key}`, vars);
  const label = (key: string, vars?: Record<string, string | number>, sep = '\n'): string =>
    locale === 'bilingual' ? `${labelIn('zh-CN', key, vars)}${sep}${labelIn('en', key, vars)}` : labelIn(lang, key, vars);

  const text = (t: LText): string => {
    const s = sides(t);
    if (locale === 'zh-CN') return s.zh;
    if (locale === 'en') return s.en ?? s.zh;
    return s.en && s.en !== s.zh ? `${s.zh} / ${s.en}` : s.zh;
  };
  const paras = (t: LText | readonly LText[]): Block[] => {
    const list: readonly LText[] = Array.isArray(t) ? t : [t as LText];
    const out: Block[] = [];
    for (const item of list) {
      const s = sides(item);
      if (locale === 'zh-CN') out.push({ kind: 'p', text: s.zh });
      else if (locale === 'en') out.push({ kind: 'p', text: s.en ?? s.zh });
      else {
        out.push({ kind: 'p', text: s.zh });
        if (s.en) out.push({ kind: 'p', text: s.en, alt: true });
      }
    }
    return out;
  };
  const self = (): ContentContext => ctx;
  const column = (c: string | TableColumn): TableColumn => (typeof c === 'string' ? { label: label(c) } : c);

  const ctx: ContentContext = {
    filingId,
    locale,
    lang,
    text,
    paras,
    label: (key, vars) => label(key, vars),
    labelInline: (key, vars) => label(key, vars, ' / '),
    date: (iso) => formatDate(iso, locale),
    month: (iso) => formatMonth(iso, locale),
    wan: (v) => formatWan(v, locale),
    stated: (v) =>
      locale === 'en' ? formatWan(v, 'en') : `${formatWan(v, 'zh-CN')}（大写：${rmbUppercaseWan(v)}）${locale === 'bilingual' ? `（${formatWan(v, 'en')}）` : ''}`,
    num: (v) => formatNumber2(v),
    percent: (v) => formatPercent(v),
    p: (t) => ({ kind: 'p', text: t }),
    h: (t) => ({ kind: 'h', text: t }),
    table: (columns, rows, total) => ({ kind: 'table', columns: columns.map(column), rows, ...(total ? { total } : {}) }),
    facts: (pairs) => ({
      kind: 'table',
      columns: [
        { label: label('item'), width: 2 },
        { label: label('content'), width: 5 },
      ],
      rows: pairs.map(([k, v]) => [label(k), v]),
    }),
    list: (items) =>
      items.flatMap((it, i) => {
        const s = sides(it);
        if (locale === 'bilingual' && s.en) {
          return [
            { kind: 'p', text: `${i + 1}. ${s.zh}` },
            { kind: 'p', text: `${i + 1}. ${s.en}`, alt: true },
          ] satisfies Paragraph[];
        }
        return [{ kind: 'p', text: `${i + 1}. ${text(it)}` } satisfies Paragraph];
      }),
    both: (build) => {
      if (locale !== 'bilingual') return build(self());
      const zh = build(createContentContext(filingId, 'zh-CN'));
      const en = build(createContentContext(filingId, 'en')).map((b) => (b.kind === 'p' ? { ...b, alt: true } : b));
      return [...zh, ...en];
    },
    sentence: (key, vars) => ctx.both((c) => [{ kind: 'p', text: c.label(key, vars(c)) }]),
  };
  return ctx;
}
