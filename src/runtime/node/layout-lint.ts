// The layout lint: reads a finished PDF (or a DOCX as LibreOffice lays it out) the way a reviewing office would look at
// it, and reports with page numbers: fonts per type role and any fall-back, text outside the GB/T 9704 text block,
// a 署名/成文日期 alone on its page, 目录 entries that do not match their pages, a missing or incomplete outline, a
// date/amount/number split across lines in a table cell, and blank pages.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { FONT_ROLES, type FontRole } from '../../render/fonts.ts';
import { segments } from '../../render/table-typeset.ts';

export interface LayoutFinding {
  code: 'font_fallback' | 'font_role' | 'font_not_embedded' | 'outside_text_block' | 'seal_page_alone' | 'toc_page_mismatch' | 'toc_entry_missing' | 'outline_missing' | 'outline_incomplete' | 'token_split' | 'blank_page';
  page?: number;
  message: string;
}

interface Line {
  page: number;
  top: number;
  left: number;
  right: number;
  size: number;
  font: string;
  text: string;
}

interface Page {
  number: number;
  width: number;
  height: number;
  lines: Line[];
}

const MM = 72 / 25.4;
/** GB/T 9704 text block: 28 mm from the left, 37 mm from the top, 156 × 225 mm; 2 mm allowed for rounding and ink. */
const BLOCK = { left: 28 * MM, top: 37 * MM, right: (28 + 156) * MM, bottom: (37 + 225) * MM, slack: 2 * MM };
const FOLIO = /^[—–-]\s*\d+\s*[—–-]$/;

/** Font names as a PDF writes them, reduced: no subset tag, no style suffix, no spaces, lower case. */
function fontKey(name: string): string {
  return name.replace(/^[A-Z]{6}\+/, '').replace(/[-,](Regular|Roman|Book)$/i, '').replace(/[\s_-]+/g, '').toLowerCase();
}

/** PostScript names of the licensed official faces, as their PDFs name them. */
const OFFICIAL_PS: Record<FontRole, string[]> = {
  body: ['FangSong_GB2312', 'FangSong', 'FangSongGB2312', 'STFangsong'],
  title: ['FZXBSJW--GB1-0', 'FZXiaoBiaoSong-B05S', 'FZXBSK--GBK1-0'],
  hei: ['SimHei', 'STHeiti'],
  kai: ['KaiTi_GB2312', 'KaiTi', 'STKaiti'],
  song: ['SimSun', 'STSong'],
  latin: ['TimesNewRomanPSMT', 'TimesNewRoman', 'TimesNewRomanPS-BoldMT', 'TimesNewRoman,Bold'],
};

function roleKeys(role: FontRole): Set<string> {
  const def = FONT_ROLES[role];
  return new Set([...def.official, ...def.standIn, ...OFFICIAL_PS[role]].map(fontKey));
}
const ROLE_KEYS = Object.fromEntries((Object.keys(FONT_ROLES) as FontRole[]).map((r) => [r, roleKeys(r)])) as Record<FontRole, Set<string>>;
const ANY_ROLE = new Set(Object.values(ROLE_KEYS).flatMap((s) => [...s]));
/** The Latin faces may come bold or italic (English headings, captions): their styled names count as the role. */
const latinLike = (key: string) => [...ROLE_KEYS.latin].some((k) => key.startsWith(k));

