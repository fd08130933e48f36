// Checks a template's CSS (a <style> sheet or a style="" attribute) as the browser reads it: tokenized by a CSS
// Syntax Level 3 tokenizer, so escapes are decoded before judging (`\75 rl(` is url(, `@\69mport` is @import), and
// only allow-listed at-rules, properties and functions pass; url() only to embedded raster images or #fragments.
import { tokenize, isTokenAtKeyword, isTokenBadURL, isTokenColon, isTokenIdent, isTokenOpenCurly, isTokenSemicolon, isTokenString, isTokenURL, type CSSToken } from '@csstools/css-tokenizer';
import { isFunctionNode, isSimpleBlockNode, isTokenNode, isWhiteSpaceOrCommentNode, parseListOfComponentValues, type ComponentValue } from '@csstools/css-parser-algorithms';
import { CSS_AT_RULES, CSS_FUNCTIONS, CSS_PROPERTIES, PAGE_MARGIN_BOXES } from './html-allow.ts';
import { classifyUrl, urlProblem } from './url-check.ts';

export interface CssFinding {
  code: string;
  /** Offset in the CSS text of the token at fault. */
  offset: number;
  tag: string;
  zh: string;
  en: string;
}

/** Where a list of declarations stands: a style rule (or style=""), @page, or one of its margin boxes. */
type Context = 'style' | 'page' | 'box';

const tokenValue = (t: CSSToken): string => String((t[4] as { value?: unknown } | undefined)?.value ?? t[1]);
const startOf = (n: ComponentValue): number => n.tokens()[0]?.[2] ?? 0;
const isCurlyBlock = (n: ComponentValue): boolean => isSimpleBlockNode(n) && isTokenOpenCurly(n.startToken);
const isSemicolon = (n: ComponentValue): boolean => isTokenNode(n) && isTokenSemicolon(n.value);

/** Functions that fetch what they are given. */
const LOADING_FUNCTIONS = new Set(['url', 'src', 'image', 'image-set', '-webkit-image-set', 'cross-fade', '-webkit-cross-fade', 'element', '-moz-element', 'paint']);

function urlFinding(target: string, offset: number, tag: string): CssFinding | undefined {
  const v = classifyUrl(target);
  if (v.kind === 'raster-data' || v.kind === 'fragment') return undefined;
  const p = urlProblem(v, { zh: 'CSS 的 url()', en: 'A CSS url()' });
  return { code: p.code === 'external_url' ? 'css_url' : p.code, offset, tag, zh: p.zh, en: p.en };
}

/** A url() as the tokenizer gives it: a url-token (unquoted), a bad url, or url("…") as a function. */
function urlNodeFinding(n: ComponentValue): CssFinding | undefined {
  if (isTokenNode(n) && isTokenURL(n.value)) return urlFinding(tokenValue(n.value), n.value[2], n.value[1]);
  if (isTokenNode(n) && isTokenBadURL(n.value)) return urlFinding('?', n.value[2], n.value[1]);
  if (isFunctionNode(n) && (n.getName().toLowerCase() === 'url' || n.getName().toLowerCase() === 'src')) {
    const arg = n.value.find((v) => !isWhiteSpaceOrCommentNode(v));
    const target = arg && isTokenNode(arg) && isTokenString(arg.value) ? tokenValue(arg.value) : '?';
    return urlFinding(target, n.name[2], `${n.name[1]}…)`);
  }
  return undefined;
}

/** Every value token: url() targets, functions on the allow-list only, no blocks of rules. */
function checkValue(nodes: readonly ComponentValue[], out: CssFinding[], functions: 'allow-listed' | 'any-but-loading'): void {
  for (const n of nodes) {
    const u = urlNodeFinding(n);
    if (u) out.push(u);
    if (isFunctionNode(n)) {
      const name = n.getName().toLowerCase();
      const judgedAsUrl = name === 'url' || name === 'src';
      if (!judgedAsUrl && (functions === 'allow-listed' ? !CSS_FUNCTIONS.has(name) : LOADING_FUNCTIONS.has(name))) {
        const loads = LOADING_FUNCTIONS.has(name);
        out.push({
          code: 'css_function',
          offset: n.name[2],
          tag: `${n.name[1]}…)`,
          zh: `CSS 函数 ${name}() ${loads ? '会加载图片或其他资源' : '不在允许之列'}。允许的函数：${[...CSS_FUNCTIONS].join(', ')}。`,
          en: `The CSS function ${name}() ${loads ? 'loads images or other resources' : 'is not on the allow-list'}. Allowed functions: ${[...CSS_FUNCTIONS].join(', ')}.`,
        });
      }
      checkValue(n.value, out, functions);
    } else if (isSimpleBlockNode(n)) {
      checkValue(n.value, out, functions);
    }
  }
}

