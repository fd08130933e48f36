// A PDF in two prints: the first (with probe links) tells where headings, table rows and the 版记 landed; the second
// sets the 目录's page numbers, the page-number sides, the 续表 splits and the 版记 at the foot of the last even page.
// Then the PDF is finished: its information (in place of the browser's), language and outline.
import type { Finding } from '../core/compliance/index.ts';
import { AppError } from '../core/errors.ts';
import type { PrintFacts } from '../render/html/render-html.ts';
import type { PdfAnchor, PdfFinish, PdfLayout } from '../render/pdf/pdf-finish.ts';
import { documentMetadata, type RenderJob, type RenderedDocument } from '../render/document-job.ts';
import { fontFallbackFindings } from '../render/glyphs.ts';
import { describeFonts } from '../render/fonts.ts';
import type { BlockedRequest, PdfTicket } from '../core/ports.ts';
import type { RenderServices } from './services.ts';
import { workOf } from './work.ts';

const MM = 72 / 25.4;
/** The text block is 225 mm high (GB/T 9704 §5.2); anchors are measured from its top. */
const BLOCK_HEIGHT = 225 * MM;

/**
 * Where the 版记 goes (§7.4.1: at the foot of the last page, an even one). From the body's end on page b: if it fits on
 * b and b is even, it drops to the foot of b; on an odd b it opens b+1; pushed onto an odd b+1, it goes on to b+2.
 */
function imprintPlace(bodyEnd: PdfAnchor | undefined, top: PdfAnchor | undefined, end: PdfAnchor | undefined): PrintFacts['imprint'] {
  if (!bodyEnd || !top || !end) return undefined;
  const height = end.page === top.page ? end.top - top.top : BLOCK_HEIGHT - top.top;
  const mm = (pt: number) => Math.max(0, Math.floor((pt / MM) * 10) / 10 - 1);
  if (top.page === bodyEnd.page) {
    return bodyEnd.page % 2 === 0 ? { gapMm: mm(BLOCK_HEIGHT - top.top - height), newPage: false } : { gapMm: mm(BLOCK_HEIGHT - height), newPage: 'page' };
  }
  return { gapMm: mm(BLOCK_HEIGHT - height), newPage: top.page % 2 === 0 ? false : 'left' };
}

/** What the second print needs from the first; null when it would print the same pages (nothing to set). */
function printFacts(layout: PdfLayout, sections: readonly string[]): PrintFacts | null {
  const at = (name: string) => layout.anchors.get(name);
  const first = sections.map((id) => at(`sec_${id}`)).find((a) => a !== undefined);
  const frontPages = first ? first.page - 1 : 0;
  const pages: Record<string, number> = {};
  for (const id of sections) {
    const a = at(`sec_${id}`);
    if (a) pages[id] = a.page - frontPages;
  }
  const splits: Record<number, number> = {};
  const rows = new Map<number, Array<[number, number]>>();
  for (const [name, a] of layout.anchors) {
    const m = /^t(\d+)r(\d+)$/.exec(name);
    if (!m) continue;
    const list = rows.get(Number(m[1])) ?? [];
    list.push([Number(m[2]), a.page]);
    rows.set(Number(m[1]), list);
  }
  for (const [table, list] of rows) {
    list.sort((x, y) => x[0] - y[0]);
    const firstPage = list[0]![1];
    const next = list.find(([, page]) => page > firstPage);
    if (next) splits[table] = next[0];
  }
  const imprint = imprintPlace(at('body-end'), at('imprint'), at('imprint-end'));
  const facts: PrintFacts = { pages, frontPages, splits, ...(imprint ? { imprint } : {}) };
  const needed = Object.keys(pages).length > 0 || Object.keys(splits).length > 0 || imprint !== undefined || frontPages % 2 === 1;
  return needed ? facts : null;
}

/** Prints after the first that may follow when a split moved rows; each one re-reads the pages it printed. */
const MAX_REPRINTS = 3;

/** Whether a print placed headings and table splits where its facts said (the 版记's gap is set once, from the first). */
function sameFlow(seen: PrintFacts, set: PrintFacts): boolean {
  const splitsHeld = Object.entries(seen.splits).every(([table, row]) => set.splits[Number(table)] === row);
  return splitsHeld && seen.frontPages === set.frontPages && JSON.stringify(seen.pages) === JSON.stringify(set.pages);
}