function decode(s: string): string {
  return s.replace(/<[^>]+>/g, '').replace(/&(lt|gt|amp|quot|apos|#(\d+));/g, (_, e: string, n?: string) => (n ? String.fromCodePoint(Number(n)) : ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" } as Record<string, string>)[e]!)).replace(/[\u2f00-\u2fdf\uf900-\ufaff]/g, (c) => c.normalize('NFKC'));
}

/** The text of every page as lines with their font, size and box (poppler's pdftohtml, in points). */
function readPages(pdfPath: string): Page[] {
  const xml = execFileSync('pdftohtml', ['-xml', '-i', '-stdout', '-zoom', '1', '-q', pdfPath], { encoding: 'utf8', maxBuffer: 256 << 20 });
  const pages: Page[] = [];
  const fonts = new Map<string, { size: number; family: string }>();
  for (const m of xml.matchAll(/<fontspec id="(\d+)" size="([\d.]+)" family="([^"]*)"/g)) fonts.set(m[1]!, { size: Number(m[2]), family: m[3]! });
  for (const pm of xml.matchAll(/<page number="(\d+)"[^>]*height="([\d.]+)" width="([\d.]+)">([\s\S]*?)<\/page>/g)) {
    const page: Page = { number: Number(pm[1]), height: Number(pm[2]), width: Number(pm[3]), lines: [] };
    for (const tm of pm[4]!.matchAll(/<text top="([-\d.]+)" left="([-\d.]+)" width="([\d.]+)" height="([\d.]+)" font="(\d+)">([\s\S]*?)<\/text>/g)) {
      const f = fonts.get(tm[5]!) ?? { size: 0, family: '' };
      const text = decode(tm[6]!);
      if (!text.trim()) continue;
      page.lines.push({ page: page.number, top: Number(tm[1]), left: Number(tm[2]), right: Number(tm[2]) + Number(tm[3]), size: f.size, font: f.family, text });
    }
    pages.push(page);
  }
  return pages;
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
const squash = (s: string) => s.replace(/\s+/g, '');

function checkFonts(pages: Page[], out: LayoutFinding[], tocPages: ReadonlySet<number>): void {
  const seen = new Set<string>();
  for (const p of pages) {
    for (const l of p.lines) {
      const key = fontKey(l.font);
      if (!ANY_ROLE.has(key) && !latinLike(key) && !seen.has(`${key}@${p.number}`)) {
        seen.add(`${key}@${p.number}`);
        out.push({ code: 'font_fallback', page: p.number, message: `“${l.text.slice(0, 20)}” is set in ${l.font}, which is none of the type roles' fonts (a fall-back)` });
        continue;
      }
      if (!CJK.test(l.text) || tocPages.has(p.number)) continue;
      // Headings by their numbering: 一、 黑体, （一） 楷体 (GB/T 9704 §7.3.3).
      const t = l.text.trim();
      const want: FontRole | null = /^[一二三四五六七八九十]+、/.test(t) && l.size >= 15 ? 'hei' : /^（[一二三四五六七八九十]+）/.test(t) && l.size >= 15 && l.left < BLOCK.left + 3 * 16 ? 'kai' : null;
      if (want && !ROLE_KEYS[want].has(key)) out.push({ code: 'font_role', page: p.number, message: `heading “${t.slice(0, 20)}” is set in ${l.font}, not the ${FONT_ROLES[want].label.en} face` });
    }
  }
}

function checkEmbedded(pdfPath: string, out: LayoutFinding[]): void {
  const lines = execFileSync('pdffonts', [pdfPath], { encoding: 'utf8' }).split('\n').slice(2).filter((l) => l.trim());
  for (const line of lines) {
    const m = /^(\S+)\s+(.+?)\s{2,}(\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/.exec(line);
    if (m && m[2]!.trim() === 'Type 3') out.push({ code: 'font_not_embedded', message: `a Type 3 font (${m[1]}): the browser drew glyphs itself (synthetic bold or a CFF face), which prints soft and does not search well` });
    else if (m && (m[4] !== 'yes' || m[6] !== 'yes')) out.push({ code: 'font_not_embedded', message: `font ${m[1]} is ${m[4] !== 'yes' ? 'not embedded' : 'without a Unicode map (its text does not extract)'}` });
  }
}

function checkBlock(pages: Page[], out: LayoutFinding[]): void {
  for (const p of pages) {
    const scale = p.width / 595.28;
    for (const l of p.lines) {
      if (FOLIO.test(l.text.trim())) continue;
      const [left, right, top] = [l.left / scale, l.right / scale, l.top / scale];
      // poppler measures a line by its glyphs' full advances; the browser compresses CJK punctuation pairs at line
      // ends, so the measured right edge may run past the block by up to half a character.
      // A CJK comma or stop may hang past the line's end (行末悬挂, as LibreOffice sets it): one character more.
      const hang = /[，。、；：！？）》」』】,.]$/.test(l.text.trim()) ? l.size : 0;
      if (left < BLOCK.left - BLOCK.slack || right > BLOCK.right + BLOCK.slack + 0.6 * l.size + hang || top < BLOCK.top - BLOCK.slack || top > BLOCK.bottom + BLOCK.slack) {
        out.push({ code: 'outside_text_block', page: p.number, message: `“${l.text.slice(0, 24)}” lies outside the 156 × 225 mm text block (left ${(left / MM).toFixed(1)} mm, top ${(top / MM).toFixed(1)} mm)` });
        break;
      }
    }
  }
}

function checkBlankPages(pages: Page[], out: LayoutFinding[]): void {
  pages.forEach((p, i) => {
    if (p.lines.some((l) => !FOLIO.test(l.text.trim()))) return;
    // GB/T 9704 §7.5: a blank page before the 版记 page of a letter is allowed.
    const next = pages[i + 1];
    if (i === pages.length - 2 && next && next.lines.some((l) => /^(抄送|印发|Copied to|Printed)/.test(l.text.trim()) || /印发$/.test(l.text.trim()))) return;
    out.push({ code: 'blank_page', page: p.number, message: 'the page is blank' });
  });
}

/** Table cells are set in 小四 (12 pt): a token that runs from the end of one cell line into the next is split. */
function checkSplitTokens(pages: Page[], out: LayoutFinding[]): void {
  for (const p of pages) {
    // Cell text sits inside the cell padding; English body text (also 12 pt) starts at the block's edge.
    const cells = p.lines.filter((l) => l.size > 9 && l.size < 13.5 && l.left > BLOCK.left * (p.width / 595.28) + 3 && !FOLIO.test(l.text.trim()));
    for (const a of cells) {
      // The next line of the same cell (a line pitch below), not the cell of the next row (pitch plus padding).
      const b = cells.find((x) => Math.abs(x.left - a.left) < 1.5 && x.top > a.top + a.size * 1.1 && x.top < a.top + a.size * 1.55);
      if (!b) continue;
      const joined = a.text.trimEnd() + b.text.trimStart();
      const cut = a.text.trimEnd().length;
      // Two Latin letters (or a digit and a letter) at the join: a break between words (poppler drops the spaces).
      if (/[.,;:)]$/.test(joined.slice(0, cut)) && /^[A-Za-z0-9]/.test(joined.slice(cut))) continue;
      if (/[A-Za-z0-9]$/.test(joined.slice(0, cut)) && /^[A-Za-z]/.test(joined.slice(cut)) || /[A-Za-z]$/.test(joined.slice(0, cut)) && /^[A-Za-z0-9]/.test(joined.slice(cut))) continue;
      let at = 0;
      for (const s of segments(joined)) {
        if (s.nb && at < cut && at + s.t.length > cut && /\d/.test(s.t)) {
          out.push({ code: 'token_split', page: p.number, message: `“${s.t}” is broken across two lines of a table cell (“${a.text.trim().slice(-12)}” / “${b.text.trim().slice(0, 12)}”)` });
        }
        at += s.t.length;
      }
    }
  }
}

const TOC_TITLE = /^(目\s*录|Contents)/;
const DATE_LINE = /^(\d{4}年\d{1,2}月\d{1,2}日|\d{1,2} [A-Z][a-z]+ \d{4})$/;

/** The printed number of each page ("— n —"), if any. */
function folios(pages: Page[]): Map<number, number> {
  const map = new Map<number, number>();
  for (const p of pages) {
    const f = p.lines.find((l) => FOLIO.test(l.text.trim()));
    if (f) map.set(Number(/\d+/.exec(f.text)![0]), p.number);
  }
  return map;
}

interface TocEntry {
  title: string;
  number: number | null;
  page: number;
}

/** 目录 lines: the entry's title and, at the right, its printed page number (absent where a DOCX leaves it to Word). */
function tocEntries(pages: Page[]): TocEntry[] {
  const start = pages.findIndex((p) => p.lines.some((l) => TOC_TITLE.test(squash(l.text)) && l.size >= 18));
  if (start < 0) return [];
  const entries: TocEntry[] = [];
  for (let i = start; i < pages.length; i++) {
    const p = pages[i]!;
    if (i > start && p.lines.some((l) => FOLIO.test(l.text.trim()))) break;
    const rows = new Map<number, Line[]>();
    for (const l of p.lines) {
      if (TOC_TITLE.test(squash(l.text)) || FOLIO.test(l.text.trim())) continue;
      const key = [...rows.keys()].find((t) => Math.abs(t - l.top) < 4) ?? l.top;
      rows.set(key, [...(rows.get(key) ?? []), l]);
    }
    for (const [, ls] of [...rows].sort((a, b) => a[0] - b[0])) {
      ls.sort((a, b) => a.left - b.left);
      const last = ls[ls.length - 1]!.text.trim();
      const hasNumber = ls.length > 1 && /^\d+$/.test(last);
      const title = squash(ls.slice(0, hasNumber ? -1 : undefined).map((l) => l.text).join('')).replace(/[.·…]+$/, '');
      entries.push({ title, number: hasNumber ? Number(last) : null, page: p.number });
    }
  }
  // A Chinese (or bilingual) 目录 lists its Chinese headings; the English lines under them are not entries.
  const zh = entries.some((e) => ZH_NUMBERED.test(e.title));
  return entries.filter((e) => (zh ? ZH_NUMBERED.test(e.title) : /^\d+(\.\d+)*\D/.test(e.title)));
}
const ZH_NUMBERED = /^([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)/;
function checkToc(pages: Page[], out: LayoutFinding[]): TocEntry[] {
  const entries = tocEntries(pages);
  const byNumber = folios(pages);
  const tocEnd = entries.length ? Math.max(...entries.map((e) => e.page)) : 0;
  for (const e of entries) {
    // Match on the heading's start: long headings wrap, English sub-lines follow.
    const head = e.title.slice(0, Math.min(e.title.length, 10));
    const found = pages.find((p) => p.number > tocEnd && p.lines.some((l) => squash(l.text).startsWith(head) && l.size >= 11.5));
    if (!found) {
      out.push({ code: 'toc_entry_missing', page: e.page, message: `目录 entry “${e.title.slice(0, 24)}” names no heading of the document` });
      continue;
    }
    if (e.number === null) continue;
    const page = byNumber.get(e.number);
    if (page !== found.number) out.push({ code: 'toc_page_mismatch', page: e.page, message: `目录 entry “${e.title.slice(0, 24)}” gives page ${e.number}, but the heading is on the page printed ${[...byNumber].find(([, v]) => v === found.number)?.[0] ?? '(unnumbered)'}` });
  }
  return entries;
}

async function outlineTitles(bytes: Uint8Array): Promise<string[] | null> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const root = doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  if (!root) return null;
  const titles: string[] = [];
  const walk = (first: unknown) => {
    let node = first instanceof PDFDict ? first : undefined;
    for (let guard = 0; node && guard < 10_000; guard++) {
      const t = node.lookup(PDFName.of('Title'));
      if (t instanceof PDFHexString || t instanceof PDFString) titles.push(t.decodeText());
      walk(node.lookup(PDFName.of('First')));
      const next = node.lookup(PDFName.of('Next'));
      node = next instanceof PDFDict ? next : undefined;
    }
  };
  walk(root.lookup(PDFName.of('First')));
  return titles;
}

async function checkOutline(bytes: Uint8Array, toc: TocEntry[], out: LayoutFinding[]): Promise<void> {
  const titles = await outlineTitles(bytes);
  if (!titles || !titles.length) {
    out.push({ code: 'outline_missing', message: 'the PDF has no outline (bookmarks)' });
    return;
  }
  const have = titles.map((t) => squash(t.replace(/[\u2f00-\u2fdf]/g, (c) => c.normalize('NFKC'))));
  for (const e of toc) {
    const head = e.title.slice(0, Math.min(e.title.length, 10));
    if (!have.some((t) => t.startsWith(head))) out.push({ code: 'outline_incomplete', page: e.page, message: `the outline has no entry for “${e.title.slice(0, 24)}”` });
  }
}

/** A letter's 成文日期 (a date alone on a right-set line) must share its page with body text above the signature. */
function checkSealPage(pages: Page[], out: LayoutFinding[]): void {
  for (const p of pages) {
    const body = p.lines.filter((l) => l.size >= 15 && !FOLIO.test(l.text.trim()));
    const date = body.find((l) => DATE_LINE.test(l.text.trim()) && l.right > BLOCK.right - 5 * 16);
    if (!date) continue;
    const above = body.filter((l) => l.top < date.top - 40 && l.right <= BLOCK.right - 5 * 16 + 1 && !/^(附件|Attachments|\d+\.)/.test(l.text.trim()));
    if (!above.length) out.push({ code: 'seal_page_alone', page: p.number, message: 'the signature and date stand on a page without body text (GB/T 9704 §7.3.5)' });
  }
}

/** Lints one PDF file. A DOCX laid out by LibreOffice leaves the 目录's page numbers to Word: only its entries are checked. */
export async function lintPdfLayout(pdfPath: string): Promise<LayoutFinding[]> {
  const out: LayoutFinding[] = [];
  const pages = readPages(pdfPath);
  checkEmbedded(pdfPath, out);
  const toc = checkToc(pages, out);
  checkFonts(pages, out, new Set(toc.map((e) => e.page)));
  checkBlock(pages, out);
  checkBlankPages(pages, out);
  checkSplitTokens(pages, out);
  if (!toc.length) checkSealPage(pages, out);
  await checkOutline(new Uint8Array(readFileSync(pdfPath)), toc, out);
  return out;
}

/** Converts DOCX files to PDF with LibreOffice, fonts resolved as a recipient's machine with the stand-ins would. */
export function docxToPdf(files: Record<string, Uint8Array>, fontConfigFile?: string): { dir: string; pdfs: Record<string, string> } {
  const dir = mkdtempSync(join(tmpdir(), 'filing-layout-'));
  const names = Object.keys(files);
  for (const n of names) writeFileSync(join(dir, `${n}.docx`), files[n]!);
  execFileSync(
    'soffice',
    [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, ...names.map((n) => join(dir, `${n}.docx`))],
    { stdio: 'pipe', timeout: 600_000, env: { ...process.env, ...(fontConfigFile ? { FONTCONFIG_FILE: fontConfigFile } : {}) } },
  );
  return { dir, pdfs: Object.fromEntries(names.map((n) => [n, join(dir, `${n}.pdf`)])) };
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
