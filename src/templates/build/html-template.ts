// Builds a filing's HTML template (Handlebars source) from its section registry; print CSS follows GB/T 9704.
import type { AnyFilingDefinition as FilingDefinition, SectionDef } from '../../core/filings/index.ts';

/**
 * Font stacks: the official families first (present on the recipient's Windows/WPS machines), then the
 * TrueType CJK families Debian ships, so Chromium embeds CID TrueType subsets with extractable text.
 */
/**
 * Page numbers "— 7 —" on the outer side (GB/T 9704 §7.5): odd numbers right, even left. The cover of a report
 * does not count, so its body page 1 is the second sheet: the sides swap for reports.
 */
function pageNumberCss(layout: 'report' | 'letter'): string {
  const box = (side: 'right' | 'left') =>
    `@bottom-${side} { content: "— " counter(page) " —"; font: 14pt "SimSun", "宋体", "AR PL UMing CN", serif; margin-${side}: 1em; vertical-align: top; padding-top: 7mm; }`;
  const odd = layout === 'report' ? ':left' : ':right';
  const even = layout === 'report' ? ':right' : ':left';
  return `@page ${odd} { ${box('right')} }\n@page ${even} { ${box('left')} }\n@page cover { counter-increment: page 0; @bottom-right { content: none; } @bottom-left { content: none; } }\n`;
}

export const PRINT_CSS = `
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
:root {
  --fangsong: "Times New Roman", "Liberation Serif", "仿宋_GB2312", "FangSong", "仿宋", "AR PL UMing CN", serif;
  --hei: "Times New Roman", "Liberation Serif", "黑体", "SimHei", "WenQuanYi Zen Hei", sans-serif;
  --kai: "Times New Roman", "Liberation Serif", "楷体_GB2312", "KaiTi", "楷体", "LXGW WenKai", "AR PL UKai CN", serif;
  --title: "Times New Roman", "Liberation Serif", "方正小标宋简体", "FZXiaoBiaoSong-B05S", "AR PL UMing CN", serif;
}
html { font-family: var(--fangsong); font-size: 16pt; line-height: 28.95pt; color: #000; }
body { margin: 0; }
p { margin: 0; text-indent: 2em; text-align: justify; }
p.alt { font-style: italic; font-size: 14pt; line-height: 24pt; }
h1, h2, h3, h4, h5 { font-size: 16pt; font-weight: normal; margin: 0; text-indent: 2em; break-after: avoid; break-inside: avoid; }
/* A chapter heading with no text of its own stays with its first sub-section. */
section:has(> h2:only-child) { break-after: avoid; }
.level-1 > h2 { font-family: var(--hei); }
.level-2 > h2 { font-family: var(--kai); }
.level-3 > h2 { font-family: var(--fangsong); }
h2 .alt { display: block; font-family: var(--fangsong); font-style: italic; font-size: 12pt; line-height: 20pt; }
/* Emphasis in 黑体 rather than synthetic bold: CJK faces without a bold weight would be faked into Type 3 fonts. */
h5 { font-family: var(--hei); }
.cover { page: cover; break-after: page; break-inside: avoid; text-align: center; padding-top: 45mm; }
.cover p { text-indent: 0; text-align: center; }
.cover .title { font-family: var(--title); font-size: 22pt; line-height: 36pt; margin: 6mm 0; }
.cover .alt { font-style: italic; font-size: 14pt; line-height: 20pt; }
.cover .unit { margin-top: 45mm; }
.docno { text-align: center; text-indent: 0; margin-bottom: 28.95pt; }
.s-title p { font-family: var(--title); font-size: 22pt; line-height: 36pt; text-align: center; text-indent: 0; margin-bottom: 28.95pt; }
.s-title p.alt { font-family: var(--fangsong); font-size: 14pt; line-height: 22pt; margin-bottom: 14pt; }
.s-addressee p { text-indent: 0; }
.s-attachments { margin-top: 28.95pt; }
.s-attachments p { text-indent: 0; padding-left: 6.5em; text-indent: -1.5em; }
.s-attachments p:first-child { padding-left: 6.5em; text-indent: -4.5em; }
.s-signature p { text-align: right; padding-right: 4em; text-indent: 0; }
.s-signature { margin-top: 28.95pt; }
.s-note { margin-top: 28.95pt; }
table { width: 100%; border-collapse: collapse; margin: 2mm 0 4mm; font-size: 12pt; line-height: 18pt; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { border: 0.5pt solid #000; padding: 1mm 1.5mm; vertical-align: middle; white-space: pre-line; text-align: left; }
th { font-family: var(--hei); text-align: center; font-weight: normal; }
td.a-right { text-align: right; }
td.a-center { text-align: center; }
tr.total td { font-family: var(--hei); }
.draft-appendix { break-before: page; }
.draft-appendix td { white-space: pre-line; font-size: 10.5pt; line-height: 15pt; }
.draft-mark { position: fixed; top: 45%; left: 0; right: 0; text-align: center; font-size: 60pt; color: rgba(200, 0, 0, 0.18); transform: rotate(-30deg); }
`;

