// Builds a filing's DOCX template (a plain Word document with docxtemplater tags) from its section registry.
// The output is committed under templates/<id>/<version>/ and from then on maintained in Word/WPS as any document.
import PizZip from 'pizzip';
import type { AnyFilingDefinition as FilingDefinition, SectionDef } from '../../core/filings/index.ts';
import { W_NS, mm, paragraph, run, xmlEscape } from '../../render/docx/ooxml.ts';
import { DOCX_FONTS, stylesXml } from './docx-styles.ts';
import { FIXED_ZIP_DATE } from '../../render/docx/docx-package.ts';

const FONT = DOCX_FONTS;
const LINE = 579;

function fontTableXml(): string {
  const font = (name: string, alt: string, family: string) =>
    `<w:font w:name="${name}"><w:altName w:val="${alt}"/><w:charset w:val="86"/><w:family w:val="${family}"/><w:pitch w:val="variable"/></w:font>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:fonts ${W_NS}>` +
    font(FONT.fangsong, '仿宋', 'modern') +
    font(FONT.hei, 'SimHei', 'modern') +
    font(FONT.kai, '楷体', 'modern') +
    font(FONT.xiaobiaosong, '宋体', 'roman') +
    font(FONT.song, 'SimSun', 'auto') +
    `<w:font w:name="${FONT.latin}"><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>` +
    '</w:fonts>'
  );
}

/** Fields (the 目录's page numbers) are updated when Word/WPS opens the document. */
function settingsXml(): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:settings ${W_NS}>` +
    '<w:zoom w:percent="100"/><w:updateFields w:val="true"/><w:defaultTabStop w:val="420"/><w:evenAndOddHeaders/>' +
    '<w:characterSpacingControl w:val="compressPunctuation"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>' +
    '</w:settings>'
  );
}

/** Page number "— 7 —" in 4号 宋体; odd pages right, even pages left, one character in from the edge (GB/T 9704 §7.5). */
function footerXml(side: 'right' | 'left'): string {
  const ind = side === 'right' ? '<w:ind w:right="280" w:firstLine="0"/>' : '<w:ind w:left="280" w:firstLine="0"/>';
  const field =
    '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>' +
    '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>';
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:ftr ${W_NS}>` +
    `${paragraph('Footer', `${run('— ')}${field}${run(' —')}`, `<w:jc w:val="${side}"/>${ind}`)}</w:ftr>`
  );
}

/** A4, top 37 mm, left 28 mm, text block 156 × 225 mm ⇒ bottom 35 mm, right 26 mm (GB/T 9704 §5.2). */
function sectPr(withFooters: boolean, restartNumbering: boolean): string {
  return (
    '<w:sectPr>' +
    (withFooters ? '<w:footerReference w:type="default" r:id="rIdFooterOdd"/><w:footerReference w:type="even" r:id="rIdFooterEven"/>' : '') +
    `<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="${mm(37)}" w:right="${mm(26)}" w:bottom="${mm(35)}" w:left="${mm(28)}" w:header="851" w:footer="${mm(23)}" w:gutter="0"/>` +
    (restartNumbering ? '<w:pgNumType w:start="1"/>' : '') +
    `<w:cols w:space="425"/><w:docGrid w:type="lines" w:linePitch="${LINE}"/></w:sectPr>`
  );
}

const tagP = (tag: string) => `<w:p>${run(tag)}</w:p>`;

/** Loop-free paragraphs of a section's blocks; `bodyStyle` styles its paragraphs. Minor headings are the 4th level. */
function blocksXml(bodyStyle: string): string {
  return (
    tagP('{#blocks}') +
    paragraph(bodyStyle, run('{-w:p p}{text}{/p}')) +
    paragraph('FilingBodyAlt', run('{-w:p pAlt}{text}{/pAlt}')) +
    paragraph('Heading4', run('{-w:p h}{text}{/h}')) +
    tagP('{@tableDocx}') +
    tagP('{/blocks}')
  );
}

const LETTER_STYLES: Record<string, string> = {
  title: 'FilingTitle',
  addressee: 'FilingAddressee',
  body: 'FilingBodyPlain',
  closing: 'FilingClosing',
  attachments: 'FilingAttachments',
  signature: 'FilingSignature',
  note: 'FilingNote',
};

/** The English heading of a bilingual document, on a line of its own inside the heading (so the 目录 carries it). */
const headingAltRuns = '<w:r><w:t xml:space="preserve">{#headingAlt}</w:t></w:r><w:r><w:br/></w:r>' + run('{headingAlt}{/headingAlt}', '<w:i/><w:sz w:val="24"/><w:szCs w:val="24"/>');

function sectionXml(s: SectionDef<unknown>, bookmarkId: number): string {
  const bookmark = `<w:bookmarkStart w:id="${bookmarkId}" w:name="sec_${s.id}"/><w:bookmarkEnd w:id="${bookmarkId}"/>`;
  const style = s.style ?? 'heading';
  if (style === 'heading') {
    return tagP(`{#s_${s.id}}`) + paragraph(`Heading${s.level}`, bookmark + run('{heading}') + headingAltRuns) + blocksXml('FilingBody') + tagP(`{/s_${s.id}}`);
  }
  const pStyleId = LETTER_STYLES[style] ?? 'FilingBodyPlain';
  const moreStyle = style === 'attachments' ? 'FilingAttachmentsMore' : pStyleId;
  return tagP(`{#s_${s.id}}`) + paragraph(pStyleId, bookmark + run('{lead}')) + blocksXml(moreStyle) + tagP(`{/s_${s.id}}`);
}

