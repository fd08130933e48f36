// The view vocabulary shared by the DOCX and HTML linters: the shape of what `buildView` (and, per format,
// withTableXml / withHtmlTables) gives the templates, and how a dotted path walks it.
import type { FilingDefinition, SectionDef } from '../../core/filings/index.ts';
import type { BlockView, DocMeta, DocView, DraftAppendix, SectionView, SignOffView } from '../../core/filings/index.ts';
import type { Table, TableColumn } from '../../core/filings/index.ts';
import { lintProblem, type LintProblem } from './problem.ts';

/** The shape of one value of the view. `optional`: it is `false` (or absent) for some inputs, so a path may only
 * go through it inside a loop/condition on it. */
export type Shape =
  | { kind: 'text' | 'number' | 'bool' | 'rawxml' | 'any'; optional?: boolean }
  | { kind: 'object'; fields: Readonly<Record<string, Shape>>; optional?: boolean; section?: string }
  | { kind: 'list'; item: Shape; optional?: boolean };
export type ObjectShape = Extract<Shape, { kind: 'object' }>;

export const TEXT: Shape = { kind: 'text' };
export const NUMBER: Shape = { kind: 'number' };
export const BOOL: Shape = { kind: 'bool' };
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
  tocTitle: TEXT,
  issuerMark: TEXT,
  signers: TEXT,
  copyTo: TEXT,
  printedBy: TEXT,
  printedOn: TEXT,
  print: TEXT,
  imprintGap: NUMBER,
} satisfies Record<keyof DocMeta, Shape>;

const TEXT_OBJ = () => obj({ text: TEXT }, { optional: true });

/** A table as the template binds it: the content model in DOCX, render-html.ts's htmlTable in HTML. */
function tableShape(format: 'docx' | 'html', optional: boolean): ObjectShape {
  if (format === 'docx') {
    const column = obj({ label: TEXT, width: NUMBER, align: TEXT, kind: { kind: 'text', optional: true }, group: { kind: 'bool', optional: true } } satisfies Record<keyof TableColumn, Shape>);
    const group = obj({ label: TEXT, from: NUMBER, span: NUMBER });
    return obj(
      { kind: TEXT, columns: list(column), rows: list(list(TEXT)), total: list(TEXT, true), caption: { kind: 'text', optional: true }, groups: list(group, true) } satisfies Record<keyof Table, Shape>,
      { optional },
    );
  }
  // Widths in percent, rows of cells with their alignment (1.0.0); `parts`: the table as typeset (render-html.ts).
  const part = obj({
    cls: TEXT,
    cap: TEXT,
    span: NUMBER,
    cols: list(obj({ w: NUMBER })),
    head: list(obj({ cells: list(obj({ text: TEXT, colspan: NUMBER, rowspan: NUMBER })) })),
    rows: list(obj({ id: TEXT, cls: TEXT, cells: list(obj({ cls: TEXT, rowspan: NUMBER, covered: BOOL, segs: list(obj({ t: TEXT, nb: BOOL })) })) })),
  });
  return obj({ columns: list(obj({ label: TEXT, width: NUMBER })), rows: list(obj({ total: BOOL, cells: list(obj({ text: TEXT, align: TEXT })) })), parts: list(part) }, { optional });
}

/** render-docx.ts withTableXml: the table as WordprocessingML, built by the server from the table model. */
const TABLE_XML: Shape = { kind: 'rawxml' };

function blockShape(format: 'docx' | 'html'): ObjectShape {
  const fields = { p: TEXT_OBJ(), pAlt: TEXT_OBJ(), h: TEXT_OBJ(), table: tableShape(format, true), caption: TEXT, captionCont: TEXT } satisfies Record<keyof BlockView, Shape>;
  // tableXml: the 1.0.0 table; tableDocx: the table as typeset (caption, widths, merges), both built by the server.
  return obj(format === 'docx' ? { ...fields, tableXml: TABLE_XML, tableDocx: TABLE_XML } : fields);
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
    page: TEXT,
  } satisfies Record<keyof SectionView, Shape>;
  const draftFields = { heading: TEXT, headingAlt: TEXT, note: TEXT, table: tableShape(format, false) } satisfies Record<keyof DraftAppendix, Shape>;
  const signOffFields = { heading: TEXT, table: tableShape(format, true), caption: TEXT, captionCont: TEXT, lines: list(obj({ text: TEXT })) } satisfies Record<keyof SignOffView, Shape>;
  const fields: Record<string, Shape> = {
    doc: obj(DOC_FIELDS),
    draftAppendix: obj(format === 'docx' ? { ...draftFields, tableXml: TABLE_XML, tableDocx: TABLE_XML } : draftFields, { optional: true }),
    order: list(TEXT),
    signOff: obj(format === 'docx' ? { ...signOffFields, tableDocx: TABLE_XML } : signOffFields, { optional: true }),
    // The 目录 of a report as a Word TOC field, built by the server (DOCX).
    ...(format === 'docx' ? { tocXml: TABLE_XML } : {}),
  } satisfies Record<Exclude<keyof DocView, `s_${string}`>, Shape> & Record<string, Shape>;
  for (const s of filing.sections as SectionDef<unknown>[]) fields[`s_${s.id}`] = obj(sectionFields, { optional: true, section: s.id });
  return obj(fields);
}

