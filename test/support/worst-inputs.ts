// The heaviest requests the service must take without stalling: the largest legal filing input (a feasibility study
// whose sharing catalogue fills the body limit), a package of sixteen documents, a template whose document.xml is
// 8 MiB, and a template of deeply nested sub-expressions. Shared by the load test and npm run bench:http.
import { readFileSync, statSync } from 'node:fs';
import PizZip from 'pizzip';
import { checkJsonLimits, DEFAULT_JSON_LIMITS } from '../../src/core/json-input.ts';
import { FILINGS, filingById } from '../../src/core/filings/index.ts';
import { validSamples } from '../../src/runtime/node/sample-files.ts';

const BODY_LIMIT = 1024 * 1024;
const fits = (v: unknown, max: number) => {
  const text = JSON.stringify(v);
  if (new TextEncoder().encode(text).length > max) return false;
  try {
    checkJsonLimits(v, DEFAULT_JSON_LIMITS);
    return true;
  } catch {
    return false;
  }
};

/** The feasibility study with as many sharing-catalogue entries as the body limit and the schema allow. */
export function largestLegalInput(maxBytes = BODY_LIMIT - 4096): unknown {
  const path = validSamples('feasibility-study').sort((a, b) => statSync(b).size - statSync(a).size)[0]!;
  const base = JSON.parse(readFileSync(path, 'utf8')) as { sharingChapter: { catalogue: Array<Record<string, unknown>> } };
  const src = base.sharingChapter.catalogue;
  const withEntries = (count: number) => {
    const copy = structuredClone(base);
    copy.sharingChapter.catalogue = Array.from({ length: count }, (_, i) => {
      const e = structuredClone(src[i % src.length]!);
      if (typeof e.code === 'string') e.code = `${e.code.slice(0, -4)}${String(i).padStart(4, '0')}`;
      return e;
    });
    return copy;
  };
  let n = src.length;
  while (fits(withEntries(n + 10), maxBytes)) n += 10;
  const input = withEntries(n);
  const def = filingById('feasibility-study')!;
  const r = def.schema.safeParse(input);
  if (!r.success) throw new Error(`the enlarged input is not valid: ${JSON.stringify(r.error.issues.slice(0, 3))}`);
  return input;
}

/** Sixteen documents, DOCX and HTML, from the samples of every filing, under the body limit. */
export function sixteenDocumentPackage(maxBytes = BODY_LIMIT - 4096): { documents: Array<Record<string, unknown>> } {
  const samples = FILINGS.flatMap((f) => validSamples(f.id).map((p) => ({ filing: f.id, data: JSON.parse(readFileSync(p, 'utf8')) as unknown, size: statSync(p).size })))
    .filter((s) => s.size < maxBytes / 16)
    .sort((a, b) => b.size - a.size);
  const documents = Array.from({ length: 16 }, (_, i) => ({ filing: samples[i % samples.length]!.filing, format: i % 2 ? 'html' : 'docx', locale: 'bilingual', data: samples[i % samples.length]!.data }));
  if (!fits({ documents }, maxBytes)) throw new Error('the package does not fit the body limit');
  return { documents };
}

/**
 * A template whose word/document.xml is padded to `mib` MiB with paragraphs of varied text (seeded, so the same every
 * time), which compresses as real text does: it stays under the upload size and the zip-bomb ratio.
 */
export function bigDocumentXmlTemplate(filing = 'feasibility-study', mib = 8): Uint8Array {
  const zip = new PizZip(readFileSync(`templates/${filing}/1.0.0/${filing}.docx`));
  const xml = zip.file('word/document.xml')!.asText();
  let seed = 42;
  const next = () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 8) % 3000;
  const paras: string[] = [];
  let size = Buffer.byteLength(xml);
  while (size < mib * 1024 * 1024) {
    const text = String.fromCharCode(...Array.from({ length: 120 }, () => 0x4e00 + next()));
    const p = `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`;
    paras.push(p);
    size += Buffer.byteLength(p);
  }
  const pad = paras.join('');
  zip.file('word/document.xml', xml.replace('<w:body>', `<w:body>${pad}`));
  return zip.generate({ type: 'uint8array', compression: 'DEFLATE' });
}

/** An HTML template whose first expression nests sub-expressions `depth` deep. */
export function deepSubexpressionTemplate(filing = 'feasibility-study', depth = 5000): string {
  const html = readFileSync(`templates/${filing}/1.0.0/${filing}.hbs`, 'utf8');
  return html.replace('<body', `{{#if ${'(lookup '.repeat(depth)}doc${' "x")'.repeat(depth)}}}x{{/if}}<body`);
}
