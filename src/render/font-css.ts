// The parts of a document's CSS that decide its fonts: style rules with the last compound of each selector, the
// declarations that name families, weights, styles and generated text, and the places where family names stand
// (so they can be renamed). Deliberately approximate in one direction: whatever is not understood matches.
import { tokenize, type CSSToken } from '@csstools/css-tokenizer';
import { FONT_ROLE_LIST, type FontRole } from './fonts.ts';

export interface Declaration {
  /** Lower-case property name (custom properties keep their case). */
  name: string;
  value: CSSToken[];
}

/** One compound selector: what an element must have; `any` when a part was not understood (matches everything). */
export interface Compound {
  tag?: string;
  classes: string[];
  id?: string;
  attrs: Array<{ name: string; value?: string }>;
  /** :is()/:where()/:matches(): one of these must match. */
  anyOf?: Selector[];
  any?: boolean;
}

export interface StyleRule {
  /** The selector list; `page` for @page and its margin boxes. */
  selectors: Selector[] | 'page';
  declarations: Declaration[];
}

const T = { ws: 'whitespace-token', comment: 'comment', ident: 'ident-token', str: 'string-token', comma: 'comma-token', colon: 'colon-token', semi: 'semicolon-token', delim: 'delim-token', hash: 'hash-token', fn: 'function-token', at: 'at-keyword-token', open: '{-token', close: '}-token', sqOpen: '[-token', sqClose: ']-token', pOpen: '(-token', pClose: ')-token' } as const;
const OPENERS = new Set<string>([T.open, T.sqOpen, T.pOpen, T.fn]);
const CLOSERS = new Set<string>([T.close, T.sqClose, T.pClose]);

export function cssTokens(css: string): CSSToken[] {
  return tokenize({ css }, { onParseError: () => {} }).filter((t) => t[0] !== 'EOF-token');
}

/** Index of the token that closes the block opened at `open` (or the last index). */
function closing(tokens: CSSToken[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    const type = tokens[i]![0];
    if (OPENERS.has(type)) depth++;
    else if (CLOSERS.has(type) && --depth === 0) return i;
  }
  return tokens.length - 1;
}

/** Splits tokens at top-level separators of one type. */
function splitTop(tokens: CSSToken[], sep: string): CSSToken[][] {
  const parts: CSSToken[][] = [[]];
  let depth = 0;
  for (const t of tokens) {
    if (OPENERS.has(t[0])) depth++;
    else if (CLOSERS.has(t[0])) depth--;
    if (depth === 0 && t[0] === sep) parts.push([]);
    else parts[parts.length - 1]!.push(t);
  }
  return parts;
}

const trim = (tokens: CSSToken[]) => tokens.filter((t) => t[0] !== T.ws && t[0] !== T.comment);

function declarations(tokens: CSSToken[]): Declaration[] {
  const out: Declaration[] = [];
  for (const part of splitTop(tokens, T.semi)) {
    const body = part.filter((t) => t[0] !== T.comment);
    const start = body.findIndex((t) => t[0] !== T.ws);
    if (start < 0 || body[start]![0] !== T.ident || body[start + 1]?.[0] !== T.colon) continue;
    const raw = (body[start]![4] as { value: string }).value;
    out.push({ name: raw.startsWith('--') ? raw : raw.toLowerCase(), value: body.slice(start + 2) });
  }
  return out;
}

/**
 * A complex selector as its compounds from the right, each with how it relates to the next one leftwards: ' ' an
 * ancestor, '>' the parent; a sibling combinator ends the chain (what stands left of it is not checked: it matches).
 */
export interface Selector {
  compounds: Compound[];
  combinators: Array<' ' | '>'>;
}

