// HTML rendering with precompiled Handlebars templates and the Handlebars runtime (no eval; same on Workers).
import type { DocView, SectionView, Table } from '../../core/filings/index.ts';
import type { HtmlTemplateFn } from '../../core/ports.ts';
import { templateInvalid } from '../docx/render-docx.ts';
import { typesetTable } from '../table-typeset.ts';

/** The text block (156 mm) in em of the 12 pt table type. */
const BLOCK_EM = 36.8;

/** What the PDF's first pass learned about the pages, applied in its second. */
export interface PrintFacts {
  /** Section id → printed page number of its heading (for the 目录). */
  pages: Record<string, number>;
  /** Unnumbered pages before the main flow (cover, 目录). */
  frontPages: number;
  /** Table number → index of its first row on a later page: the table is split there under a 续表 band. */
  splits: Record<number, number>;
  /** The 版记: space above it (mm) so it sits at the foot of the page, and whether it starts a new (even) page. */
  imprint?: { gapMm: number; newPage: false | 'page' | 'left' };
}

/** A table as the HTML template binds it: the 1.0.0 fields (columns, rows) and the typeset parts. */
function htmlTable(t: Table, no: number, caption: string, cont: string, split: number | undefined) {
  const weights = t.columns.map((c) => c.width ?? 1);
  const sum = weights.reduce((a, c) => a + c, 0);
  const columns = t.columns.map((c, i) => ({ label: c.label, width: Math.round((weights[i]! / sum) * 1000) / 10 }));
  const row = (cells: string[], total: boolean) => ({ total, cells: t.columns.map((c, i) => ({ text: cells[i] ?? '', align: c.align ?? 'left' })) });
  const legacyRows = [...t.rows.map((r) => row(r, false)), ...(t.total ? [row(t.total, true)] : [])];

  const set = typesetTable(t, BLOCK_EM);
  const rows = set.rows.map((r, i) => ({
    id: `t${no}r${i}`,
    cls: r.total ? 'total' : '',
    cells: r.cells.map((c) => ({ cls: `a-${c.align}`, rowspan: c.rowspan, covered: c.covered, segs: c.segs })),
  }));
  const cols = set.widths.map((w) => ({ w }));
  const head = set.head.map((cells) => ({ cells }));
  const span = t.columns.length;
  // A merged cell never straddles the split: the split moves up to the row that starts its group.
  let at = split !== undefined && split > 0 && split < rows.length ? split : undefined;
  while (at !== undefined && at > 0 && rows[at]!.cells.some((c) => c.covered)) at--;
  const parts =
    at === undefined || at === 0
      ? [{ cls: '', cap: caption, span, cols, head, rows }]
      : [
          { cls: '', cap: caption, span, cols, head, rows: rows.slice(0, at) },
          { cls: 'cont', cap: cont, span, cols, head, rows: rows.slice(at) },
        ];
  return { columns, rows: legacyRows, parts };
}

function withHtmlTables(view: DocView, print: PrintFacts | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = { ...view };
  let no = 0;
  const table = (t: Table, caption: string, cont: string) => {
    no += 1;
    return htmlTable(t, no, caption, cont, print?.splits[no]);
  };
  for (const id of view.order) {
    const s = view[`s_${id}`] as SectionView | false;
    if (!s) continue;
    const page = print?.pages[id];
    out[`s_${id}`] = {
      ...s,
      page: page !== undefined ? String(page) : s.page,
      blocks: s.blocks.map((b) => (b.table ? { ...b, table: table(b.table, b.caption, b.captionCont) } : b)),
    };
  }
  if (view.signOff && view.signOff.table) out.signOff = { ...view.signOff, table: table(view.signOff.table, view.signOff.caption, view.signOff.captionCont) };
  if (view.draftAppendix) out.draftAppendix = { ...view.draftAppendix, table: table(view.draftAppendix.table, '', '') };
  if (print) {
    const folio = print.frontPages % 2 === 1 ? 'front-odd' : '';
    const imprint = print.imprint?.newPage === 'page' ? 'imprint-break' : print.imprint?.newPage === 'left' ? 'imprint-left' : '';
    out.doc = { ...view.doc, print: [folio, imprint].filter(Boolean).join(' '), imprintGap: print.imprint?.gapMm ?? 0 };
  }
  return out;
}

export interface RenderedHtml {
  html: string;
  text: string;
  markers: string[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#x27': "'", '#39': "'", '#x60': '`', '#x3D': '=' };

export function extractHtmlText(html: string): string {
  const body = html.replace(/^[\s\S]*?<body[^>]*>/, '').replace(/<style[\s\S]*?<\/style>/g, '');
  return body
    .replace(/<\/(p|h\d|tr|section|div)>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (m, e: string) => ENTITIES[e] ?? m)
    .replace(/\n{2,}/g, '\n')
    .trim();
}

export function extractHtmlMarkers(html: string): string[] {
  return Array.from(html.matchAll(/<section (?:id="[^"]*" )?data-section="([^"]+)"/g), (m) => m[1]!);
}

/**
 * Empty in-document links to every element whose page the PDF's first pass needs (table rows, the 版记, the
 * sign-off): the browser writes a named destination for each element a link points to. Added by the server to the
 * first pass only; the links have no box, so nothing on the page moves.
 */
export function withProbes(html: string, rows: boolean): string {
  // Headings always (the outline opens them, letters have no 目录 linking them); rows and the 版记 on the first print.
  const pattern = rows ? / id="((?:t\d+r\d+)|sec_[a-z0-9_]+|body-end|imprint|imprint-end|sign-off)"/g : / id="(sec_[a-z0-9_]+)"/g;
  const ids = Array.from(html.matchAll(pattern), (m) => m[1]!);
  if (!ids.length) return html;
  const links = ids.map((id) => `<a href="#${id}"></a>`).join('');
  // Inside the main flow when there is one: a block of its own after it would open a page of another name.
  return html.replace(/(<\/div>\s*)?<\/body>(?![\s\S]*<\/body>)/, (_, div: string | undefined) => `<div class="probes">${links}</div>${div ?? ''}</body>`);
}

export function renderHtml(template: HtmlTemplateFn, view: DocView, print?: PrintFacts): RenderedHtml {
  let html: string;
  try {
    html = template(withHtmlTables(view, print));
  } catch (e) {
    // Strict mode names the missing field: the template binds something this filing does not have.
    throw templateInvalid([{ id: 'html_render_error', explanation: e instanceof Error ? e.message : String(e) }], e);
  }
  return { html, text: extractHtmlText(html), markers: extractHtmlMarkers(html) };
}
