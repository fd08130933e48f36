// Reads where the browser placed the linked anchors of a printed PDF (its named destinations), and finishes the PDF:
// the document information rewritten in place of the browser's own (no wall-clock time, no user agent, so the same
// input gives the same bytes), the document language, and an outline of the chapters and sections.
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString, type PDFObject } from 'pdf-lib';

export interface PdfAnchor {
  /** 1-based page number in the file. */
  page: number;
  /** Distance from the top of the page's text block (the browser writes destinations in its coordinates), in points. */
  top: number;
}

export interface PdfLayout {
  pages: number;
  pageHeight: number;
  /** Named destination → where it is. The browser writes one for every element an in-document link points to. */
  anchors: Map<string, PdfAnchor>;
}

async function open(bytes: Uint8Array): Promise<PDFDocument> {
  return PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: false });
}

function destinationsOf(doc: PDFDocument): Array<[string, PDFArray]> {
  const out: Array<[string, PDFArray]> = [];
  const dests = doc.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  if (dests) {
    for (const [key, value] of dests.entries()) {
      const arr = doc.context.lookup(value);
      if (arr instanceof PDFArray) out.push([key.decodeText(), arr]);
    }
  }
  return out;
}

function layoutOf(doc: PDFDocument): PdfLayout {
  const pages = doc.getPages();
  const index = new Map<string, number>(pages.map((p, i) => [p.ref.toString(), i + 1]));
  const pageHeight = pages[0]?.getHeight() ?? 0;
  const anchors = new Map<string, PdfAnchor>();
  for (const [name, arr] of destinationsOf(doc)) {
    const ref = arr.get(0);
    const page = ref instanceof PDFRef ? index.get(ref.toString()) : undefined;
    const y = arr.get(3);
    if (page === undefined) continue;
    const h = pages[page - 1]!.getHeight();
    anchors.set(name, { page, top: y instanceof PDFNumber ? Math.max(0, h - y.asNumber()) : 0 });
  }
  return { pages: pages.length, pageHeight, anchors };
}

/** Pages and anchors of a printed PDF. */
export async function readPdfLayout(bytes: Uint8Array): Promise<PdfLayout> {
  return layoutOf(await open(bytes));
}

export interface OutlineEntry {
  title: string;
  /** 1 = chapter; deeper levels nest under the nearest shallower entry before them. */
  level: number;
  /** The named destination (anchor) the entry opens. */
  anchor: string;
}

export interface PdfFinish {
  info: {
    title: string;
    author: string;
    subject: string;
    keywords: string;
    creator: string;
    producer: string;
    /** ISO date, written as CreationDate and ModDate. */
    date: string;
    /** Extra keys, e.g. { FilingId: 'feasibility-study' }. Names: letters and digits. */
    custom: Record<string, string>;
  };
  /** BCP 47 language of the document. */
  lang: string;
  outline: readonly OutlineEntry[];
}

const text = (s: string) => PDFHexString.fromText(s);
const pdfDate = (iso: string) => PDFString.of(`D:${iso.replace(/-/g, '')}000000Z`);

interface Node {
  entry: OutlineEntry;
  ref: PDFRef;
  dict: PDFDict;
  children: Node[];
}

function addOutline(doc: PDFDocument, entries: readonly OutlineEntry[]): void {
  const ctx = doc.context;
  const pages = doc.getPages();
  const dests = new Map(destinationsOf(doc));
  const root: Node[] = [];
  const stack: Node[] = [];
  for (const entry of entries) {
    const dest = dests.get(entry.anchor);
    if (!dest) continue;
    // The entry opens at the anchor's page, scrolled to its height, zoom unchanged.
    const target = PDFArray.withContext(ctx);
    target.push(dest.get(0) ?? pages[0]!.ref);
    target.push(PDFName.of('XYZ'));
    target.push(ctx.obj(null));
    target.push(dest.get(3) ?? ctx.obj(null));
    target.push(ctx.obj(null));
    const dict = ctx.obj({}) as PDFDict;
    dict.set(PDFName.of('Title'), text(entry.title));
    dict.set(PDFName.of('Dest'), target);
    const node: Node = { entry, ref: ctx.register(dict), dict, children: [] };
    while (stack.length && stack[stack.length - 1]!.entry.level >= entry.level) stack.pop();
    (stack.length ? stack[stack.length - 1]!.children : root).push(node);
    stack.push(node);
  }
  if (!root.length) return;
  const outlines = ctx.obj({ Type: 'Outlines' }) as PDFDict;
  const outlinesRef = ctx.register(outlines);
  const link = (parentRef: PDFRef, parent: PDFDict, kids: Node[]): number => {
    if (!kids.length) return 0;
    let count = 0;
    kids.forEach((k, i) => {
      k.dict.set(PDFName.of('Parent'), parentRef);
      if (i > 0) k.dict.set(PDFName.of('Prev'), kids[i - 1]!.ref);
      if (i < kids.length - 1) k.dict.set(PDFName.of('Next'), kids[i + 1]!.ref);
      const below = link(k.ref, k.dict, k.children);
      // Chapters open to show their sections; deeper levels stay closed (a negative count).
      if (below) k.dict.set(PDFName.of('Count'), PDFNumber.of(k.entry.level === 1 ? below : -below));
      count += 1 + (k.entry.level === 1 ? below : 0);
    });
    parent.set(PDFName.of('First'), kids[0]!.ref);
    parent.set(PDFName.of('Last'), kids[kids.length - 1]!.ref);
    return count;
  };
  outlines.set(PDFName.of('Count'), PDFNumber.of(link(outlinesRef, outlines, root)));
  doc.catalog.set(PDFName.of('Outlines'), outlinesRef);
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}

function setInfo(doc: PDFDocument, info: PdfFinish['info']): void {
  for (const name of Object.keys(info.custom)) if (!/^[A-Za-z][A-Za-z0-9]*$/.test(name)) throw new Error(`bad PDF info key ${name}`);
  // The browser's own Info dictionary is emptied and refilled, so no trace of the render time or user agent is left.
  const existing = doc.context.trailerInfo.Info;
  const dict = (existing ? doc.context.lookup(existing) : undefined) as PDFDict | undefined;
  const target = dict instanceof PDFDict ? dict : (doc.context.obj({}) as PDFDict);
  for (const key of target.keys()) target.delete(key);
  const values: Array<[string, PDFObject]> = [
    ['Title', text(info.title)],
    ['Author', text(info.author)],
    ['Subject', text(info.subject)],
    ['Keywords', text(info.keywords)],
    ['Creator', text(info.creator)],
    ['Producer', text(info.producer)],
    ['CreationDate', pdfDate(info.date)],
    ['ModDate', pdfDate(info.date)],
    ...Object.entries(info.custom).map(([k, v]): [string, PDFObject] => [k, text(v)]),
  ];
  for (const [k, v] of values) target.set(PDFName.of(k), v);
  if (!(dict instanceof PDFDict)) doc.context.trailerInfo.Info = doc.context.register(target);
}

/** The finished PDF: information, language and outline, written out whole (not appended as an update). */
export async function finishPdf(bytes: Uint8Array, opts: PdfFinish): Promise<{ bytes: Uint8Array; layout: PdfLayout }> {
  const doc = await open(bytes);
  const layout = layoutOf(doc);
  setInfo(doc, opts.info);
  doc.catalog.set(PDFName.of('Lang'), PDFString.of(opts.lang));
  addOutline(doc, opts.outline);
  const out = await doc.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false });
  return { bytes: out, layout };
}