const TABLE = (path: string) =>
  `<table><thead><tr>{{#each ${path}.columns}}<th style="width:{{width}}%">{{label}}</th>{{/each}}</tr></thead><tbody>{{#each ${path}.rows}}<tr{{#if total}} class="total"{{/if}}>{{#each cells}}<td class="a-{{align}}">{{text}}</td>{{/each}}</tr>{{/each}}</tbody></table>`;

const DRAFT_APPENDIX = `{{#if draftAppendix}}{{#with draftAppendix}}<section class="draft-appendix level-1"><h2>{{heading}}{{#if headingAlt}}<span class="alt" lang="en">{{headingAlt}}</span>{{/if}}</h2><p>{{note}}</p>${TABLE('table')}</section>{{/with}}{{/if}}\n`;

const BLOCKS = `{{#each blocks}}{{#if p}}<p>{{p.text}}</p>{{/if}}{{#if pAlt}}<p class="alt" lang="en">{{pAlt.text}}</p>{{/if}}{{#if h}}<h5>{{h.text}}</h5>{{/if}}{{#if table}}${TABLE('table')}{{/if}}{{/each}}`;

function sectionHbs(s: SectionDef<unknown>): string {
  const style = s.style ?? 'heading';
  if (style === 'heading') {
    return `{{#if s_${s.id}}}{{#with s_${s.id}}}<section data-section="{{id}}" class="level-{{level}}"><h2>{{heading}}{{#if headingAlt}}<span class="alt" lang="en">{{headingAlt}}</span>{{/if}}</h2>${BLOCKS}</section>{{/with}}{{/if}}\n`;
  }
  return `{{#if s_${s.id}}}{{#with s_${s.id}}}<section data-section="{{id}}" class="s-{{style}}"><p>{{lead}}</p>${BLOCKS}</section>{{/with}}{{/if}}\n`;
}

export function buildHtmlTemplate(def: FilingDefinition): string {
  const head =
    def.layout === 'report'
      ? `<div class="cover"><p class="title">{{doc.title}}</p><p class="title">{{doc.filingName}}</p>{{#if doc.bilingual}}<p class="alt" lang="en">{{doc.titleAlt}}</p><p class="alt" lang="en">{{doc.filingNameAlt}}</p>{{/if}}<p class="unit">{{doc.unit}}</p>{{#if doc.bilingual}}<p class="alt" lang="en">{{doc.unitAlt}}</p>{{/if}}<p>{{doc.dateText}}</p></div>\n`
      : `{{#if doc.docNo}}<p class="docno">{{doc.docNo}}</p>{{/if}}\n`;
  return (
    `<!DOCTYPE html>\n<html lang="{{doc.lang}}">\n<head>\n<meta charset="utf-8">\n` +
    `<title>{{doc.title}} {{doc.filingName}}</title>\n` +
    `<meta name="filing-id" content="{{doc.filingId}}">\n<meta name="template-version" content="{{doc.templateVersion}}">\n<meta name="input-sha256" content="{{doc.inputSha256}}">\n` +
    `<style>${pageNumberCss(def.layout)}${PRINT_CSS}</style>\n</head>\n<body class="layout-${def.layout}">\n` +
    `{{#if doc.draft}}<div class="draft-mark">草稿 DRAFT</div>{{/if}}\n` +
    head +
    (def.sections as SectionDef<unknown>[]).map(sectionHbs).join('') +
    DRAFT_APPENDIX +
    `</body>\n</html>\n`
  );
}
