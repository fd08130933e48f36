// Turns a validated input into the data every template binds to: cover facts and one entry per registry section.
import type { FilingDefinition, SectionDef } from './filing.ts';
import type { Block, Table } from './blocks.ts';
import { createContentContext, filingMessage, type FilingTexts } from './content-context.ts';
import { resolveSections } from './resolve-sections.ts';
import { chineseNumeral } from '../regulations/documents.ts';
import { formatDate, type DocLocale } from '../format/format.ts';
import { message } from '../i18n/catalogue.ts';

export interface BlockView {
  p: false | { text: string };
  pAlt: false | { text: string };
  h: false | { text: string };
  table: false | Table;
  /** A table's caption, `表1\u3000…` (bilingual: a second line `Table 1 …`); empty for other blocks. */
  caption: string;
  /** What stands above the repeated header on a table's continuation pages: `续表1` / `Table 1 (continued)`. */
  captionCont: string;
}

export interface SectionView {
  id: string;
  level: 1 | 2 | 3;
  style: string;
  /** Numbered heading in the document's lead language, e.g. `一、项目简介` or `1 Project summary`. */
  heading: string;
  /** The English heading under the Chinese one in bilingual documents; empty otherwise. */
  headingAlt: string;
  /** First line of an unheaded part of a letter (title, addressee, closing, signature…); empty for headed sections. */
  lead: string;
  blocks: BlockView[];
  /** The printed page number of the heading, for the 目录 (filled once the pages are known: PDF only). */
  page: string;
}

export interface DocMeta {
  filingId: string;
  filingName: string;
  filingNameAlt: string;
  locale: DocLocale;
  /** BCP 47 language of the document body. */
  lang: 'zh-CN' | 'en';
  bilingual: boolean;
  templateVersion: string;
  inputSha256: string;
  /** ISO date of the filing. */
  date: string;
  dateText: string;
  title: string;
  titleAlt: string;
  unit: string;
  unitAlt: string;
  docNo: string;
  draft: boolean;
  /** 目录 / Contents / 目录 Contents. */
  tocTitle: string;
  /** 版头 and 版记 of a letter; empty strings when the input gives none (the 1.0.0 letter has neither). */
  issuerMark: string;
  signers: string;
  copyTo: string;
  printedBy: string;
  printedOn: string;
  /** Classes for the page box once the pages are known (which side page numbers go): set by the PDF render. */
  print: string;
  /** Space in mm above the 版记 that puts it at the foot of its page (set by the PDF render; 0 elsewhere). */
  imprintGap: number;
}

export interface SignOffView {
  heading: string;
  table: false | Table;
  caption: string;
  captionCont: string;
  lines: Array<{ text: string }>;
}

/** The appendix of a draft: the compliance findings that keep it from being a filing. */
export interface DraftAppendix {
  heading: string;
  headingAlt: string;
  note: string;
  table: Table;
}

export interface DocView {
  doc: DocMeta;
  /** Present (not false) only in drafts rendered despite findings. */
  draftAppendix: DraftAppendix | false;
  /** The signature table and 落款 that close a report, when its filing has them. */
  signOff: SignOffView | false;
  /** Section ids in document order (only those this input requires). */
  order: string[];
  /** `s_<id>`: the section, or false when this input does not require it. */
  [key: `s_${string}`]: SectionView | false;
}

export interface DraftFinding {
  ruleId: string;
  severity: 'error' | 'warning' | 'info';
  path: string;
  message: { 'zh-CN': string; en: string };
  citations: Array<{ 'zh-CN': string; en: string }>;
}

export interface BuildViewOptions {
  locale: DocLocale;
  templateVersion: string;
  inputSha256: string;
  /** A draft carries a DRAFT mark on every page and an appendix listing these findings. */
  draft?: { findings: DraftFinding[] };
}

function draftAppendix(findings: DraftFinding[], locale: DocLocale): DraftAppendix {
  const both = locale === 'bilingual';
  const lang = locale === 'en' ? 'en' : 'zh-CN';
  const pick = (m: { 'zh-CN': string; en: string }) => (both ? `${m['zh-CN']}\n${m.en}` : m[lang]);
  const label = (key: string) => (both ? `${message('zh-CN', key)}\n${message('en', key)}` : message(lang, key));
  return {
    heading: message(lang, 'common.draft.heading'),
    headingAlt: both ? message('en', 'common.draft.heading') : '',
    note: both ? `${message('zh-CN', 'common.draft.note')} ${message('en', 'common.draft.note')}` : message(lang, 'common.draft.note'),
    table: {
      kind: 'table',
      columns: [
        { label: label('common.draft.rule'), width: 1, align: 'center' },
        { label: label('common.draft.severity'), width: 1, align: 'center' },
        { label: label('common.draft.path'), width: 3 },
        { label: label('common.draft.finding'), width: 6 },
        { label: label('common.draft.basis'), width: 4 },
      ],
      rows: findings.map((f) => [
        f.ruleId,
        label(`common.draft.${f.severity}`),
        f.path || '/',
        pick(f.message),
        f.citations.map((c) => pick(c)).join(both ? '\n' : '；'),
      ]),
    },
  };
}

const CIRCLED = (n: number) => `（${chineseNumeral(n)}）`;

function numberFor(level: 1 | 2 | 3, counters: number[], lang: 'zh-CN' | 'en'): string {
  const n = counters[level - 1]!;
  if (lang === 'en') return counters.slice(0, level).join('.') + ' ';
  if (level === 1) return `${chineseNumeral(n)}、`;
  if (level === 2) return CIRCLED(n);
  return `${n}. `;
}

