// Lints an uploaded DOCX template version before it is accepted: the ZIP gate (zip-inspect.ts), the package's parts
// (required parts, active content, external relationships, DOCTYPE, well-formed XML), docxtemplater's own parse, the
// filing's section registry (wrappers and bookmarks, in order) and every tag against the view the templates bind to.
// Every problem is returned at once. Runtime-neutral: pizzip, docxtemplater and plain JS only.
//
// Also home of what the HTML linter shares: the view vocabulary (`viewShape`) and the section-order check.
import PizZip from 'pizzip';
import Docxtemplater from 'docxtemplater';
import type { FilingDefinition, SectionDef } from '../../core/filings/index.ts';
import type { BlockView, DocMeta, DocView, DraftAppendix, SectionView } from '../../core/filings/index.ts';
import type { Table, TableColumn } from '../../core/filings/index.ts';
import { lookup } from '../../core/i18n/catalogue.ts';
import { DOCXTEMPLATER_OPTIONS, templateProblems } from '../../render/docx/render-docx.ts';
import { DEFAULT_ZIP_LIMITS, hasErrors, inflateChecked, inspectZip, lintProblem, type LintProblem, type ZipEntry, type ZipLimits } from './zip-inspect.ts';

export type { LintProblem } from './zip-inspect.ts';

// ---------------------------------------------------------------------------------------------------------------
// The view vocabulary: what `buildView` (and, per format, withTableXml / withHtmlTables) gives the templates.
// ---------------------------------------------------------------------------------------------------------------

/** The shape of one value of the view. `optional`: it is `false` (or absent) for some inputs, so a path may only
 * go through it inside a loop/condition on it. */
export type Shape =
  | { kind: 'text' | 'number' | 'bool' | 'rawxml' | 'any'; optional?: boolean }
  | { kind: 'object'; fields: Readonly<Record<string, Shape>>; optional?: boolean; section?: string }
  | { kind: 'list'; item: Shape; optional?: boolean };
export type ObjectShape = Extract<Shape, { kind: 'object' }>;

const TEXT: Shape = { kind: 'text' };
const NUMBER: Shape = { kind: 'number' };
const BOOL: Shape = { kind: 'bool' };
export const ANY: Shape = { kind: 'any' };
const obj = (fields: Record<string, Shape>, extra: { optional?: boolean; section?: string } = {}): ObjectShape => ({ kind: 'object', fields, ...extra });
const list = (item: Shape, optional = false): Shape => ({ kind: 'list', item, ...(optional ? { optional } : {}) });

/** `satisfies Record<keyof …>`: the type checker fails here when DocMeta / SectionView / BlockView / Table change. */
const DOC_FIELDS = {
  filingId: TEXT,
  filingName: TEXT,
  filingNameAlt: TEXT,
  locale: TEXT,
  lang: TEXT,
  bilingual: BOOL,
  templateVersion: TEXT,
  inputSha256: TEXT,
  date: TEXT,
  dateText: TEXT,
  title: TEXT,
  titleAlt: TEXT,
  unit: TEXT,
  unitAlt: TEXT,
  docNo: TEXT,
  draft: BOOL,
} satisfies Record<keyof DocMeta, Shape>;

const TEXT_OBJ = () => obj({ text: TEXT }, { optional: true });

/** A table as the template binds it: the content model in DOCX, render-html.ts's htmlTable in HTML. */
function tableShape(format: 'docx' | 'html', optional: boolean): ObjectShape {
  if (format === 'docx') {
    const column = obj({ label: TEXT, width: NUMBER, align: TEXT } satisfies Record<keyof TableColumn, Shape>);
    return obj({ kind: TEXT, columns: list(column), rows: list(list(TEXT)), total: list(TEXT, true) } satisfies Record<keyof Table, Shape>, { optional });
  }
  // Widths in percent, rows of cells with their alignment.
  return obj({ columns: list(obj({ label: TEXT, width: NUMBER })), rows: list(obj({ total: BOOL, cells: list(obj({ text: TEXT, align: TEXT })) })) }, { optional });
}

/** render-docx.ts withTableXml: the table as WordprocessingML, built by the server from the table model. */
const TABLE_XML: Shape = { kind: 'rawxml' };

function blockShape(format: 'docx' | 'html'): ObjectShape {
  const fields = { p: TEXT_OBJ(), pAlt: TEXT_OBJ(), h: TEXT_OBJ(), table: tableShape(format, true) } satisfies Record<keyof BlockView, Shape>;
  return obj(format === 'docx' ? { ...fields, tableXml: TABLE_XML } : fields);
}

/** The view a filing's template binds to, in one format. */
export function viewShape(filing: FilingDefinition, format: 'docx' | 'html'): ObjectShape {
  const block = blockShape(format);
  const sectionFields = {
    id: TEXT,
    level: NUMBER,
    style: TEXT,
    heading: TEXT,
    headingAlt: TEXT,
    lead: TEXT,
    blocks: list(block),
  } satisfies Record<keyof SectionView, Shape>;
  const draftFields = { heading: TEXT, headingAlt: TEXT, note: TEXT, table: tableShape(format, false) } satisfies Record<keyof DraftAppendix, Shape>;
  const fields: Record<string, Shape> = {
    doc: obj(DOC_FIELDS),
    draftAppendix: obj(format === 'docx' ? { ...draftFields, tableXml: TABLE_XML } : draftFields, { optional: true }),
    order: list(TEXT),
  } satisfies Record<Exclude<keyof DocView, `s_${string}`>, Shape>;
  for (const s of filing.sections as SectionDef<unknown>[]) fields[`s_${s.id}`] = obj(sectionFields, { optional: true, section: s.id });
  return obj(fields);
}

export interface Resolved {
  shape: Shape;
  /** The object the last segment was found in. */
  parent?: Shape;
  /** The part of the path that goes through a value that can be false without a loop/condition on it. */
  unguarded?: string;
}

