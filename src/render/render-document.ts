// The CPU-heavy step of a render, as a function of plain data: view → DOCX or HTML engine → output check.
// Its job and result are serialisable (structured-clone safe), so it can run in a worker thread as well as inline.
import { buildView, filingById, type DocView, type SectionView } from '../core/filings/index.ts';
import { renderDocx } from './docx/render-docx.ts';
import { renderHtml, withProbes } from './html/render-html.ts';
import type { OutlineEntry } from './pdf/pdf-finish.ts';
import { assertOutput, collectStrings } from './verify-output.ts';
import type { RenderEngines } from './render-engines.ts';
import { documentMetadata, renderInput, type RenderJob, type RenderedDocument } from './document-job.ts';

/** `…运行维护项目` + `项目建议书` → `…运行维护项目建议书`: no doubled 项目. */
function joinZh(title: string, filingName: string): string {
  return title.endsWith('项目') && filingName.startsWith('项目') ? title + filingName.slice(2) : title + filingName;
}

/** The headed sections as outline entries (bilingual: both headings in one entry). */
function outlineOf(view: DocView): OutlineEntry[] {
  return view.order
    .map((id) => view[`s_${id}`] as SectionView | false)
    .filter((s): s is SectionView => !!s && s.style === 'heading')
    .map((s) => ({ title: s.headingAlt ? `${s.heading} ${s.headingAlt}` : s.heading, level: s.level, anchor: `sec_${s.id}` }));
}

export async function renderDocument(engines: RenderEngines, job: RenderJob): Promise<RenderedDocument> {
  const def = filingById(job.filingId);
  if (!def) throw new Error(`no filing ${job.filingId}`);
  const input = renderInput(job);
  const view = buildView(def, input, { locale: job.locale, templateVersion: job.templateVersion, inputSha256: job.inputSha256, ...(job.draftFindings ? { draft: { findings: job.draftFindings } } : {}) });
  const lang = view.doc.lang;
  // A letter's title already names the filing (关于…的请示); a report's title is the project name.
  const title = def.layout === 'letter' ? view.doc.title : lang === 'en' ? `${view.doc.title} — ${view.doc.filingName}` : joinZh(view.doc.title, view.doc.filingName);
  const date = def.dateOf(input);
  const author = lang === 'en' || !view.doc.bilingual ? view.doc.unit : `${view.doc.unit} ${view.doc.unitAlt}`.trim();
  const meta = documentMetadata(job);
  const base = { title, lang, date, sections: view.order, outline: outlineOf(view), author, subject: meta.subject };
  const inputStrings = () => collectStrings(input);

  if (job.format === 'docx') {
    const out = renderDocx(await engines.docx(def.id, job.templateVersion), view, { title, author, language: view.doc.bilingual ? 'zh-CN, en' : lang, date, ...meta });
    assertOutput({ format: 'docx', markers: out.markers, required: view.order, text: out.text, inputStrings });
    return { ...base, bytes: out.bytes };
  }
  const out = renderHtml(await engines.html(def.id, job.templateVersion), view, job.print);
  assertOutput({ format: 'html', markers: out.markers, required: view.order, text: out.text, inputStrings });
  return { ...base, bytes: new TextEncoder().encode(job.probes ? withProbes(out.html, job.probes === 'all') : out.html) };
}