function toBlockView(b: Block, caption = '', captionCont = ''): BlockView {
  return {
    p: b.kind === 'p' && !b.alt ? { text: b.text } : false,
    pAlt: b.kind === 'p' && b.alt ? { text: b.text } : false,
    h: b.kind === 'h' ? { text: b.text } : false,
    table: b.kind === 'table' ? b : false,
    caption,
    captionCont,
  };
}

/** Table captions numbered through the document: 表1 title (an ideographic space between) / Table 1 title; bilingual gives both lines. */
function captioner(def: FilingDefinition, locale: DocLocale) {
  let n = 0;
  return (t: Table, sectionId: string): [string, string] => {
    n += 1;
    const own = t.caption?.split('\n');
    const zh = own?.[0] ?? (sectionId ? sectionTitle(def, sectionId, 'zh-CN') : '');
    const en = (locale === 'bilingual' ? own?.[1] : own?.[0]) ?? (sectionId ? sectionTitle(def, sectionId, 'en') : '');
    if (locale === 'zh-CN') return [`表${n}\u3000${zh}`, `续表${n}`];
    if (locale === 'en') return [`Table ${n}  ${en}`, `Table ${n} (continued)`];
    return [`表${n}\u3000${zh}\nTable ${n}  ${en}`, `续表${n}\nTable ${n} (continued)`];
  };
}

function sectionTitle(filing: FilingTexts, sectionId: string, lang: 'zh-CN' | 'en'): string {
  return filingMessage(filing, lang, `sections.${sectionId}`);
}

export function buildView(def: FilingDefinition, input: unknown, opts: BuildViewOptions): DocView {
  const ctx = createContentContext(def, opts.locale);
  const lang = ctx.lang;
  const bilingual = opts.locale === 'bilingual';
  const required = resolveSections(def, input);
  const cover = def.cover(input, bilingual ? createContentContext(def, 'zh-CN') : ctx);
  const coverEn = bilingual ? def.cover(input, createContentContext(def, 'en')) : undefined;
  const counters = [0, 0, 0];
  const caption = captioner(def, opts.locale);
  const nothing = (): Block[] => [{ kind: 'p', text: bilingual ? `${message('zh-CN', 'common.nothingFurther')} ${message('en', 'common.nothingFurther')}` : message(lang, 'common.nothingFurther') }];

  const date = def.dateOf(input);
  const view: DocView = {
    doc: {
      filingId: def.id,
      filingName: cover.filingName ?? filingMessage(def, lang, 'title'),
      filingNameAlt: bilingual ? (coverEn?.filingName ?? filingMessage(def, 'en', 'title')) : '',
      locale: opts.locale,
      lang,
      bilingual,
      templateVersion: opts.templateVersion,
      inputSha256: opts.inputSha256,
      date,
      dateText: formatDate(date, opts.locale),
      title: cover.title,
      titleAlt: coverEn?.title ?? '',
      unit: cover.unit,
      unitAlt: coverEn?.unit ?? '',
      docNo: cover.docNo ?? '',
      draft: opts.draft !== undefined,
      tocTitle: bilingual ? `${message('zh-CN', 'common.toc')} ${message('en', 'common.toc')}` : message(lang, 'common.toc'),
      issuerMark: cover.letterhead?.issuerMark ?? '',
      signers: cover.letterhead?.signers ?? '',
      copyTo: cover.letterhead?.copyTo ?? '',
      printedBy: cover.letterhead?.printedBy ?? '',
      printedOn: cover.letterhead?.printedOn ?? '',
      print: '',
      imprintGap: 0,
    },
    draftAppendix: opts.draft ? draftAppendix(opts.draft.findings, opts.locale) : false,
    signOff: false,
    order: required.map((s) => s.id),
  };
  for (const s of def.sections as SectionDef<unknown>[]) view[`s_${s.id}`] = false;
  required.forEach((s, i) => {
    const style = s.style ?? 'heading';
    let heading = '';
    let headingAlt = '';
    if (style === 'heading') {
      counters[s.level - 1]! += 1;
      for (let l = s.level; l < 3; l++) counters[l] = 0;
      heading = numberFor(s.level, counters, lang) + sectionTitle(def, s.id, lang);
      if (bilingual) headingAlt = sectionTitle(def, s.id, 'en');
    }
    const next = required[i + 1];
    const hasChildren = next !== undefined && next.level > s.level;
    let blocks = def.content[s.id]?.(input, ctx) ?? [];
    let lead = '';
    if (style !== 'heading') {
      const first = blocks[0];
      if (!first || first.kind !== 'p') throw new Error(`section ${def.id}/${s.id} must open with a paragraph`);
      lead = first.text;
      blocks = blocks.slice(1);
    } else if (!blocks.length && !hasChildren) {
      blocks = nothing();
    }
    const blockViews = blocks.map((b) => (b.kind === 'table' ? toBlockView(b, ...caption(b, s.id)) : toBlockView(b)));
    view[`s_${s.id}`] = { id: s.id, level: s.level, style, heading, headingAlt, lead, blocks: blockViews, page: '' };
  });
  if (def.signOff) {
    const so = def.signOff(input, ctx);
    const [cap, cont] = so.table ? caption(so.table, '') : ['', ''];
    view.signOff = { heading: so.heading, table: so.table ?? false, caption: cap, captionCont: cont, lines: so.lines.map((text) => ({ text })) };
  }
  return view;
}