/** Follows `segments` from `base`; undefined when a segment names no field. */
export function walkShape(base: Shape, segments: readonly string[], guards: ReadonlySet<Shape>): Resolved | undefined {
  let cur = base;
  let parent: Shape | undefined;
  let unguarded: string | undefined;
  for (let i = 0; i < segments.length; i++) {
    if (cur.kind === 'any') return { shape: ANY };
    const seg = segments[i]!;
    let next: Shape | undefined;
    if (cur.kind === 'object' && Object.hasOwn(cur.fields, seg)) next = cur.fields[seg];
    else if (cur.kind === 'list' && seg === 'length') next = NUMBER;
    if (!next) return undefined;
    if (i < segments.length - 1 && next.optional && !guards.has(next) && unguarded === undefined) unguarded = segments.slice(0, i + 1).join('.');
    parent = cur;
    cur = next;
  }
  return { shape: cur, ...(parent ? { parent } : {}), ...(unguarded !== undefined ? { unguarded } : {}) };
}

/** Names a scope offers, for explanations. */
export function namesOf(shape: Shape | undefined): string[] {
  if (!shape || shape.kind !== 'object') return [];
  return Object.keys(shape.fields);
}

export function describeNames(names: readonly string[]): string {
  const shown = names.slice(0, 16).join(', ');
  return names.length > 16 ? `${shown}, …` : shown;
}

// ---------------------------------------------------------------------------------------------------------------
// Sections: which the registry requires on a date, and whether a template carries them, marked, in order.
// ---------------------------------------------------------------------------------------------------------------

/**
 * The sections a template must carry for filings dated `date`: every registry section in force on that date
 * (conditions and profiles do not matter: one template serves every input). A sub-section whose chapter is not in
 * force is dropped with it, as resolveSections does. Without a date: every section of the registry.
 */
export function requiredSectionIds(filing: FilingDefinition, date?: string): string[] {
  const sections = filing.sections as SectionDef<unknown>[];
  if (date === undefined) return sections.map((s) => s.id);
  const out: string[] = [];
  const skippedAt: number[] = [];
  for (const s of sections) {
    while (skippedAt.length && skippedAt[skippedAt.length - 1]! >= s.level) skippedAt.pop();
    if (skippedAt.length) continue;
    const inForce = !(s.effectiveFrom && date < s.effectiveFrom) && !(s.effectiveUntil && date > s.effectiveUntil);
    if (inForce) out.push(s.id);
    else skippedAt.push(s.level);
  }
  return out;
}

export type SectionEvent = { kind: 'open'; id: string; tag: string } | { kind: 'close'; id: string } | { kind: 'marker'; id: string; tag: string };

function sectionName(filing: FilingDefinition, id: string): string {
  const zh = lookup('zh-CN', `filings.${filing.id}.sections.${id}`);
  return zh ? `“${zh}”（${id}）` : id;
}
function sectionNameEn(filing: FilingDefinition, id: string): string {
  const en = lookup('en', `filings.${filing.id}.sections.${id}`);
  return en ? `"${en}" (${id})` : id;
}

/** Indexes (into `seq`) of one longest strictly increasing subsequence. */
function longestIncreasing(seq: readonly number[]): Set<number> {
  const len = seq.map(() => 1);
  const prev = seq.map(() => -1);
  let best = -1;
  for (let i = 0; i < seq.length; i++) {
    for (let j = 0; j < i; j++) {
      if (seq[j]! < seq[i]! && len[j]! + 1 > len[i]!) {
        len[i] = len[j]! + 1;
        prev[i] = j;
      }
    }
    if (best < 0 || len[i]! > len[best]!) best = i;
  }
  const keep = new Set<number>();
  for (let k = best; k >= 0; k = prev[k]!) keep.add(k);
  return keep;
}

/**
 * Checks the wrappers (`{#s_<id>}` / `{{#if s_<id>}}`) and markers (bookmark `sec_<id>` / `data-section`) found in a
 * template, in document order, against the registry: every required section present once, its marker inside it,
 * and the sections in registry order (the ones to move are those outside a longest run already in order).
 */
