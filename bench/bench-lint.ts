// npm run bench:lint [-- --mib 45] [--runs 3]
// The template lint on the worst legal inputs. DOCX: a document.xml of N MiB of ordinary paragraphs (45 MiB is under
// the 50 MiB per-part limit), linted at a quarter, half and all of N to show the cost grows linearly with the part.
// HTML: the largest shipped template, and templates of deeply nested sub-expressions and blocks (refused unparsed).
// Prints figures only; the target is the 45 MiB document linted in under 2 s.
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import PizZip from 'pizzip';
import { FILINGS, filingById } from '../src/core/filings/index.ts';
import { buildDocxTemplate } from '../src/templates/build/docx-template.ts';
import { buildHtmlTemplate } from '../src/templates/build/html-template.ts';
import { lintDocxTemplate, lintHtmlTemplate } from '../src/templates/lint/index.ts';
import { median } from './support.ts';

const { values } = parseArgs({ options: { mib: { type: 'string', default: '45' }, runs: { type: 'string', default: '3' } } });
const MIB = Number(values.mib);
const RUNS = Math.max(1, Number(values.runs));
const filing = filingById('acceptance-extension')!;

/** A .docx whose body holds `mib` MiB of paragraphs of varied Chinese text (varied, so it stays under 100:1). */
function bigDocx(mib: number): { bytes: Uint8Array; partMiB: number } {
  const zip = new PizZip(buildDocxTemplate(filing, { version: '1.0.0', title: 'bench' }));
  const xml = zip.file('word/document.xml')!.asText();
  let seed = 1;
  const next = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff);
  const paragraphs: string[] = [];
  let bytes = 0;
  while (bytes < mib * 1024 * 1024) {
    let text = '';
    for (let i = 0; i < 60; i++) text += String.fromCharCode(0x4e00 + (next() % 2000));
    const p = `<w:p><w:pPr><w:jc w:val="both"/></w:pPr><w:r><w:rPr><w:rFonts w:ascii="FangSong"/></w:rPr><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
    paragraphs.push(p);
    bytes += Buffer.byteLength(p);
  }
  const part = xml.replace('<w:body>', `<w:body>${paragraphs.join('')}`);
  zip.file('word/document.xml', part);
  return { bytes: zip.generate({ type: 'uint8array', compression: 'DEFLATE' }), partMiB: Buffer.byteLength(part) / 1024 / 1024 };
}

function time<T>(fn: () => T): { ms: number; cpuMs: number; result: T } {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const result = fn();
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { ms, cpuMs: (cpu.user + cpu.system) / 1000, result };
}

function lintRuns(bytes: Uint8Array): { ms: number; cpuMs: number; problems: number } {
  const runs = Array.from({ length: RUNS }, () => time(() => lintDocxTemplate(bytes, { filing })));
  return { ms: median(runs.map((r) => r.ms)), cpuMs: median(runs.map((r) => r.cpuMs)), problems: runs[0]!.result.length };
}

console.log(`DOCX lint, document.xml of ordinary paragraphs (median of ${RUNS}; wall and CPU time)`);
lintDocxTemplate(bigDocx(1).bytes, { filing }); // warm-up: compile the code paths once
const rows: Array<{ mib: number; ms: number; cpuMs: number }> = [];
for (const share of [0.25, 0.5, 1]) {
  const { bytes, partMiB } = bigDocx(MIB * share);
  const r = lintRuns(bytes);
  rows.push({ mib: partMiB, ms: r.ms, cpuMs: r.cpuMs });
  console.log(`  ${partMiB.toFixed(1).padStart(5)} MiB part (${(bytes.length / 1024 / 1024).toFixed(1)} MiB .docx): ${r.ms.toFixed(0).padStart(5)} ms wall, ${r.cpuMs.toFixed(0).padStart(5)} ms CPU, ${(r.ms / partMiB).toFixed(1)} ms/MiB, ${r.problems} problem(s)`);
}
const [quarter, , whole] = rows;
const perMiB = (r: { mib: number; cpuMs: number }) => r.cpuMs / r.mib;
console.log(`  CPU per MiB, ${whole!.mib.toFixed(0)} MiB vs ${quarter!.mib.toFixed(0)} MiB: ${(perMiB(whole!) / perMiB(quarter!)).toFixed(2)}× (1× is linear; quadratic would be 4×)`);
console.log(`  target: ${whole!.mib.toFixed(0)} MiB in < 2000 ms: ${whole!.ms < 2000 ? 'ok' : 'MISSED'} (load average ${loadavg()[0]!.toFixed(1)} on 2 cores: wall time includes waiting for them)`);

console.log('\nHTML lint');
const largest = [...FILINGS].sort((a, b) => buildHtmlTemplate(b).length - buildHtmlTemplate(a).length)[0]!;
const source = buildHtmlTemplate(largest);
const html = Array.from({ length: RUNS }, () => time(() => lintHtmlTemplate(source, { filing: largest })));
console.log(`  ${largest.id}.hbs (${(source.length / 1024).toFixed(0)} KiB): ${median(html.map((r) => r.ms)).toFixed(0)} ms, ${html[0]!.result.length} problem(s)`);
const body = (extra: string) => buildHtmlTemplate(filing).replace(/(<body[^>]*>\n)/, `$1${extra}\n`);
const hostile: Array<[string, string]> = [
  ['1,600 nested sub-expressions with hash arguments', body(`{{#if ${'(lookup k='.repeat(1600)}doc.draft${')'.repeat(1600)}}}x{{/if}}`)],
  ['20,000 nested blocks', body('{{#if doc.draft}}'.repeat(20_000) + '{{/if}}'.repeat(20_000))],
  ['loops nested over the same list', body('{{#with s_reasons}}{{#each blocks}}{{#each ../blocks}}x{{/each}}{{/each}}{{/with}}')],
];
for (const [name, src] of hostile) {
  const r = time(() => lintHtmlTemplate(src, { filing }));
  console.log(`  ${name}: refused in ${r.ms.toFixed(0)} ms (${[...new Set(r.result.map((p) => p.code))].join(', ')})`);
}
