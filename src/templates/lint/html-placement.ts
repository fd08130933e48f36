// Where each Handlebars construct stands in the HTML around it, judged on the browser's tokens of the static HTML.
// What a mustache prints is escaped text, so it may stand in text and in the quoted value of a harmless attribute;
// nowhere else. A block ({{#if}}…) prints its content or nothing, so it may not split what the browser reads as one
// token (a tag name, an attribute name, "<" and a tag name), sit in a comment or raw text, or
// decide part of a URL or style value: otherwise the lint would judge other HTML than the browser gets.
import { TEXT_VALUE_ATTRIBUTES, URL_ATTRIBUTES } from './html-allow.ts';
import { tokenAt, type AttrToken, type HtmlToken, type StaticHtml } from './html-tokens.ts';
import type { Report, ValueAt } from './hbs-walk.ts';

type Place =
  | { kind: 'tag' | 'end-tag' | 'comment' | 'none' | 'between-attrs'; tag?: string }
  | { kind: 'attr-name'; tag: string; attr: AttrToken }
  | { kind: 'attr-value'; tag: string; attr: AttrToken }
  | { kind: 'text'; token: Extract<HtmlToken, { kind: 'text' }> };

function placeOf(tokens: readonly HtmlToken[], offset: number): Place {
  const t = tokenAt(tokens, offset);
  if (!t) return { kind: 'none' };
  if (t.kind === 'text') return { kind: 'text', token: t };
  if (t.kind === 'end') return { kind: 'end-tag', tag: t.name };
  if (t.kind !== 'start') return { kind: 'comment' };
  if (offset < t.nameEnd) return { kind: 'tag', tag: t.name };
  const attr = t.attrs.find((a) => a.start <= offset && offset < a.end);
  if (!attr) return { kind: 'between-attrs', tag: t.name };
  return attr.valueStart >= 0 && offset >= attr.valueStart ? { kind: 'attr-value', tag: t.name, attr } : { kind: 'attr-name', tag: t.name, attr };
}

/** An attribute a mustache may fill: caller text, HTML-escaped, cannot leave a quoted value or do harm in it. */
const textAttribute = (name: string): boolean => !URL_ATTRIBUTES.has(name) && !name.startsWith('on') && (TEXT_VALUE_ATTRIBUTES.has(name) || name.startsWith('data-'));

/**
 * The static text before `offset` ends inside a would-be tag ("<", "</x", "<!-"): joined with what follows at run
 * time, it could become markup the lint never saw. (A character reference split the same way can only make a
 * character of text or of a harmless attribute's value: URL and style values take no Handlebars at all.)
 */
function splitsToken(text: string, from: number, offset: number): boolean {
  return /<[!/?]?[A-Za-z0-9-]*$/.test(text.slice(Math.max(from, offset - 64), offset));
}

const shown = (s: string): string => {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > 60 ? `${t.slice(0, 57)}…` : t;
};

export class Placement {
  private readonly stat: StaticHtml;
  private readonly tokens: readonly HtmlToken[];
  private readonly report: Report;
  private readonly source: string;
  private refused = 0;

  constructor(source: string, stat: StaticHtml, tokens: readonly HtmlToken[], report: Report) {
    this.source = source;
    this.stat = stat;
    this.tokens = tokens;
    this.report = (...args) => {
      this.refused++;
      report(...args);
    };
  }

  private splits(offset: number, written: string): void {
    this.report(
      'hbs_splits_markup',
      'error',
      offset,
      written,
      `${written} 把一个 HTML 标签名、属性名或结束标签拆开了：运行时两边的文字会连在一起，浏览器读到的将与检查时不同。请把它放在完整的标签之间、文字之中或属性值之内。`,
      `${written} splits an HTML tag name, attribute name or end tag: at run time the text on both sides joins up, and the browser would read something other than what was checked. Put it between whole tags, in text or inside an attribute value.`,
    );
  }

  private inComment(offset: number, written: string): void {
    this.report(
      'handlebars_in_comment',
      'error',
      offset,
      written,
      `${written} 在 HTML 注释 <!-- … --> 之内：它可能让注释提前结束，使其后的内容变成标记。模板内的注释请用 {{!-- … --}}。`,
      `${written} is inside an HTML comment <!-- … -->: it could end the comment early and turn what follows into markup. Write template comments as {{!-- … --}}.`,
    );
  }

