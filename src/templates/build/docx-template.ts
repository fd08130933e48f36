// Builds a filing's DOCX template (a plain Word document with docxtemplater tags) from its section registry.
// The output is committed under templates/<id>/<version>/ and from then on maintained in Word/WPS as any document.
import PizZip from 'pizzip';
import type { AnyFilingDefinition as FilingDefinition, SectionDef } from '../../core/filings/index.ts';
import { W_NS, mm, orderPPr, paragraph, run, xmlEscape } from '../../render/docx/ooxml.ts';
import { FIXED_ZIP_DATE } from '../../render/docx/docx-package.ts';

const FONT = {
  fangsong: '仿宋_GB2312',
  hei: '黑体',
  kai: '楷体_GB2312',
  xiaobiaosong: '方正小标宋简体',
  song: '宋体',
  latin: 'Times New Roman',
};

/** 22 lines in the 225 mm text block (GB/T 9704 §5.2.2): a fixed line pitch of 28.95 pt. */
const LINE = 579;
const SZ3 = 32; // 3号 = 16 pt
const SZ4 = 28; // 4号 = 14 pt
const SZ2 = 44; // 2号 = 22 pt
const SZ_SMALL4 = 24; // 小四 = 12 pt

function fonts(eastAsia: string, latin = FONT.latin): string {
  return `<w:rFonts w:ascii="${latin}" w:hAnsi="${latin}" w:eastAsia="${eastAsia}" w:cs="${latin}"/>`;
}

function pStyle(id: string, name: string, opts: { basedOn?: string; pPr?: string; rPr?: string; next?: string; outline?: number }): string {
  return (
    `<w:style w:type="paragraph" w:customStyle="1" w:styleId="${id}"><w:name w:val="${name}"/>` +
    (opts.basedOn ? `<w:basedOn w:val="${opts.basedOn}"/>` : '') +
    (opts.next ? `<w:next w:val="${opts.next}"/>` : '') +
    '<w:qFormat/>' +
    `<w:pPr>${orderPPr(`${opts.pPr ?? ''}${opts.outline !== undefined ? `<w:outlineLvl w:val="${opts.outline}"/>` : ''}`)}</w:pPr>` +
    `<w:rPr>${opts.rPr ?? ''}</w:rPr></w:style>`
  );
}

const lineExact = (line = LINE) => `<w:spacing w:before="0" w:after="0" w:line="${line}" w:lineRule="exact"/>`;
const indentFirst = '<w:ind w:firstLineChars="200" w:firstLine="640"/>';
const noIndent = '<w:ind w:firstLineChars="0" w:firstLine="0"/>';
/** Off the 22-line document grid: tables, English sub-lines and cover lines keep their own spacing. */
const offGrid = '<w:snapToGrid w:val="0"/>';

