// The HTML lint reads a template as the browser does: character references and CSS escapes decoded before judging,
// an allow-list of elements, attributes, URL schemes and CSS. Each form of walking around the lint, and its variants.
import { describe, expect, it } from 'vitest';
import { filingById } from '../../core/filings/index.ts';
import { buildHtmlTemplate } from '../build/html-template.ts';
import { lintHtmlTemplate } from './lint-html.ts';
import type { LintProblem } from './problem.ts';

const filing = filingById('acceptance-extension')!;
const base = buildHtmlTemplate(filing);
const withBody = (extra: string) => base.replace(/(<body[^>]*>\n)/, `$1${extra}\n`);
const lint = (extra: string) => lintHtmlTemplate(withBody(extra), { filing });
const codes = (problems: LintProblem[]) => problems.map((p) => p.code);
/** Each snippet alone: the codes it is refused with. */
const each = (snippets: readonly string[]) => snippets.map((x) => codes(lint(x)));

describe('character references are decoded before judging', () => {
  it('in URL attributes: http&#58;// and other encodings of an outside address', () => {
    const forms = ['<img src="http&#58;//x.example/a.png">', '<img src="&#x68;ttp://x.example/a.png">', '<img src="http&colon;//x.example/a.png">', '<img src="&#104;&#116;&#116;&#112;&#115;&#58;//x.example">', '<a href="&#x2F;&#x2F;x.example/">x</a>'];
    expect(each(forms)).toEqual(forms.map(() => ['external_url']));
    expect(lint(forms[0]!)[0]!.explanation.en).toMatch(/http:\/\/x\.example\/a\.png/);
  });

  it('<meta http-equiv=refresh> however it is written', () => {
    const forms = ['<meta http-equiv="&#x72;efresh" content="0;url=https://x.example">', '<meta http-equiv="refresh" content="0">', '<META HTTP-EQUIV=Refresh CONTENT=0>', '<meta http-equiv=" &#82;EFRESH ">', '<meta content="0" http-equiv=\'refresh\'>'];
    expect(each(forms)).toEqual(forms.map(() => ['meta_refresh']));
    expect(codes(lint('<meta http-equiv="content-security-policy" content="x">'))).toEqual(['forbidden_attribute']);
    expect(codes(lint('<meta charset="ISO-2022-JP"><meta charset=" UTF8 ">'))).toEqual(['meta_charset']);
  });

  it('javascript: and vbscript: URLs in any case, with whitespace or references', () => {
    const forms = ['<a href="javascript:alert(1)">x</a>', '<a href="JaVaScRiPt:alert(1)">x</a>', '<a href=" java\tscript:alert(1)">x</a>', '<a href="java&#x09;script:alert(1)">x</a>', '<a href="java&Tab;script:x">x</a>', '<a href="&#10;javascript:x">x</a>', '<a href="&#106;avascript:x">x</a>', '<a href="vbscript:x">x</a>', '<a href="VBScript:x">x</a>', '<img src="javascript:x">'];
    expect(each(forms)).toEqual(forms.map(() => ['script_url']));
  });

  it('what is allowed: in-document links, embedded raster images, references in text', () => {
    const ok = ['<a href="#approval">x</a>', '<a href="&#35;approval">x</a>', '<img src="data:image/png;base64,iVBORw0KGgo=" alt="seal" width="40">', '<img src=" DATA:image/JPEG;base64,/9j/4AAQ">', '<p>see http&#58;//x.example &amp; javascript:x</p>'];
    expect(each(ok)).toEqual(ok.map(() => []));
  });
});

