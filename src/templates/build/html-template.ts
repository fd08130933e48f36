// Builds a filing's HTML template (Handlebars source) from its section registry; print CSS follows GB/T 9704.
// Reports: cover and 目录 (unnumbered front pages), then the numbered main flow ending in its sign-off; letters (公文):
// 版头 (发文机关标志, 发文字号 and 签发人, red rule), the parts of §7.3, and the 版记 at the foot of the last page.
import type { AnyFilingDefinition as FilingDefinition, SectionDef } from '../../core/filings/index.ts';
import { printCss } from './print-css.ts';

/**
 * A table as render-html.ts binds it: one part, or two when the PDF's first pass found it running onto another page
 * (the second opens a page under its 续表 band). The first header row is the caption band.
 */
const TABLE = (path: string) =>
  `{{#each ${path}.parts}}<table class="{{cls}}"><colgroup>{{#each cols}}<col style="width:{{w}}%">{{/each}}</colgroup><thead>{{#if cap}}<tr class="cap"><th colspan="{{span}}">{{cap}}</th></tr>{{/if}}` +
  `{{#each head}}<tr>{{#each cells}}<th colspan="{{colspan}}" rowspan="{{rowspan}}">{{text}}</th>{{/each}}</tr>{{/each}}</thead><tbody>` +
  `{{#each rows}}<tr id="{{id}}" class="{{cls}}">{{#each cells}}{{#unless covered}}<td class="{{cls}}" rowspan="{{rowspan}}">{{#each segs}}{{#if nb}}<span class="nb">{{t}}</span>{{else}}{{t}}{{/if}}{{/each}}</td>{{/unless}}{{/each}}</tr>{{/each}}` +
  `</tbody></table>{{/each}}`;

const BLOCKS = `{{#each blocks}}{{#if p}}<p>{{p.text}}</p>{{/if}}{{#if pAlt}}<p class="alt" lang="en">{{pAlt.text}}</p>{{/if}}{{#if h}}<h4>{{h.text}}</h4>{{/if}}{{#if table}}${TABLE('table')}{{/if}}{{/each}}`;

const DRAFT_APPENDIX = `{{#if draftAppendix}}{{#with draftAppendix}}<section class="draft-appendix level-1"><h1>{{heading}}{{#if headingAlt}}<span class="alt" lang="en">{{headingAlt}}</span>{{/if}}</h1><p>{{note}}</p>${TABLE('table')}</section>{{/with}}{{/if}}\n`;

/** The sign-off under a report: 落款 lines and, for a committee, its signature table. */
const SIGN_OFF = `{{#if signOff}}{{#with signOff}}<section class="sign-off" id="sign-off">{{#if heading}}<h4>{{heading}}</h4>{{/if}}{{#if table}}${TABLE('table')}{{/if}}{{#each lines}}<p class="s-line">{{text}}</p>{{/each}}</section>{{/with}}{{/if}}\n`;

const heading = (s: SectionDef<unknown>) => `h${s.level}`;

function sectionHbs(s: SectionDef<unknown>): string {
  const style = s.style ?? 'heading';
  if (style === 'heading') {
    const h = heading(s);
    return `{{#if s_${s.id}}}{{#with s_${s.id}}}<section data-section="{{id}}" id="sec_${s.id}" class="level-{{level}}"><${h}>{{heading}}{{#if headingAlt}}<span class="alt" lang="en">{{headingAlt}}</span>{{/if}}</${h}>${BLOCKS}</section>{{/with}}{{/if}}\n`;
  }
  return `{{#if s_${s.id}}}{{#with s_${s.id}}}<section data-section="{{id}}" id="sec_${s.id}" class="s-{{style}}"><p>{{lead}}</p>${BLOCKS}</section>{{/with}}{{/if}}\n`;
}

/** The 目录 lists the first two heading levels (the PDF outline and the DOCX navigation carry all three). */
const TOC_DEPTH = 2;