export function checkSections(events: readonly SectionEvent[], filing: FilingDefinition, date: string | undefined, format: 'docx' | 'html', file?: string): LintProblem[] {
  const problems: LintProblem[] = [];
  const registry = (filing.sections as SectionDef<unknown>[]).map((s) => s.id);
  const index = new Map(registry.map((id, i) => [id, i]));
  const required = new Set(requiredSectionIds(filing, date));
  const docx = format === 'docx';
  const wrapperTag = (id: string) => (docx ? `{#s_${id}}` : `{{#if s_${id}}}`);
  const wrapperText = (id: string) => (docx ? `{#s_${id}}…{/s_${id}}` : `{{#if s_${id}}}…{{/if}}`);
  const markerTag = (id: string) => (docx ? `sec_${id}` : `<section data-section="${id}">`);
  const markerZh = (id: string) => (docx ? `书签 sec_${id}` : `<section data-section="${id}">`);
  const markerEn = (id: string) => (docx ? `the bookmark sec_${id}` : `<section data-section="${id}">`);
  const where = (tag: string) => ({ ...(file !== undefined ? { file } : {}), tag });

  const wrappers = new Map<string, number>();
  const order: string[] = [];
  const markers = new Map<string, number>();
  const stack: string[] = [];
  for (const ev of events) {
    if (ev.kind === 'open') {
      stack.push(ev.id);
      if (!index.has(ev.id)) continue;
      wrappers.set(ev.id, (wrappers.get(ev.id) ?? 0) + 1);
      if (wrappers.get(ev.id) === 1) order.push(ev.id);
    } else if (ev.kind === 'close') {
      const at = stack.lastIndexOf(ev.id);
      if (at >= 0) stack.length = at;
    } else {
      if (!index.has(ev.id)) {
        problems.push(
          lintProblem(
            'unknown_section_marker',
            'error',
            `${markerZh(ev.id)} 不是本申报材料登记的章节。渲染后的检查要求文档里恰好是所需的章节，因此每份文档都会被拒绝。`,
            `${markerEn(ev.id)} names no section of this filing's registry. The check after rendering requires exactly the required sections, so every document would be refused.`,
            where(ev.tag),
          ),
        );
        continue;
      }
      markers.set(ev.id, (markers.get(ev.id) ?? 0) + 1);
      if (stack[stack.length - 1] !== ev.id) {
        problems.push(
          lintProblem(
            'section_marker_outside',
            'error',
            `${markerZh(ev.id)} 不在 ${wrapperText(ev.id)} 之内。标记必须随章节一起出现或消失，否则不需要这一节的文档也会带上它。`,
            `${markerEn(ev.id)} is not inside ${wrapperText(ev.id)}. The marker must come and go with its section, or documents that do not need the section would still carry it.`,
            where(ev.tag),
          ),
        );
      }
    }
  }

  for (const id of registry) {
    const n = wrappers.get(id) ?? 0;
    const name = sectionName(filing, id);
    const nameEn = sectionNameEn(filing, id);
    if (n === 0 && required.has(id)) {
      problems.push(
        lintProblem(
          'section_missing',
          'error',
          `缺少章节 ${name}：模板中没有 ${wrapperText(id)}。按登记表，该日期的申报材料需要这一节（有条件的章节也必须在模板中，因为一个模板要适用于所有输入）。`,
          `The section ${nameEn} is missing: the template has no ${wrapperText(id)}. The registry requires it for filings of this date (conditional sections too, since one template serves every input).`,
          where(wrapperTag(id)),
        ),
      );
    }
    if (n > 1) {
      problems.push(
        lintProblem('section_duplicate', 'error', `章节 ${name} 的 ${wrapperTag(id)} 出现了 ${n} 次；每节只能出现一次。`, `The section ${nameEn} is opened ${n} times (${wrapperTag(id)}); each section appears once.`, where(wrapperTag(id))),
      );
    }
    const m = markers.get(id) ?? 0;
    if (n > 0 && m === 0) {
      problems.push(
        lintProblem(
          'section_marker_missing',
          'error',
          `章节 ${name} 缺少${markerZh(id)}。渲染后的检查靠它确认文档含有这一节${docx ? '（在 Word 中：插入 → 书签）' : ''}。`,
          `The section ${nameEn} has no ${markerEn(id)}. The check after rendering relies on it to find the section${docx ? ' (in Word: Insert → Bookmark)' : ''}.`,
          where(markerTag(id)),
        ),
      );
    }
    if (m > 1) {
      problems.push(lintProblem('section_marker_duplicate', 'error', `${markerZh(id)} 出现了 ${m} 次；每节只能有一个。`, `${markerEn(id)} occurs ${m} times; each section has exactly one.`, where(markerTag(id))));
    }
  }

  const positions = order.map((id) => index.get(id)!);
  const keep = longestIncreasing(positions);
  order.forEach((id, k) => {
    if (keep.has(k)) return;
    // Name the first section before it in the document that the registry puts after it.
    const after = order.slice(0, k).find((other) => index.get(other)! > index.get(id)!);
    const tail = after ? { zh: `，但它出现在 ${sectionName(filing, after)} 之后`, en: `, but it comes after ${sectionNameEn(filing, after)}` } : { zh: '', en: '' };
    problems.push(
      lintProblem(
        'section_out_of_order',
        'error',
        `章节 ${sectionName(filing, id)} 的位置与登记表的顺序不符${tail.zh}。各节必须按登记表的顺序排列。`,
        `The section ${sectionNameEn(filing, id)} is out of registry order${tail.en}. Sections must follow the registry's order.`,
        where(wrapperTag(id)),
      ),
    );
  });
  return problems;
}

// ---------------------------------------------------------------------------------------------------------------
// XML parts.
// ---------------------------------------------------------------------------------------------------------------

export interface XmlScanResult {
  error?: { message: string; offset: number };
  doctype?: boolean;
  tooDeep?: boolean;
}

