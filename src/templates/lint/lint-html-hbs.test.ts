// Handlebars-level bounds of the HTML lint: nesting refused before the parser runs, loops nested over the same list,
// and block helpers used the way the runtime needs them.
import Handlebars from 'handlebars';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { filingById } from '../../core/filings/index.ts';
import { buildHtmlTemplate } from '../build/html-template.ts';
import { hbsNesting } from './hbs-prescan.ts';
import { lintHtmlTemplate } from './lint-html.ts';
import type { LintProblem } from './problem.ts';

const filing = filingById('acceptance-extension')!;
const base = buildHtmlTemplate(filing);
const withBody = (extra: string) => base.replace(/(<body[^>]*>\n)/, `$1${extra}\n`);
/** The template with extra markup inside the section `reasons` (inside its {{#with s_reasons}}). */
const inReasons = (extra: string) => {
  const open = base.indexOf('{{#if s_reasons}}');
  const at = base.indexOf('>', base.indexOf('<section ', open)) + 1;
  return base.slice(0, at) + extra + base.slice(at);
};
const lint = (source: string) => lintHtmlTemplate(source, { filing });
const codes = (problems: LintProblem[]) => problems.map((p) => p.code);

describe('nesting is bounded before Handlebars parses anything', () => {
  afterEach(() => vi.restoreAllMocks());

  it('deeply nested sub-expressions are refused at once, unparsed', () => {
    const parse = vi.spyOn(Handlebars, 'parse');
    const deep = (n: number, open: string) => withBody(`{{#if ${open.repeat(n)}doc.draft${')'.repeat(n)}}}x{{/if}}`);
    expect(codes(lint(deep(1600, '(lookup k=')))).toEqual(['template_too_deep']);
    expect(codes(lint(deep(9, '(x ')))).toEqual(['template_too_deep']);
    expect(parse).not.toHaveBeenCalled();
    expect(lint(deep(20_000, '(a '))[0]!.explanation.en).toMatch(/Sub-expressions .* 20000 levels/);
  });

  it('deeply nested blocks are refused at once, unparsed', () => {
    const parse = vi.spyOn(Handlebars, 'parse');
    expect(codes(lint(withBody('{{#if doc.draft}}'.repeat(5000) + '{{/if}}'.repeat(5000))))).toEqual(['template_too_deep']);
    expect(parse).not.toHaveBeenCalled();
  });

  it('counts the way Handlebars reads: comments, else and literals', () => {
    expect(hbsNesting('{{#a}}{{#b}}{{else}}{{^}}{{/b}}{{^c}}{{/c}}{{/a}}')).toEqual({ blocks: 2, subexpressions: 0 });
    expect(hbsNesting('{{!-- {{#a}}{{#b}} ((( --}}{{! (( }}{{x (a (b c) (d))}}')).toEqual({ blocks: 0, subexpressions: 2 });
    expect(hbsNesting('{{x "((("}}')).toEqual({ blocks: 0, subexpressions: 3 }); // literals count too: never fewer than the parser sees
    expect(hbsNesting('{{#a}}{{x (((')).toEqual({ blocks: 1, subexpressions: 3 });
  });

  it('an unclosed comment or mustache runs to the end, read once', () => {
    expect(hbsNesting('{{!-- '.repeat(200_000))).toEqual({ blocks: 0, subexpressions: 0 });
    expect(hbsNesting('{{ ('.repeat(200_000)).subexpressions).toBe(200_000);
  });
});

describe('loops nested over the same list', () => {
  it('{{#each blocks}}{{#each ../blocks}} and its spellings are refused with an explanation', () => {
    const forms = ['{{#each blocks}}{{#each ../blocks}}x{{/each}}{{/each}}', '{{#each blocks}}{{#each @root.s_reasons.blocks}}x{{/each}}{{/each}}', '{{#each blocks as |b|}}{{#with ..}}{{#each blocks}}x{{/each}}{{/with}}{{/each}}', '{{#blocks}}{{#../blocks}}x{{/../blocks}}{{/blocks}}'];
    for (const f of forms) expect(codes(lint(inReasons(f))), f).toEqual(['loop_nested_same_list']);
    expect(lint(inReasons(forms[0]!))[0]!.explanation.en).toMatch(/square of the rows/);
  });

  it('a loop inside a loop goes over a list of the current item', () => {
    expect(codes(lint(inReasons('{{#each blocks}}{{#each @root.order}}{{this}}{{/each}}{{/each}}')))).toEqual(['loop_nested_outer_list']);
    expect(lint(inReasons('{{#each blocks}}{{#if table}}{{#each table.rows}}{{#each cells}}{{text}}{{/each}}{{/each}}{{/if}}{{/each}}{{#each @root.order}}{{this}}{{/each}}'))).toEqual([]);
  });
});

describe('block helpers as the runtime needs them', () => {
  it('{{#with}} enters an object, {{#each}} loops over a list, a simple block is not a value', () => {
    expect(codes(lint(inReasons('{{#with heading}}{{this}}{{/with}}')))).toEqual(['with_not_object']);
    expect(codes(lint(inReasons('{{#with blocks}}x{{/with}}')))).toEqual(['with_not_object']);
    expect(codes(lint(withBody('{{#each doc}}{{this}}{{/each}}')))).toEqual(['each_not_list']);
    expect(codes(lint(withBody('{{#doc.docNo}}<p>{{doc.unit}}</p>{{/doc.docNo}}')))).toEqual(['block_on_value', 'unknown_tag']);
    expect(lint(withBody('{{#doc.draft}}<p>{{doc.unit}}</p>{{/doc.draft}}'))).toEqual([]);
  });

  it('{{#if}}, {{#unless}}, {{#with}} and {{#each}} take exactly one argument', () => {
    expect(codes(lint(withBody('{{#if doc.draft doc.bilingual}}x{{/if}}{{#each}}x{{/each}}')))).toEqual(['helper_misuse', 'helper_misuse']);
  });
});
