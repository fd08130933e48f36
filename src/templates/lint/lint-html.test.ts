// The HTML (Handlebars) linter on templates built by the generator and then broken on purpose.
import { describe, expect, it } from 'vitest';
import type { FilingDefinition, SectionDef } from '../../core/filings/index.ts';
import { FILINGS, filingById } from '../../core/filings/index.ts';
import { buildHtmlTemplate } from '../build/html-template.ts';
import { lintHtmlTemplate } from './lint-html.ts';
import type { LintProblem } from './problem.ts';

const filing = filingById('acceptance-extension')!;
const base = buildHtmlTemplate(filing);
const lint = (source: string, def: FilingDefinition = filing, date?: string) => lintHtmlTemplate(source, { filing: def, ...(date ? { date } : {}) });
const codes = (problems: LintProblem[]) => problems.map((p) => p.code);
const pairs = (problems: LintProblem[]) => problems.map((p) => [p.code, p.tag]);
/** The template with `extra` added at the top of <body>. */
const withBody = (extra: string, source = base) => source.replace(/(<body[^>]*>\n)/, `$1${extra}\n`);
/** The template with extra markup inside a section's <section> element. */
const inSection = (id: string, extra: string, source = base) => {
  const open = source.indexOf(`{{#if s_${id}}}`);
  const at = source.indexOf('>', source.indexOf('<section ', open)) + 1;
  return source.slice(0, at) + extra + source.slice(at);
};
const sectionLine = (id: string, source = base) => source.split('\n').find((l) => l.startsWith(`{{#if s_${id}}}`))!;

describe('lintHtmlTemplate: sound templates', () => {
  it('every generated template lints clean, for every filing', () => {
    for (const def of FILINGS) expect(lint(buildHtmlTemplate(def), def), def.id).toEqual([]);
  });

  it('a server-computed number in style= is allowed (table column widths)', () => {
    expect(base).toContain('style="width:{{w}}%"');
    expect(lint(base)).toEqual([]);
  });
});

describe('lintHtmlTemplate: compile and helpers', () => {
  it('reports a syntax error with its line', () => {
    const p = lint(withBody('{{#if doc.draft}}<p>never closed</p>'));
    expect(codes(p)).toEqual(['hbs_syntax_error']);
    expect(p[0]!.explanation.en).toMatch(/line \d+/);
  });

  it('refuses deeply nested blocks before the parser sees them (its cost grows faster than linearly)', () => {
    const nested = (n: number) => withBody('{{#if doc.draft}}'.repeat(n) + 'x' + '{{/if}}'.repeat(n));
    const t0 = performance.now();
    expect(codes(lint(nested(20_000)))).toEqual(['template_too_deep']);
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(codes(lint(nested(33)))).toEqual(['template_too_deep']);
    expect(lint(nested(20))).toEqual([]);
  });

  it('reports an unknown helper (knownHelpersOnly)', () => {
    const p = lint(withBody('<p>{{exec "id"}}</p>'));
    expect(pairs(p)).toEqual([['unknown_helper', 'exec']]);
  });

  it('refuses helperMissing and blockHelperMissing', () => {
    const p = lint(withBody('{{helperMissing}}{{#blockHelperMissing .}}x{{/blockHelperMissing}}'));
    expect(codes(p)).toEqual(['helper_missing_call', 'helper_missing_call']);
  });

  it('refuses lookup (and dynamic partials built on it)', () => {
    const p = lint(withBody('{{lookup this "constructor"}}{{> (lookup . "payload")}}'));
    expect(codes(p)).toEqual(['dynamic_lookup', 'dynamic_partial', 'dynamic_lookup']);
  });

  it('refuses any partial, and partial blocks and decorators', () => {
    expect(codes(lint(withBody('{{> widget}}')))).toEqual(['partial_not_allowed']);
    expect(codes(lint(withBody('{{#> layout}}x{{/layout}}')))).toEqual(['partial_not_allowed']);
    expect(codes(lint(withBody('{{> @partial-block}}')))).toEqual(['partial_not_allowed']);
    expect(codes(lint(withBody('{{#*inline "x"}}y{{/inline}}')))).toContain('decorator_not_allowed');
  });

  it('refuses unescaped output: triple-stash and {{& …}}', () => {
    const p = lint(withBody('<p>{{{doc.title}}}</p><p>{{& doc.unit}}</p>'));
    expect(pairs(p)).toEqual([
      ['unescaped_output', '{{{doc.title}}}'],
      ['unescaped_output', '{{& doc.unit}}'],
    ]);
  });
});

