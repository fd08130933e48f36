// DOCX rendering with docxtemplater + pizzip: strict tags, every template error reported at once, fixed timestamps.
import PizZip from 'pizzip';
import Docxtemplater from 'docxtemplater';
import { AppError } from '../../core/errors.ts';
import type { DocView, SectionView, Table } from '../../core/filings/index.ts';
import { tableDocx, tocDocx } from './table-docx.ts';
import { tableXml } from './ooxml.ts';
import { addDraftWatermark, setDocumentProperties, unescapeXml, type DocumentProperties, type Parts } from './docx-package.ts';
import { CompiledDocx, TemplateRenderFailure } from './compiled-docx.ts';
import { JS_DEFLATER, type Deflater } from '../zip.ts';

/**
 * Tag lookup with dots (`{doc.title}`) over own properties only: no prototype, no getters of strings,
 * so a template can never reach `constructor` or `__proto__`.
 */
export function dottedParser(tag: string): { get(scope: unknown): unknown } {
  const path = tag === '.' ? [] : tag.split('.');
  return {
    get(scope: unknown): unknown {
      let v: unknown = scope;
      for (const key of path) {
        if (v === null || typeof v !== 'object' || !Object.hasOwn(v, key)) return undefined;
        v = (v as Record<string, unknown>)[key];
      }
      return v;
    },
  };
}

interface DocxtemplaterErrorItem {
  properties?: { id?: string; xtag?: string; file?: string; explanation?: string; offset?: number };
  message?: string;
}

export interface TemplateProblem {
  id: string;
  tag?: string;
  file?: string;
  offset?: number;
  explanation: string;
}

/** docxtemplater's errors (one or a `multi_error`) as a flat list. */
export function templateProblems(e: unknown): TemplateProblem[] {
  const err = e as { properties?: { errors?: DocxtemplaterErrorItem[] } } & DocxtemplaterErrorItem;
  const items: DocxtemplaterErrorItem[] = err.properties?.errors ?? [err];
  return items.map((it) => ({
    id: it.properties?.id ?? 'unknown',
    ...(it.properties?.xtag !== undefined ? { tag: it.properties.xtag } : {}),
    ...(it.properties?.file !== undefined ? { file: it.properties.file } : {}),
    ...(it.properties?.offset !== undefined ? { offset: it.properties.offset } : {}),
    explanation: it.properties?.explanation ?? it.message ?? String(e),
  }));
}

export function templateInvalid(problems: TemplateProblem[], cause?: unknown): AppError {
  return new AppError({
    code: 'template_invalid',
    message: {
      'zh-CN': `模板有${problems.length}处错误，无法生成文档。`,
      en: `The template has ${problems.length} error(s); the document cannot be generated.`,
    },
    details: { problems },
    cause,
  });
}

/** Which server-built XML a template inserts: `{@tableXml}` (1.0.0 tables), `{@tableDocx}` (typeset), `{@tocXml}`. */
export interface XmlParts {
  tableXml: boolean;
  tableDocx: boolean;
  tocXml: boolean;
}

/** The parts a template's main document asks for (a cheap scan, so a version pays only for what it uses). */
function xmlPartsOf(documentXml: string): XmlParts {
  return { tableXml: documentXml.includes('tableXml}'), tableDocx: documentXml.includes('tableDocx}'), tocXml: documentXml.includes('tocXml}') };
}

/** Adds the XML that `{@tableXml}` / `{@tableDocx}` / `{@tocXml}` insert: built here from the view, never from caller XML. */
export function withTableXml(view: DocView, parts: XmlParts = { tableXml: true, tableDocx: false, tocXml: false }): Record<string, unknown> {
  const out: Record<string, unknown> = { ...view };
  const typeset = (t: Table, caption: string) => (parts.tableDocx ? tableDocx(t, caption) : '');
  const legacy = (t: Table) => (parts.tableXml ? tableXml(t) : '');
  for (const [key, value] of Object.entries(view)) {
    if (!key.startsWith('s_') || !value) continue;
    const s = value as SectionView;
    out[key] = { ...s, blocks: s.blocks.map((b) => ({ ...b, tableXml: b.table ? legacy(b.table) : '', ...(parts.tableDocx ? { tableDocx: b.table ? typeset(b.table, b.caption) : '' } : {}) })) };
  }
  if (view.draftAppendix) out.draftAppendix = { ...view.draftAppendix, tableXml: legacy(view.draftAppendix.table), ...(parts.tableDocx ? { tableDocx: typeset(view.draftAppendix.table, '') } : {}) };
  if (view.signOff) out.signOff = { ...view.signOff, tableDocx: view.signOff.table ? typeset(view.signOff.table, view.signOff.caption) : '' };
  if (parts.tocXml) out.tocXml = tocDocx(view);
  return out;
}

