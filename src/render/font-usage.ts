// Which characters of an HTML document each type role draws (with bold and italic apart), read from its markup and
// style sheets; and the same document with every role's family names renamed to the embedded families. The reading
// errs on one side only: every rule whose selector matches counts (not only the cascade's winner), what is not
// understood in a selector matches, and an element keeps the roles of its ancestors; so a role may be given
// characters it never draws, never denied one it draws.
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import type { CSSToken } from '@csstools/css-tokenizer';
import { cssTokens, familyNames, generatedText, styleRules, tokenText, varRefs, type Compound, type Declaration, type Selector, type StyleRule } from './font-css.ts';
import { FONT_ROLE_LIST, type FontRole } from './fonts.ts';

type Element = DefaultTreeAdapterMap['element'];
type ChildNode = DefaultTreeAdapterMap['childNode'];

/** The characters one role draws: all of them (regular), and those set bold, italic, or both. */
export interface RoleUse {
  regular: Set<number>;
  bold: Set<number>;
  italic: Set<number>;
  boldItalic: Set<number>;
}

export interface FontUsage {
  roles: Map<FontRole, RoleUse>;
  /** What page margin boxes write (page numbers) and the roles they name: drawn outside the document's flow. */
  page: { roles: FontRole[]; text: string };
  /** Every drawn character (spaces included, not controls) and the roles that may draw it. */
  chars: Map<number, Set<FontRole>>;
}

const UA_BOLD = new Set(['b', 'strong', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'th']);
const UA_ITALIC = new Set(['i', 'em', 'cite', 'var', 'dfn', 'address']);
const NOT_DRAWN = new Set(['head', 'style', 'script', 'template', 'title', 'noscript']);
const FONT_DECLS = new Set(['font-family', 'font']);

interface Sheet {
  /** Style rules with what their declarations do, worked out once. */
  rules: Array<{ selectors: Selector[]; effect: Effect }>;
  page: Effect;
}

/** What declarations do to an element's fonts: roles (a bit per role), bold/italic (undefined: not said), text. */
interface Effect {
  roles: number;
  bold: boolean | undefined;
  italic: boolean | undefined;
  text: string;
}

const ROLE_BIT = new Map<FontRole, number>(FONT_ROLE_LIST.map((r, i) => [r.role, 1 << i]));

function rolesOf(value: CSSToken[], vars: Map<string, Set<FontRole>>): Set<FontRole> {
  const roles = new Set<FontRole>();
  for (const f of familyNames(value)) if (f.role) roles.add(f.role);
  for (const ref of varRefs(value)) for (const r of vars.get(ref) ?? []) roles.add(r);
  return roles;
}

function customProperties(rules: readonly StyleRule[]): Map<string, Set<FontRole>> {
  const values = new Map<string, CSSToken[][]>();
  for (const r of rules) for (const d of r.declarations) if (d.name.startsWith('--')) values.set(d.name, [...(values.get(d.name) ?? []), d.value]);
  const vars = new Map<string, Set<FontRole>>();
  // Custom properties may refer to each other: settle by rounds (each round resolves one level more).
  for (let round = 0; round < 8; round++) {
    for (const [name, list] of values) vars.set(name, new Set(list.flatMap((v) => [...rolesOf(v, vars)])));
  }
  return vars;
}

/** An element as selectors see it, and its parent's. */
interface Node {
  tag: string;
  attrs: Map<string, string>;
  classes: Set<string>;
  up: Node | undefined;
}

/** Steps one selector may take on one element; past them it counts as matching (a crafted selector cannot stall). */
const MAX_STEPS = 10_000;

/** Whether a selector matches an element: its compounds from the right, up the ancestors. */
function selects(sel: Selector, node: Node, from = 0, budget = { steps: MAX_STEPS }): boolean {
  if (--budget.steps < 0) return true;
  if (!matches(sel.compounds[from]!, node)) return false;
  if (from + 1 >= sel.compounds.length) return true;
  const combinator = sel.combinators[from];
  for (let up = node.up; up; up = up.up) {
    if (selects(sel, up, from + 1, budget)) return true;
    if (budget.steps < 0) return true;
    if (combinator === '>') return false;
  }
  return false;
}

