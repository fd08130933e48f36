// How a table is set, the same in HTML and DOCX: each column's kind (read from its cells when not given) decides its
// alignment and decimals; columns are wide enough for their longest unbreakable token (a date, an amount with its
// unit, a document or report number), which is also kept on one line; grouping columns merge their empty cells
// into the filled one above; groups over columns make a second header row.
import type { ColumnKind, Table } from '../core/filings/index.ts';

export type Align = 'left' | 'center' | 'right';

export interface Segment {
  t: string;
  /** Keep on one line. */
  nb: boolean;
}

export interface SetCell {
  text: string;
  segs: Segment[];
  align: Align;
  /** Rows this cell spans (1 unless it heads a merged group). */
  rowspan: number;
  /** Covered by the merged cell above: not written (HTML) / a vMerge continuation (DOCX). */
  covered: boolean;
}

export interface SetHeadCell {
  text: string;
  colspan: number;
  rowspan: number;
}

export interface SetTable {
  /** Column widths in percent of the text block (one decimal), adding up to 100. */
  widths: number[];
  kinds: ColumnKind[];
  /** One or two header rows. */
  head: SetHeadCell[][];
  rows: Array<{ total: boolean; cells: SetCell[] }>;
}

const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';
const UNITS = '万元|亿元|元|万|亿|％|%|个|项|人次|人|台|套|次|天|日|月|年|小时|分钟|秒|家|条|份|张|户|件|个月|TB|GB|MB|Mbps|Gbps|ms|km|㎡|m²|平方米';
/** Runs that must not break: dates, months, amounts with units, CNY sums, document numbers 〔〕, codes like A-12. */
const UNBREAKABLE = new RegExp(
  [
    '\\d{4}年\\d{1,2}月(?:\\d{1,2}日)?',
    `\\d{1,2} (?:${MONTHS}) \\d{4}`,
    `(?:${MONTHS}) \\d{4}`,
    'CNY -?[\\d,]+(?:\\.\\d+)?(?: ten-thousand)?',
    `[≥≤<>＜＞~±+-]?\\d[\\d,]*(?:\\.\\d+)?\\s?(?:${UNITS})?`,
    '[\\p{Script=Han}A-Za-z]*〔\\d{4}〕\\d+号',
    '[A-Z][a-z]+ \\[\\d{4}\\] No\\. \\d+',
    '[A-Za-z0-9]+(?:[-/.][A-Za-z0-9]+)+',
  ].join('|'),
  'gu',
);

const NUMBER = /^[≥≤<>~±+-]?\d[\d,]*(\.\d+)?$/;
const PERCENT = /^[≥≤<>~±+-]?\d[\d,]*(\.\d+)?[%％]$/;
const DATE = new RegExp(`^(\\d{4}年\\d{1,2}月(\\d{1,2}日)?|\\d{1,2} (${MONTHS}) \\d{4}|(${MONTHS}) \\d{4}|\\d{4}-\\d{2}(-\\d{2})?)([—–~至-]+.*)?$`, 'u');
const CODE = /^([\p{Script=Han}A-Za-z]*〔\d{4}〕\d+号|[A-Z0-9]+(?:-[A-Z0-9]+)+)$/u;
const MARK = /^[√✓×○●]$/;
const EMPTY = /^(—|-|–|\/)?$/;

/** A cell's kind on its own, or null when it is empty (— or nothing). */
function cellKind(text: string): ColumnKind | null {
  const t = text.trim();
  if (EMPTY.test(t)) return null;
  if (NUMBER.test(t)) return 'number';
  if (PERCENT.test(t)) return 'percent';
  if (MARK.test(t)) return 'mark';
  if (DATE.test(t)) return 'date';
  if (CODE.test(t)) return 'code';
  return 'text';
}

