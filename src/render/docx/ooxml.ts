// Small, escaping-safe writers for WordprocessingML fragments, shared by the template builder and table rendering.

/** Escapes text for XML content and attribute values. */
export function xmlEscape(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

export const W_NS =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

/** Text 3.2 mm = 1 mm in twentieths of a point. */
export const mm = (v: number): number => Math.round((v * 1440) / 25.4);

/** A run of text; `\n` becomes a line break. */
export function run(text: string, rPr = ''): string {
  const parts = text.split('\n');
  const body = parts
    .map((t, i) => `${i > 0 ? '<w:br/>' : ''}<w:t xml:space="preserve">${xmlEscape(t)}</w:t>`)
    .join('');
  return `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}${body}</w:r>`;
}

/** Child order of w:pPr in the WordprocessingML schema (CT_PPr); Word refuses other orders as corrupt. */
const PPR_ORDER = [
  'pStyle', 'keepNext', 'keepLines', 'pageBreakBefore', 'framePr', 'widowControl', 'numPr', 'suppressLineNumbers', 'pBdr', 'shd',
  'tabs', 'suppressAutoHyphens', 'kinsoku', 'wordWrap', 'overflowPunct', 'topLinePunct', 'autoSpaceDE', 'autoSpaceDN', 'bidi',
  'adjustRightInd', 'snapToGrid', 'spacing', 'ind', 'contextualSpacing', 'mirrorIndents', 'suppressOverlap', 'jc', 'textDirection',
  'textAlignment', 'textboxTightWrap', 'outlineLvl', 'divId', 'cnfStyle', 'rPr', 'sectPr', 'pPrChange',
];

/** Puts the children of a pPr (self-closing elements, or a sectPr) into schema order; duplicates keep the last. */
export function orderPPr(children: string): string {
  const parts = children.match(/<w:(sectPr|pBdr|tabs)>[\s\S]*?<\/w:\1>|<w:[A-Za-z]+\b[^>]*\/>/g) ?? [];
  const byName = new Map<string, string>();
  for (const part of parts) byName.set(/^<w:([A-Za-z]+)/.exec(part)![1]!, part);
  for (const name of byName.keys()) if (!PPR_ORDER.includes(name)) throw new Error(`unknown pPr child w:${name}`);
  return PPR_ORDER.filter((n) => byName.has(n)).map((n) => byName.get(n)!).join('');
}

export function paragraph(style: string, inner: string, extraPPr = ''): string {
  return `<w:p><w:pPr>${orderPPr(`<w:pStyle w:val="${style}"/>${extraPPr}`)}</w:pPr>${inner}</w:p>`;
}

export interface TableXmlInput {
  columns: Array<{ label: string; width?: number; align?: 'left' | 'center' | 'right' }>;
  rows: string[][];
  total?: string[];
}

/** Width of the text block (156 mm, GB/T 9704) in twips. */
export const TEXT_WIDTH = mm(156);

function cell(text: string, width: number, style: string, align: string | undefined, bold: boolean): string {
  const jc = align && align !== 'left' ? `<w:jc w:val="${align === 'right' ? 'right' : 'center'}"/>` : '';
  return (
    `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>` +
    `<w:p><w:pPr><w:pStyle w:val="${style}"/>${jc}</w:pPr>${run(text, bold ? '<w:b/>' : '')}</w:p></w:tc>`
  );
}

/**
 * A table in the house style: header row repeated on every page, rows never split across pages,
 * column widths in proportion, followed by a spacer paragraph so consecutive tables never merge.
 */
export function tableXml(t: TableXmlInput): string {
  const weights = t.columns.map((c) => c.width ?? 1);
  const sum = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor((TEXT_WIDTH * w) / sum));
  const grid = widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('');
  const header =
    '<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>' +
    t.columns.map((c, i) => cell(c.label, widths[i]!, 'FilingTableHeader', 'center', false)).join('') +
    '</w:tr>';
  const row = (cells: string[], bold: boolean) =>
    '<w:tr><w:trPr><w:cantSplit/></w:trPr>' +
    t.columns.map((c, i) => cell(cells[i] ?? '', widths[i]!, 'FilingTableText', c.align, bold)).join('') +
    '</w:tr>';
  const body = t.rows.map((r) => row(r, false)).join('') + (t.total ? row(t.total, true) : '');
  return (
    '<w:tbl><w:tblPr><w:tblStyle w:val="FilingTable"/>' +
    `<w:tblW w:w="${TEXT_WIDTH}" w:type="dxa"/><w:jc w:val="center"/><w:tblLayout w:type="fixed"/>` +
    '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/>' +
    `</w:tblPr><w:tblGrid>${grid}</w:tblGrid>${header}${body}</w:tbl>` +
    '<w:p><w:pPr><w:pStyle w:val="FilingTableSpacer"/></w:pPr></w:p>'
  );
}