function matches(c: Compound, node: Node): boolean {
  if (c.any) return true;
  if (c.tag && c.tag !== node.tag) return false;
  if (c.id !== undefined && node.attrs.get('id') !== c.id) return false;
  for (const k of c.classes) if (!node.classes.has(k)) return false;
  for (const a of c.attrs) {
    const v = node.attrs.get(a.name);
    if (v === undefined || (a.value !== undefined && v !== a.value)) return false;
  }
  return !c.anyOf || c.anyOf.some((x) => selects(x, node));
}

const BOLD = /^(bold|bolder|[6-9]00)$/;
const NOT_BOLD = /^(normal|lighter|[1-5]00)$/;

/** What declarations say; a later one that says bold/italic wins over one that says normal (either may apply). */
function effectOf(decls: readonly Declaration[], vars: Map<string, Set<FontRole>>): Effect {
  const into: Effect = { roles: 0, bold: undefined, italic: undefined, text: '' };
  for (const d of decls) {
    if (FONT_DECLS.has(d.name)) for (const r of rolesOf(d.value, vars)) into.roles |= ROLE_BIT.get(r)!;
    const words = d.value.filter((t) => t[0] === 'ident-token' || t[0] === 'number-token').map(tokenText);
    if (d.name === 'font-weight' || d.name === 'font') {
      if (words.some((w) => BOLD.test(w))) into.bold = true;
      else if (d.name === 'font-weight' && words.some((w) => NOT_BOLD.test(w))) into.bold ??= false;
    }
    if (d.name === 'font-style' || d.name === 'font') {
      if (words.some((w) => w === 'italic' || w === 'oblique')) into.italic = true;
      else if (d.name === 'font-style' && words.includes('normal')) into.italic ??= false;
    }
    if (d.name === 'content') {
      const g = generatedText(d.value);
      into.text += g.text + (g.counters ? '0123456789' : '');
    }
  }
  return into;
}

function merge(into: Effect, e: Effect): void {
  into.roles |= e.roles;
  if (e.bold !== undefined) into.bold = into.bold || e.bold;
  if (e.italic !== undefined) into.italic = into.italic || e.italic;
  into.text += e.text;
}

/** Text gathered by style (role bits, bold, italic as one number), turned into per-role character sets at the end. */
type Texts = Map<number, string[]>;
const styleKey = (roles: number, bold: boolean, italic: boolean) => roles | (bold ? 1 << 8 : 0) | (italic ? 1 << 9 : 0);

function gather(texts: Texts, key: number, text: string): void {
  const list = texts.get(key);
  if (list) list.push(text);
  else texts.set(key, [text]);
}

function walk(node: ChildNode, parent: { key: number; node: Node | undefined }, sheet: Sheet, texts: Texts): void {
  if (node.nodeName === '#text') return gather(texts, parent.key, (node as DefaultTreeAdapterMap['textNode']).value);
  if (!('tagName' in node) || NOT_DRAWN.has(node.tagName)) return;
  const el = node as Element;
  const attrs = new Map(el.attrs.map((a) => [a.name, a.value]));
  const me: Node = { tag: el.tagName, attrs, classes: new Set((attrs.get('class') ?? '').split(/\s+/).filter(Boolean)), up: parent.node };
  const own: Effect = { roles: parent.key & 0xff, bold: undefined, italic: undefined, text: '' };
  for (const rule of sheet.rules) if (rule.selectors.some((sel) => selects(sel, me))) merge(own, rule.effect);
  const inline = attrs.get('style');
  if (inline) merge(own, effectOf(styleRules(cssTokens(`x{${inline}}`))[0]?.declarations ?? [], new Map()));
  // Author rules win over the browser's own (h1–h6 and th bold, em italic); without one, the parent's or the browser's.
  const bold = own.bold ?? ((parent.key & (1 << 8)) !== 0 || UA_BOLD.has(el.tagName));
  const italic = own.italic ?? ((parent.key & (1 << 9)) !== 0 || UA_ITALIC.has(el.tagName));
  const key = styleKey(own.roles, bold, italic);
  if (own.text) gather(texts, key, own.text);
  const alt = attrs.get('alt');
  if (el.tagName === 'img' && alt) gather(texts, key, alt);
  // List markers ("1." and the like) are drawn in the item's font.
  if (el.tagName === 'li') gather(texts, key, '0123456789.');
  if (el.tagName === 'template') return;
  const here = { key, node: me };
  for (const child of el.childNodes) walk(child, here, sheet, texts);
}

