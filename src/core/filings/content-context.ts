// The context a filing's content is built in: one document locale, the filing's labels, formatting and blocks.
import { column as makeColumn, table as makeTable, type Block, type MinorHeading, type Paragraph, type Table, type TableColumn } from './blocks.ts';
import type { LText } from './schema-parts.ts';
import { sidesOf } from './prose/bilingual.ts';
import { formatDate, formatMonth, formatNumber2, formatPercent, formatWan, normalizeDocNumber, rmbUppercaseWan, type DocLocale } from '../format/format.ts';
import { fill, lookup, lookupIn, message, type CatalogueTree, type Lang } from '../i18n/catalogue.ts';

/** A filing's own catalogue entries (`title`, `sections.<id>`, `labels.<key>`), per language. */
export type FilingMessages = Record<Lang, CatalogueTree>;

/** What the content needs to know of its filing: the id, and the catalogue entries it carries itself, if any. */
export interface FilingTexts {
  id: string;
  /** Entries the filing carries instead of `filings.<id>` in locales/ (a filing defined outside the service's catalogue). */
  messages?: FilingMessages;
}

/** A filing's own text at `key` (e.g. `title`, `sections.<id>`, `labels.<key>`), from the filing first, then locales/. */
function filingText(f: FilingTexts, lang: Lang, key: string): string | undefined {
  return lookupIn(f.messages?.[lang], key) ?? lookup(lang, `filings.${f.id}.${key}`);
}

/** Like filingText, but a missing entry is a bug in the catalogue, so it throws. */
export function filingMessage(f: FilingTexts, lang: Lang, key: string): string {
  const found = filingText(f, lang, key);
  if (found === undefined) return message(lang, `filings.${f.id}.${key}`);
  return found;
}

export interface ContentContext {
  filingId: string;
  locale: DocLocale;
  /** The language of headings and labels (bilingual documents lead with Chinese). */
  lang: Lang;
  /** The same filing in one language: this context when it is already that language. */
  in(lang: Lang): ContentContext;
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

/** Caller text as paragraphs in one locale. */
function parasIn(locale: DocLocale, t: LText | readonly LText[]): Block[] {
  const list: readonly LText[] = Array.isArray(t) ? t : [t as LText];
  const out: Block[] = [];
  for (const item of list) {
    const s = sidesOf(item);
    if (locale === 'zh-CN') out.push({ kind: 'p', text: s.zh });
    else if (locale === 'en') out.push({ kind: 'p', text: s.en ?? s.zh });
    else {
      out.push({ kind: 'p', text: s.zh });
      if (s.en) out.push({ kind: 'p', text: s.en, alt: true });
    }
  }
  return out;
}

function textIn(locale: DocLocale, t: LText): string {
  const s = sidesOf(t);
  if (locale === 'zh-CN') return s.zh;
  if (locale === 'en') return s.en ?? s.zh;
  return s.en && s.en !== s.zh ? `${s.zh} / ${s.en}` : s.zh;
}

export function createContentContext(filing: FilingTexts, locale: DocLocale): ContentContext {
  const lang: Lang = locale === 'en' ? 'en' : 'zh-CN';
  // Filing labels first, then the shared ones; looked up without exceptions (this runs for every table cell label).
  const labelIn = (l: Lang, key: string, vars?: Record<string, string | number>): string => {
    const own = filingText(filing, l, `labels.${key}`);
    return own !== undefined ? fill(own, vars) : message(l, `common.labels.${key}`, vars);
  };
  const label = (key: string, vars?: Record<string, string | number>, sep = '\n'): string =>
    locale === 'bilingual' ? `${labelIn('zh-CN', key, vars)}${sep}${labelIn('en', key, vars)}` : labelIn(lang, key, vars);
  const column = (c: string | TableColumn): TableColumn => (typeof c === 'string' ? makeColumn(label(c)) : c);
  const siblings: Partial<Record<Lang, ContentContext>> = {};

  const ctx: ContentContext = {
    filingId: filing.id,
    locale,
    lang,
    in: (l) => (locale === l ? ctx : (siblings[l] ??= createContentContext(filing, l))),
    text: (t) => textIn(locale, t),
    paras: (t) => parasIn(locale, t),
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
    table: (columns, rows, total) => makeTable(columns.map(column), rows, total),
    facts: (pairs) =>
      makeTable(
        [makeColumn(label('item'), 2), makeColumn(label('content'), 5)],
        pairs.map(([k, v]) => [label(k), v]),
      ),
    list: (items) =>
      items.flatMap((it, i) => {
        const s = sidesOf(it);
        if (locale === 'bilingual' && s.en) {
          return [
            { kind: 'p', text: `${i + 1}. ${s.zh}` },
            { kind: 'p', text: `${i + 1}. ${s.en}`, alt: true },
          ] satisfies Paragraph[];
        }
        return [{ kind: 'p', text: `${i + 1}. ${textIn(locale, it)}` } satisfies Paragraph];
      }),
    both: (build) => {
      if (locale !== 'bilingual') return build(ctx);
      const zh = build(ctx.in('zh-CN'));
      const en = build(ctx.in('en')).map((b) => (b.kind === 'p' ? { ...b, alt: true } : b));
      return [...zh, ...en];
    },
    sentence: (key, vars) => ctx.both((c) => [{ kind: 'p', text: c.label(key, vars(c)) }]),
  };
  return ctx;
}