/** A value of the view with where it sits: `path` is its dotted path from the root, `[]` standing for "an item of"
 * (`s_reasons.blocks[].table.rows`); undefined when it cannot be known (under `any`). */
export interface Scope {
  shape: Shape;
  path: string | undefined;
}

export interface Resolved extends Scope {
  /** The object the last segment was found in. */
  parent?: Shape;
  /** The part of the path that goes through a value that can be false without a loop/condition on it. */
  unguarded?: string;
}

const joinPath = (base: string | undefined, segment: string): string | undefined => (base === undefined ? undefined : base === '' ? segment : `${base}.${segment}`);

/** Follows `segments` from `base`; undefined when a segment names no field. */
export function walkShape(base: Scope, segments: readonly string[], guards: ReadonlySet<Shape>): Resolved | undefined {
  let cur = base.shape;
  let path = base.path;
  let parent: Shape | undefined;
  let unguarded: string | undefined;
  for (let i = 0; i < segments.length; i++) {
    if (cur.kind === 'any') return { shape: ANY, path: undefined };
    const seg = segments[i]!;
    let next: Shape | undefined;
    if (cur.kind === 'object' && Object.hasOwn(cur.fields, seg)) next = cur.fields[seg];
    else if (cur.kind === 'list' && seg === 'length') next = NUMBER;
    if (!next) return undefined;
    if (i < segments.length - 1 && next.optional && !guards.has(next) && unguarded === undefined) unguarded = segments.slice(0, i + 1).join('.');
    parent = cur;
    cur = next;
    path = joinPath(path, seg);
  }
  return { shape: cur, path, ...(parent ? { parent } : {}), ...(unguarded !== undefined ? { unguarded } : {}) };
}

/** The scope a loop over `list` gives its body: one item, at `<list path>[]`. */
export const itemScope = (list: Scope & { shape: Extract<Shape, { kind: 'list' }> }): Scope => ({ shape: list.shape.item, path: list.path === undefined ? undefined : `${list.path}[]` });

/** Names a scope offers, for explanations. */
export function namesOf(shape: Shape | undefined): string[] {
  if (!shape || shape.kind !== 'object') return [];
  return Object.keys(shape.fields);
}

export function describeNames(names: readonly string[]): string {
  const shown = names.slice(0, 16).join(', ');
  return names.length > 16 ? `${shown}, …` : shown;
}

/**
 * A loop inside loops must go over a list of its own item: a second loop over the same list (or over any list outside
 * the item) renders every pair of items, so its cost grows with the square of the input. `outer` are the list paths
 * of the enclosing loops, innermost last. Returns why the loop is refused, or undefined when it is fine.
 */
export function nestedLoopText(listPath: string | undefined, outer: readonly string[], written: string): { code: string; zh: string; en: string } | undefined {
  if (listPath === undefined || outer.length === 0) return undefined;
  if (outer.includes(listPath)) {
    return {
      code: 'loop_nested_same_list',
      zh: `${written} 在对同一个列表（${listPath}）的循环之内再次循环它：每一项都要与每一项配对，渲染时间随行数的平方增长（数百行就要数分钟）。请只循环一次。`,
      en: `${written} loops over ${listPath} inside a loop over the same list: every item is paired with every item, so rendering time grows with the square of the rows (minutes at a few hundred). Loop over it once.`,
    };
  }
  const inner = outer[outer.length - 1]!;
  if (listPath.startsWith(`${inner}[]`)) return undefined;
  return {
    code: 'loop_nested_outer_list',
    zh: `${written} 在对 ${inner} 的循环之内循环另一个列表（${listPath}），而它不属于当前项：两个列表的每一对都要渲染一次，时间随两者之积增长。循环之内只能循环当前项自己的列表。`,
    en: `${written} loops over ${listPath} inside a loop over ${inner}, and it is not a list of the current item: every pair of items of both lists is rendered, so time grows with their product. Inside a loop, loop only over the current item's own lists.`,
  };
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