const XML_NAME = /[^\s/>=<"'!?]+/y;
const XML_REF = /&(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);/y;

const isWs = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;

/** Offset of the first `&` in text[from, to) that starts no predefined or numeric reference, or -1. */
function badReference(text: string, from: number, to: number): number {
  for (let k = text.indexOf('&', from); k >= 0 && k < to; k = text.indexOf('&', k + 1)) {
    XML_REF.lastIndex = k;
    if (!XML_REF.test(text) || XML_REF.lastIndex > to) return k;
  }
  return -1;
}

/**
 * A single-pass well-formedness check (enough to know the part parses): one root element, tags balanced and named
 * alike, attributes quoted, unique and free of `<`, `&` only in predefined or numeric references, no text outside
 * the root, nesting at most `maxDepth`. Stops at a DOCTYPE (reported separately). Calls `onElement` for every start
 * tag when given.
 */
export function scanXml(text: string, maxDepth: number, onElement?: (name: string, attrs: ReadonlyMap<string, string>) => void): XmlScanResult {
  const stack: string[] = [];
  const n = text.length;
  let i = 0;
  let root = false;
  const err = (message: string, offset: number): XmlScanResult => ({ error: { message, offset } });
  while (i < n) {
    const lt = text.indexOf('<', i);
    const end = lt < 0 ? n : lt;
    if (end > i) {
      if (!stack.length) {
        for (let k = i; k < end; k++) if (!isWs(text.charCodeAt(k))) return err(root ? 'text after the root element' : 'text before the root element', k);
      } else {
        const bad = badReference(text, i, end);
        if (bad >= 0) return err('"&" that starts no entity reference (write &amp;)', bad);
      }
    }
    if (lt < 0) break;
    i = lt;
    if (text.startsWith('<?', i)) {
      const e = text.indexOf('?>', i + 2);
      if (e < 0) return err('unterminated processing instruction', i);
      i = e + 2;
      continue;
    }
    if (text.startsWith('<!--', i)) {
      const e = text.indexOf('-->', i + 4);
      if (e < 0) return err('unterminated comment', i);
      i = e + 3;
      continue;
    }
    if (text.startsWith('<![CDATA[', i)) {
      if (!stack.length) return err('CDATA outside the root element', i);
      const e = text.indexOf(']]>', i + 9);
      if (e < 0) return err('unterminated CDATA section', i);
      i = e + 3;
      continue;
    }
    if (text.startsWith('<!', i)) {
      if (/^<!DOCTYPE/i.test(text.slice(i, i + 9))) return { doctype: true };
      return err('markup declaration (<!…>) in a part', i);
    }
    if (text.charCodeAt(i + 1) === 0x2f) {
      XML_NAME.lastIndex = i + 2;
      const m = XML_NAME.exec(text);
      if (!m) return err('end tag without a name', i);
      let j = i + 2 + m[0].length;
      while (j < n && isWs(text.charCodeAt(j))) j++;
      if (text.charCodeAt(j) !== 0x3e) return err(`malformed end tag </${m[0]}`, i);
      const open = stack.pop();
      if (open !== m[0]) return err(open === undefined ? `end tag </${m[0]}> without a start tag` : `end tag </${m[0]}> where </${open}> was expected`, i);
      i = j + 1;
      continue;
    }
    XML_NAME.lastIndex = i + 1;
    const m = XML_NAME.exec(text);
    if (!m) return err('"<" that starts no tag (write &lt;)', i);
    const name = m[0];
    if (!stack.length && root) return err(`second root element <${name}>`, i);
    let j = i + 1 + name.length;
    const attrs = new Map<string, string>();
    let selfClosing = false;
    for (;;) {
      const ws0 = j;
      while (j < n && isWs(text.charCodeAt(j))) j++;
      if (j >= n) return err(`unterminated tag <${name}`, i);
      const c = text.charCodeAt(j);
      if (c === 0x3e) {
        j++;
        break;
      }
      if (c === 0x2f) {
        if (text.charCodeAt(j + 1) !== 0x3e) return err(`stray "/" in <${name}>`, j);
        j += 2;
        selfClosing = true;
        break;
      }
      if (j === ws0) return err(`no space before an attribute in <${name}>`, j);
      XML_NAME.lastIndex = j;
      const a = XML_NAME.exec(text);
      if (!a) return err(`malformed attribute in <${name}>`, j);
      j += a[0].length;
      while (j < n && isWs(text.charCodeAt(j))) j++;
      if (text.charCodeAt(j) !== 0x3d) return err(`attribute ${a[0]} without a value in <${name}>`, j);
      j++;
      while (j < n && isWs(text.charCodeAt(j))) j++;
      const q = text[j];
      if (q !== '"' && q !== "'") return err(`unquoted value of ${a[0]} in <${name}>`, j);
      const close = text.indexOf(q, j + 1);
      if (close < 0) return err(`unterminated value of ${a[0]} in <${name}>`, j);
      const lt2 = text.indexOf('<', j + 1);
      if (lt2 >= 0 && lt2 < close) return err(`"<" in the value of ${a[0]} in <${name}>`, lt2);
      const bad = badReference(text, j + 1, close);
      if (bad >= 0) return err(`"&" that starts no entity reference in the value of ${a[0]}`, bad);
      if (attrs.has(a[0])) return err(`attribute ${a[0]} twice in <${name}>`, j);
      attrs.set(a[0], text.slice(j + 1, close));
      j = close + 1;
    }
    root = true;
    if (stack.length + 1 > maxDepth) return { tooDeep: true, error: { message: `elements nested deeper than ${maxDepth}`, offset: i } };
    onElement?.(name, attrs);
    if (!selfClosing) stack.push(name);
    i = j;
  }
  if (stack.length) return err(`<${stack[stack.length - 1]}> is never closed`, n);
  if (!root) return err('no root element', 0);
  return {};
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let k = text.indexOf('\n'); k >= 0 && k < offset; k = text.indexOf('\n', k + 1)) line++;
  return line;
}

const localName = (name: string): string => name.slice(name.indexOf(':') + 1);

function unescapeXmlText(s: string): string {
  return s.replace(/&(lt|gt|quot|apos|amp|#[0-9]+|#x[0-9a-fA-F]+);/g, (m, e: string) => {
    if (e[0] === '#') {
      const cp = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
    }
    return ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' } as Record<string, string>)[e]!;
  });
}

// ---------------------------------------------------------------------------------------------------------------
// The DOCX linter.
// ---------------------------------------------------------------------------------------------------------------

export interface DocxLintLimits extends ZipLimits {
  /** Element nesting in any XML part (F9: deep nesting). */
  maxXmlDepth: number;
  /** Nesting of loop/condition tags ({#…}, {^…}, {-w:p …}); docxtemplater's parse grows faster than linearly with it. */
  maxTagDepth: number;
}

export const DEFAULT_DOCX_LIMITS: Readonly<DocxLintLimits> = Object.freeze({ ...DEFAULT_ZIP_LIMITS, maxXmlDepth: 256, maxTagDepth: 32 });