function stylesXml(): string {
  const styles = [
    // Normal: 3号 仿宋, justified, exact line pitch, first-line indent of two characters.
    `<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>` +
      `<w:pPr>${orderPPr(`<w:widowControl w:val="0"/><w:jc w:val="both"/>${lineExact()}${indentFirst}`)}</w:pPr>` +
      `<w:rPr>${fonts(FONT.fangsong)}<w:kern w:val="2"/><w:sz w:val="${SZ3}"/><w:szCs w:val="${SZ3}"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:style>`,
    pStyle('FilingBody', 'Filing Body', { basedOn: 'Normal' }),
    pStyle('FilingBodyAlt', 'Filing Body (English)', { basedOn: 'Normal', rPr: `${fonts(FONT.fangsong)}<w:i/><w:sz w:val="${SZ4}"/><w:szCs w:val="${SZ4}"/>` }),
    // Heading levels of GB/T 9704 §7.3.3: 一、黑体 /（一）楷体 / 1. 仿宋 /（1）仿宋.
    pStyle('Heading1', 'heading 1', { basedOn: 'Normal', next: 'FilingBody', outline: 0, pPr: '<w:keepNext/><w:keepLines/>', rPr: fonts(FONT.hei) }),
    pStyle('Heading2', 'heading 2', { basedOn: 'Normal', next: 'FilingBody', outline: 1, pPr: '<w:keepNext/><w:keepLines/>', rPr: fonts(FONT.kai) }),
    pStyle('Heading3', 'heading 3', { basedOn: 'Normal', next: 'FilingBody', outline: 2, pPr: '<w:keepNext/><w:keepLines/>', rPr: fonts(FONT.fangsong) }),
    pStyle('FilingMinorHeading', 'Filing Minor Heading', { basedOn: 'Normal', pPr: '<w:keepNext/>', rPr: `${fonts(FONT.fangsong)}<w:b/>` }),
    pStyle('FilingHeadingAlt', 'Filing Heading (English)', {
      basedOn: 'Normal',
      pPr: `${offGrid}<w:keepNext/>${lineExact(400)}`,
      rPr: `${fonts(FONT.fangsong)}<w:i/><w:sz w:val="${SZ_SMALL4}"/><w:szCs w:val="${SZ_SMALL4}"/>`,
    }),
    // Letter parts (GB/T 9704 §7.2–7.3).
    pStyle('FilingDocNo', 'Filing Document Number', { basedOn: 'Normal', pPr: `<w:jc w:val="center"/>${noIndent}<w:spacing w:after="${LINE}"/>` }),
    pStyle('FilingTitle', 'Filing Title', {
      basedOn: 'Normal',
      pPr: `<w:jc w:val="center"/>${noIndent}<w:spacing w:before="0" w:after="${LINE}" w:line="${LINE}" w:lineRule="atLeast"/>`,
      rPr: `${fonts(FONT.xiaobiaosong)}<w:sz w:val="${SZ2}"/><w:szCs w:val="${SZ2}"/>`,
    }),
    pStyle('FilingAddressee', 'Filing Addressee', { basedOn: 'Normal', pPr: noIndent }),
    pStyle('FilingClosing', 'Filing Closing', { basedOn: 'Normal' }),
    // 附件：1. name — wrapped lines align under the first character of the name; later items under "1.".
    pStyle('FilingAttachments', 'Filing Attachments', { basedOn: 'Normal', pPr: `<w:spacing w:before="${LINE}"/><w:ind w:left="2080" w:hanging="1440"/>` }),
    pStyle('FilingAttachmentsMore', 'Filing Attachments (continued)', { basedOn: 'Normal', pPr: `<w:spacing w:before="0"/><w:ind w:left="2080" w:hanging="480"/>` }),
    pStyle('FilingSignature', 'Filing Signature', { basedOn: 'Normal', pPr: `<w:jc w:val="right"/><w:ind w:right="1280" w:firstLineChars="0" w:firstLine="0"/>` }),
    pStyle('FilingNote', 'Filing Note', { basedOn: 'Normal', pPr: `<w:spacing w:before="${LINE}"/>` }),
    pStyle('FilingBodyPlain', 'Filing Body (letter)', { basedOn: 'Normal' }),
    // Cover page.
    pStyle('FilingCoverTitle', 'Filing Cover Title', {
      basedOn: 'Normal',
      pPr: `${offGrid}<w:jc w:val="center"/>${noIndent}<w:spacing w:before="240" w:after="240" w:line="720" w:lineRule="atLeast"/>`,
      rPr: `${fonts(FONT.xiaobiaosong)}<w:sz w:val="${SZ2}"/><w:szCs w:val="${SZ2}"/>`,
    }),
    pStyle('FilingCoverAlt', 'Filing Cover (English)', {
      basedOn: 'Normal',
      pPr: `${offGrid}<w:jc w:val="center"/>${noIndent}<w:spacing w:before="120" w:after="120" w:line="400" w:lineRule="atLeast"/>`,
      rPr: `${fonts(FONT.fangsong)}<w:i/><w:sz w:val="${SZ4}"/><w:szCs w:val="${SZ4}"/>`,
    }),
    pStyle('FilingCoverUnit', 'Filing Cover Unit', { basedOn: 'Normal', pPr: `<w:jc w:val="center"/>${noIndent}` }),
    pStyle('FilingCoverSpacer', 'Filing Cover Spacer', { basedOn: 'Normal', pPr: `${offGrid}${noIndent}<w:spacing w:before="0" w:after="0" w:line="2400" w:lineRule="exact"/>` }),
    // Tables: 小四 仿宋 in cells, 黑体 header, single spacing.
    pStyle('FilingTableText', 'Filing Table Text', {
      basedOn: 'Normal',
      pPr: `${offGrid}<w:jc w:val="left"/>${noIndent}<w:spacing w:before="40" w:after="40" w:line="300" w:lineRule="atLeast"/>`,
      rPr: `<w:sz w:val="${SZ_SMALL4}"/><w:szCs w:val="${SZ_SMALL4}"/>`,
    }),
    pStyle('FilingTableHeader', 'Filing Table Header', {
      basedOn: 'FilingTableText',
      pPr: '<w:jc w:val="center"/>',
      rPr: `${fonts(FONT.hei)}<w:sz w:val="${SZ_SMALL4}"/><w:szCs w:val="${SZ_SMALL4}"/>`,
    }),
    pStyle('FilingTableSpacer', 'Filing Table Spacer', { basedOn: 'Normal', pPr: `${offGrid}${noIndent}<w:spacing w:before="0" w:after="0" w:line="200" w:lineRule="exact"/>` }),
    pStyle('Footer', 'footer', {
      basedOn: 'Normal',
      pPr: `${offGrid}${noIndent}<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>`,
      rPr: `${fonts(FONT.song)}<w:sz w:val="${SZ4}"/><w:szCs w:val="${SZ4}"/>`,
    }),
    `<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/>` +
      `<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>`,
    `<w:style w:type="table" w:customStyle="1" w:styleId="FilingTable"><w:name w:val="Filing Table"/><w:basedOn w:val="TableNormal"/>` +
      '<w:tblPr><w:tblBorders>' +
      ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((b) => `<w:${b} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`).join('') +
      '</w:tblBorders></w:tblPr></w:style>',
  ];
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles ${W_NS}>` +
    `<w:docDefaults><w:rPrDefault><w:rPr>${fonts(FONT.fangsong)}<w:sz w:val="${SZ3}"/><w:szCs w:val="${SZ3}"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault>` +
    '<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>' +
    styles.join('') +
    '</w:styles>'
  );
}

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

function settingsXml(): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:settings ${W_NS}>` +
    '<w:zoom w:percent="100"/><w:defaultTabStop w:val="420"/><w:evenAndOddHeaders/>' +
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

/** Loop-free paragraphs of a section's blocks; `bodyStyle` styles its paragraphs. */
function blocksXml(bodyStyle: string): string {
  return (
    tagP('{#blocks}') +
    paragraph(bodyStyle, run('{-w:p p}{text}{/p}')) +
    paragraph('FilingBodyAlt', run('{-w:p pAlt}{text}{/pAlt}')) +
    paragraph('FilingMinorHeading', run('{-w:p h}{text}{/h}')) +
    tagP('{@tableXml}') +
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

function sectionXml(s: SectionDef<unknown>, bookmarkId: number): string {
  const bookmark = `<w:bookmarkStart w:id="${bookmarkId}" w:name="sec_${s.id}"/><w:bookmarkEnd w:id="${bookmarkId}"/>`;
  const style = s.style ?? 'heading';
  if (style === 'heading') {
    return (
      tagP(`{#s_${s.id}}`) +
      paragraph(`Heading${s.level}`, bookmark + run('{heading}')) +
      paragraph('FilingHeadingAlt', run('{-w:p headingAlt}{headingAlt}{/headingAlt}')) +
      blocksXml('FilingBody') +
      tagP(`{/s_${s.id}}`)
    );
  }
  const pStyleId = LETTER_STYLES[style] ?? 'FilingBodyPlain';
  const moreStyle = style === 'attachments' ? 'FilingAttachmentsMore' : pStyleId;
  return tagP(`{#s_${s.id}}`) + paragraph(pStyleId, bookmark + run('{lead}')) + blocksXml(moreStyle) + tagP(`{/s_${s.id}}`);
}

function coverXml(): string {
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
    // The cover is a section of its own: no page number, and the body restarts at "— 1 —".
    paragraph('FilingCoverUnit', run('{doc.dateText}'), sectPr(false, false))
  );
}

function documentXml(def: FilingDefinition): string {
  const head = def.layout === 'report' ? coverXml() : paragraph('FilingDocNo', run('{-w:p doc.docNo}{doc.docNo}{/doc.docNo}'));
  const sections = (def.sections as SectionDef<unknown>[]).map((s, i) => sectionXml(s, i + 1)).join('');
  // Drafts only: the compliance findings, on a page of their own after the last section.
  const draft =
    tagP('{#draftAppendix}') +
    paragraph('Heading1', run('{heading}'), '<w:pageBreakBefore/>') +
    paragraph('FilingHeadingAlt', run('{-w:p headingAlt}{headingAlt}{/headingAlt}')) +
    paragraph('FilingBody', run('{note}')) +
    tagP('{@tableXml}') +
    tagP('{/draftAppendix}');
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${W_NS}><w:body>` +
    head +
    sections +
    draft +
    sectPr(true, def.layout === 'report') +
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
