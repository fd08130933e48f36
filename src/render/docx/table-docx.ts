// A table as typeset WordprocessingML: its caption (表1 …) above it, widths sized for its unbreakable tokens, header
// rows repeated on every page (with a second row under column groups), merged group cells (vMerge), kinds aligned.
import type { Table } from '../../core/filings/index.ts';
import { typesetTable, type SetCell } from '../table-typeset.ts';
import { TEXT_WIDTH, run } from './ooxml.ts';
import type { DocView, SectionView } from '../../core/filings/index.ts';

/** The text block in em of the 小四 (12 pt) table type. */
const BLOCK_EM = 36.8;

const JC: Record<string, string> = { left: '', center: '<w:jc w:val="center"/>', right: '<w:jc w:val="right"/>' };

function para(style: string, inner: string, jc = ''): string {
  return `<w:p><w:pPr><w:pStyle w:val="${style}"/>${jc}</w:pPr>${inner}</w:p>`;
}

/** A cell whose unbreakable runs are kept whole: the column is sized for them, and the cell does not wrap when all of it is one. */
function bodyCell(c: SetCell, width: number, bold: boolean, merge: '' | 'restart' | 'continue'): string {
  const vMerge = merge === 'restart' ? '<w:vMerge w:val="restart"/>' : merge === 'continue' ? '<w:vMerge/>' : '';
  const whole = c.segs.length === 1 && c.segs[0]!.nb;
  const text = merge === 'continue' ? '' : c.text;
  return (
    `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/>${vMerge}${whole ? '<w:noWrap/>' : ''}<w:vAlign w:val="center"/></w:tcPr>` +
    para('FilingTableText', text ? run(text, bold ? '<w:b/>' : '') : '', JC[c.align]) +
    '</w:tc>'
  );
}

function headCell(text: string, width: number, span: number, merge: '' | 'restart' | 'continue'): string {
  const vMerge = merge === 'restart' ? '<w:vMerge w:val="restart"/>' : merge === 'continue' ? '<w:vMerge/>' : '';
  return (
    `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/>${span > 1 ? `<w:gridSpan w:val="${span}"/>` : ''}${vMerge}<w:vAlign w:val="center"/></w:tcPr>` +
    para('FilingTableHeader', merge === 'continue' ? '' : run(text)) +
    '</w:tc>'
  );
}

/** The table after its caption paragraph; `caption` may hold a second (English) line. */
export function tableDocx(t: Table, caption: string): string {
  const set = typesetTable(t, BLOCK_EM);
  const widths = set.widths.map((p) => Math.floor((TEXT_WIDTH * p) / 100));
  const grid = widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('');
  const headerRow = (cells: string) => `<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>${cells}</w:tr>`;
  let head: string;
  if (set.head.length === 1) {
    head = headerRow(set.head[0]!.map((h, i) => headCell(h.text, widths[i]!, 1, '')).join(''));
  } else {
    // Two rows: a group spans its columns; a column outside any group spans both rows (vMerge).
    let col = 0;
    const top = set.head[0]!.map((h) => {
      const w = widths.slice(col, col + h.colspan).reduce((a, b) => a + b, 0);
      col += h.colspan;
      return headCell(h.text, w, h.colspan, h.rowspan > 1 ? 'restart' : '');
    });
    col = 0;
    let k = 0;
    const second = set.head[0]!.flatMap((h) => {
      const cells: string[] = [];
      if (h.rowspan > 1) cells.push(headCell('', widths[col]!, 1, 'continue'));
      else for (let i = 0; i < h.colspan; i++) cells.push(headCell(set.head[1]![k++]!.text, widths[col + i]!, 1, ''));
      col += h.colspan;
      return cells;
    });
    head = headerRow(top.join('')) + headerRow(second.join(''));
  }
  const body = set.rows
    .map((r) => {
      const cells = r.cells.map((c, i) => bodyCell(c, widths[i]!, r.total, c.covered ? 'continue' : c.rowspan > 1 ? 'restart' : '')).join('');
      return `<w:tr><w:trPr><w:cantSplit/></w:trPr>${cells}</w:tr>`;
    })
    .join('');
  const captionXml = caption ? caption.split('\n').map((line) => para('FilingCaption', run(line))).join('') : '';
  return (
    captionXml +
    '<w:tbl><w:tblPr><w:tblStyle w:val="FilingTable"/>' +
    `<w:tblW w:w="${TEXT_WIDTH}" w:type="dxa"/><w:jc w:val="center"/><w:tblLayout w:type="fixed"/>` +
    '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/>' +
    `</w:tblPr><w:tblGrid>${grid}</w:tblGrid>${head}${body}</w:tbl>` +
    para('FilingTableSpacer', '')
  );
}

/** PAGEREF of a heading's bookmark; the cached number is left empty for Word to fill (the field is marked dirty). */
function pageRef(id: string): string {
  return (
    '<w:r><w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r>' +
    `<w:r><w:instrText xml:space="preserve"> PAGEREF sec_${id} \\h </w:instrText></w:r>` +
    '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t></w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'
  );
}

/**
 * The 目录 as a Word TOC field over heading levels 1–2 (outline levels; the navigation pane shows all four), pre-filled with one linked entry per heading,
 * so it shows its entries before any update; the field is marked dirty and the settings ask Word/WPS to update fields
 * on opening, which fills in the page numbers of the recipient's own layout.
 */
export function tocDocx(view: DocView): string {
  const entries = view.order
    .map((id) => view[`s_${id}`] as SectionView | false)
    .filter((s): s is SectionView => !!s && s.style === 'heading' && s.level <= 2);
  if (!entries.length) return '';
  const paras = entries.map((s, i) => {
    const text = s.headingAlt ? `${s.heading}  ${s.headingAlt}` : s.heading;
    const begin =
      i === 0
        ? '<w:r><w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r><w:r><w:instrText xml:space="preserve"> TOC \\o "1-2" \\h \\z \\u </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        : '';
    const end = i === entries.length - 1 ? '<w:r><w:fldChar w:fldCharType="end"/></w:r>' : '';
    return `<w:p><w:pPr><w:pStyle w:val="TOC${s.level}"/></w:pPr>${begin}<w:hyperlink w:anchor="sec_${s.id}" w:history="1">${run(text)}<w:r><w:tab/></w:r>${pageRef(s.id)}</w:hyperlink>${end}</w:p>`;
  });
  return paras.join('');
}