describe('lintHtmlTemplate: where mustaches stand', () => {
  it('refuses caller text in style=, href=, src= and event attributes', () => {
    const p = lint(withBody('<p style="color: {{doc.title}}">a</p><a href="{{doc.unit}}">b</a><img src="data:image/png;base64,{{doc.docNo}}"><p onclick="{{doc.title}}">c</p>'));
    expect(pairs(p)).toEqual([
      ['mustache_in_attribute', '{{doc.title}}'],
      ['mustache_in_attribute', '{{doc.unit}}'],
      ['mustache_in_attribute', '{{doc.docNo}}'],
      ['mustache_in_attribute', '{{doc.title}}'],
      ['forbidden_attribute', 'onclick'],
    ]);
    expect(p[0]!.explanation.en).toMatch(/style= attribute of <p>/);
  });

  it('refuses mustaches inside <style>, <script> or a tag itself; allows them in other attributes and text', () => {
    const p = lint(withBody('<style>p { color: {{doc.lang}}; }</style><div {{doc.lang}}>x</div><p class="x-{{doc.lang}}" title=\'{{doc.title}}\'>{{doc.title}}</p>'));
    expect(pairs(p)).toEqual([
      ['mustache_in_style', '{{doc.lang}}'],
      ['mustache_in_tag', '{{doc.lang}}'],
    ]);
  });

  it('refuses a mustache in an unquoted attribute value (a space in the caller’s text would start new attributes)', () => {
    const p = lint(withBody('<p class=x-{{doc.lang}}>x</p>'));
    expect(p.map((x) => [x.code, x.severity])).toEqual([['unquoted_attribute', 'error']]);
  });
});

describe('lintHtmlTemplate: outside resources', () => {
  it('refuses http(s), ftp, file and protocol-relative URLs where they load or link; an address in text is only text', () => {
    const p = lint(withBody('<img src="https://cdn.example/logo.png"><p>see http://x.example</p><a href="ftp://f.example/x">f</a><img src="file:///etc/passwd"><img src="//cdn.example/x.png">'));
    expect(pairs(p)).toEqual([
      ['external_url', 'src="https://cdn.example/logo.png"'],
      ['external_url', 'href="ftp://f.example/x"'],
      ['external_url', 'src="file:///etc/passwd"'],
      ['external_url', 'src="//cdn.example/x.png"'],
    ]);
  });

  it('refuses relative resource addresses (only data: loads)', () => {
    expect(pairs(lint(withBody('<img src="logo.png"><img src="data:image/png;base64,AAAA">')))).toEqual([['external_url', 'src="logo.png"']]);
  });

  it('refuses <link>, <script>, <iframe>, <object>, <embed>, <base>', () => {
    const p = lint(withBody('<link rel="stylesheet" href="x.css"><script>1</script><iframe></iframe><object></object><embed><base href="x/">'));
    expect(pairs(p)).toEqual([
      ['forbidden_element', '<link'],
      ['forbidden_element', '<script'],
      ['forbidden_element', '<iframe'],
      ['forbidden_element', '<object'],
      ['forbidden_element', '<embed'],
      ['forbidden_element', '<base'],
    ]);
  });

  it('refuses @import and url() with anything but data:, and meta refresh', () => {
    const css = '<style>@import "x.css"; .a { background: url(img/bg.png) } .b { background: url("data:image/png;base64,AA") } .c { background: url(#grad) }</style>';
    expect(codes(lint(withBody(css)))).toEqual(['css_import', 'css_url']);
    expect(codes(lint(withBody('<div style="background:url({{doc.title}})">x</div>')))).toEqual(['mustache_in_attribute']);
    expect(codes(lint(withBody('<meta http-equiv="refresh" content="0">')))).toEqual(['meta_refresh']);
  });

  it('still scans for outside resources when the template does not parse', () => {
    expect(codes(lint(withBody('{{#if doc.draft}}<link href="https://x.example/y.css">')))).toEqual(['hbs_syntax_error', 'forbidden_element']);
    expect(codes(lint(withBody('{{#if doc.draft}}<img src="http&#58;//x.example/a.png">')))).toEqual(['hbs_syntax_error', 'external_url']);
  });
});

