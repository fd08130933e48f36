// The static HTML of a Handlebars template, tokenized as the browser tokenizes HTML (parse5's tokenizer, switched
// into raw-text and RCDATA states for <style>, <title>… as the browser's tree builder switches it). Every Handlebars
// construct is blanked in place (same offsets, line breaks kept): blocks and comments by spaces, value mustaches
// by placeholder characters, since what they print is HTML-escaped text.
import { Tokenizer, TokenizerMode, type TokenHandler } from 'parse5';
import { RAW_TEXT_ELEMENTS } from './html-allow.ts';
import type { Located, ValueAt } from './hbs-walk.ts';

export interface AttrToken {
  name: string;
  /** Decoded, as the browser reads it. */
  value: string;
  start: number;
  end: number;
  /** Offset of the value's first character (inside the quotes), or -1 for an attribute without a value. */
  valueStart: number;
  quoted: boolean;
}

export type TextContext = 'data' | 'rcdata' | 'rawtext' | 'script' | 'plaintext';

export type HtmlToken =
  | { kind: 'start'; name: string; start: number; end: number; nameEnd: number; attrs: AttrToken[] }
  | { kind: 'end'; name: string; start: number; end: number }
  | { kind: 'text'; start: number; end: number; context: TextContext; element: string | undefined }
  | { kind: 'comment' | 'doctype'; start: number; end: number };

export interface StaticHtml {
  /** The source with every Handlebars construct blanked. */
  text: string;
  /** [start, end) of each run of Handlebars syntax between two pieces of static text (stripped whitespace included). */
  gaps: Array<[number, number]>;
}

/** Where a content statement's text (after whitespace control and standalone stripping) sits in the source. */
function contentSpan(c: hbs.AST.ContentStatement, src: Located): [number, number] {
  const start = src.offset(c.loc.start);
  const original = (c as unknown as { original: string }).original ?? c.value;
  if (c.value === original) return [start, start + original.length];
  // The runtime prints `value`: the original less some leading and trailing whitespace.
  for (let k = 0; k + c.value.length <= original.length; k++) {
    if (!/^\s*$/.test(original.slice(0, k))) break;
    if (original.startsWith(c.value, k) && /^\s*$/.test(original.slice(k + c.value.length))) return [start + k, start + k + c.value.length];
  }
  return [start, start + original.length];
}

/** `text` with every character but line breaks replaced by `fill` (offsets and line numbers stay). */
export const blankOut = (text: string, fill: string): string => text.replace(/[^\n\r]/g, fill);

export function staticHtml(source: string, contents: readonly hbs.AST.ContentStatement[], values: readonly ValueAt[], src: Located): StaticHtml {
  const spans = contents.map((c) => contentSpan(c, src)).filter(([s, e]) => e > s).sort((a, b) => a[0] - b[0]);
  const gaps: Array<[number, number]> = [];
  let pos = 0;
  for (const [s, e] of spans) {
    if (s > pos) gaps.push([pos, s]);
    pos = Math.max(pos, e);
  }
  if (pos < source.length) gaps.push([pos, source.length]);
  const out: string[] = [];
  let at = 0;
  let v = 0; // values are sorted and each lies inside a gap
  for (const [s, e] of gaps) {
    out.push(source.slice(at, s));
    let k = s;
    for (; v < values.length && values[v]!.start < e; v++) {
      const value = values[v]!;
      // What a value prints is escaped text: a number prints digits (where CSS needs a number, it is one).
      out.push(blankOut(source.slice(k, value.start), ' '), blankOut(source.slice(value.start, value.end), value.shape?.kind === 'number' ? '0' : 'x'));
      k = value.end;
    }
    out.push(blankOut(source.slice(k, e), ' '));
    at = e;
  }
  out.push(source.slice(at));
  return { text: out.join(''), gaps };
}

/** Offset of the first character of an attribute's value in `text`, reading `name = value` from the attribute's start. */
function valueStart(text: string, start: number, end: number, name: string): { at: number; quoted: boolean } {
  let k = start + name.length;
  while (k < end && /\s/.test(text[k]!)) k++;
  if (text[k] !== '=') return { at: -1, quoted: false };
  k++;
  while (k < end && /\s/.test(text[k]!)) k++;
  const quoted = text[k] === '"' || text[k] === "'";
  return { at: quoted ? k + 1 : k, quoted };
}

/** Tokenizes the static HTML; consecutive character tokens are merged into one text token per context. */
export function tokenizeHtml(text: string): HtmlToken[] {
  const tokens: HtmlToken[] = [];
  let context: TextContext = 'data';
  let element: string | undefined;
  const chars = (t: { location: { startOffset: number; endOffset: number } | null }) => {
    if (!t.location) return;
    const last = tokens[tokens.length - 1];
    if (last?.kind === 'text' && last.end === t.location.startOffset && last.context === context) last.end = t.location.endOffset;
    else tokens.push({ kind: 'text', start: t.location.startOffset, end: t.location.endOffset, context, element });
  };
  const handler: TokenHandler = {
    onStartTag(t) {
      const loc = t.location!;
      const attrs = t.attrs.map((a) => {
        const l = loc.attrs?.[a.name];
        const s = l?.startOffset ?? loc.startOffset;
        const v = valueStart(text, s, l?.endOffset ?? loc.endOffset, a.name);
        return { name: a.name, value: a.value, start: s, end: l?.endOffset ?? s, valueStart: v.at, quoted: v.quoted };
      });
      tokens.push({ kind: 'start', name: t.tagName, start: loc.startOffset, end: loc.endOffset, nameEnd: loc.startOffset + 1 + t.tagName.length, attrs });
      // The browser ignores "/>" on these (they are not void): <style/> still starts a style sheet.
      const raw = RAW_TEXT_ELEMENTS.get(t.tagName);
      if (raw) {
        const modes = { rcdata: TokenizerMode.RCDATA, rawtext: TokenizerMode.RAWTEXT, script: TokenizerMode.SCRIPT_DATA, plaintext: TokenizerMode.PLAINTEXT };
        tokenizer.state = modes[raw];
        context = raw;
        element = t.tagName;
      }
    },
    onEndTag(t) {
      tokens.push({ kind: 'end', name: t.tagName, start: t.location!.startOffset, end: t.location!.endOffset });
      context = 'data';
      element = undefined;
    },
    onComment: (t) => void tokens.push({ kind: 'comment', start: t.location!.startOffset, end: t.location!.endOffset }),
    onDoctype: (t) => void tokens.push({ kind: 'doctype', start: t.location!.startOffset, end: t.location!.endOffset }),
    onCharacter: chars,
    onWhitespaceCharacter: chars,
    onNullCharacter: chars,
    onEof: () => undefined,
  };
  const tokenizer = new Tokenizer({ sourceCodeLocationInfo: true }, handler);
  tokenizer.write(text, true);
  return tokens;
}

/** The token that holds `offset` (tokens are in order and do not overlap), by binary search. */
export function tokenAt(tokens: readonly HtmlToken[], offset: number): HtmlToken | undefined {
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (tokens[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  const t = tokens[lo];
  return t && t.start <= offset && offset < t.end ? t : undefined;
}
