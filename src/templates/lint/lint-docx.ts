// Lints an uploaded DOCX template version before it is accepted: the ZIP gate (zip-inspect.ts), each part inflated
// under its cap and parsed as XML once (xml-part.ts: well-formed, no DOCTYPE, bounded depth) while the package rules
// read it (docx-package.ts), docxtemplater's own parse of the parts (docx-tags.ts), the filing's section registry
// (wrappers and bookmarks, in order) and every tag against the view. Every problem is returned at once; the cost is
// linear in the size of the parts. Runtime-neutral: pako, saxes, pizzip, docxtemplater and plain JS only.
import PizZip from 'pizzip';
import type { FilingDefinition } from '../../core/filings/index.ts';
import { ContentTypes, activePartProblem, externalFieldProblems, missingPartProblems, relationshipsVisitor } from './docx-package.ts';
import { checkDocxTags, compileDocx, sectionEventsFromParts } from './docx-tags.ts';
import { hasErrors, lintProblem, type LintProblem } from './problem.ts';
import { checkSections } from './sections.ts';
import { viewShape } from './view-shape.ts';
import { sectionEventsFromText, tagDepth, withoutPlainParagraphs, wordPartCollector, type WordPartSummary } from './word-part.ts';
import { scanXmlPart, type XmlScan, type XmlVisitor } from './xml-part.ts';
import { inflateChecked } from './zip-inflate.ts';
import { DEFAULT_ZIP_LIMITS, inspectZip, type ZipEntry, type ZipLimits } from './zip-inspect.ts';

export type { LintProblem } from './problem.ts';
export { requiredSectionIds } from './sections.ts';

export interface DocxLintLimits extends ZipLimits {
  /** Element nesting in any XML part (F9: deep nesting). */
  maxXmlDepth: number;
  /** Nesting of loop/condition tags ({#…}, {^…}, {-w:p …}); docxtemplater's parse grows faster than linearly with it. */
  maxTagDepth: number;
}

const DEFAULT_DOCX_LIMITS: Readonly<DocxLintLimits> = Object.freeze({ ...DEFAULT_ZIP_LIMITS, maxXmlDepth: 256, maxTagDepth: 32 });

export interface DocxLintOptions {
  filing: FilingDefinition;
  /** ISO date the version takes effect; decides which sections are required. Omitted: every registry section. */
  date?: string;
  limits?: Partial<DocxLintLimits>;
}

const decoder = new TextDecoder('utf-8', { fatal: true });
const isWordPart = (name: string): boolean => /^word\/[^/]+\.xml$/i.test(name);

/** What reading the parts found: the XML parts' text for docxtemplater, and the main document's summary. */
interface PackageRead {
  /** False once something must not be compiled (a part that failed to inflate, decode or parse). */
  parsable: boolean;
  xml: Map<string, string>;
  document?: WordPartSummary;
}

function xmlProblem(name: string, scan: Exclude<XmlScan, { ok: true }>, maxDepth: number): LintProblem {
  if (scan.kind === 'doctype') {
    return lintProblem(
      'doctype_not_allowed',
      'error',
      `部件 ${name} 含有 DOCTYPE/ENTITY 声明。Word 文档从不需要它，它可被用来读取服务器文件或造成实体膨胀，因此一律拒绝。`,
      `The part ${name} contains a DOCTYPE/ENTITY declaration. Word documents never need one, and it can read server files or expand entities, so it is always refused.`,
      { file: name, tag: '<!DOCTYPE' },
    );
  }
  if (scan.kind === 'too_deep') {
    return lintProblem('xml_too_deep', 'error', `部件 ${name} 的元素嵌套超过 ${maxDepth} 层（第 ${scan.line} 行）。`, `The part ${name} nests elements deeper than ${maxDepth} levels (line ${scan.line}).`, { file: name });
  }
  return lintProblem('xml_malformed', 'error', `部件 ${name} 的 XML 格式不正确（第 ${scan.line} 行）：${scan.message}`, `The XML of ${name} is not well-formed (line ${scan.line}): ${scan.message}`, { file: name });
}

/** Inflates, decodes and parses every part once, applying the package rules as it goes. */
function readPackage(bytes: Uint8Array, files: readonly ZipEntry[], limits: DocxLintLimits, out: LintProblem[]): PackageRead {
  const read: PackageRead = { parsable: true, xml: new Map() };
  let total = 0;
  const inflate = (e: ZipEntry): Uint8Array | undefined => {
    const res = inflateChecked(bytes, e, Math.min(limits.maxEntryBytes, limits.maxTotalBytes - total));
    if (!res.ok) {
      out.push(res.problem);
      read.parsable = false;
      return undefined;
    }
    total += res.data.length;
    return res.data;
  };
  const decode = (e: ZipEntry, data: Uint8Array | undefined): string | undefined => {
    if (data === undefined) return undefined;
    try {
      return decoder.decode(data);
    } catch {
      out.push(lintProblem('xml_encoding', 'error', `部件 ${e.name} 不是 UTF-8 编码的 XML。`, `The part ${e.name} is not UTF-8 encoded XML.`, { file: e.name }));
      read.parsable = false;
      return undefined;
    }
  };
  const parse = (e: ZipEntry, xml: string, visitor?: XmlVisitor): boolean => {
    const scan = scanXmlPart(xml, limits.maxXmlDepth, visitor);
    if (scan.ok) return true;
    out.push(xmlProblem(e.name, scan, limits.maxXmlDepth));
    read.parsable = false;
    return false;
  };

  // [Content_Types].xml first: it says which parts are XML and which are macro-enabled.
  const types = new ContentTypes();
  const ct = files.find((e) => e.name === '[Content_Types].xml');
  const ctText = ct && decode(ct, inflate(ct));
  if (ct && ctText !== undefined && parse(ct, ctText, types.visitor(out))) read.xml.set(ct.name, ctText);

  for (const e of files) {
    if (e === ct) continue;
    const active = activePartProblem(e.name);
    if (active) out.push(active);
    const data = inflate(e); // every entry, binary ones too: a lying size anywhere stops the archive here
    if (data === undefined || !types.isXml(e.name)) continue;
    const xml = decode(e, data);
    if (xml === undefined) continue;
    if (isWordPart(e.name)) readWordPart(e.name, xml, limits, read, out, parse.bind(null, e));
    else if (parse(e, xml, /\.rels$/i.test(e.name) ? relationshipsVisitor(e.name, out) : undefined)) read.xml.set(e.name, xml);
  }
  return read;
}