/** The kind of a column from its cells: one kind shared by every filled cell, or text. */
function inferKind(cells: readonly string[]): ColumnKind {
  let kind: ColumnKind | null = null;
  for (const c of cells) {
    const k = cellKind(c);
    if (k === null) continue;
    if (kind === null) kind = k;
    else if (k !== kind) {
      if ((k === 'number' && kind === 'percent') || (k === 'percent' && kind === 'number')) return 'text';
      return 'text';
    }
  }
  return kind ?? 'text';
}

const ALIGN: Record<ColumnKind, Align> = { text: 'left', number: 'right', percent: 'right', date: 'center', code: 'center', mark: 'center' };

/** Same decimals down a column: percentages two, other numbers as many as the most precise cell (at most two). */
function fixDecimals(cells: string[], kind: ColumnKind): string[] {
  if (kind !== 'number' && kind !== 'percent') return cells;
  const re = kind === 'percent' ? PERCENT : NUMBER;
  const decimals = kind === 'percent' ? 2 : Math.min(2, Math.max(0, ...cells.map((c) => (re.test(c.trim()) ? (/\.(\d+)/.exec(c)?.[1]?.length ?? 0) : 0))));
  return cells.map((c) => {
    const t = c.trim();
    if (!re.test(t)) return c;
    const m = /^([≥≤<>~±+-]?)(\d[\d,]*)(?:\.(\d+))?([%％]?)$/.exec(t);
    if (!m) return c;
    const frac = (m[3] ?? '').padEnd(decimals, '0');
    if ((m[3] ?? '').length > decimals) return c; // never round what the caller gave
    return `${m[1]}${m[2]}${decimals ? `.${frac}` : ''}${m[4]}`;
  });
}

/** Text split into runs that may break and runs that must not. */
export function segments(text: string): Segment[] {
  const out: Segment[] = [];
  let at = 0;
  for (const m of text.matchAll(UNBREAKABLE)) {
    if (m[0].length < 2) continue;
    if (m.index > at) out.push({ t: text.slice(at, m.index), nb: false });
    out.push({ t: m[0], nb: true });
    at = m.index + m[0].length;
  }
  if (at < text.length) out.push({ t: text.slice(at), nb: false });
  return out;
}

/** Width of a run in em of the table's type: CJK and full-width forms 1, Latin about half. */
function emWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp >= 0x2e80 || (cp >= 0x2010 && cp <= 0x2027 && cp !== 0x2013)) w += 1;
    else if (' ,.;:!|il\'"'.includes(ch)) w += 0.28;
    else if ('%％@&mwMW'.includes(ch)) w += 0.9;
    else if (cp >= 0x41 && cp <= 0x5a) w += 0.72;
    else w += 0.52;
  }
  return w;
}

/** The widest run of a cell that cannot break: a protected token, a Latin word, or a single character. */
function minEm(text: string): number {
  let widest = 0;
  for (const line of text.split('\n')) {
    for (const s of segments(line)) {
      if (s.nb) widest = Math.max(widest, emWidth(s.t));
      else for (const word of s.t.split(/[\s\u3000]+|(?<=[\u2e80-\uffff])|(?=[\u2e80-\uffff])/u)) widest = Math.max(widest, emWidth(word));
    }
  }
  return widest;
}

/**
 * Widths in percent: in proportion to the columns' weights, but never narrower than the widest unbreakable run of a
 * column (plus the cell padding); what the narrow columns need is taken from the others in proportion to their slack.
 */
function columnWidths(weights: readonly number[], needEm: readonly number[], blockEm: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0) || 1;
  let widths = weights.map((w) => (w / sum) * blockEm);
  const need = needEm.map((n) => Math.min(n, blockEm));
  const totalNeed = need.reduce((a, b) => a + b, 0);
  if (totalNeed >= blockEm) widths = need.map((n) => (n / totalNeed) * blockEm);
  else {
    for (let pass = 0; pass < 8; pass++) {
      const short = widths.map((w, i) => Math.max(0, need[i]! - w));
      const lack = short.reduce((a, b) => a + b, 0);
      if (lack < 1e-6) break;
      const slack = widths.map((w, i) => (short[i]! > 0 ? 0 : Math.max(0, w - need[i]!)));
      const slackSum = slack.reduce((a, b) => a + b, 0);
      if (slackSum < 1e-6) break;
      const take = Math.min(1, lack / slackSum);
      widths = widths.map((w, i) => (short[i]! > 0 ? need[i]! : w - slack[i]! * take));
    }
  }
  const pct = widths.map((w) => Math.round((w / blockEm) * 1000) / 10);
  const drift = Math.round((100 - pct.reduce((a, b) => a + b, 0)) * 10) / 10;
  const widest = pct.indexOf(Math.max(...pct));
  pct[widest] = Math.round((pct[widest]! + drift) * 10) / 10;
  return pct;
}