function complexSelector(tokens: CSSToken[]): Selector {
  const parts: CSSToken[][] = [[]];
  const combinators: Array<' ' | '>' | '+'> = [];
  let depth = 0;
  let pending: ' ' | '>' | '+' | undefined;
  for (const t of tokens) {
    if (depth === 0 && t[0] === T.ws) {
      pending ??= ' ';
      continue;
    }
    if (depth === 0 && t[0] === T.delim && ['>', '+', '~'].includes(t[1])) {
      pending = t[1] === '>' ? '>' : '+';
      continue;
    }
    if (pending && parts[parts.length - 1]!.length) {
      combinators.push(pending);
      parts.push([]);
    }
    pending = undefined;
    if (OPENERS.has(t[0])) depth++;
    else if (CLOSERS.has(t[0])) depth--;
    parts[parts.length - 1]!.push(t);
  }
  const compounds: Compound[] = [];
  const chain: Array<' ' | '>'> = [];
  for (let i = parts.length - 1; i >= 0; i--) {
    compounds.push(compound(parts[i]!));
    const c = combinators[i - 1];
    if (c === undefined || c === '+') break;
    chain.push(c);
  }
  return { compounds, combinators: chain };
}

function compound(tokens: CSSToken[]): Compound {
  const c: Compound = { classes: [], attrs: [] };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const value = (t[4] as { value?: string } | null)?.value;
    if (t[0] === T.ident && i === 0) c.tag = value!.toLowerCase();
    else if (t[0] === T.delim && t[1] === '*' && i === 0) continue;
    else if (t[0] === T.delim && t[1] === '.' && tokens[i + 1]?.[0] === T.ident) c.classes.push((tokens[++i]![4] as { value: string }).value);
    else if (t[0] === T.hash) c.id = value!;
    else if (t[0] === T.sqOpen) {
      const end = closing(tokens, i);
      const inner = trim(tokens.slice(i + 1, end));
      const name = inner[0]?.[0] === T.ident ? (inner[0][4] as { value: string }).value.toLowerCase() : undefined;
      const exact = inner.length === 3 && inner[1]![0] === T.delim && inner[1]![1] === '=' ? (inner[2]![4] as { value?: string } | null)?.value : undefined;
      if (name) c.attrs.push(exact !== undefined ? { name, value: exact } : { name });
      else c.any = true;
      i = end;
    } else if (t[0] === T.colon) {
      // Pseudo-classes and pseudo-elements narrow nothing here (they match), except :is() and its aliases.
      const next = tokens[i + 1];
      if (next?.[0] === T.fn) {
        const end = closing(tokens, i + 1);
        const fn = (next[4] as { value: string }).value.toLowerCase();
        if (['is', 'where', 'matches', '-webkit-any'].includes(fn)) (c.anyOf ??= []).push(...splitTop(tokens.slice(i + 2, end), T.comma).map((s) => complexSelector(trimEdges(s))));
        i = end;
      } else if (next?.[0] === T.colon) i += 2;
      else i += 1;
    } else c.any = true;
  }
  return c;
}

function trimEdges(tokens: CSSToken[]): CSSToken[] {
  let a = 0;
  let b = tokens.length;
  while (a < b && tokens[a]![0] === T.ws) a++;
  while (b > a && tokens[b - 1]![0] === T.ws) b--;
  return tokens.slice(a, b);
}

/** The style rules of a style sheet, @media/@supports/@layer contents included, @page as `page` rules. */
export function styleRules(tokens: CSSToken[], inPage = false): StyleRule[] {
  const rules: StyleRule[] = [];
  let prelude = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t[0] === T.semi) prelude = i + 1;
    if (t[0] !== T.open) continue;
    const end = closing(tokens, i);
    const head = trimEdges(tokens.slice(prelude, i).filter((x) => x[0] !== T.comment));
    const body = tokens.slice(i + 1, end);
    const at = head[0]?.[0] === T.at ? (head[0][4] as { value: string }).value.toLowerCase() : undefined;
    if (at === 'page' || inPage) {
      rules.push({ selectors: 'page', declarations: declarations(ownTokens(body)) }, ...styleRules(body, true));
    } else if (at && at !== 'font-face' && at !== 'keyframes') {
      rules.push(...styleRules(body));
    } else if (!at) {
      rules.push({ selectors: splitTop(head, T.comma).map((s) => complexSelector(trimEdges(s))), declarations: declarations(ownTokens(body)) }, ...styleRules(body));
    }
    i = end;
    prelude = end + 1;
  }
  return rules;
}