/** Deepest nesting of loop tags in the text of a part's w:t runs (joined, as docxtemplater joins them). */
function tagDepth(xml: string): number {
  let text = '';
  for (const m of xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)) text += m[1];
  let depth = 0;
  let max = 0;
  for (const m of text.matchAll(/\{\s*([#^/]|-\S+\s)/g)) {
    if (m[1] === '/') depth = Math.max(0, depth - 1);
    else max = Math.max(max, ++depth);
  }
  return max;
}

export interface DocxLintOptions {
  filing: FilingDefinition;
  /** ISO date the version takes effect; decides which sections are required. Omitted: every registry section. */
  date?: string;
  limits?: Partial<DocxLintLimits>;
}

const MAIN_PARTS = ['[Content_Types].xml', 'word/document.xml'] as const;
const MACRO_EXT = /\.(docm|dotm|xlsm|xltm|xlsb|xlam|pptm|potm|ppsm|ppam|sldm)$/i;
const ACTIVE_CONTENT_TYPE = /macroEnabled|vbaProject|vbaData|ms-office\.activeX|oleObject|ms-office\.controls/i;
/** Relationship types (last path segment) that pull in code or foreign active content. */
const ACTIVE_REL = new Set(['vbaProject', 'wordVbaData', 'activeXControl', 'activeXControlBinary', 'control', 'oleObject', 'aFChunk', 'attachedToolbars', 'keyMapCustomizations']);
/** Fields that fetch or link other files when the document is opened or updated. */
const EXTERNAL_FIELDS = new Set(['INCLUDETEXT', 'INCLUDEPICTURE', 'INCLUDE', 'LINK', 'DDE', 'DDEAUTO', 'IMPORT', 'RD']);
const BOOKMARK = /<w:bookmarkStart [^>]*w:name="sec_([^"]+)"/g;

const DXT_ZH: Record<string, string> = {
  unclosed_tag: '标签没有闭合（缺少“}”）',
  unopened_tag: '标签没有开头（多了一个“}”）',
  unclosed_loop: '循环或条件块没有结束标签（缺少 {/…}）',
  unopened_loop: '结束标签 {/…} 没有对应的开始标签',
  closing_tag_does_not_match_opening_tag: '结束标签与开始标签的名称不一致',
  duplicate_open_tag: '标签中多了一个“{”',
  duplicate_close_tag: '标签中多了一个“}”',
  raw_xml_tag_should_be_only_text_in_paragraph: '原始 XML 标签 {@…} 必须独占一个段落',
  raw_tag_outerxml_invalid: '原始 XML 标签不在段落之内',
  file_has_invalid_xml: '部件中的 XML 无效',
  invalid_xml_characters: '含有 XML 不允许的字符',
  filetype_not_identified: '无法识别文件类型（不是 Word 文档？）',
  filetype_not_handled: '不支持这种文件类型（只接受 .docx）',
  malformed_xml: 'XML 格式错误',
  loop_position_invalid: '循环标签的位置无效（例如跨越了表格的单元格）',
  unbalanced_loop_tags: '循环标签没有成对出现',
  lexer_error: '标签分隔符使用有误',
};

/** A docxtemplater module that keeps the parsed template of every file (what InspectModule does, without lodash). */
function captureModule(into: Map<string, Docxtemplater.DXT.Part[]>): Docxtemplater.DXT.Module {
  let current: string | undefined;
  return {
    name: 'LintCaptureModule',
    set(options: { inspect?: { filePath?: string; postparsed?: Docxtemplater.DXT.Part[] } }) {
      const inspect = options.inspect;
      if (!inspect) return;
      if (inspect.filePath) current = inspect.filePath;
      if (inspect.postparsed && current) into.set(current, inspect.postparsed);
    },
  };
}

type Part = Docxtemplater.DXT.Part;

function eventsFromPostparsed(parts: readonly Part[], out: SectionEvent[] = []): SectionEvent[] {
  for (const part of parts) {
    if (part.type === 'placeholder') {
      const wrapper = part.module === 'loop' && !part.inverted && part.value.startsWith('s_');
      const id = part.value.slice(2);
      if (wrapper) out.push({ kind: 'open', id, tag: `{${part.raw}}` });
      if (part.subparsed) eventsFromPostparsed(part.subparsed, out);
      if (wrapper) out.push({ kind: 'close', id });
    } else if (typeof part.value === 'string' && part.value.includes('w:bookmarkStart')) {
      for (const m of part.value.matchAll(BOOKMARK)) out.push({ kind: 'marker', id: m[1]!, tag: `sec_${m[1]!}` });
    }
  }
  return out;
}

/** Without a compiled template: wrappers from the text of the w:t runs (joined, so split tags count), bookmarks by position. */
function eventsFromXml(xml: string): SectionEvent[] {
  let text = '';
  const marks: Array<{ pos: number; rank: number; ev: SectionEvent }> = [];
  for (const m of xml.matchAll(/<w:bookmarkStart [^>]*w:name="sec_([^"]+)"[^>]*>|<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)) {
    if (m[1] !== undefined) marks.push({ pos: text.length, rank: 1, ev: { kind: 'marker', id: m[1], tag: `sec_${m[1]}` } });
    else text += unescapeXmlText(m[2] ?? '');
  }
  for (const m of text.matchAll(/\{([^{}]*)\}/g)) {
    const raw = m[1]!.trim();
    const open = /^(?:#|-\S+\s+)s_(\S+)$/.exec(raw);
    const close = /^\/s_(\S+)$/.exec(raw);
    if (open) marks.push({ pos: m.index + m[0].length, rank: 0, ev: { kind: 'open', id: open[1]!, tag: m[0] } });
    else if (close) marks.push({ pos: m.index, rank: 2, ev: { kind: 'close', id: close[1]! } });
  }
  marks.sort((a, b) => a.pos - b.pos || a.rank - b.rank);
  return marks.map((m) => m.ev);
}

/** The instructions of every field in a part: complex fields (w:fldChar begin … end, nested ones apart) and w:fldSimple. */
function fieldCodes(xml: string): string[] {
  const codes: string[] = [];
  const open: string[] = [];
  for (const m of xml.matchAll(/<w:fldChar\b[^>]*w:fldCharType="(begin|separate|end)"|<w:instrText\b[^>]*>([^<]*)<\/w:instrText>|\bw:instr="([^"]*)"/g)) {
    if (m[1] === 'begin') open.push('');
    else if (m[1] === 'end') {
      const code = open.pop();
      if (code !== undefined) codes.push(code);
    } else if (m[2] !== undefined && open.length) open[open.length - 1] += unescapeXmlText(m[2]);
    else if (m[3] !== undefined) codes.push(unescapeXmlText(m[3]));
  }
  codes.push(...open); // a field never closed still counts
  return codes;
}

