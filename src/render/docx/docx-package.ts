// Package-level edits of a DOCX: fixed timestamps for byte-identical output, and core/custom document properties.
import type PizZip from 'pizzip';
import { xmlEscape } from './ooxml.ts';

/** Every zip entry carries this timestamp, so the same input gives the same bytes. */
export const FIXED_ZIP_DATE = new Date(Date.UTC(2020, 1, 1, 0, 0, 0));

export function fixZipDates(zip: PizZip): void {
  for (const name of Object.keys(zip.files)) {
    const entry = zip.files[name] as unknown as { date: Date };
    entry.date = FIXED_ZIP_DATE;
  }
}

const CUSTOM_CT = 'application/vnd.openxmlformats-officedocument.custom-properties+xml';
const CORE_CT = 'application/vnd.openxmlformats-package.core-properties+xml';
const CUSTOM_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties';
const CORE_REL = 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties';

export interface DocumentProperties {
  title: string;
  /** The issuing or construction unit (dc:creator). */
  author?: string;
  subject: string;
  keywords: string;
  language: string;
  /** ISO date; used for created/modified so that output does not depend on the clock. */
  date: string;
  /** Custom properties (File → Properties → Custom in Word). */
  custom: Record<string, string>;
}

function ensureOverride(zip: PizZip, partName: string, contentType: string): void {
  const file = zip.file('[Content_Types].xml');
  if (!file) throw new Error('[Content_Types].xml missing');
  const xml = file.asText();
  if (xml.includes(`PartName="${partName}"`)) return;
  zip.file('[Content_Types].xml', xml.replace('</Types>', `<Override PartName="${partName}" ContentType="${contentType}"/></Types>`));
}

function ensureRootRel(zip: PizZip, type: string, target: string): void {
  const file = zip.file('_rels/.rels');
  if (!file) throw new Error('_rels/.rels missing');
  const xml = file.asText();
  if (xml.includes(`Type="${type}"`)) return;
  let n = 1;
  while (xml.includes(`Id="rIdP${n}"`)) n++;
  zip.file('_rels/.rels', xml.replace('</Relationships>', `<Relationship Id="rIdP${n}" Type="${type}" Target="${target}"/></Relationships>`));
}

/** Writes docProps/core.xml and docProps/custom.xml, adding their content types and relationships when missing. */
export function setDocumentProperties(zip: PizZip, p: DocumentProperties): void {
  const stamp = `${p.date}T00:00:00Z`;
  zip.file(
    'docProps/core.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
      'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
      `<dc:title>${xmlEscape(p.title)}</dc:title><dc:subject>${xmlEscape(p.subject)}</dc:subject><dc:creator>${xmlEscape(p.author ?? 'gov-filing-service')}</dc:creator>` +
      `<cp:keywords>${xmlEscape(p.keywords)}</cp:keywords><dc:language>${xmlEscape(p.language)}</dc:language>` +
      `<dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified>` +
      '</cp:coreProperties>',
  );
  const props = Object.entries(p.custom)
    .map(
      ([name, value], i) =>
        `<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="${i + 2}" name="${xmlEscape(name)}"><vt:lpwstr>${xmlEscape(value)}</vt:lpwstr></property>`,
    )
    .join('');
  zip.file(
    'docProps/custom.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" ' +
      `xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">${props}</Properties>`,
  );
  ensureOverride(zip, '/docProps/core.xml', CORE_CT);
  ensureOverride(zip, '/docProps/custom.xml', CUSTOM_CT);
  ensureRootRel(zip, CORE_REL, 'docProps/core.xml');
  ensureRootRel(zip, CUSTOM_REL, 'docProps/custom.xml');
}

/** Reads custom properties back (used by checks and tests). */
export function readCustomProperties(zip: PizZip): Record<string, string> {
  const xml = zip.file('docProps/custom.xml')?.asText() ?? '';
  const out: Record<string, string> = {};
  for (const m of xml.matchAll(/<property [^>]*name="([^"]*)"[^>]*><vt:lpwstr>([^<]*)<\/vt:lpwstr><\/property>/g)) {
    out[unescapeXml(m[1]!)] = unescapeXml(m[2]!);
  }
  return out;
}

export function unescapeXml(s: string): string {
  return s.replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e]!);
}

const HEADER_CT = 'application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml';
const HEADER_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/header';
const DRAFT_HEADER = 'word/headerDraft.xml';

/**
 * A draft's mark on every page: a header holding a VML text watermark (as Word writes its own), referenced as the
 * default, even and first-page header of every section in place of any header the template had.
 */
export function addDraftWatermark(zip: PizZip, text = '草稿 DRAFT'): void {
  zip.file(
    DRAFT_HEADER,
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' +
      'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
      '<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:pict>' +
      '<v:shapetype id="_x0000_t136" coordsize="21600,21600" o:spt="136" adj="10800" path="m@7,l@8,m@5,21600l@6,21600e"><v:path textpathok="t" o:connecttype="custom"/><v:textpath on="t" fitshape="t"/></v:shapetype>' +
      '<v:shape id="DraftWatermark" o:spid="_x0000_s2049" type="#_x0000_t136" style="position:absolute;margin-left:0;margin-top:0;width:440pt;height:110pt;rotation:315;z-index:-251654144;' +
      'mso-position-horizontal:center;mso-position-horizontal-relative:margin;mso-position-vertical:center;mso-position-vertical-relative:margin" fillcolor="#c00000" stroked="f">' +
      `<v:fill opacity=".25"/><v:textpath style="font-family:&quot;SimHei&quot;;font-size:1pt" string="${xmlEscape(text)}"/></v:shape>` +
      '</w:pict></w:r></w:p></w:hdr>',
  );
  ensureOverride(zip, `/${DRAFT_HEADER}`, HEADER_CT);
  const relsPath = 'word/_rels/document.xml.rels';
  const rels = zip.file(relsPath)?.asText();
  if (!rels) throw new Error(`${relsPath} missing`);
  if (!rels.includes('Id="rIdDraftHeader"')) {
    zip.file(relsPath, rels.replace('</Relationships>', `<Relationship Id="rIdDraftHeader" Type="${HEADER_REL}" Target="headerDraft.xml"/></Relationships>`));
  }
  const docPath = 'word/document.xml';
  const doc = zip.file(docPath)!.asText();
  const refs = ['default', 'even', 'first'].map((t) => `<w:headerReference w:type="${t}" r:id="rIdDraftHeader"/>`).join('');
  zip.file(
    docPath,
    doc.replace(/<w:sectPr\b([^>]*)>([\s\S]*?)<\/w:sectPr>/g, (_, attrs: string, body: string) => `<w:sectPr${attrs}>${refs}${body.replace(/<w:headerReference\b[^>]*\/>/g, '')}</w:sectPr>`),
  );
}
