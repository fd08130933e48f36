// What the DOCX linter reads from a WordprocessingML part in the same XML pass that checks it: the text of its runs
// (where docxtemplater finds tags), section bookmarks, field instructions, and the body's paragraphs that hold no tag.
import type { SectionEvent } from './sections.ts';
import type { XmlVisitor } from './xml-part.ts';

export interface WordPartSummary {
  /** Text of every w:t, joined in order (as docxtemplater joins runs, so split tags count). */
  text: string;
  /** Section bookmarks (sec_<id>) by the length of `text` where they stand. */
  bookmarks: Array<{ at: number; id: string }>;
  /** Instructions of every field: complex fields (w:fldChar begin … end, nested apart) and w:fldSimple. */
  fieldCodes: string[];
  /** [start, end) of each paragraph directly in w:body (document.xml only). */
  bodyParagraphs: Array<[number, number]>;
}

/** A visitor that fills a summary. `body`: also record the spans of w:body's own paragraphs. */
export function wordPartCollector(body: boolean): { visitor: XmlVisitor; summary: () => WordPartSummary } {
  const texts: string[] = [];
  let length = 0;
  const bookmarks: WordPartSummary['bookmarks'] = [];
  const fieldCodes: string[] = [];
  const openFields: string[] = [];
  const bodyParagraphs: Array<[number, number]> = [];
  let inText = false;
  let inInstr = false;
  let paragraphStart = -1;
  let bodyDepth = -1;
  const visitor: XmlVisitor = {
    open(name, attrs, depth, start) {
      if (name === 'w:t') inText = true;
      else if (name === 'w:instrText') inInstr = true;
      else if (name === 'w:bookmarkStart') {
        const id = /^sec_(.+)$/.exec(attrs['w:name'] ?? '')?.[1];
        if (id !== undefined) bookmarks.push({ at: length, id });
      } else if (name === 'w:fldChar') {
        const type = attrs['w:fldCharType'];
        if (type === 'begin') openFields.push('');
        else if (type === 'end' && openFields.length) fieldCodes.push(openFields.pop()!);
      } else if (name === 'w:fldSimple') fieldCodes.push(attrs['w:instr'] ?? '');
      else if (body && name === 'w:body' && bodyDepth < 0) bodyDepth = depth;
      else if (body && name === 'w:p' && depth === bodyDepth + 1) paragraphStart = start();
    },
    close(name, depth, end) {
      if (name === 'w:t') inText = false;
      else if (name === 'w:instrText') inInstr = false;
      else if (name === 'w:p' && paragraphStart >= 0 && depth === bodyDepth + 1) {
        bodyParagraphs.push([paragraphStart, end]);
        paragraphStart = -1;
      }
    },
    text(t) {
      if (inText) {
        texts.push(t);
        length += t.length;
      } else if (inInstr && openFields.length) openFields[openFields.length - 1] += t;
    },
  };
  return { visitor, summary: () => ({ text: texts.join(''), bookmarks, fieldCodes: [...fieldCodes, ...openFields], bodyParagraphs }) };
}

/** Deepest nesting of loop tags ({#…}, {^…}, {-w:p …}) in the joined text; docxtemplater's parse grows faster than linearly with it. */
export function tagDepth(text: string): number {
  let depth = 0;
  let max = 0;
  for (const m of text.matchAll(/\{\s*([#^/]|-\S+\s)/g)) {
    if (m[1] === '/') depth = Math.max(0, depth - 1);
    else max = Math.max(max, ++depth);
  }
  return max;
}

/** Without a compiled template: wrappers from the joined text (so split tags count), bookmarks by position. */
export function sectionEventsFromText(s: WordPartSummary): SectionEvent[] {
  const marks: Array<{ pos: number; rank: number; ev: SectionEvent }> = s.bookmarks.map((b) => ({ pos: b.at, rank: 1, ev: { kind: 'marker', id: b.id, tag: `sec_${b.id}` } }));
  for (const m of s.text.matchAll(/\{([^{}]*)\}/g)) {
    const raw = m[1]!.trim();
    const open = /^(?:#|-\S+\s+)s_(\S+)$/.exec(raw);
    const close = /^\/s_(\S+)$/.exec(raw);
    if (open) marks.push({ pos: m.index + m[0].length, rank: 0, ev: { kind: 'open', id: open[1]!, tag: m[0] } });
    else if (close) marks.push({ pos: m.index, rank: 2, ev: { kind: 'close', id: close[1]! } });
  }
  marks.sort((a, b) => a.pos - b.pos || a.rank - b.rank);
  return marks.map((m) => m.ev);
}

/** Offsets of every occurrence of `needle` in `text`, found by the native search (each character looked at once). */
function offsetsOf(text: string, needle: string): number[] {
  const out: number[] = [];
  for (let k = text.indexOf(needle); k >= 0; k = text.indexOf(needle, k + needle.length)) out.push(k);
  return out;
}

/**
 * The part without those paragraphs of w:body that cannot matter to docxtemplater's parse: no "{" or "}" anywhere in
 * their markup, no bookmark, and not inside a tag left open before them (the last brace before them is not "{").
 * docxtemplater's cost grows with the whole part, so a long document of plain paragraphs is compiled as its tags
 * alone; everything else, tables included, is kept as written.
 */
export function withoutPlainParagraphs(xml: string, paragraphs: ReadonlyArray<readonly [number, number]>): string {
  const opens = offsetsOf(xml, '{');
  const braces = [...opens, ...offsetsOf(xml, '}')].sort((a, b) => a - b);
  const openSet = new Set(opens);
  const bookmarks = offsetsOf(xml, 'bookmarkStart');
  const kept: string[] = [];
  let from = 0;
  let b = 0; // first brace at or after the current paragraph
  let m = 0; // first bookmark at or after the current paragraph
  for (const [s, e] of paragraphs) {
    while (b < braces.length && braces[b]! < s) b++;
    while (m < bookmarks.length && bookmarks[m]! < s) m++;
    const insideTag = b > 0 && openSet.has(braces[b - 1]!);
    const plain = !(b < braces.length && braces[b]! < e) && !(m < bookmarks.length && bookmarks[m]! < e);
    if (plain && !insideTag) {
      kept.push(xml.slice(from, s));
      from = e;
    }
  }
  kept.push(xml.slice(from));
  return kept.join('');
}
