// The styles of the DOCX templates (GB/T 9704-2012): 3号仿宋 body on a 22-line grid, headings 黑体/楷体/仿宋 with
// outline levels, the 目录, captions, tables, the 公文 parts (版头, 版记), the cover, and English variants (`<id>En`).
import { W_NS, orderPPr } from '../../render/docx/ooxml.ts';
import { FONT_ROLES } from '../../render/fonts.ts';

export const DOCX_FONTS = {
  fangsong: FONT_ROLES.body.docx,
  hei: FONT_ROLES.hei.docx,
  kai: FONT_ROLES.kai.docx,
  xiaobiaosong: FONT_ROLES.title.docx,
  song: FONT_ROLES.song.docx,
  latin: FONT_ROLES.latin.docx,
};
const FONT = DOCX_FONTS;

/** 22 lines in the 225 mm text block (GB/T 9704 §5.2.2): a fixed line pitch of 28.95 pt. */
const LINE = 579;
const SZ3 = 32; // 3号 = 16 pt
const SZ4 = 28; // 4号 = 14 pt
const SZ2 = 44; // 2号 = 22 pt
const SZ_SMALL4 = 24; // 小四 = 12 pt
const SZ_ISSUER = 60; // 发文机关标志, 30 pt
const RED = 'C00000';

/** East Asian text takes the CJK face even for “” and —, which Word would otherwise set in the Latin font. */
function fonts(eastAsia: string, latin = FONT.latin): string {
  return `<w:rFonts w:ascii="${latin}" w:hAnsi="${latin}" w:eastAsia="${eastAsia}" w:cs="${latin}" w:hint="eastAsia"/>`;
}
const latinFonts = (eastAsia: string) => `<w:rFonts w:ascii="${FONT.latin}" w:hAnsi="${FONT.latin}" w:eastAsia="${eastAsia}" w:cs="${FONT.latin}"/>`;
const size = (half: number) => `<w:sz w:val="${half}"/><w:szCs w:val="${half}"/>`;

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
const noIndent = '<w:ind w:left="0" w:firstLineChars="0" w:firstLine="0"/>';
/** Off the 22-line document grid: tables, English lines and cover lines keep their own spacing. */
const offGrid = '<w:snapToGrid w:val="0"/>';

function headingStyles(): string[] {
  const h = (n: number, font: string) => pStyle(`Heading${n}`, `heading ${n}`, { basedOn: 'Normal', next: 'FilingBody', outline: n - 1, pPr: '<w:keepNext/><w:keepLines/>', rPr: fonts(font) });
  // English: Times New Roman bold, a size above the 12 pt body, at the margin.
  const en = (n: number, half: number) =>
    pStyle(`Heading${n}En`, `heading ${n} (English)`, {
      basedOn: 'Normal',
      next: 'FilingBodyEn',
      outline: n - 1,
      pPr: `${offGrid}<w:keepNext/><w:keepLines/><w:jc w:val="left"/><w:spacing w:before="180" w:after="80" w:line="300" w:lineRule="atLeast"/>${noIndent}`,
      rPr: `${latinFonts(FONT.hei)}<w:b/><w:bCs/>${size(half)}`,
    });
  return [
    // GB/T 9704 §7.3.3: 一、黑体 /（一）楷体 / 1. 仿宋 /（1）仿宋; the fourth level carries an outline level too.
    h(1, FONT.hei),
    h(2, FONT.kai),
    h(3, FONT.fangsong),
    pStyle('Heading4', 'heading 4', { basedOn: 'Normal', next: 'FilingBody', outline: 3, pPr: '<w:keepNext/>', rPr: fonts(FONT.hei) }),
    en(1, 30),
    en(2, 27),
    en(3, SZ_SMALL4),
    en(4, SZ_SMALL4),
    pStyle('FilingHeadingAlt', 'Filing Heading (English)', { basedOn: 'Normal', pPr: `${offGrid}<w:keepNext/>${lineExact(400)}`, rPr: `${latinFonts(FONT.fangsong)}<w:i/>${size(SZ_SMALL4)}` }),
  ];
}

