// The print CSS of the HTML templates (GB/T 9704-2012): A4 with its margins and 22-line grid, the type roles from
// src/render/fonts.ts, headings, tables with captions and 续表 bands, the 目录, the cover, and the 公文 parts.
import { cssStack } from '../../render/fonts.ts';

const LINE = '28.95pt';

/**
 * Page numbers "— 7 —" in 4号宋体 on the outer side (§7.5): odd numbers right, even left. Which physical pages carry
 * odd numbers depends on how many unnumbered front pages (cover, 目录) come first; the PDF render knows that after its
 * first pass and sets `front-odd` or `front-even` on the body, which names the main flow's page type.
 */
function folioCss(): string {
  const box = (side: 'right' | 'left') =>
    `@bottom-${side} { content: "— " counter(page) " —"; font-family: ${cssStack('song')}; font-size: 14pt; margin-${side}: 7mm; vertical-align: top; padding-top: 7mm; }`;
  return [
    `@page main-a:right { ${box('right')} }`,
    `@page main-a:left { ${box('left')} }`,
    `@page main-b:right { ${box('left')} }`,
    `@page main-b:left { ${box('right')} }`,
    '@page front { counter-increment: page 0; @bottom-right { content: none; } @bottom-left { content: none; } }',
  ].join('\n');
}

/** Page, type roles, body text and headings. */
const TEXT_CSS = `
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
${folioCss()}
:root {
  --fangsong: ${cssStack('body')};
  --hei: ${cssStack('hei')};
  --kai: ${cssStack('kai')};
  --title: ${cssStack('title')};
  --latin: ${cssStack('body', true)};
  --latin-hei: ${cssStack('hei', true)};
}
html { font-family: var(--fangsong); font-size: 16pt; line-height: ${LINE}; color: #000; }
body { margin: 0; }
/* Front pages (cover, 目录) carry no number and do not count; the main flow starts at "— 1 —". */
.front { page: front; }
.main { page: main-a; }
.front-even .main { page: main-b; }
p { margin: 0; text-indent: 2em; text-align: justify; text-justify: inter-character; }
[lang="en"], .lang-en { font-family: var(--latin); }
p.alt { font-size: 14pt; line-height: 24pt; text-align: left; }
h1, h2, h3, h4, h5 { font-size: 16pt; font-weight: normal; margin: 0; text-indent: 2em; text-align: left; break-after: avoid; break-inside: avoid; }
section:has(> :is(h1, h2, h3):only-child) { break-after: avoid; }
h1 { font-family: var(--hei); }
h2 { font-family: var(--kai); }
h3, h4 { font-family: var(--fangsong); }
h4 { font-weight: normal; }
:is(h1, h2, h3) .alt { display: block; font-family: var(--latin); font-size: 12pt; line-height: 20pt; text-indent: 2.7em; }
/* English: headings bold, a size above the body, at the margin; the body ranged left (no letter-spaced lines). */
.lang-en { font-size: 12pt; line-height: 18pt; }
.lang-en p { text-indent: 0; text-align: left; margin: 0 0 6pt; }
.lang-en :is(h1, h2, h3, h4) { font-family: var(--latin-hei); font-weight: bold; text-indent: 0; margin: 9pt 0 4pt; }
.lang-en h1 { font-size: 15pt; line-height: 20pt; }
.lang-en h2 { font-size: 13.5pt; line-height: 18pt; }
.lang-en :is(h3, h4) { font-size: 12pt; line-height: 18pt; }
`;

/** Cover and 目录. */
const FRONT_CSS = `/* Cover. */
.cover { break-after: page; text-align: center; padding-top: 45mm; }
.cover p { text-indent: 0; text-align: center; }
.cover .title { font-family: var(--title); font-size: 22pt; line-height: 36pt; margin: 6mm 0; }
/* A long Chinese title may break anywhere rather than run past the block; English titles break between words. */
.lang-zh-CN .cover .title { word-break: break-all; }
.cover .alt { font-size: 14pt; line-height: 20pt; }
.cover .unit { margin-top: 45mm; }
/* 目录: a table of entries, a dotted leader (a border, not dots of text) and the printed page number. */
.toc { break-after: page; }
.toc .toc-title { font-family: var(--title); font-size: 22pt; line-height: 36pt; text-align: center; text-indent: 0; margin: 0 0 ${LINE}; }
table.toc-line { table-layout: auto; font-size: 16pt; line-height: ${LINE}; margin: 0; break-inside: avoid; }
.toc-line td { border: none; padding: 0; vertical-align: bottom; white-space: nowrap; }
.toc-line a { color: inherit; text-decoration: none; }
.toc-line .toc-dots { width: 99%; border-bottom: 1.5pt dotted #000; position: relative; top: -0.35em; }
.toc-line .toc-n { padding-left: 0.3em; text-align: right; min-width: 1.5em; font-family: var(--latin); }
.toc-line .toc-h { padding-right: 0.3em; }
table.toc-1 .toc-h { font-family: var(--hei); }
table.toc-2 .toc-h { padding-left: 1em; }
.toc-line .alt { display: block; font-family: var(--latin); font-size: 11pt; line-height: 15pt; }
.lang-en table.toc-line { font-size: 12pt; line-height: 20pt; }
.lang-en table.toc-1 .toc-h { font-family: var(--latin-hei); font-weight: bold; }
`;