/** One 目录 line per headed section: linked (so the PDF knows where the heading landed), its printed page number. */
function tocLine(s: SectionDef<unknown>): string {
  if ((s.style ?? 'heading') !== 'heading' || s.level > TOC_DEPTH) return '';
  return (
    `{{#with s_${s.id}}}<table class="toc-line toc-{{level}}"><tr><td class="toc-h"><a href="#sec_${s.id}">{{heading}}</a>{{#if headingAlt}}<span class="alt" lang="en">{{headingAlt}}</span>{{/if}}</td>` +
    `<td class="toc-dots"></td><td class="toc-n">{{page}}</td></tr></table>{{/with}}\n`
  );
}

function reportHead(def: FilingDefinition): string {
  const sections = def.sections as SectionDef<unknown>[];
  return (
    `<div class="front"><div class="cover"><p class="title">{{doc.title}}</p><p class="title">{{doc.filingName}}</p>{{#if doc.bilingual}}<p class="alt" lang="en">{{doc.titleAlt}}</p><p class="alt" lang="en">{{doc.filingNameAlt}}</p>{{/if}}<p class="unit">{{doc.unit}}</p>{{#if doc.bilingual}}<p class="alt" lang="en">{{doc.unitAlt}}</p>{{/if}}<p>{{doc.dateText}}</p></div>\n` +
    `<div class="toc"><p class="toc-title">{{doc.tocTitle}}</p>\n${sections.map(tocLine).join('')}</div></div>\n`
  );
}

const LETTER_HEAD =
  `{{#if doc.issuerMark}}<header class="masthead"><p class="issuer">{{doc.issuerMark}}</p><p class="docline">{{#if doc.signers}}<span class="signer">{{doc.signers}}</span>{{/if}}<span class="docno">{{doc.docNo}}</span></p><div class="redline"></div></header>` +
  `{{else}}{{#if doc.docNo}}<p class="docno-plain">{{doc.docNo}}</p>{{/if}}{{/if}}\n`;

/** 版记 (§7.4): between a first and a last rule, 抄送 above a thin rule, then 印发机关 and 印发日期. */
const IMPRINT =
  `{{#if doc.printedBy}}<div id="body-end"></div><footer class="imprint" id="imprint" style="margin-top:{{doc.imprintGap}}mm"><div class="rule"></div>{{#if doc.copyTo}}<p class="copyto">{{doc.copyTo}}</p><div class="rule-thin"></div>{{/if}}` +
  `<p class="printline"><span class="on">{{doc.printedOn}}</span><span class="by">{{doc.printedBy}}</span></p><div class="rule"></div></footer><div id="imprint-end"></div>{{/if}}\n`;

export function buildHtmlTemplate(def: FilingDefinition): string {
  const report = def.layout === 'report';
  // A letter's closing, 附件说明 and signature move as one block with the closing line (§7.3.5: the 署名 and 成文日期
  // never stand alone on a page).
  const sections = (def.sections as SectionDef<unknown>[])
    .map((s) => (s.style === 'closing' ? '<div class="close-group">\n' : '') + sectionHbs(s) + (s.style === 'signature' ? '</div>\n' : ''))
    .join('');
  return (
    `<!DOCTYPE html>\n<html lang="{{doc.lang}}">\n<head>\n<meta charset="utf-8">\n` +
    `<title>{{doc.title}} {{doc.filingName}}</title>\n` +
    `<meta name="filing-id" content="{{doc.filingId}}">\n<meta name="template-version" content="{{doc.templateVersion}}">\n<meta name="input-sha256" content="{{doc.inputSha256}}">\n` +
    `<style>${printCss()}</style>\n</head>\n<body class="layout-${def.layout} lang-{{doc.lang}} {{doc.print}}">\n` +
    `{{#if doc.draft}}<div class="draft-mark">草稿 DRAFT</div>{{/if}}\n` +
    (report ? reportHead(def) : '') +
    `<div class="main">\n` +
    (report ? '' : LETTER_HEAD) +
    sections +
    SIGN_OFF +
    (report ? '' : IMPRINT) +
    DRAFT_APPENDIX +
    `</div>\n</body>\n</html>\n`
  );
}