describe('CSS is tokenized, escapes decoded', () => {
  it('escapes in url( and @import', () => {
    expect(codes(lint('<style>.a { background: \\75 rl(http://x.example/a.png) }</style>'))).toEqual(['css_url']);
    expect(codes(lint('<style>.a { background: U\\52L(//x.example/a.png) }</style>'))).toEqual(['css_url']);
    expect(codes(lint('<style>.a { background: u\\rl("https://x.example") }</style>'))).toEqual(['css_url']);
    expect(codes(lint('<p style="b\\61 ckground: \\75 rl(http://x.example)">x</p>'))).toEqual(['css_url']);
    expect(codes(lint('<p style="background: url(&quot;http://x.example&quot;)">x</p>'))).toEqual(['css_url']);
    for (const imp of ['@import "x.css";', '@\\69mport url(x.css);', '@IMPORT "x.css";', '@im\\70 ort "x";']) expect(codes(lint(`<style>${imp} p { color: red }</style>`)), imp).toContain('css_import');
  });

  it('<style/> starts a style sheet all the same, as in the browser', () => {
    expect(codes(lint('<style/>p { background: url(https://x.example/a.png) }</style>'))).toEqual(['css_url']);
  });

  it('image-set(), image(), cross-fade() and url() to anything but an embedded raster image or a #fragment', () => {
    const forms = ['p { background: image-set("a.png" 1x) }', 'p { background: -webkit-image-set(url(data:image/png;base64,AA) 1x) }', 'p { background: IMAGE-SET("a.png" 1x) }', 'p { background: image("a.png") }', 'p { background: cross-fade(url(#a), url(#b), 50%) }'];
    expect(each(forms.map((f) => `<style>${f}</style>`))).toEqual(forms.map(() => ['css_function']));
    expect(codes(lint('<style>p { background: url("data:image/png;base64,AA") } q { background: url(#grad) }</style>'))).toEqual([]);
  });

  it('@font-face and its src: fonts are named by family only', () => {
    expect(codes(lint('<style>@font-face { font-family: X; src: url(https://x.example/x.woff2) }</style>'))).toEqual(['css_at_rule', 'css_property', 'css_url']);
    expect(codes(lint('<style>@font-face { font-family: X; src: local(Arial) }</style>'))).toEqual(['css_at_rule', 'css_property', 'css_function']);
    expect(codes(lint('<style>p { font-family: "仿宋_GB2312", FangSong, serif; font: 12pt/1.5 "SimSun" }</style>'))).toEqual([]);
  });

  it('only allow-listed at-rules, properties and functions', () => {
    expect(codes(lint('<style>@media print { p { color: red } } @supports (display: grid) { } @namespace svg url(x);</style>'))).toEqual(['css_at_rule', 'css_nested_rule', 'css_at_rule', 'css_at_rule', 'css_url']);
    expect(codes(lint('<p style="behavior: x; -webkit-mask-image: none; cursor: pointer; list-style-image: none">x</p>'))).toEqual(['css_property', 'css_property', 'css_property', 'css_property']);
    expect(codes(lint('<p style="width: env(safe-area-inset-left); --x: image-set(&quot;a.png&quot; 1x)">x</p>'))).toEqual(['css_function', 'css_function']);
    const page = '<style>@page :first { size: A4; margin: 30mm; @top-center { content: "— " counter(page) " —"; font: 12pt serif } } body { counter-reset: n; } h2::before { counter-increment: n; content: counter(n) "、" } .x { transform: rotate(-30deg); color: rgba(200, 0, 0, 0.18) }</style>';
    expect(codes(lint(page))).toEqual([]);
    expect(codes(lint('<style>@page { @top-center { content: url(https://x.example/logo.png) } }</style>'))).toEqual(['css_url']);
  });
});