export interface PrintedPdf {
  bytes: Uint8Array;
  /** Render warnings: characters no font draws, type roles without their font. */
  findings: Finding[];
  doc: RenderedDocument;
}

export interface PrintOptions {
  signal?: AbortSignal;
  /** The printer place the request took as it arrived; every print of this PDF uses it. */
  ticket?: PdfTicket;
  /** Each request Chromium refused, in any of the prints. */
  onBlocked?: (r: BlockedRequest) => void;
}

/** Renders, prints twice when the pages need it, and finishes the PDF. */
export async function printPdf(services: RenderServices, job: RenderJob, opts: PrintOptions = {}): Promise<PrintedPdf> {
  if (!services.pdf) throw new AppError({ code: 'renderer_unavailable', message: { 'zh-CN': 'PDF 渲染器不可用。', en: 'The PDF renderer is not available.' } });
  const pdf = services.pdf;
  // Rendering, reading the printed pages and finishing the PDF are CPU work: they run where the work runs (a worker).
  const findings: Finding[] = [];
  // Every print of this document in the one tab the ticket holds for it (a place taken here when none was given).
  const ticket = opts.ticket ?? pdf.admit?.();
  const document = {};
  try {
    return await printAndFinish(services, job, opts, ticket, document, findings);
  } finally {
    if (!opts.ticket) ticket?.release();
  }
}

async function printAndFinish(services: RenderServices, job: RenderJob, opts: PrintOptions, ticket: PdfTicket | undefined, document: object, findings: Finding[]): Promise<PrintedPdf> {
  const { signal } = opts;
  const pdf = services.pdf!;
  const work = workOf(services);
  let input: Pick<RenderJob, 'input' | 'inputJson'> = job;
  if (services.fonts) {
    // Characters no font draws are replaced in the input itself (in the work: it walks every string).
    const glyphs = await work.glyphs({ input: job.input, inputJson: job.inputJson, ranges: services.fonts.ranges }, signal);
    if (glyphs.changed) input = { input: glyphs.input, inputJson: glyphs.inputJson };
    findings.push(...glyphs.findings, ...fontFallbackFindings(services.fonts));
  }
  const print = async (j: RenderJob) => {
    const doc = await work.render(j, signal);
    const bytes = await pdf.print(new TextDecoder().decode(doc.bytes), { title: doc.title, document, ...(signal ? { signal } : {}), ...(ticket ? { ticket } : {}), ...(opts.onBlocked ? { onBlocked: opts.onBlocked } : {}) });
    return { doc, bytes };
  };
  let { doc, bytes } = await print({ ...job, ...input, probes: 'all' });
  let facts = printFacts(await work.pdfLayout(bytes, signal), doc.sections);
  // A split can move rows the first print placed (a table's last row takes more room than one that continues), and
  // then the 目录 and later splits are off: print again from what the last print shows, until it shows what it set.
  for (let n = 0; facts && n < MAX_REPRINTS; n++) {
    ({ doc, bytes } = await print({ ...job, ...input, print: facts, probes: 'all' }));
    const seen = printFacts(await work.pdfLayout(bytes, signal), doc.sections);
    if (!seen || sameFlow(seen, facts)) break;
    facts = { ...facts, pages: seen.pages, frontPages: seen.frontPages, splits: { ...facts.splits, ...seen.splits } };
  }
  if (ticket) await pdf.endDocument?.(ticket);
  const meta = documentMetadata(job);
  const finish: PdfFinish = {
    info: {
      title: doc.title,
      author: doc.author,
      subject: meta.subject,
      keywords: meta.keywords,
      creator: 'gov-filing-service',
      producer: 'gov-filing-service (Chromium, pdf-lib)',
      date: doc.date,
      custom: { ...meta.custom, ...(services.fonts ? { Fonts: describeFonts(services.fonts.resolved) } : {}) },
    },
    lang: doc.lang,
    outline: doc.outline,
  };
  return { bytes: await work.finishPdf({ pdf: bytes, finish }, signal), findings, doc };
}
