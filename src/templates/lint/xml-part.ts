// Checks that one XML part of a DOCX package is well-formed, with saxes (a conformant XML parser that never resolves
// external entities): any DOCTYPE is refused outright, element nesting is bounded, and a visitor sees every element.
import { SaxesParser } from 'saxes';

/** What a part's visitor is shown, in document order. Offsets index the part's text. */
export interface XmlVisitor {
  /** A start tag (attribute values decoded); `start()` gives the offset of its "<" when wanted. */
  open?(name: string, attrs: Readonly<Record<string, string>>, depth: number, start: () => number): void;
  /** An end tag, or the end of an empty-element tag; `end` is the offset just past its ">". */
  close?(name: string, depth: number, end: number): void;
  /** Character data (references decoded), CDATA included. */
  text?(text: string): void;
}

export type XmlScan = { ok: true } | { ok: false; kind: 'doctype' | 'too_deep' | 'malformed'; message: string; line: number };

class Stop extends Error {
  readonly kind: 'doctype' | 'too_deep';
  constructor(kind: 'doctype' | 'too_deep') {
    super(kind);
    this.kind = kind;
  }
}

const lineAt = (text: string, offset: number): number => {
  let line = 1;
  for (let k = text.indexOf('\n'); k >= 0 && k < offset; k = text.indexOf('\n', k + 1)) line++;
  return line;
};

/** saxes prefixes its messages with "line:column: "; the line is given apart. */
const bareMessage = (message: string): string => message.replace(/^(?:[^:]*:)?\d+:\d+: /, '');

/**
 * Parses `text` as XML 1.0: one root element, every tag balanced, attributes quoted and unique, only the predefined
 * and numeric character references. Stops at the first error, at a DOCTYPE (never parsed further: it is how entity
 * expansion and external entities get in) or when elements nest deeper than `maxDepth`.
 */
export function scanXmlPart(text: string, maxDepth: number, visitor: XmlVisitor = {}): XmlScan {
  // Positions are not tracked (they cost a tenth of the time); the line of an error is counted afterwards.
  const parser = new SaxesParser({ position: false });
  let depth = 0;
  const start = () => text.lastIndexOf('<', parser.position - 1);
  parser.on('error', (e) => {
    throw e;
  });
  parser.on('doctype', () => {
    throw new Stop('doctype');
  });
  parser.on('opentag', (tag) => {
    if (++depth > maxDepth) throw new Stop('too_deep');
    visitor.open?.(tag.name, tag.attributes as Record<string, string>, depth, start);
  });
  parser.on('closetag', (tag) => {
    visitor.close?.(tag.name, depth, parser.position);
    depth--;
  });
  if (visitor.text) {
    const onText = visitor.text.bind(visitor);
    parser.on('text', onText);
    parser.on('cdata', onText);
  }
  try {
    parser.write(text).close();
  } catch (e) {
    const line = lineAt(text, parser.position);
    if (e instanceof Stop) return { ok: false, kind: e.kind, message: e.kind, line };
    return { ok: false, kind: 'malformed', message: bareMessage(e instanceof Error ? e.message : String(e)), line };
  }
  return { ok: true };
}
