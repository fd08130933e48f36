// The jobs of Work (work.ts) themselves, run in the calling thread: the render engines, the ZIP writer, the template
// lint and the PDF reader. A render worker imports this; the service's main thread loads it only when it renders inline.
import { canonicalJson, sha256Hex } from '../core/canonical.ts';
import { checkFiling } from '../core/compliance/index.ts';
import { DEFAULT_JSON_LIMITS, readJson } from '../core/json-input.ts';
import type { TemplateStore } from '../core/ports.ts';
import { toFieldIssues, validate } from '../core/validation.ts';
import { renderDocument } from '../render/render-document.ts';
import { renderInput } from '../render/document-job.ts';
import { checkGlyphs, coverageOf } from '../render/glyphs.ts';
import { templateEngines } from '../render/render-engines.ts';
import { writeZip } from '../render/zip.ts';
import { finishPdf, readPdfLayout } from '../render/pdf/pdf-finish.ts';
import { lintTemplateVersion } from '../templates/lint/index.ts';
import { requireFiling } from './filings.ts';
import type { InputJob, Work, WorkTools } from './work.ts';

/** The job's input: as given, or read from its body's bytes under the JSON limits. */
function inputOf(job: InputJob): unknown {
  return job.body ? readJson(job.body, job.limits ?? DEFAULT_JSON_LIMITS) : job.input;
}

/** The jobs run in the calling thread, one after another as the event loop takes them. */
export function createWork(tools: WorkTools): Work {
  const hash = tools.sha256 ?? sha256Hex;
  return {
    async prepare(job) {
      const def = requireFiling(job.filingId);
      const parsed = validate(def.schema, inputOf(job));
      const facts = { inputSha256: await hash(canonicalJson(parsed)), findings: checkFiling(def, parsed), date: def.dateOf(parsed) };
      return job.asJson ? { input: undefined, inputJson: JSON.stringify(parsed), ...facts } : { input: parsed, ...facts };
    },
    async validate(job) {
      const result = requireFiling(job.filingId).schema.safeParse(inputOf(job));
      return { valid: result.success, errors: result.success ? [] : toFieldIssues(result.error.issues) };
    },
    render: (job) => renderDocument(tools.engines, job),
    async glyphs(job) {
      const r = checkGlyphs(renderInput(job), { covers: coverageOf(job.ranges) });
      // checkGlyphs keeps the input itself when every character is drawn, and reports each string it changed.
      if (!r.findings.length) return { changed: false, findings: [] };
      return job.inputJson !== undefined ? { changed: true, input: undefined, inputJson: JSON.stringify(r.input), findings: r.findings } : { changed: true, input: r.input, findings: r.findings };
    },
    zip: async (entries) => writeZip(entries, tools.deflater),
    async lint({ filingId, docx, html, date }) {
      return lintTemplateVersion({ filing: requireFiling(filingId), ...(docx ? { docx } : {}), ...(html !== undefined ? { html } : {}), ...(date ? { date } : {}) });
    },
    pdfLayout: (pdf) => readPdfLayout(pdf),
    finishPdf: async ({ pdf, finish }) => (await finishPdf(pdf, finish)).bytes,
  };
}


/** Jobs inline over a template store, with the default engines (DOCX compiled once per content, JavaScript deflate). */
export function createInlineWork(templates: TemplateStore): Work {
  return createWork({ engines: templateEngines(templates) });
}