/** Cell padding left and right, in em of the table's type (1.5 mm each side at 12 pt, Word's 0.19 cm), and some to spare. */
const PADDING_EM = 1.3;

/** Sets a table for a text block `blockEm` wide (in em of the table's type). */
export function typesetTable(t: Table, blockEm: number): SetTable {
  const n = t.columns.length;
  const body = t.rows.map((r) => Array.from({ length: n }, (_, i) => r[i] ?? ''));
  const total = t.total ? Array.from({ length: n }, (_, i) => t.total![i] ?? '') : undefined;
  const kinds = t.columns.map((c, i) => c.kind ?? inferKind([...body.map((r) => r[i]!), ...(total ? [total[i]!] : [])]));
  for (let i = 0; i < n; i++) {
    const fixed = fixDecimals([...body.map((r) => r[i]!), ...(total ? [total[i]!] : [])], kinds[i]!);
    body.forEach((r, k) => (r[i] = fixed[k]!));
    if (total) total[i] = fixed[body.length]!;
  }
  // A column is as wide as its widest unbreakable run, in its cells and in its header (an English label's words).
  const need = t.columns.map((c, i) => Math.max(2, minEm(c.label), ...[...body, ...(total ? [total] : [])].map((r) => minEm(r[i]!))) + PADDING_EM);
  for (const g of t.groups ?? []) {
    const own = minEm(g.label) + PADDING_EM;
    const have = need.slice(g.from, g.from + g.span).reduce((a, b) => a + b, 0);
    if (own > have) for (let k = g.from; k < g.from + g.span; k++) need[k] = need[k]! + (own - have) / g.span;
  }
  const widths = columnWidths(t.columns.map((c) => c.width ?? 1), need, blockEm);
  const cell = (text: string, i: number): SetCell => ({ text, segs: segments(text), align: ALIGN[kinds[i] ?? 'text'], rowspan: 1, covered: false });
  const rows = body.map((r) => ({ total: false, cells: r.map(cell) }));
  // Grouping columns: an empty cell under a filled one, or one repeating it, joins it.
  t.columns.forEach((c, i) => {
    if (!c.group) return;
    let anchor: SetCell | null = null;
    for (const row of rows) {
      const x = row.cells[i]!;
      if (anchor && (x.text.trim() === '' || x.text === anchor.text)) {
        anchor.rowspan++;
        x.covered = true;
      } else anchor = x;
    }
  });
  if (total) rows.push({ total: true, cells: total.map(cell) });
  return { widths, kinds, head: headRows(t), rows };
}

function headRows(t: Table): SetHeadCell[][] {
  const groups = t.groups ?? [];
  if (!groups.length) return [t.columns.map((c) => ({ text: c.label, colspan: 1, rowspan: 1 }))];
  const top: SetHeadCell[] = [];
  const second: SetHeadCell[] = [];
  for (let i = 0; i < t.columns.length; ) {
    const g = groups.find((x) => x.from === i);
    if (g) {
      top.push({ text: g.label, colspan: g.span, rowspan: 1 });
      for (let k = i; k < i + g.span; k++) second.push({ text: t.columns[k]!.label, colspan: 1, rowspan: 1 });
      i += g.span;
    } else {
      top.push({ text: t.columns[i]!.label, colspan: 1, rowspan: 2 });
      i++;
    }
  }
  return [top, second];
}