/** Tables. */
const TABLE_CSS = `/* Tables: the first header row is the caption (表1 …), and 续表 on a continuation; rows never split. */
table { width: 100%; border-collapse: collapse; table-layout: fixed; margin: 0 0 4mm; font-size: 12pt; line-height: 18pt; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { border: 0.5pt solid #000; padding: 1mm 1.5mm; vertical-align: middle; white-space: pre-line; text-align: left; overflow-wrap: anywhere; }
th { font-family: var(--hei); text-align: center; font-weight: normal; }
.lang-en th, .lang-en tr.cap th { font-family: var(--latin-hei); font-weight: bold; }
tr.cap th { border: none; font-family: var(--hei); font-weight: normal; font-size: 12pt; line-height: 18pt; padding: 0 0 1.5mm; white-space: pre; overflow: hidden; }
table.cont { break-before: page; }
td.a-right { text-align: right; }
td.a-center { text-align: center; }
.nb { white-space: nowrap; }
tr.total td { font-family: var(--hei); }
.lang-en tr.total td { font-family: var(--latin-hei); font-weight: bold; }
`;

/** Letters, sign-offs, drafts. */
const LETTER_CSS = `/* Letters (公文): 版头, title, addressee, body, closing, 附件说明, 署名 and 成文日期, 附注, 版记. */
.masthead { padding-top: 35mm; }
.masthead .issuer { font-family: var(--title); color: #c00000; font-size: 30pt; line-height: 40pt; text-align: center; text-indent: 0; letter-spacing: 0.05em; margin-bottom: 0; }
.docline { margin-top: calc(2 * ${LINE}); text-indent: 0; text-align: left; }
.docline .docno { padding-left: 1em; }
.docline .signer { float: right; padding-right: 1em; }
.docline .names { font-family: var(--kai); }
.redline { border-top: 1pt solid #c00000; margin: 4mm 0 ${LINE}; }
.docno-plain { text-align: center; text-indent: 0; margin-bottom: ${LINE}; }
.s-title p { font-family: var(--title); font-size: 22pt; line-height: 36pt; text-align: center; text-indent: 0; margin-bottom: ${LINE}; }
.s-title p.alt { font-family: var(--latin); font-size: 14pt; line-height: 22pt; margin-bottom: 14pt; }
.s-addressee p { text-indent: 0; text-align: left; }
/* 署名 and 成文日期 never stand alone on a page (§7.3.5): the closing, 附件说明 and signature move as one with body text. */
.close-group { break-inside: avoid; }
.s-attachments { margin-top: ${LINE}; }
.s-attachments p { text-indent: -1.5em; padding-left: 6.5em; text-align: left; }
.s-attachments p:first-child { text-indent: -4.5em; }
.s-signature { margin-top: ${LINE}; break-inside: avoid; }
.s-signature p { text-align: right; padding-right: 4em; text-indent: 0; }
.s-note { margin-top: ${LINE}; }
.s-note p { text-align: left; }
.imprint { break-inside: avoid; margin-top: ${LINE}; }
.imprint p { text-indent: 0; font-size: 14pt; line-height: 24pt; padding: 0 1em; text-align: left; }
.imprint .rule { border-top: 0.35mm solid #000; }
.imprint .rule-thin { border-top: 0.25mm solid #000; }
.imprint .printline .on { float: right; }
.imprint-break .imprint { break-before: page; }
/* The body filled its even last page: the 版记 goes to the next even page, past a blank one (§7.4.1). */
.imprint-left .imprint { break-before: left; }
/* The signature block and the names under a report. */
.sign-off { margin-top: ${LINE}; break-inside: avoid; }
.sign-off .s-line { text-align: right; text-indent: 0; padding-right: 4em; }
.sign-off .s-line:first-of-type { margin-top: ${LINE}; }
.draft-appendix { break-before: page; }
.draft-appendix td { font-size: 10.5pt; line-height: 15pt; }
.draft-mark { position: fixed; top: 45%; left: 0; right: 0; text-align: center; font-size: 60pt; color: rgba(200, 0, 0, 0.18); transform: rotate(-30deg); }
`;

export function printCss(): string {
  return TEXT_CSS + FRONT_CSS + TABLE_CSS + LETTER_CSS;
}