describe('lintHtmlTemplate: sections', () => {
  it('a missing section is an error', () => {
    const p = lint(base.replace(sectionLine('reasons') + '\n', ''));
    expect(pairs(p)).toEqual([['section_missing', '{{#if s_reasons}}']]);
  });

  it('sections out of registry order are an error naming the moved one', () => {
    const reasons = sectionLine('reasons');
    const moved = base.replace(reasons + '\n', '').replace(sectionLine('approval'), `${reasons}\n${sectionLine('approval')}`);
    expect(pairs(lint(moved))).toEqual([['section_out_of_order', '{{#if s_reasons}}']]);
  });

  it('a section without data-section, or with it outside the block, is an error', () => {
    const line = sectionLine('reasons');
    expect(pairs(lint(base.replace(line, line.replace(' data-section="{{id}}"', ''))))).toEqual([['section_marker_missing', '<section data-section="reasons">']]);
    const outside = base.replace(line, line.replace(' data-section="{{id}}"', '')).replace('<body class', '<section data-section="reasons"></section><body class');
    expect(codes(lint(outside))).toEqual(['section_marker_outside']);
    expect(codes(lint(base.replace(line, line.replace('data-section="{{id}}"', 'data-section="{{heading}}"'))))).toEqual(['section_marker_invalid', 'section_marker_missing']);
    expect(lint(base.replace(line, line.replace('data-section="{{id}}"', 'data-section="reasons"')))).toEqual([]);
  });

  it('requires the sections in force on the date', () => {
    const future: SectionDef<unknown> = { id: 'future_item', level: 1, binding: 'national', citations: [], effectiveFrom: '2030-01-01' };
    const def: FilingDefinition = { ...filing, sections: [...(filing.sections as SectionDef<unknown>[]), future] };
    expect(lint(base, def, '2026-01-01')).toEqual([]);
    expect(pairs(lint(base, def, '2030-01-01'))).toEqual([['section_missing', '{{#if s_future_item}}']]);
  });
});

describe('lintHtmlTemplate: names against the view', () => {
  it('a name of no field is unknown_tag; strict mode does not look outside {{#with}}', () => {
    const p = lint(inSection('reasons', '{{doc.titel}}{{doc.title}}{{colour}}', withBody('{{doc.titel}}')));
    expect(pairs(p)).toEqual([
      ['unknown_tag', 'doc.titel'],
      ['unknown_tag', 'doc.titel'],
      ['unknown_tag', 'doc.title'],
      ['unknown_tag', 'colour'],
    ]);
    expect(p[2]!.explanation.en).toMatch(/@root\.doc\.title/);
  });

  it('@root, ../, this, block params and @index resolve', () => {
    const extra = '{{@root.doc.title}}{{../doc.unit}}{{this.heading}}{{#each blocks as |b i|}}{{@index}}{{i}}{{#if b.p}}{{b.p.text}}{{/if}}{{/each}}{{#each @root.order}}{{this}}{{/each}}';
    expect(lint(inSection('reasons', extra))).toEqual([]);
    expect(codes(lint(inSection('reasons', '{{../../doc.unit}}{{@nonsense}}')))).toEqual(['unknown_tag', 'unknown_tag']);
  });

  it('a path through a value that is false for some inputs must sit inside {{#if}} on it', () => {
    expect(pairs(lint(withBody('{{s_reasons.heading}}')))).toEqual([['unguarded_optional', 's_reasons.heading']]);
    expect(codes(lint(inSection('reasons', '{{#each blocks}}{{p.text}}{{/each}}')))).toEqual(['unguarded_optional']);
    expect(lint(inSection('reasons', '{{#each blocks}}{{#if p}}{{p.text}}{{/if}}{{/each}}'))).toEqual([]);
  });

  it('objects and lists are not values; booleans print "true"/"false"', () => {
    const p = lint(withBody('{{doc}}{{order}}{{doc.draft}}'));
    expect(p.map((x) => [x.code, x.tag, x.severity])).toEqual([
      ['not_a_value', '{{doc}}', 'error'],
      ['not_a_value', '{{order}}', 'error'],
      ['not_a_value', '{{doc.draft}}', 'warning'],
    ]);
  });

  it('prototype names are unknown', () => {
    expect(codes(lint(withBody('{{constructor}}{{doc.__proto__}}{{doc.title.length}}')))).toEqual(['unknown_tag', 'unknown_tag', 'unknown_tag']);
  });
});

it('returns every problem at once', () => {
  const src = withBody('{{{doc.title}}}<link href="https://x.example/a.css">{{> p}}{{doc.titel}}', base.replace(sectionLine('reasons') + '\n', ''));
  expect(codes(lint(src)).sort()).toEqual(['forbidden_element', 'partial_not_allowed', 'section_missing', 'unescaped_output', 'unknown_tag']);
});