function usageOf(texts: Texts): Omit<FontUsage, 'page'> {
  const usage: Omit<FontUsage, 'page'> = { roles: new Map(), chars: new Map() };
  for (const [key, list] of texts) {
    const cps = new Set<number>();
    for (const ch of list.join('')) {
      const cp = ch.codePointAt(0)!;
      // Spaces count (a face's own spaces keep its spacing); line breaks, tabs and other controls draw nothing.
      if (cp >= 0x20 && (cp < 0x7f || cp > 0x9f)) cps.add(cp);
    }
    const roles = FONT_ROLE_LIST.filter((r) => key & ROLE_BIT.get(r.role)!).map((r) => r.role);
    const bold = (key & (1 << 8)) !== 0;
    const italic = (key & (1 << 9)) !== 0;
    for (const cp of cps) {
      let of = usage.chars.get(cp);
      if (!of) usage.chars.set(cp, (of = new Set()));
      for (const role of roles) of.add(role);
    }
    for (const role of roles) {
      let use = usage.roles.get(role);
      if (!use) usage.roles.set(role, (use = { regular: new Set(), bold: new Set(), italic: new Set(), boldItalic: new Set() }));
      const variant = bold && italic ? use.boldItalic : bold ? use.bold : italic ? use.italic : undefined;
      for (const cp of cps) {
        use.regular.add(cp);
        variant?.add(cp);
      }
    }
  }
  return usage;
}

function* elements(node: DefaultTreeAdapterMap['parentNode']): Generator<Element> {
  for (const child of node.childNodes) {
    if ('tagName' in child) {
      yield child;
      yield* elements(child);
    }
  }
}

export function parseDocument(html: string) {
  return parse(html, { sourceCodeLocationInfo: true });
}

/** The style sheets' CSS, each with where its text stands in the HTML. */
export function styleSheets(doc: ReturnType<typeof parseDocument>): Array<{ css: string; start: number; end: number }> {
  const out: Array<{ css: string; start: number; end: number }> = [];
  for (const el of elements(doc)) {
    if (el.tagName !== 'style') continue;
    const text = el.childNodes[0];
    if (text?.nodeName === '#text' && text.sourceCodeLocation) out.push({ css: (text as DefaultTreeAdapterMap['textNode']).value, start: text.sourceCodeLocation.startOffset, end: text.sourceCodeLocation.endOffset });
  }
  return out;
}

/** The characters each role draws in this document. */
export function fontUsage(doc: ReturnType<typeof parseDocument>): FontUsage {
  const parsed = styleSheets(doc).flatMap((s) => styleRules(cssTokens(s.css)));
  const vars = customProperties(parsed);
  const sheet: Sheet = { rules: [], page: { roles: 0, bold: undefined, italic: undefined, text: '' } };
  for (const rule of parsed) {
    const effect = effectOf(rule.declarations, vars);
    if (rule.selectors === 'page') merge(sheet.page, effect);
    else if (effect.roles || effect.bold !== undefined || effect.italic !== undefined || effect.text) sheet.rules.push({ selectors: rule.selectors, effect });
  }
  const texts: Texts = new Map();
  // Page margin boxes (page numbers): in the fonts the page rules name.
  if (sheet.page.text) gather(texts, styleKey(sheet.page.roles, sheet.page.bold ?? false, sheet.page.italic ?? false), sheet.page.text);
  for (const child of doc.childNodes) walk(child, { key: 0, node: undefined }, sheet, texts);
  return { ...usageOf(texts), page: { roles: FONT_ROLE_LIST.filter((r) => sheet.page.roles & ROLE_BIT.get(r.role)!).map((r) => r.role), text: sheet.page.text } };
}

/** The family names of one style sheet's font declarations, renamed: each role's names to `rename(role)`. */
export function renameFamilies(css: string, rename: (role: FontRole) => string): string {
  const tokens = cssTokens(css);
  const edits: Array<{ start: number; end: number; text: string }> = [];
  for (const rule of styleRules(tokens)) {
    for (const d of rule.declarations) {
      if (!FONT_DECLS.has(d.name) && !d.name.startsWith('--')) continue;
      for (const f of familyNames(d.value)) if (f.role) edits.push({ start: f.start, end: f.end, text: `"${rename(f.role)}"` });
    }
  }
  // styleRules sees nested rules twice (as parts of their parent's block and as rules): one edit per place.
  const unique = [...new Map(edits.map((e) => [e.start, e])).values()].sort((a, b) => b.start - a.start);
  let out = css;
  for (const e of unique) out = out.slice(0, e.start) + e.text + out.slice(e.end + 1);
  return out;
}