function bodyStyles(): string[] {
  return [
    pStyle('FilingBody', 'Filing Body', { basedOn: 'Normal' }),
    pStyle('FilingBodyEn', 'Filing Body (English document)', {
      basedOn: 'Normal',
      pPr: `${offGrid}<w:jc w:val="left"/><w:spacing w:before="0" w:after="120" w:line="360" w:lineRule="auto"/>${noIndent}`,
      rPr: `${latinFonts(FONT.fangsong)}${size(SZ_SMALL4)}`,
    }),
    pStyle('FilingBodyAlt', 'Filing Body (English)', { basedOn: 'Normal', pPr: `${offGrid}<w:jc w:val="left"/><w:spacing w:before="0" w:after="0" w:line="400" w:lineRule="atLeast"/>`, rPr: `${latinFonts(FONT.fangsong)}${size(SZ4)}` }),
    pStyle('FilingMinorHeading', 'Filing Minor Heading', { basedOn: 'Normal', pPr: '<w:keepNext/>', rPr: `${fonts(FONT.fangsong)}<w:b/>` }),
    pStyle('FilingCaption', 'Filing Caption', { basedOn: 'Normal', pPr: `${offGrid}<w:keepNext/><w:jc w:val="center"/>${noIndent}<w:spacing w:before="60" w:after="60" w:line="300" w:lineRule="atLeast"/>`, rPr: `${fonts(FONT.hei)}${size(SZ_SMALL4)}` }),
  ];
}

function letterStyles(): string[] {
  return [
    pStyle('FilingIssuer', 'Filing Issuer Mark', {
      basedOn: 'Normal',
      pPr: `${offGrid}<w:jc w:val="center"/>${noIndent}<w:spacing w:before="${Math.round((35 / 25.4) * 1440)}" w:after="0" w:line="800" w:lineRule="atLeast"/>`,
      rPr: `${fonts(FONT.xiaobiaosong)}<w:color w:val="${RED}"/>${size(SZ_ISSUER)}`,
    }),
    // 发文字号 at the left (one character in), 签发人 at the right on the same line, a red rule 4 mm below (§7.2.4–7.2.6).
    pStyle('FilingDocLine', 'Filing Document Number Line', {
      basedOn: 'Normal',
      pPr: `<w:pBdr><w:bottom w:val="single" w:sz="12" w:space="4" w:color="${RED}"/></w:pBdr><w:tabs><w:tab w:val="right" w:pos="8520"/></w:tabs><w:spacing w:before="${LINE * 2}" w:after="${LINE}"/><w:ind w:left="320" w:right="0" w:firstLine="0"/>`,
    }),
    pStyle('FilingDocNo', 'Filing Document Number', { basedOn: 'Normal', pPr: `<w:jc w:val="center"/>${noIndent}<w:spacing w:after="${LINE}"/>` }),
    pStyle('FilingTitle', 'Filing Title', {
      basedOn: 'Normal',
      pPr: `<w:jc w:val="center"/>${noIndent}<w:spacing w:before="0" w:after="${LINE}" w:line="${LINE}" w:lineRule="atLeast"/>`,
      rPr: `${fonts(FONT.xiaobiaosong)}${size(SZ2)}`,
    }),
    pStyle('FilingAddressee', 'Filing Addressee', { basedOn: 'Normal', pPr: `<w:jc w:val="left"/>${noIndent}` }),
    pStyle('FilingClosing', 'Filing Closing', { basedOn: 'Normal', pPr: '<w:keepNext/>' }),
    // 附件：1. name — wrapped lines align under the first character of the name; later items under "1.".
    pStyle('FilingAttachments', 'Filing Attachments', { basedOn: 'Normal', pPr: `<w:keepNext/><w:jc w:val="left"/><w:spacing w:before="${LINE}"/><w:ind w:left="2080" w:hanging="1440"/>` }),
    pStyle('FilingAttachmentsMore', 'Filing Attachments (continued)', { basedOn: 'Normal', pPr: `<w:keepNext/><w:jc w:val="left"/><w:spacing w:before="0"/><w:ind w:left="2080" w:hanging="480"/>` }),
    pStyle('FilingSignature', 'Filing Signature', { basedOn: 'Normal', pPr: `<w:keepNext/><w:keepLines/><w:jc w:val="right"/><w:ind w:right="1280" w:firstLineChars="0" w:firstLine="0"/>` }),
    pStyle('FilingNote', 'Filing Note', { basedOn: 'Normal', pPr: `<w:jc w:val="left"/><w:spacing w:before="${LINE}"/>` }),
    pStyle('FilingBodyPlain', 'Filing Body (letter)', { basedOn: 'Normal' }),
    // 版记 (§7.4): 4号仿宋 one character in from each side, between rules; set at the foot of the last page.
    pStyle('FilingImprint', 'Filing Imprint', {
      basedOn: 'Normal',
      pPr: `<w:framePr w:wrap="notBeside" w:vAnchor="margin" w:hAnchor="margin" w:yAlign="bottom" w:xAlign="center"/><w:pBdr><w:top w:val="single" w:sz="8" w:space="1" w:color="000000"/><w:bottom w:val="single" w:sz="8" w:space="1" w:color="000000"/><w:between w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr><w:tabs><w:tab w:val="right" w:pos="8520"/></w:tabs>${offGrid}<w:jc w:val="left"/><w:spacing w:before="0" w:after="0" w:line="480" w:lineRule="exact"/><w:ind w:left="280" w:right="280" w:firstLine="0"/>`,
      rPr: size(SZ4),
    }),
    pStyle('FilingSignOffLine', 'Filing Sign-off Line', { basedOn: 'Normal', pPr: `<w:keepNext/><w:jc w:val="right"/><w:ind w:right="1280" w:firstLineChars="0" w:firstLine="0"/>` }),
  ];
}