/** A block's tokens without its nested rules (their preludes and braces): its own declarations. */
function ownTokens(body: CSSToken[]): CSSToken[] {
  const out: CSSToken[] = [];
  let statement: CSSToken[] = [];
  let depth = 0;
  for (let i = 0; i < body.length; i++) {
    const t = body[i]!;
    if (depth === 0 && t[0] === T.open) {
      i = closing(body, i);
      statement = [];
      continue;
    }
    if (OPENERS.has(t[0])) depth++;
    else if (CLOSERS.has(t[0])) depth--;
    statement.push(t);
    if (depth === 0 && t[0] === T.semi) {
      out.push(...statement);
      statement = [];
    }
  }
  return [...out, ...statement];
}

const ROLE_OF_FAMILY = new Map<string, FontRole>(FONT_ROLE_LIST.flatMap((r) => [...r.official, ...r.standIn].map((f) => [f.toLowerCase(), r.role] as const)));

/** A family name in a stack: its tokens' span in the CSS and the role it names, if any. */
export interface FamilyName {
  name: string;
  role: FontRole | undefined;
  start: number;
  end: number;
}

/**
 * The family names of a font-family value, a `font` shorthand or a custom property (a quoted name, or a run of
 * identifiers at the end of a comma-separated item), with where they stand.
 */
export function familyNames(value: CSSToken[]): FamilyName[] {
  const out: FamilyName[] = [];
  for (const item of splitTop(value, T.comma)) {
    const tokens = trimEdges(item.filter((t) => t[0] !== T.comment));
    if (!tokens.length) continue;
    const last = tokens[tokens.length - 1]!;
    if (last[0] === T.str) {
      const name = (last[4] as { value: string }).value;
      out.push({ name, role: ROLE_OF_FAMILY.get(name.toLowerCase()), start: last[2], end: last[3] });
      continue;
    }
    let k = tokens.length;
    while (k > 0 && (tokens[k - 1]![0] === T.ident || tokens[k - 1]![0] === T.ws)) k--;
    const run = trimEdges(tokens.slice(k));
    if (!run.length) continue;
    const name = run.filter((t) => t[0] === T.ident).map((t) => (t[4] as { value: string }).value).join(' ');
    out.push({ name, role: ROLE_OF_FAMILY.get(name.toLowerCase()), start: run[0]![2], end: run[run.length - 1]![3] });
  }
  return out;
}

/** Custom properties a value refers to through var(). */
export function varRefs(value: CSSToken[]): string[] {
  const refs: string[] = [];
  value.forEach((t, i) => {
    if (t[0] === T.fn && (t[4] as { value: string }).value.toLowerCase() === 'var') {
      const next = value.slice(i + 1).find((x) => x[0] !== T.ws);
      if (next?.[0] === T.ident) refs.push((next[4] as { value: string }).value);
    }
  });
  return refs;
}

/** The strings a `content` value writes, and whether it writes counters (digits). */
export function generatedText(value: CSSToken[]): { text: string; counters: boolean } {
  let text = '';
  let counters = false;
  for (const t of value) {
    if (t[0] === T.str) text += (t[4] as { value: string }).value;
    else if (t[0] === T.fn && /^counters?$/i.test((t[4] as { value: string }).value)) counters = true;
  }
  return { text, counters };
}

export const tokenText = (t: CSSToken): string => ((t[4] as { value?: string | number } | null)?.value ?? t[1]).toString().toLowerCase();
