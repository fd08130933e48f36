// The CPU work of the use cases as jobs of plain data (structured-clone safe): validate and check an input, render a
// document, write a ZIP, lint a template version, read and finish a printed PDF. The jobs themselves are in
// inline-work.ts and run inline or in a worker thread; the use cases only see this interface, so a worker pool can stand
// behind it without them changing, and a thread that only routes never loads the engines.
import type { Finding } from '../core/compliance/index.ts';
import type { JsonLimits } from '../core/json-input.ts';
import type { FilingId } from '../core/filings/index.ts';
import type { TemplateStore } from '../core/ports.ts';
import type { RenderJob, RenderedDocument } from '../render/document-job.ts';
import type { RenderEngines } from '../render/render-engines.ts';
import type { Deflater, ZipEntry } from '../render/zip.ts';
import type { PdfFinish, PdfLayout } from '../render/pdf/pdf-finish.ts';
import type { TemplateLintResult } from '../templates/lint/index.ts';
import type { ValidationResult } from './check-filing.ts';

export interface InputJob {
  filingId: string;
  /** The input as the caller sent it, parsed. */
  input?: unknown;
  /** Or the body's bytes as they arrived, read here under `limits` (off the event loop when the work is a pool's). */
  body?: Uint8Array;
  limits?: JsonLimits;
  /** Answer with the parsed input as JSON text (`inputJson`), which crosses to a worker far cheaper than an object graph. */
  asJson?: boolean;
}

/** An input validated, identified and checked: everything a render decides before choosing its template. */
export interface PreparedInput {
  /** The input as the schema parsed it (undefined when it came as `inputJson`: read it with preparedValue). */
  input: unknown;
  /** The same as JSON text, when the work was asked for it: a render job carries this instead of `input`. */
  inputJson?: string;
  inputSha256: string;
  findings: Finding[];
  /** The filing's own date (ISO), which picks the template version in force. */
  date: string;
}

/** The characters of an input that no font draws (PDF): the input and the fonts' coverage (FontReport.ranges). */
export interface GlyphJob {
  input: unknown;
  inputJson?: string | undefined;
  ranges: Uint32Array;
}

/** The input with undrawable characters marked, in the form it came in (JSON text or a value), when any were. */
export type GlyphResult = { changed: false; findings: Finding[] } | { changed: true; input: unknown; inputJson?: string; findings: Finding[] };

export interface LintJob {
  filingId: FilingId;
  docx?: Uint8Array;
  html?: string;
  date?: string;
}

/** A place held in the work queue from a request's arrival to its end; released once. */
export interface WorkTicket {
  release(): void;
}

export interface Work {
  /** Schema validation, canonical hash and compliance findings; throws input_invalid with every problem. */
  prepare(job: InputJob, signal?: AbortSignal): Promise<PreparedInput>;
  /** Schema validation only; an invalid input is an answer here, not an error. */
  validate(job: InputJob, signal?: AbortSignal): Promise<ValidationResult>;
  render(job: RenderJob, signal?: AbortSignal): Promise<RenderedDocument>;
  /** Characters no font draws, marked in the input and reported (a walk over every string: CPU work too). */
  glyphs(job: GlyphJob, signal?: AbortSignal): Promise<GlyphResult>;
  zip(entries: ZipEntry[], signal?: AbortSignal): Promise<Uint8Array>;
  lint(job: LintJob, signal?: AbortSignal): Promise<TemplateLintResult>;
  /** Where a printed PDF's anchors (headings, table rows, 版记) landed: parsing a whole PDF is CPU work too. */
  pdfLayout(pdf: Uint8Array, signal?: AbortSignal): Promise<PdfLayout>;
  /** A printed PDF with its information, language and outline set. */
  finishPdf(job: { pdf: Uint8Array; finish: PdfFinish }, signal?: AbortSignal): Promise<Uint8Array>;
  /** Takes a place for a request before its body is read; throws queue_full when there is none (pools only). */
  admit?(): WorkTicket;
  /** True when admit() would refuse now. */
  saturated?(): boolean;
}

export interface WorkTools {
  engines: RenderEngines;
  deflater?: Deflater;
  /** Hex SHA-256; Web Crypto by default. */
  sha256?: (data: string) => string | Promise<string>;
}

/** A prepared input's value, parsed from its JSON text when it came as that. */
export function preparedValue(p: Pick<PreparedInput, 'input' | 'inputJson'>): unknown {
  return p.inputJson !== undefined ? JSON.parse(p.inputJson) : p.input;
}

const inline = new WeakMap<TemplateStore, Work>();

/** A Work whose jobs load the engines on first use (a dynamic import), then run inline over `templates`. */
function lazyInlineWork(templates: TemplateStore): Work {
  let made: Promise<Work> | undefined;
  const work = () => (made ??= import('./inline-work.ts').then((m) => m.createInlineWork(templates)));
  return {
    prepare: async (job, signal) => (await work()).prepare(job, signal),
    validate: async (job, signal) => (await work()).validate(job, signal),
    render: async (job, signal) => (await work()).render(job, signal),
    glyphs: async (job, signal) => (await work()).glyphs(job, signal),
    zip: async (entries, signal) => (await work()).zip(entries, signal),
    lint: async (job, signal) => (await work()).lint(job, signal),
    pdfLayout: async (pdf, signal) => (await work()).pdfLayout(pdf, signal),
    finishPdf: async (job, signal) => (await work()).finishPdf(job, signal),
  };
}

/** The work of a set of services: its pool when it has one, else the jobs inline over its template store. */
export function workOf(services: { templates: TemplateStore; work?: Work }): Work {
  if (services.work) return services.work;
  let w = inline.get(services.templates);
  if (!w) {
    w = lazyInlineWork(services.templates);
    inline.set(services.templates, w);
  }
  return w;
}