describe('elements and attributes on the allow-list only', () => {
  it('SVG <image> and <use>, with href or xlink:href', () => {
    const svg = lint('<svg><image href="https://x.example/a.png"/><use xlink:href="https://x.example/s.svg#a"/></svg>');
    expect(svg.map((p) => [p.code, p.tag])).toEqual([
      ['forbidden_element', '<svg'],
      ['forbidden_element', '<image'],
      ['forbidden_element', '<use'],
    ]);
    expect(codes(lint('<SVG><IMAGE HREF="x"/></SVG>'))).toEqual(['forbidden_element', 'forbidden_element']);
  });

  it('a data: SVG, HTML or CSS, however its URL is encoded', () => {
    const svg = '%3Csvg%20xmlns%3D%22http%3A%2F%2Fwww.w3.org%2F2000%2Fsvg%22%3E%3Cimage%20href%3D%22https%3A%2F%2Fx.example%2Fa.png%22%2F%3E%3C%2Fsvg%3E';
    const forms = [`<img src="data:image/svg+xml,${svg}">`, '<img src="data:image/svg+xml;base64,PHN2Zy8+">', `<img src="DATA:Image/SVG+XML;utf8,${svg}">`, '<img src="data:text/html,%3Cscript%3E">', '<img src="data:image/png">', `<p style="background: url('data:image/svg+xml,${svg}')">x</p>`];
    expect(each(forms)).toEqual(forms.map(() => ['data_url_not_allowed']));
  });

  it('<link>, <base>, <object>, <embed>, <iframe>, <script> and friends, in any case', () => {
    const forms = ['<link rel="stylesheet" href="x.css">', '<LINK REL=icon HREF=x.ico>', '<base href="https://x.example/">', '<object data="x.pdf"></object>', '<embed src="x.swf">', '<iframe src="about:blank"></iframe>', '<script>1</script>', '<video poster="x.png"></video>', '<frameset></frameset>', '<marquee>x</marquee>'];
    expect(each(forms)).toEqual(forms.map(() => ['forbidden_element']));
  });

  it('srcset and other attributes that load, event handlers, and attributes not on the list', () => {
    const forms = ['<img src="data:image/png;base64,AA" srcset="https://x.example/a.png 2x">', '<img src="data:image/png;base64,AA" SRCSET="a.png 2x">', '<p background="x.png">x</p>', '<td onclick="x">x</td>', '<p ONMOUSEOVER="x">x</p>', '<a href="#x" ping="https://x.example">x</a>', '<p xmlns:xlink="http://www.w3.org/1999/xlink">x</p>'];
    expect(each(forms)).toEqual(forms.map(() => ['forbidden_attribute']));
  });
});

describe('Handlebars cannot hide HTML from the lint', () => {
  it('mustaches in href, src and style values, however written', () => {
    const forms = ['<a href="{{doc.unit}}">x</a>', '<img src="data:image/png;base64,{{doc.docNo}}">', '<p style="color: {{doc.lang}}">x</p>', '<a href="#{{doc.docNo}}">x</a>', '<a href="{{#if doc.draft}}javascript:{{/if}}#x">x</a>', '<img src="http&{{#if doc.draft}}{{/if}}#58;//x.example">'];
    for (const f of forms) expect([...new Set(codes(lint(f)))], f).toEqual(['mustache_in_attribute']);
  });

  it('a block or value that would join into a tag or an attribute name at run time', () => {
    const forms = ['<{{#if doc.draft}}{{/if}}script>alert(1)</script>', '<p {{#if doc.draft}}{{/if}}onclick="x">x</p>', '<p cl{{#if doc.draft}}ass{{/if}}="a">x</p>', '<p>x</p{{#if doc.draft}}{{/if}}>', '<p>a <scr{{#if doc.draft}}{{/if}}ipt>x</p>', '<p>a </{{doc.lang}}p>'];
    for (const f of forms) expect(codes(lint(f)).filter((c) => c === 'hbs_splits_markup' || c === 'mustache_in_tag'), f).not.toEqual([]);
  });

  it('Handlebars inside an HTML comment, <style> or <title>-like raw text', () => {
    expect(codes(lint('<!-- {{#if doc.draft}} -{{/if}}-> <img src="https://x.example/a.png"> -->'))).toEqual(['handlebars_in_comment', 'handlebars_in_comment']);
    expect(codes(lint('<style>{{#if doc.draft}}p { color: red }{{/if}}</style>'))).toEqual(['mustache_in_style', 'mustache_in_style']);
  });

  it('blocks where they only add or drop whole attributes, text or elements are fine', () => {
    const ok = ['<p class="a {{#if doc.draft}}b{{/if}}">x</p>', '<p>AT&T{{doc.unit}} R&amp;D</p>', '<p{{#if doc.draft}} class="draft"{{/if}}>x</p>', '<p>{{#if doc.draft}}<span lang="en">{{doc.titleAlt}}</span>{{/if}}</p>', '<img src="data:image/png;base64,AA" alt="{{doc.title}}">', '{{!-- a comment with <script> --}}'];
    expect(each(ok)).toEqual(ok.map(() => []));
  });
});