interface DocxScope {
  scopes: Shape[];
  guards: ReadonlySet<Shape>;
}

function resolveDocxTag(tag: string, env: DocxScope): Resolved | undefined {
  const trimmed = tag.trim();
  if (trimmed === '.' || trimmed === '') return { shape: env.scopes[env.scopes.length - 1]! };
  const segments = trimmed.split('.');
  // docxtemplater looks a tag up in the innermost scope first, then outwards, until one gives a value.
  for (let s = env.scopes.length - 1; s >= 0; s--) {
    const r = walkShape(env.scopes[s]!, segments, env.guards);
    if (r) return r;
  }
  return undefined;
}

function visibleNames(env: DocxScope): string[] {
  const names = new Set<string>();
  for (let s = env.scopes.length - 1; s >= 0; s--) for (const n of namesOf(env.scopes[s])) names.add(n);
  return [...names];
}

function checkDocxTags(parts: readonly Part[], env: DocxScope, file: string, out: LintProblem[]): void {
  for (const part of parts) {
    if (part.type !== 'placeholder') continue;
    const written = `{${part.raw ?? part.value}}`;
    const where = { file, tag: written };
    const r = resolveDocxTag(part.value, env);
    if (part.module === 'rawxml') {
      const underUnknownLoop = r?.shape.kind === 'any' && part.value.trim().split('.').at(-1) === 'tableXml';
      if (r?.shape.kind !== 'rawxml' && !underUnknownLoop) {
        out.push(
          lintProblem(
            'raw_xml_tag',
            'error',
            `原始 XML 标签 ${written} 不安全：{@…} 会把值原样作为 Word XML 插入，只允许服务器生成的 {@tableXml}（在 {#blocks} 之内）。需要文字时请用 {${part.value}}。`,
            `The raw XML tag ${written} is unsafe: {@…} inserts its value into the Word XML unescaped, and only {@tableXml} (inside {#blocks}), which the server builds, is allowed. Use {${part.value}} for text.`,
            where,
          ),
        );
      }
      continue;
    }
    if (!r) {
      out.push(
        lintProblem(
          'unknown_tag',
          'error',
          `标签 ${written} 不对应本申报材料视图中的任何字段（在此位置可用：${describeNames(visibleNames(env))}）。`,
          `The tag ${written} names no field of this filing's view (available here: ${describeNames(visibleNames(env))}).`,
          where,
        ),
      );
    } else if (r.unguarded !== undefined) {
      out.push(
        lintProblem(
          'unguarded_optional',
          'error',
          `标签 ${written} 经过 ${r.unguarded}，而它对某些输入为 false；请把标签放在 {#${r.unguarded}}…{/${r.unguarded}} 之内，否则这些输入无法渲染。`,
          `The tag ${written} goes through ${r.unguarded}, which is false for some inputs; put it inside {#${r.unguarded}}…{/${r.unguarded}}, or those inputs cannot be rendered.`,
          where,
        ),
      );
    }
    if (part.module === 'loop') {
      const shape = r?.shape ?? ANY;
      const current = env.scopes[env.scopes.length - 1]!;
      // docxtemplater: a list loops over its items, an object becomes the scope, anything else keeps the scope.
      const inner = part.inverted ? current : shape.kind === 'list' ? shape.item : shape.kind === 'object' || shape.kind === 'any' ? shape : current;
      const guards = part.inverted ? env.guards : new Set([...env.guards, shape]);
      if (part.subparsed) checkDocxTags(part.subparsed, { scopes: [...env.scopes, inner], guards }, file, out);
    } else if (part.module === undefined && r) {
      notAValue(r.shape, written, { file }, out, 'docx');
    } else if (part.subparsed) {
      checkDocxTags(part.subparsed, env, file, out);
    }
  }
}

