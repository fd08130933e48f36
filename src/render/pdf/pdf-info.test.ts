import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { setPdfInfo } from './pdf-info.ts';

/** A minimal one-page PDF with a classic xref table and correct offsets. */
function minimalPdf(): Uint8Array {
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
    '<< /Producer (Skia/PDF) >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n` + offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R /Info 4 0 R >>\nstartxref\n${xref}\n%%EOF`;
  return new TextEncoder().encode(out);
}

function info(pdf: Uint8Array): string {
  const path = join(mkdtempSync(join(tmpdir(), 'pdfinfo-')), 'x.pdf');
  writeFileSync(path, pdf);
  // pdfinfo exits non-zero on a broken xref, so a bad update fails here.
  return execFileSync('pdfinfo', ['-custom', path], { encoding: 'utf8' });
}

describe('setPdfInfo', () => {
  it('adds title, custom keys and dates by an incremental update that readers accept', () => {
    const original = minimalPdf();
    const updated = setPdfInfo(original, {
      title: '国家政务数据共享交换平台（二期）工程可行性研究报告',
      subject: 'Feasibility study',
      keywords: 'feasibility-study; template 1.0.0',
      creator: 'gov-filing-service',
      producer: 'gov-filing-service (Chromium)',
      date: '2026-11-22',
      custom: { FilingId: 'feasibility-study', TemplateVersion: '1.0.0', InputSHA256: 'ab'.repeat(32) },
    });
    expect(Buffer.from(updated.subarray(0, original.length)).equals(Buffer.from(original))).toBe(true);
    const text = info(updated);
    expect(text).toMatch(/Title:\s+国家政务数据共享交换平台（二期）工程可行性研究报告/);
    expect(text).toMatch(/FilingId:\s+feasibility-study/);
    expect(text).toMatch(/InputSHA256:\s+(ab){32}/);
    expect(text).toMatch(/CreationDate:.*2026/);
  });

  it('refuses a file without a trailer rather than corrupting it', () => {
    expect(() => setPdfInfo(new TextEncoder().encode('%PDF-1.7\nnot really'), { title: '', subject: '', keywords: '', creator: '', producer: '', date: '2026-01-01', custom: {} })).toThrow(/trailer/);
  });

  it('refuses custom key names that would break the dictionary', () => {
    expect(() => setPdfInfo(minimalPdf(), { title: '', subject: '', keywords: '', creator: '', producer: '', date: '2026-01-01', custom: { 'Bad /Key': 'x' } })).toThrow(/key/);
  });
});
