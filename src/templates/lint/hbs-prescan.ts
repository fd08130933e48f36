// A look at a Handlebars source before its parser sees it: how deep blocks and sub-expressions nest. Handlebars'
// parser grows faster than linearly with both (20,000 nested blocks, or 1,600 nested sub-expressions with hash
// arguments, take seconds), so a template over the limits is refused without being parsed. One pass, linear.

export interface HbsNesting {
  /** Deepest nesting of {{#…}} / {{^…}} blocks. */
  blocks: number;
  /** Deepest nesting of parentheses inside one mustache (sub-expressions; string literals counted too, to be safe). */
  subexpressions: number;
}

/** Where the mustache opening at `from` ("{{") ends: just past its "}}" (or "--}}" for a long comment), or the end. */
function mustacheEnd(source: string, from: number): number {
  const long = source.startsWith('{{!--', from) || source.startsWith('{{~!--', from);
  const close = long ? source.indexOf('--}}', from + 5) : source.indexOf('}}', from + 2);
  return close < 0 ? source.length : close + (long ? 4 : 2);
}

export function hbsNesting(source: string): HbsNesting {
  let depth = 0;
  let blocks = 0;
  let subexpressions = 0;
  for (let at = source.indexOf('{{'); at >= 0; ) {
    const end = mustacheEnd(source, at);
    const head = /^\{\{~?\s*([#/^!]?)/.exec(source.slice(at, Math.min(end, at + 16)))?.[1];
    if (head === '/') depth = Math.max(0, depth - 1);
    else if (head === '#' || (head === '^' && !/^\{\{~?\s*\^\s*~?\}\}/.test(source.slice(at, Math.min(end, at + 16))))) blocks = Math.max(blocks, ++depth);
    if (head !== '!') {
      let parens = 0;
      for (let k = at + 2; k < end; k++) {
        const c = source.charCodeAt(k);
        if (c === 0x28) subexpressions = Math.max(subexpressions, ++parens);
        else if (c === 0x29) parens = Math.max(0, parens - 1);
      }
    }
    at = end >= source.length ? -1 : source.indexOf('{{', end);
  }
  return { blocks, subexpressions };
}