  private rawText(offset: number, written: string, element: string | undefined): void {
    if (element === 'style') {
      this.report(
        'mustache_in_style',
        'error',
        offset,
        written,
        `${written} 在 <style> 之内。HTML 转义挡不住 CSS 注入（如 url(http://…)）；样式表必须是固定文字。`,
        `${written} is inside <style>. HTML escaping does not stop CSS injection (url(http://…)); the style sheet must be fixed text.`,
      );
    } else if (element === 'script') this.report('mustache_in_script', 'error', offset, written, `${written} 在 <script> 之内。`, `${written} is inside <script>.`);
    else this.report('mustache_in_raw_text', 'error', offset, written, `${written} 在 <${element}> 的原始文本之内。`, `${written} is inside the raw text of <${element}>.`);
  }

  /** `tag` undefined: the mustache is in the tag's name itself. */
  private inTag(offset: number, written: string, tag: string | undefined): void {
    const where = tag === undefined ? { zh: '标签名之中', en: 'a tag name' } : { zh: `<${tag}> 标签之内而不是属性值里`, en: `the <${tag}> tag rather than in an attribute value` };
    this.report('mustache_in_tag', 'error', offset, written, `${written} 在${where.zh}，会生成标签名或属性名。`, `${written} is inside ${where.en}, where it would make tag or attribute names.`);
  }

  private inUnsafeAttribute(offset: number, written: string, tag: string, attr: string): void {
    this.report(
      'mustache_in_attribute',
      'error',
      offset,
      written,
      `${written} 在 <${tag}> 的 ${attr}= 属性值里。HTML 转义挡不住样式、地址和事件属性中的注入（如 url(http://…)、javascript:）；这类属性只能用服务器算出的数字，其余请写成固定值。`,
      `${written} sits in the ${attr}= attribute of <${tag}>. HTML escaping does not stop injection into style, URL or event attributes (url(http://…), javascript:); only server-computed numbers may go there, anything else must be fixed text.`,
    );
  }

  /** A value mustache; true when it was refused. */
  value(v: ValueAt): boolean {
    const p = placeOf(this.tokens, v.start);
    const before = this.refused;
    if (p.kind === 'tag' || p.kind === 'end-tag') this.inTag(v.start, v.written, undefined);
    else if (p.kind === 'attr-name' || p.kind === 'between-attrs') this.inTag(v.start, v.written, p.tag);
    else if (p.kind === 'comment') this.inComment(v.start, v.written);
    else if (p.kind === 'attr-value') {
      const name = p.attr.name;
      if (!p.attr.quoted) {
        this.report(
          'unquoted_attribute',
          'error',
          v.start,
          v.written,
          `${v.written} 在没有引号的属性值里：调用方的文字中有空格就会生成新的属性。请给 ${name}= 的值加上引号。`,
          `${v.written} is in an unquoted attribute value: a space in the caller's text would start new attributes. Quote the value of ${name}=.`,
        );
      } else if (name === 'style' ? v.shape?.kind !== 'number' : !textAttribute(name)) this.inUnsafeAttribute(v.start, v.written, p.tag, name);
      else if (splitsToken(this.stat.text, p.attr.valueStart, v.start)) this.splits(v.start, v.written);
    } else if (p.kind === 'text') {
      if (p.token.context !== 'data' && p.token.context !== 'rcdata') this.rawText(v.start, v.written, p.token.element);
      else if (splitsToken(this.stat.text, p.token.start, v.start)) this.splits(v.start, v.written);
    }
    return this.refused !== before;
  }

  /** A run of Handlebars syntax that is not just one value: blocks, {{else}}, comments. */
  gap(start: number, end: number): void {
    const written = shown(this.source.slice(start, end));
    const p = placeOf(this.tokens, start);
    const next = this.stat.text.slice(end, end + 1);
    if (p.kind === 'tag' || p.kind === 'attr-name' || p.kind === 'end-tag') this.splits(start, written);
    else if (p.kind === 'between-attrs' && !/^[\s/>]?$/.test(next)) this.splits(start, written);
    else if (p.kind === 'comment') this.inComment(start, written);
    else if (p.kind === 'attr-value') {
      if (!p.attr.quoted) this.splits(start, written);
      else if (!textAttribute(p.attr.name)) this.inUnsafeAttribute(start, written, p.tag, p.attr.name);
      else if (splitsToken(this.stat.text, p.attr.valueStart, start)) this.splits(start, written);
    } else if (p.kind === 'text') {
      if (p.token.context !== 'data' && p.token.context !== 'rcdata') this.rawText(start, written, p.token.element);
      else if (splitsToken(this.stat.text, p.token.start, start)) this.splits(start, written);
    }
  }
}