function atRuleFinding(name: string, raw: CSSToken, ctx: Context | 'top'): CssFinding | undefined {
  const allowed = ctx === 'top' ? CSS_AT_RULES.has(name) : ctx === 'page' && PAGE_MARGIN_BOXES.has(name);
  if (allowed) return undefined;
  const where = { offset: raw[2], tag: raw[1] };
  if (name === 'import') return { code: 'css_import', ...where, zh: `CSS 中的 @import 会加载外部样式表。`, en: '@import in CSS loads an outside style sheet.' };
  if (name === 'font-face') {
    return { code: 'css_at_rule', ...where, zh: '@font-face 会加载字体文件。字体只能按名称引用（font-family），由打印机器上安装的字体提供。', en: '@font-face loads font files. Fonts are named by family only (font-family) and come from the fonts installed where documents are printed.' };
  }
  return {
    code: 'css_at_rule',
    ...where,
    zh: `CSS 规则 @${name} 不在允许之列：只允许 @page（及其中的页边框，如 @bottom-right）和 @charset。`,
    en: `The CSS rule @${name} is not on the allow-list: only @page (with its margin boxes such as @bottom-right) and @charset are allowed.`,
  };
}

/** An at-rule: its name in its context, its prelude's URLs, its block as declarations. */
function checkAtRule(item: readonly ComponentValue[], ctx: Context | 'top', out: CssFinding[]): void {
  const head = item[0] as ComponentValue & { value: CSSToken };
  const name = tokenValue(head.value).toLowerCase();
  const bad = atRuleFinding(name, head.value, ctx);
  if (bad) out.push(bad);
  const block = item.find(isCurlyBlock);
  checkValue(item.slice(1).filter((n) => n !== block), out, 'any-but-loading');
  if (block && isSimpleBlockNode(block)) checkDeclarations(block.value, name === 'page' ? 'page' : 'box', out);
}

/** One declaration: an allow-listed property (or a custom property) and its value. */
function checkDeclaration(item: readonly ComponentValue[], out: CssFinding[]): void {
  const significant = item.filter((n) => !isWhiteSpaceOrCommentNode(n));
  const first = significant[0];
  const colon = significant[1];
  if (first && isTokenNode(first) && isTokenIdent(first.value) && colon && isTokenNode(colon) && isTokenColon(colon.value)) {
    const name = tokenValue(first.value).toLowerCase();
    if (!name.startsWith('--') && !CSS_PROPERTIES.has(name)) {
      out.push({
        code: 'css_property',
        offset: first.value[2],
        tag: first.value[1],
        zh: `CSS 属性 ${name} 不在允许之列（允许的是文字、盒模型、表格、分页与页边框内容的属性）。`,
        en: `The CSS property ${name} is not on the allow-list (text, box, table, page-break and margin-box properties are).`,
      });
    }
  }
  // The browser drops what does not parse as a declaration; its tokens are checked all the same. Custom properties
  // too: their tokens become part of whatever value var() puts them in.
  checkValue(item, out, 'allow-listed');
}

/** A list of declarations (a rule's block, style="", @page and its margin boxes), split where the browser splits it. */
function checkDeclarations(nodes: readonly ComponentValue[], ctx: Context, out: CssFinding[]): void {
  let item: ComponentValue[] = [];
  const flush = () => {
    const at = item.findIndex((n) => !isWhiteSpaceOrCommentNode(n));
    const rest = at < 0 ? [] : item.slice(at);
    item = [];
    if (rest.length === 0) return;
    const head = rest[0]!;
    if (isTokenNode(head) && isTokenAtKeyword(head.value)) return checkAtRule(rest, ctx, out);
    const nested = rest.find(isCurlyBlock);
    if (nested) {
      out.push({ code: 'css_nested_rule', offset: startOf(nested), tag: '{', zh: '声明中不能再嵌套规则或 {…} 块。', en: 'Rules and {…} blocks cannot be nested inside declarations.' });
      return checkValue(rest, out, 'any-but-loading');
    }
    return checkDeclaration(rest, out);
  };
  for (const n of nodes) {
    // An at-rule with a block ends at its block, as does a nested rule; otherwise items end at ";".
    if (isSemicolon(n)) flush();
    else {
      item.push(n);
      if (isCurlyBlock(n)) flush();
    }
  }
  flush();
}

/** A style sheet: rules (selector + declarations) and at-rules at the top level. */
export function checkStylesheet(css: string): CssFinding[] {
  const out: CssFinding[] = [];
  const nodes = parseListOfComponentValues(tokenize({ css }));
  let item: ComponentValue[] = [];
  for (const n of nodes) {
    if (item.length === 0 && (isWhiteSpaceOrCommentNode(n) || (isTokenNode(n) && (n.value[0] === 'CDO-token' || n.value[0] === 'CDC-token')))) continue;
    item.push(n);
    const head = item[0]!;
    const atRule = isTokenNode(head) && isTokenAtKeyword(head.value);
    if (isCurlyBlock(n) || (atRule && isSemicolon(n))) {
      if (atRule) checkAtRule(item, 'top', out);
      else {
        checkValue(item.slice(0, -1), out, 'any-but-loading'); // the selector
        if (isSimpleBlockNode(n)) checkDeclarations(n.value, 'style', out);
      }
      item = [];
    }
  }
  if (item.length) checkValue(item, out, 'any-but-loading');
  return out.sort((a, b) => a.offset - b.offset);
}

/** The content of a style="" attribute: a list of declarations. */
export function checkStyleAttribute(css: string): CssFinding[] {
  const out: CssFinding[] = [];
  checkDeclarations(parseListOfComponentValues(tokenize({ css })), 'style', out);
  return out.sort((a, b) => a.offset - b.offset);
}