/**
 * English documents set headings bold at the margin and the body ranged left: a template that carries English
 * variants of its styles (`<id>En`) has its paragraphs switched to them. A template without them is left as it is.
 */
function useEnglishStyles(zip: Parts): void {
  const styles = zip.file('word/styles.xml')?.asText() ?? '';
  const variants = new Set(Array.from(styles.matchAll(/w:styleId="([A-Za-z0-9]+)En"/g), (m) => m[1]!));
  if (!variants.size) return;
  const doc = zip.file('word/document.xml')!.asText();
  zip.file('word/document.xml', doc.replace(/<w:pStyle w:val="([A-Za-z0-9]+)"\/>/g, (m, id: string) => (variants.has(id) ? `<w:pStyle w:val="${id}En"/>` : m)));
}

export interface RenderedDocx {
  bytes: Uint8Array;
  /** Visible text of word/document.xml, paragraphs separated by newlines. */
  text: string;
  /** Section ids of the `sec_*` bookmarks, in document order. */
  markers: string[];
}

/** The docxtemplater options every render uses; the template lint compiles with the same ones. */
export const DOCXTEMPLATER_OPTIONS = { paragraphLoop: true, linebreaks: true, parser: dottedParser, errorLogging: false } as const;

function openZip(bytes: Uint8Array): PizZip {
  try {
    return new PizZip(bytes);
  } catch (e) {
    throw templateInvalid([{ id: 'invalid_docx', explanation: e instanceof Error ? e.message : String(e) }], e);
  }
}

export function openTemplate(bytes: Uint8Array): Docxtemplater {
  return compileZip(openZip(bytes));
}

/** docxtemplater over a template zip with the service's options: strict tags, every template error at once. */
function compileZip(zip: PizZip): Docxtemplater {
  try {
    return new Docxtemplater(zip, {
      ...DOCXTEMPLATER_OPTIONS,
      nullGetter: (part: { value?: string; module?: string }) => {
        // A tag the view does not have is a template error; it must never print "undefined".
        throw Object.assign(new Error(`unknown tag {${part.value ?? ''}}`), {
          properties: { id: 'unknown_tag', xtag: part.value, explanation: `The tag {${part.value ?? ''}} names no field of this filing.` },
        });
      },
    });
  } catch (e) {
    throw templateInvalid(templateProblems(e), e);
  }
}

/** Visible text of a WordprocessingML part: w:t contents, one line per paragraph, in one pass. */
export function extractDocxText(documentXml: string): string {
  const lines: string[] = [];
  let line = '';
  for (const m of documentXml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<\/w:p>/g)) {
    if (m[1] !== undefined) line += m[1];
    else if (line) {
      lines.push(line);
      line = '';
    }
  }
  if (line) lines.push(line);
  return unescapeXml(lines.join('\n'));
}

export function extractDocxMarkers(documentXml: string): string[] {
  return Array.from(documentXml.matchAll(/<w:bookmarkStart [^>]*w:name="sec_([^"]+)"/g), (m) => m[1]!);
}

/** Compiles a DOCX template once for many renders; `deflater` compresses what the renders write. */
export function compileDocx(template: Uint8Array, deflater: Deflater = JS_DEFLATER): CompiledDocx {
  const zip = openZip(template);
  const compiled = new CompiledDocx(template, compileZip, deflater);
  xmlPartsByTemplate.set(compiled, xmlPartsOf(zip.file('word/document.xml')?.asText() ?? ''));
  return compiled;
}

/** The server-built XML each compiled template asks for, scanned once when it is compiled. */
const xmlPartsByTemplate = new WeakMap<CompiledDocx, XmlParts>();

export function renderDocx(template: CompiledDocx, view: DocView, props: DocumentProperties): RenderedDocx {
  let out;
  try {
    out = template.render(withTableXml(view, xmlPartsByTemplate.get(template)), (parts) => {
      if (view.doc.lang === 'en') useEnglishStyles(parts);
      setDocumentProperties(parts, props);
      if (view.doc.draft) addDraftWatermark(parts);
    });
  } catch (e) {
    if (e instanceof TemplateRenderFailure) throw templateInvalid(templateProblems(e.cause), e.cause);
    throw e;
  }
  return { bytes: out.bytes, text: extractDocxText(out.documentXml), markers: extractDocxMarkers(out.documentXml) };
}
