// Reading generated documents the way a person's tools would: poppler for PDFs, LibreOffice for DOCX, unzip for XML.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PizZip from 'pizzip';
import { extractDocxText } from '../../src/render/docx/render-docx.ts';

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `filing-test-${prefix}-`));
}

export function pdfText(pdf: Uint8Array): string {
  const dir = tempDir('pdf');
  const path = join(dir, 'doc.pdf');
  writeFileSync(path, pdf);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
}

/** Per page, the characters of text set diagonally (watermarks): all text minus what `pdftotext -nodiag` keeps. */
export function pdfDiagonalTextByPage(pdf: Uint8Array): string[] {
  const dir = tempDir('diag');
  const path = join(dir, 'doc.pdf');
  writeFileSync(path, pdf);
  const run = (extra: string[]) => execFileSync('pdftotext', ['-enc', 'UTF-8', ...extra, path, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 }).split('\f');
  const all = run([]);
  const straight = run(['-nodiag']);
  return all.map((page, i) => {
    const left = [...(straight[i] ?? '').replace(/\s+/g, '')];
    let diag = '';
    for (const ch of page.replace(/\s+/g, '')) {
      const k = left.indexOf(ch);
      if (k >= 0) left.splice(k, 1);
      else diag += ch;
    }
    return diag;
  }).filter((_, i) => all[i]!.trim() !== '');
}

export interface PdfFont {
  name: string;
  type: string;
  embedded: boolean;
  subset: boolean;
  unicode: boolean;
}

export function pdfFonts(pdf: Uint8Array): PdfFont[] {
  const dir = tempDir('fonts');
  const path = join(dir, 'doc.pdf');
  writeFileSync(path, pdf);
  const out = execFileSync('pdffonts', [path], { encoding: 'utf8' });
  return out
    .split('\n')
    .slice(2)
    .filter((l) => l.trim())
    .map((line) => {
      // name, type (may contain spaces), encoding, emb, sub, uni, object id
      const m = /^(\S+)\s+(.+?)\s{2,}(\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/.exec(line);
      if (!m) throw new Error(`unreadable pdffonts line: ${line}`);
      return { name: m[1]!, type: m[2]!.trim(), embedded: m[4] === 'yes', subset: m[5] === 'yes', unicode: m[6] === 'yes' };
    });
}

export function pdfInfo(pdf: Uint8Array): Record<string, string> {
  const dir = tempDir('info');
  const path = join(dir, 'doc.pdf');
  writeFileSync(path, pdf);
  const out = execFileSync('pdfinfo', ['-custom', path], { encoding: 'utf8' });
  const info: Record<string, string> = {};
  for (const line of out.split('\n')) {
    const m = /^([A-Za-z0-9]+):\s*(.*)$/.exec(line);
    if (m) info[m[1]!] = m[2]!;
  }
  for (const line of execFileSync('pdfinfo', [path], { encoding: 'utf8' }).split('\n')) {
    const m = /^(Pages|Tagged|PDF version|Page size):\s*(.*)$/.exec(line);
    if (m) info[m[1]!.replace(' ', '')] = m[2]!.trim();
  }
  return info;
}

export function docxParts(docx: Uint8Array): { documentXml: string; text: string; zip: PizZip } {
  const zip = new PizZip(docx);
  const documentXml = zip.file('word/document.xml')?.asText() ?? '';
  return { documentXml, text: extractDocxText(documentXml), zip };
}

/**
 * Converts DOCX files to PDF with one headless LibreOffice run, as a recipient opening them would.
 * Returns the PDF path per input name (missing when LibreOffice could not open the file).
 */
export function libreOfficeToPdf(files: Record<string, Uint8Array>): Record<string, string> {
  const dir = tempDir('lo');
  const inDir = join(dir, 'in');
  const outDir = join(dir, 'out');
  execFileSync('mkdir', ['-p', inDir, outDir]);
  const names = Object.keys(files);
  for (const name of names) writeFileSync(join(inDir, `${name}.docx`), files[name]!);
  execFileSync(
    'soffice',
    [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', outDir, ...names.map((n) => join(inDir, `${n}.docx`))],
    { stdio: 'pipe', timeout: 600_000 },
  );
  const produced = new Set(readdirSync(outDir));
  const result: Record<string, string> = {};
  for (const n of names) if (produced.has(`${n}.pdf`)) result[n] = join(outDir, `${n}.pdf`);
  return result;
}

export function readBytes(path: string): Uint8Array {
  return new Uint8Array(readFileSync(path));
}

/** Removes all white space, so text wrapped across lines or table cells still matches. */
export function squash(s: string): string {
  return s.replace(/\s+/g, '');
}

/** Index after which each needle appears in order, or the first needle that does not. */
export function missingInOrder(haystack: string, needles: string[]): string | null {
  let at = 0;
  const h = squash(haystack);
  for (const n of needles) {
    const i = h.indexOf(squash(n), at);
    if (i < 0) return n;
    at = i + squash(n).length;
  }
  return null;
}
