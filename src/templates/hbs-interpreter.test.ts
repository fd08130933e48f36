// The eval-free interpreter against Handlebars' compiled templates with the service's options: the same output for
// every construct the lint allows, the same strict-mode refusals, and no reach into prototypes.
import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { AppError } from '../core/errors.ts';
import { interpretTemplate } from './hbs-interpreter.ts';
import { HANDLEBARS_COMPILE_OPTIONS } from './manifest.ts';

const compiled = (src: string) => Handlebars.create().compile(src, HANDLEBARS_COMPILE_OPTIONS);

const view = {
  title: 'A <b>"quoted"</b> & `ticked` = \'x\'',
  zero: 0,
  empty: '',
  no: false,
  yes: true,
  none: null,
  list: [{ name: 'a', n: 1, tags: ['x', 'y'] }, { name: 'b', n: 0, tags: [] }],
  nested: { inner: { deep: 'd' }, sibling: 's' },
  obj: { k1: 'v1', k2: 'v2' },
  emptyList: [],
  numbers: [3, 4],
  'odd key': 'odd value',
};

const CASES: Array<[string, string]> = [
  ['escaping', '<p>{{title}}</p><p>{{{title}}}</p><p>{{zero}}|{{empty}}|{{no}}|{{yes}}|{{none}}</p>'],
  ['paths', '{{nested.inner.deep}} {{this.nested.sibling}} {{./nested.sibling}} {{"odd key"}}'],
  ['if/else/unless', '{{#if zero}}z{{else}}not z{{/if}}{{#if zero includeZero=true}}Z{{/if}}{{#unless empty}}E{{/unless}}{{#if none}}n{{else if yes}}chained{{else}}no{{/if}}'],
  ['each over a list with data', '{{#each list}}{{@index}}:{{name}}{{#if @first}}(first){{/if}}{{#if @last}}(last){{/if}}{{#each tags}}[{{this}}@{{@../index}}/{{@index}}]{{else}}no tags{{/each}};{{/each}}'],
  ['each over an object', '{{#each obj}}{{@key}}={{this}}{{#unless @last}},{{/unless}}{{/each}}'],
  ['each inverse and ../', '{{#each emptyList}}x{{else}}none {{title}}{{/each}}{{#each list}}{{../nested.sibling}}{{name}}{{/each}}'],
  ['with and block params', '{{#with nested as |n|}}{{n.sibling}}{{#with inner}}{{deep}}{{../sibling}}{{@root.title}}{{/with}}{{/with}}{{#with none}}x{{else}}no with{{/with}}{{#each list as |item i|}}{{i}}{{item.name}}{{/each}}'],
  ['blocks over values', '{{#nested}}{{sibling}}{{/nested}}{{#list}}{{name}}{{/list}}{{#emptyList}}x{{else}}empty{{/emptyList}}{{#yes}}{{title}}{{/yes}}{{^no}}not no{{/no}}'],
  ['depths through if', '{{#each list}}{{#if n}}{{../title}}{{/if}}{{#with this}}{{../zero}}{{/with}}{{#with tags}}{{../name}}{{../../zero}}{{/with}}{{/each}}'],
  ['whitespace control and standalone lines', '<ul>\n  {{#each numbers}}\n  <li>{{this}}</li>\n  {{/each}}\n</ul>\n{{~#if yes~}}   tight   {{~/if~}}\n{{! a comment }}\n{{!-- another --}}\nend'],
];

describe('the eval-free Handlebars interpreter', () => {
  it.each(CASES)('%s: the same output as Handlebars', (_, src) => {
    const expected = compiled(src)(view);
    expect(interpretTemplate(src)(view)).toBe(expected);
  });

  it('refuses a missing name as strict mode does, and lets a guard read it', () => {
    expect(() => compiled('{{missing}}')(view)).toThrow(/"missing" not defined/);
    expect(() => interpretTemplate('{{missing}}')(view)).toThrow(/"missing" not defined/);
    expect(() => interpretTemplate('{{nested.missing}}')(view)).toThrow(/"missing" not defined/);
    expect(interpretTemplate('{{#if missing}}x{{else}}guarded{{/if}}')(view)).toBe('guarded');
  });

  it('pushes a context for ../ only when it changes, as Handlebars does', () => {
    // {{#with this}} keeps the item's context, so ../../ is past the root: both refuse.
    const src = '{{#each list}}{{#with this}}{{../../zero}}{{/with}}{{/each}}';
    expect(() => compiled(src)(view)).toThrow(/"zero" not defined in undefined/);
    expect(() => interpretTemplate(src)(view)).toThrow(/"zero" not defined in undefined/);
  });

  it('reads own properties only, as Handlebars does by default', () => {
    const src = '{{#with nested}}[{{#if constructor}}proto{{/if}}][{{#if toString}}proto{{/if}}]{{/with}}';
    expect(interpretTemplate(src)(view)).toBe(compiled(src)(view));
    expect(interpretTemplate(src)(view)).toBe('[][]');
  });

  it.each([
    ['a partial', '{{> other}}'],
    ['a helper call', '{{if yes}}'],
    ['lookup', '{{lookup nested "sibling"}}'],
    ['a log block', '{{#log title}}{{/log}}'],
    ['an unknown block helper', '{{#repeat list}}x{{/repeat}}'],
    ['a sub-expression', '{{#if (lookup nested "x")}}x{{/if}}'],
    ['a decorator', '{{* decorate}}'],
    ['a hash on each', '{{#each list key="x"}}x{{/each}}'],
  ])('refuses %s before rendering, naming the line', (_, src) => {
    try {
      interpretTemplate(`line one\n${src}`);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).code).toBe('template_invalid');
      expect((e as AppError).details).toMatchObject({ line: 2 });
    }
  });
});