/** A value tag must print text: objects and lists would print "[object Object]" / "a,b", booleans "true"/"false". */
export function notAValue(shape: Shape, written: string, where: { file?: string }, out: LintProblem[], format: 'docx' | 'html'): void {
  const loop = format === 'docx' ? '{#…}…{/…}' : '{{#each …}} / {{#with …}}';
  if (shape.kind === 'object' || shape.kind === 'list') {
    out.push(
      lintProblem(
        'not_a_value',
        'error',
        `${written} 指向的是${shape.kind === 'list' ? '列表' : '对象'}而不是文字，会输出“[object Object]”之类的内容；请用 ${loop} 进入它，再引用其中的字段。`,
        `${written} names ${shape.kind === 'list' ? 'a list' : 'an object'}, not text, and would print "[object Object]" or similar; enter it with ${loop} and use its fields.`,
        { ...where, tag: written },
      ),
    );
  } else if (shape.kind === 'rawxml') {
    out.push(
      lintProblem('not_a_value', 'error', `${written} 会把表格的 XML 当作文字输出；表格请用 {@tableXml}。`, `${written} would print the table's XML as text; tables are inserted with {@tableXml}.`, { ...where, tag: written }),
    );
  } else if (shape.kind === 'bool') {
    out.push(
      lintProblem(
        'not_a_value',
        'warning',
        `${written} 是真/假值，会输出“true”或“false”；它通常用作条件。`,
        `${written} is a true/false value and prints "true" or "false"; it is meant as a condition.`,
        { ...where, tag: written },
      ),
    );
  }
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Lints a DOCX template version. Every problem is returned; an empty list means the version may be accepted. */
export function lintDocxTemplate(bytes: Uint8Array, opts: DocxLintOptions): LintProblem[] {
  const limits: DocxLintLimits = { ...DEFAULT_DOCX_LIMITS, ...opts.limits };
  const { filing, date } = opts;
  const problems: LintProblem[] = [];
  const push = (p: LintProblem) => problems.push(p);

  const zip = inspectZip(bytes, limits);
  problems.push(...zip.problems);
  if (!zip.ok) return problems; // nothing is inflated, nothing reaches pizzip

  const files = zip.entries.filter((e) => !e.isDirectory);
  const byName = new Map(files.map((e) => [e.name, e]));
  for (const name of MAIN_PARTS) {
    if (!byName.has(name)) {
      push(
        lintProblem(
          'missing_part',
          'error',
          `缺少必需的部件 ${name}，这不是一个 Word 文档（.docx）。`,
          `The required part ${name} is missing: this is not a Word document (.docx).`,
          { file: name },
        ),
      );
    }
  }
  if (!byName.has('_rels/.rels')) {
    push(lintProblem('missing_part', 'warning', '缺少 _rels/.rels，Word 可能无法打开该文件。', 'The part _rels/.rels is missing; Word may not open the file.', { file: '_rels/.rels' }));
  }

  /** False once something must not be handed to pizzip / xmldom. */
  let parsable = true;
  let total = 0;
  const inflate = (e: ZipEntry): Uint8Array | undefined => {
    const res = inflateChecked(bytes, e, Math.min(limits.maxEntryBytes, limits.maxTotalBytes - total));
    if (!res.ok) {
      push(res.problem);
      parsable = false;
      return undefined;
    }
    total += res.data.length;
    return res.data;
  };
  const decode = (e: ZipEntry, data: Uint8Array): string | undefined => {
    try {
      return decoder.decode(data);
    } catch {
      push(lintProblem('xml_encoding', 'error', `部件 ${e.name} 不是 UTF-8 编码的 XML。`, `The part ${e.name} is not UTF-8 encoded XML.`, { file: e.name }));
      parsable = false;
      return undefined;
    }
  };

  // [Content_Types].xml first: it says which parts are XML and which are macro-enabled.
  const defaults = new Map<string, string>();
  const overrides = new Map<string, string>();
  const parsed = new Map<string, string>();
  const checkXml = (e: ZipEntry, text: string, onElement?: (name: string, attrs: ReadonlyMap<string, string>) => void): void => {
    if (/<!DOCTYPE|<!ENTITY/i.test(text)) {
      push(
        lintProblem(
          'doctype_not_allowed',
          'error',
          `部件 ${e.name} 含有 DOCTYPE/ENTITY 声明。Word 文档从不需要它，它可被用来读取服务器文件或造成实体膨胀，因此一律拒绝。`,
          `The part ${e.name} contains a DOCTYPE/ENTITY declaration. Word documents never need one, and it can read server files or expand entities, so it is always refused.`,
          { file: e.name, tag: '<!DOCTYPE' },
        ),
      );
      parsable = false;
      return;
    }
    const res = scanXml(text, limits.maxXmlDepth, onElement);
    if (res.tooDeep) {
      push(
        lintProblem(
          'xml_too_deep',
          'error',
          `部件 ${e.name} 的元素嵌套超过 ${limits.maxXmlDepth} 层（第 ${lineOf(text, res.error!.offset)} 行）。`,
          `The part ${e.name} nests elements deeper than ${limits.maxXmlDepth} levels (line ${lineOf(text, res.error!.offset)}).`,
          { file: e.name },
        ),
      );
      parsable = false;
    } else if (res.error) {
      push(
        lintProblem(
          'xml_malformed',
          'error',
          `部件 ${e.name} 的 XML 格式不正确（第 ${lineOf(text, res.error.offset)} 行）：${res.error.message}。`,
          `The XML of ${e.name} is not well-formed (line ${lineOf(text, res.error.offset)}): ${res.error.message}.`,
          { file: e.name },
        ),
      );
      parsable = false;
    } else {
      if (e.name === 'word/document.xml') parsed.set(e.name, text); // kept for the section check; other parts are dropped
      if (/^word\/[^/]+\.xml$/i.test(e.name) && tagDepth(text) > limits.maxTagDepth) {
        push(
          lintProblem(
            'template_too_deep',
            'error',
            `${e.name} 中循环/条件标签嵌套超过 ${limits.maxTagDepth} 层（本服务的模板只需 3 层）。`,
            `${e.name} nests loop/condition tags deeper than ${limits.maxTagDepth} levels (the service's templates need 3).`,
            { file: e.name },
          ),
        );
        parsable = false;
      }
    }
  };

  const ctEntry = byName.get('[Content_Types].xml');
  if (ctEntry) {
    const data = inflate(ctEntry);
    const text = data && decode(ctEntry, data);
    if (text !== undefined) {
      checkXml(ctEntry, text, (name, attrs) => {
        const local = localName(name);
        const ct = attrs.get('ContentType') ?? '';
        if (local === 'Default') defaults.set((attrs.get('Extension') ?? '').toLowerCase(), ct);
        if (local === 'Override') overrides.set((attrs.get('PartName') ?? '').replace(/^\//, '').toLowerCase(), ct);
        if (ACTIVE_CONTENT_TYPE.test(ct)) {
          push(
            lintProblem(
              'active_content',
              'error',
              `[Content_Types].xml 声明了宏或控件内容（${ct}）。模板不能含宏（.docm）、ActiveX 控件或嵌入对象；请另存为普通的 .docx。`,
              `[Content_Types].xml declares macro or control content (${ct}). Templates must not contain macros (.docm), ActiveX controls or embedded objects; save as a plain .docx.`,
              { file: '[Content_Types].xml', tag: ct },
            ),
          );
        }
      });
    }
  }
  const contentTypeOf = (name: string): string | undefined => overrides.get(name.toLowerCase()) ?? defaults.get(name.slice(name.lastIndexOf('.') + 1).toLowerCase());
  const isXmlPart = (name: string): boolean => /\.(xml|rels|vml)$/i.test(name) || /[+/]xml$/i.test(contentTypeOf(name) ?? '');

  for (const e of files) {
    if (e === ctEntry) continue;
    const where = { file: e.name, tag: e.name };
    if (/(^|\/)vbaProject\.bin$/i.test(e.name) || /(^|\/)vbaData\.xml$/i.test(e.name) || /(^|\/)activeX\//i.test(e.name) || (/(^|\/)embeddings\//i.test(e.name) && (/\.bin$/i.test(e.name) || MACRO_EXT.test(e.name)))) {
      push(
        lintProblem(
          'active_content',
          'error',
          `部件 ${e.name} 是宏、ActiveX 控件或嵌入的二进制对象。模板不能含可执行内容；请删除后另存为普通的 .docx。`,
          `The part ${e.name} is a macro, an ActiveX control or an embedded binary object. Templates must not contain executable content; remove it and save as a plain .docx.`,
          where,
        ),
      );
    } else if (/(^|\/)embeddings\//i.test(e.name)) {
      push(
        lintProblem(
          'embedded_object',
          'warning',
          `部件 ${e.name} 是嵌入的文档或对象。模板中的嵌入对象会原样出现在每份生成的文档里，请确认确有必要。`,
          `The part ${e.name} is an embedded document or object. It will appear unchanged in every generated document; make sure it belongs there.`,
          where,
        ),
      );
    }
    const data = inflate(e); // every entry, binary ones too: a lying size anywhere stops the archive here
    if (!data || !isXmlPart(e.name)) continue;
    const text = decode(e, data);
    if (text === undefined) continue;
    const isRels = /\.rels$/i.test(e.name);
    checkXml(
      e,
      text,
      isRels
        ? (name, attrs) => {
            if (localName(name) !== 'Relationship') return;
            const type = attrs.get('Type') ?? '';
            const kind = type.slice(type.lastIndexOf('/') + 1);
            const target = attrs.get('Target') ?? '';
            const external = (attrs.get('TargetMode') ?? '').toLowerCase() === 'external';
            if (ACTIVE_REL.has(kind)) {
              push(
                lintProblem(
                  'active_content',
                  'error',
                  `${e.name} 中的关系（${kind} → ${target}）引入了宏、控件或外来内容，模板不能含这些内容。`,
                  `A relationship in ${e.name} (${kind} → ${target}) brings in a macro, a control or foreign content, which templates must not contain.`,
                  { file: e.name, tag: target },
                ),
              );
            } else if (external && kind !== 'hyperlink') {
              push(
                lintProblem(
                  'external_reference',
                  'error',
                  `${e.name} 中有指向外部的关系（${kind} → ${target}）。除超链接外，模板不能引用外部文件（如远程模板、外部图片、链接对象）：打开文档的人会被迫访问该地址。`,
                  `${e.name} has an external relationship (${kind} → ${target}). Apart from hyperlinks a template must not reference outside files (remote templates, linked images or objects): whoever opens the document would fetch that address.`,
                  { file: e.name, tag: target },
                ),
              );
            } else if (external && !/^(https?:|mailto:)/i.test(target.trim())) {
              push(
                lintProblem(
                  'hyperlink_target',
                  'warning',
                  `${e.name} 中的超链接指向 ${target}，不是 http(s) 或 mailto 地址。`,
                  `A hyperlink in ${e.name} points to ${target}, which is not an http(s) or mailto address.`,
                  { file: e.name, tag: target },
                ),
              );
            }
          }
        : undefined,
    );
    if (/^word\/[^/]+\.xml$/i.test(e.name) && (text.includes('instrText') || text.includes('w:instr='))) {
      for (const code of fieldCodes(text)) {
        const name = /^\s*(\S+)/.exec(code)?.[1]?.toUpperCase();
        if (name === undefined || !EXTERNAL_FIELDS.has(name)) continue;
        push(
          lintProblem(
            'external_field',
            'error',
            `${e.name} 含有会读取外部文件的域（${name}）。打开或更新文档时会访问其中的地址，模板不能含这类域。`,
            `${e.name} contains a field that reads an outside file (${name}). Opening or updating the document would fetch its address; templates must not contain such fields.`,
            { file: e.name, tag: code.trim().slice(0, 120) },
          ),
        );
      }
    }
  }

  const documentXml = parsed.get('word/document.xml');
  let captured: Map<string, Part[]> | undefined;
  if (parsable && !hasErrors(problems.filter((p) => p.code === 'missing_part'))) {
    captured = new Map();
    try {
      new Docxtemplater(new PizZip(bytes), { ...DOCXTEMPLATER_OPTIONS, modules: [captureModule(captured)] });
    } catch (e) {
      captured = undefined;
      for (const t of templateProblems(e)) {
        if (t.id === 'unknown') t.id = 'template_compile_failed'; // not a docxtemplater error (e.g. pizzip's)
        const zh = DXT_ZH[t.id] ?? '模板无法编译';
        const x = t.tag;
        const tag = x === undefined ? undefined : /[{}]/.test(x) ? x : t.id === 'unclosed_tag' ? `{${x}` : t.id === 'unopened_tag' ? `${x}}` : `{${x}}`;
        push(
          lintProblem(
            t.id,
            'error',
            `${zh}${t.tag !== undefined ? `：${tag}` : ''}${t.file ? `（${t.file}）` : ''}。`,
            `${t.explanation}${t.file ? ` (${t.file})` : ''}.`.replace(/\.\.$/, '.'),
            { ...(t.file !== undefined ? { file: t.file } : {}), ...(tag !== undefined ? { tag } : {}) },
          ),
        );
      }
    }
  }

  // Sections: from docxtemplater's parse when there is one, otherwise from the document's text and bookmarks.
  const docParts = captured?.get('word/document.xml');
  const events = docParts ? eventsFromPostparsed(docParts) : documentXml !== undefined ? eventsFromXml(documentXml) : undefined;
  if (events) problems.push(...checkSections(events, filing, date, 'docx', 'word/document.xml'));

  if (captured) {
    const root = viewShape(filing, 'docx');
    for (const [file, parts] of captured) checkDocxTags(parts, { scopes: [root], guards: new Set() }, file, problems);
  }
  return problems;
}
