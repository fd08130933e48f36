// npm run lint:layout -- <file.pdf|file.docx> …: the layout lint over finished documents (a DOCX is laid out by
// LibreOffice first, with the stand-in fonts for the official names); prints every finding with its page, exits 1 on any.
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { tmpdir } from 'node:os';
import { docxToPdf, lintPdfLayout, removeDir } from '../src/runtime/node/layout-lint.ts';
import { writeFontConfig } from '../src/runtime/node/fonts.ts';

const files = process.argv.slice(2);
if (!files.length) {
  console.error('usage: npm run lint:layout -- <file.pdf|file.docx> …');
  process.exit(2);
}
let findings = 0;
for (const file of files) {
  let pdf = file;
  let dir: string | undefined;
  if (file.endsWith('.docx')) {
    const fonts = writeFontConfig({ dir: join(tmpdir(), `filing-fonts-lo-${process.pid}`), fontDir: process.env.FONT_DIR, aliases: true });
    const converted = docxToPdf({ doc: new Uint8Array(readFileSync(file)) }, fonts.configFile);
    dir = converted.dir;
    pdf = converted.pdfs.doc!;
  }
  const found = await lintPdfLayout(pdf);
  for (const f of found) console.log(`${basename(file)}${f.page ? ` p.${f.page}` : ''}: ${f.code}: ${f.message}`);
  if (!found.length) console.log(`${basename(file)}: ok`);
  findings += found.length;
  if (dir) removeDir(dir);
}
process.exitCode = findings ? 1 : 0;