/** A WordprocessingML part: parsed, its fields and tag nesting checked; document.xml kept without its plain paragraphs. */
function readWordPart(name: string, xml: string, limits: DocxLintLimits, read: PackageRead, out: LintProblem[], parse: (xml: string, visitor: XmlVisitor) => boolean): void {
  const isDocument = name === 'word/document.xml';
  const collector = wordPartCollector(isDocument);
  if (!parse(xml, collector.visitor)) return;
  const summary = collector.summary();
  out.push(...externalFieldProblems(name, summary.fieldCodes));
  if (tagDepth(summary.text) > limits.maxTagDepth) {
    out.push(
      lintProblem(
        'template_too_deep',
        'error',
        `${name} 中循环/条件标签嵌套超过 ${limits.maxTagDepth} 层（本服务的模板只需 3 层）。`,
        `${name} nests loop/condition tags deeper than ${limits.maxTagDepth} levels (the service's templates need 3).`,
        { file: name },
      ),
    );
    read.parsable = false;
  }
  if (isDocument) read.document = summary;
  read.xml.set(name, isDocument ? withoutPlainParagraphs(xml, summary.bodyParagraphs) : xml);
}

/**
 * The renderer opens the stored template with pizzip, which names entries its own way (the Info-ZIP Unicode Path
 * field, UTF-8 without the flag): the lint must have checked the parts under the names the renderer will see. Only
 * called once every entry inflated within its cap; pizzip reads nothing but the directory here.
 */
function namesAsTheRendererReadsThem(bytes: Uint8Array, entries: readonly ZipEntry[]): LintProblem | undefined {
  let theirs: string[];
  try {
    theirs = Object.keys(new PizZip(bytes).files).sort();
  } catch (e) {
    theirs = [`(${e instanceof Error ? e.message : String(e)})`];
  }
  const ours = entries.map((e) => e.name).sort();
  if (theirs.length === ours.length && theirs.every((n, i) => n === ours[i])) return undefined;
  const differ = [...theirs.filter((n) => !ours.includes(n)), ...ours.filter((n) => !theirs.includes(n))].slice(0, 4).join(', ');
  return lintProblem(
    'zip_names_disagree',
    'error',
    `ZIP 阅读程序读出的条目名称不一致（${differ}）：条目名称不是 UTF-8，或带有另一个名称的 Unicode 路径扩展字段。Word 不会生成这样的文件；检查的部件可能不是渲染时用的部件，因此拒绝。`,
    `ZIP readers disagree on the entry names (${differ}): names that are not UTF-8, or a Unicode Path extra field naming another file. Word never writes this; the parts checked might not be the parts rendered, so the archive is refused.`,
  );
}

/** Lints a DOCX template version. Every problem is returned; an empty list means the version may be accepted. */
export function lintDocxTemplate(bytes: Uint8Array, opts: DocxLintOptions): LintProblem[] {
  const limits: DocxLintLimits = { ...DEFAULT_DOCX_LIMITS, ...opts.limits };
  const { filing, date } = opts;
  const problems: LintProblem[] = [];

  const zip = inspectZip(bytes, limits);
  problems.push(...zip.problems);
  if (!zip.ok) return problems; // nothing is inflated

  const files = zip.entries.filter((e) => !e.isDirectory);
  const missing = missingPartProblems(new Set(files.map((e) => e.name)));
  problems.push(...missing);
  const read = readPackage(bytes, files, limits, problems);

  const names = read.parsable ? namesAsTheRendererReadsThem(bytes, zip.entries) : undefined;
  if (names) problems.push(names);
  const compiled = read.parsable && !names && !hasErrors(missing) ? compileDocx(read.xml) : undefined;
  if (compiled && 'problems' in compiled) problems.push(...compiled.problems);
  const parsed = compiled && 'parsed' in compiled ? compiled.parsed : undefined;

  // Sections: from docxtemplater's parse when there is one, otherwise from the document's text and bookmarks.
  const docParts = parsed?.get('word/document.xml');
  const events = docParts ? sectionEventsFromParts(docParts) : read.document ? sectionEventsFromText(read.document) : undefined;
  if (events) problems.push(...checkSections(events, filing, date, 'docx', 'word/document.xml'));

  if (parsed) {
    const root = { shape: viewShape(filing, 'docx'), path: '' };
    for (const [file, parts] of parsed) checkDocxTags(parts, root, file, problems);
  }
  return problems;
}