function frontStyles(): string[] {
  const toc = (n: number) =>
    pStyle(`TOC${n}`, `toc ${n}`, {
      basedOn: 'Normal',
      next: 'Normal',
      pPr: `<w:tabs><w:tab w:val="right" w:leader="dot" w:pos="8840"/></w:tabs><w:jc w:val="left"/><w:ind w:left="${(n - 1) * 320}" w:firstLineChars="0" w:firstLine="0"/>`,
      ...(n === 1 ? { rPr: fonts(FONT.hei) } : {}),
    });
  return [
    pStyle('FilingTocTitle', 'Filing Contents Title', { basedOn: 'Normal', pPr: `<w:pageBreakBefore/><w:jc w:val="center"/>${noIndent}<w:spacing w:after="${LINE}"/>`, rPr: `${fonts(FONT.xiaobiaosong)}${size(SZ2)}` }),
    toc(1),
    toc(2),
    toc(3),
    pStyle('FilingCoverTitle', 'Filing Cover Title', {
      basedOn: 'Normal',
      pPr: `${offGrid}<w:jc w:val="center"/>${noIndent}<w:spacing w:before="240" w:after="240" w:line="720" w:lineRule="atLeast"/>`,
      rPr: `${fonts(FONT.xiaobiaosong)}${size(SZ2)}`,
    }),
    pStyle('FilingCoverAlt', 'Filing Cover (English)', { basedOn: 'Normal', pPr: `${offGrid}<w:jc w:val="center"/>${noIndent}<w:spacing w:before="120" w:after="120" w:line="400" w:lineRule="atLeast"/>`, rPr: `${latinFonts(FONT.fangsong)}${size(SZ4)}` }),
    pStyle('FilingCoverUnit', 'Filing Cover Unit', { basedOn: 'Normal', pPr: `<w:jc w:val="center"/>${noIndent}` }),
    pStyle('FilingCoverSpacer', 'Filing Cover Spacer', { basedOn: 'Normal', pPr: `${offGrid}${noIndent}<w:spacing w:before="0" w:after="0" w:line="2400" w:lineRule="exact"/>` }),
  ];
}

function tableStyles(): string[] {
  return [
    pStyle('FilingTableText', 'Filing Table Text', { basedOn: 'Normal', pPr: `${offGrid}<w:jc w:val="left"/>${noIndent}<w:spacing w:before="40" w:after="40" w:line="300" w:lineRule="atLeast"/>`, rPr: size(SZ_SMALL4) }),
    pStyle('FilingTableHeader', 'Filing Table Header', { basedOn: 'FilingTableText', pPr: '<w:jc w:val="center"/>', rPr: `${fonts(FONT.hei)}${size(SZ_SMALL4)}` }),
    pStyle('FilingTableSpacer', 'Filing Table Spacer', { basedOn: 'Normal', pPr: `${offGrid}${noIndent}<w:spacing w:before="0" w:after="0" w:line="200" w:lineRule="exact"/>` }),
    pStyle('Footer', 'footer', { basedOn: 'Normal', pPr: `${offGrid}${noIndent}<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>`, rPr: `${fonts(FONT.song)}${size(SZ4)}` }),
    `<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/>` +
      `<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>`,
    `<w:style w:type="table" w:customStyle="1" w:styleId="FilingTable"><w:name w:val="Filing Table"/><w:basedOn w:val="TableNormal"/>` +
      '<w:tblPr><w:tblBorders>' +
      ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((b) => `<w:${b} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`).join('') +
      '</w:tblBorders></w:tblPr></w:style>',
  ];
}

export function stylesXml(): string {
  const normal =
    `<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>` +
    `<w:pPr>${orderPPr(`<w:widowControl w:val="0"/><w:jc w:val="both"/>${lineExact()}${indentFirst}`)}</w:pPr>` +
    `<w:rPr>${fonts(FONT.fangsong)}<w:kern w:val="2"/>${size(SZ3)}<w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:style>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles ${W_NS}>` +
    `<w:docDefaults><w:rPrDefault><w:rPr>${fonts(FONT.fangsong)}${size(SZ3)}<w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault>` +
    '<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>' +
    [normal, ...bodyStyles(), ...headingStyles(), ...letterStyles(), ...frontStyles(), ...tableStyles()].join('') +
    '</w:styles>'
  );
}