/** Cover, then the 目录 on a page of its own; neither is numbered, and the body restarts at "— 1 —". */
function frontXml(): string {
  return (
    paragraph('FilingCoverSpacer', '') +
    paragraph('FilingCoverTitle', run('{doc.title}')) +
    paragraph('FilingCoverTitle', run('{doc.filingName}')) +
    paragraph('FilingCoverAlt', run('{-w:p doc.bilingual}{doc.titleAlt}{/doc.bilingual}')) +
    paragraph('FilingCoverAlt', run('{-w:p doc.bilingual}{doc.filingNameAlt}{/doc.bilingual}')) +
    paragraph('FilingCoverSpacer', '') +
    paragraph('FilingCoverSpacer', '') +
    paragraph('FilingCoverUnit', run('{doc.unit}')) +
    paragraph('FilingCoverAlt', run('{-w:p doc.bilingual}{doc.unitAlt}{/doc.bilingual}')) +
    paragraph('FilingCoverUnit', run('{doc.dateText}')) +
    paragraph('FilingTocTitle', run('{doc.tocTitle}')) +
    tagP('{@tocXml}') +
    paragraph('FilingTableSpacer', '', sectPr(false, false))
  );
}

/** 版头 (§7.2): 发文机关标志 in red, then 发文字号 left and 签发人 right over the red rule; without it, the number alone. */
function letterHeadXml(): string {
  return (
    paragraph('FilingIssuer', run('{-w:p doc.issuerMark}{doc.issuerMark}{/doc.issuerMark}')) +
    tagP('{#doc.issuerMark}') +
    paragraph('FilingDocLine', run('{doc.docNo}') + '<w:r><w:tab/></w:r>' + run('{doc.signers}')) +
    tagP('{/doc.issuerMark}') +
    paragraph('FilingDocNo', run('{-w:p doc.docNo}{^doc.issuerMark}{doc.docNo}{/doc.issuerMark}{/doc.docNo}'))
  );
}

/** 版记 (§7.4) as a frame at the foot of the last page: 抄送, then 印发机关 and 印发日期, between rules. */
function imprintXml(): string {
  return (
    tagP('{#doc.printedBy}') +
    paragraph('FilingImprint', run('{-w:p doc.copyTo}{doc.copyTo}{/doc.copyTo}')) +
    paragraph('FilingImprint', run('{doc.printedBy}') + '<w:r><w:tab/></w:r>' + run('{doc.printedOn}')) +
    tagP('{/doc.printedBy}')
  );
}

/** The report's sign-off: the committee's signature table and the 落款 lines. */
function signOffXml(): string {
  return (
    tagP('{#signOff}') +
    paragraph('Heading4', run('{-w:p heading}{heading}{/heading}')) +
    tagP('{@tableDocx}') +
    tagP('{#lines}') +
    paragraph('FilingSignOffLine', run('{text}')) +
    tagP('{/lines}') +
    tagP('{/signOff}')
  );
}

function documentXml(def: FilingDefinition): string {
  const report = def.layout === 'report';
  const head = report ? frontXml() : letterHeadXml();
  const sections = (def.sections as SectionDef<unknown>[]).map((s, i) => sectionXml(s, i + 1)).join('');
  // Drafts only: the compliance findings, on a page of their own after the last section.
  const draft =
    tagP('{#draftAppendix}') +
    paragraph('Heading1', run('{heading}'), '<w:pageBreakBefore/>') +
    paragraph('FilingHeadingAlt', run('{-w:p headingAlt}{headingAlt}{/headingAlt}')) +
    paragraph('FilingBody', run('{note}')) +
    tagP('{@tableDocx}') +
    tagP('{/draftAppendix}');
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${W_NS}><w:body>` +
    head +
    sections +
    signOffXml() +
    (report ? '' : imprintXml()) +
    draft +
    sectPr(true, report) +
    '</w:body></w:document>'
  );
}

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
  '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>' +
  '<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>' +
  '<Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/>' +
  '<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>' +
  '<Override PartName="/word/footer2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>' +
  '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
  '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>' +
  '</Types>';

const ROOT_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
  '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>' +
  '</Relationships>';

const DOC_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' +
  '<Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>' +
  '<Relationship Id="rIdFonts" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable" Target="fontTable.xml"/>' +
  '<Relationship Id="rIdFooterOdd" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>' +
  '<Relationship Id="rIdFooterEven" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer2.xml"/>' +
  '</Relationships>';

function coreXml(title: string, version: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${xmlEscape(title)}</dc:title><dc:creator>gov-filing-service</dc:creator><cp:keywords>template ${xmlEscape(version)}</cp:keywords>` +
    '<dcterms:created xsi:type="dcterms:W3CDTF">2020-02-01T00:00:00Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">2020-02-01T00:00:00Z</dcterms:modified>' +
    '</cp:coreProperties>'
  );
}

const APP_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" ' +
  'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>gov-filing-service</Application></Properties>';

/** The template as DOCX bytes; deterministic for the same registry and version. */
export function buildDocxTemplate(def: FilingDefinition, opts: { version: string; title: string }): Uint8Array {
  const zip = new PizZip();
  const add = (name: string, content: string) => zip.file(name, content, { date: FIXED_ZIP_DATE, createFolders: false });
  add('[Content_Types].xml', CONTENT_TYPES);
  add('_rels/.rels', ROOT_RELS);
  add('docProps/core.xml', coreXml(opts.title, opts.version));
  add('docProps/app.xml', APP_XML);
  add('word/document.xml', documentXml(def));
  add('word/_rels/document.xml.rels', DOC_RELS);
  add('word/styles.xml', stylesXml());
  add('word/settings.xml', settingsXml());
  add('word/fontTable.xml', fontTableXml());
  add('word/footer1.xml', footerXml('right'));
  add('word/footer2.xml', footerXml('left'));
  return zip.generate({ type: 'uint8array', compression: 'DEFLATE' });
}
