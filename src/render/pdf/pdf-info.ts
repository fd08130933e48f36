// Sets a PDF's document information dictionary by an incremental update (ISO 32000-1 §7.5.6), leaving the
// printed bytes untouched: cheap, and the fonts and pages Chromium wrote stay exactly as they were.

export interface PdfInfo {
  title: string;
  subject: string;
  keywords: string;
  creator: string;
  producer: string;
  /** ISO date, written as CreationDate and ModDate. */
  date: string;
  /** Extra keys of the Info dictionary, e.g. { FilingId: 'feasibility-study' }. Names: letters and digits. */
  custom: Record<string, string>;
}

const latin1 = new TextDecoder('latin1');

/** A PDF text string as UTF-16BE hex with BOM, safe for any Unicode. */
function pdfText(s: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < s.length; i++) hex += s.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return `<${hex}>`;
}

function pdfDate(iso: string): string {
  return `(D:${iso.replace(/-/g, '')}000000Z)`;
}

export function setPdfInfo(pdf: Uint8Array, info: PdfInfo): Uint8Array {
  // The trailer and xref pointer live in the last kilobytes; decoding only the tail keeps this O(1) in the file size.
  const tailStart = Math.max(0, pdf.length - 4096);
  const tail = latin1.decode(pdf.subarray(tailStart));
  const sx = tail.lastIndexOf('startxref');
  const tr = tail.lastIndexOf('trailer');
  if (sx < 0 || tr < 0 || tr > sx) throw new Error('PDF has no classic trailer; cannot update its metadata');
  const prev = Number(/startxref\s+(\d+)/.exec(tail.slice(sx))?.[1]);
  const trailer = tail.slice(tr, sx);
  const size = Number(/\/Size\s+(\d+)/.exec(trailer)?.[1]);
  const root = /\/Root\s+(\d+\s+\d+\s+R)/.exec(trailer)?.[1];
  const id = /\/ID\s*(\[[^\]]*\])/.exec(trailer)?.[1];
  if (!Number.isFinite(prev) || !Number.isFinite(size) || !root) throw new Error('PDF trailer is not readable');

  for (const name of Object.keys(info.custom)) if (!/^[A-Za-z][A-Za-z0-9]*$/.test(name)) throw new Error(`bad PDF info key ${name}`);
  const entries = [
    `/Title ${pdfText(info.title)}`,
    `/Subject ${pdfText(info.subject)}`,
    `/Keywords ${pdfText(info.keywords)}`,
    `/Creator ${pdfText(info.creator)}`,
    `/Producer ${pdfText(info.producer)}`,
    `/CreationDate ${pdfDate(info.date)}`,
    `/ModDate ${pdfDate(info.date)}`,
    ...Object.entries(info.custom).map(([k, v]) => `/${k} ${pdfText(v)}`),
  ];
  const objNum = size;
  const needsNewline = pdf[pdf.length - 1] !== 0x0a;
  const bodyStart = pdf.length + (needsNewline ? 1 : 0);
  const obj = `${objNum} 0 obj\n<< ${entries.join(' ')} >>\nendobj\n`;
  const xrefAt = bodyStart + obj.length; // obj is ASCII only (hex strings), so length in bytes = length in chars
  const update =
    (needsNewline ? '\n' : '') +
    obj +
    `xref\n${objNum} 1\n${String(bodyStart).padStart(10, '0')} 00000 n \n` +
    `trailer\n<< /Size ${objNum + 1} /Root ${root} /Info ${objNum} 0 R /Prev ${prev}${id ? ` /ID ${id}` : ''} >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  const extra = new TextEncoder().encode(update);
  const out = new Uint8Array(pdf.length + extra.length);
  out.set(pdf, 0);
  out.set(extra, pdf.length);
  return out;
}
