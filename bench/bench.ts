// npm run bench [-- --filing <id>] [--quick]
// For each filing's largest sample: DOCX and PDF timings of the service (through its worker pool, one render at a time)
// against the bare libraries measured in the same run, peak memory, and how the feasibility study's cost grows with
// its sharing catalogue. Prints figures only.
import { readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import PizZip from 'pizzip';
import Docxtemplater from 'docxtemplater';
import puppeteer from 'puppeteer-core';
import { loadConfig } from '../src/config.ts';
import { FILINGS, filingById } from '../src/core/filings/index.ts';
import { buildView } from '../src/core/filings/index.ts';
import { renderFiling } from '../src/usecases/render-filing.ts';
import { checkFiling } from '../src/core/compliance/index.ts';
import { dottedParser, withTableXml } from '../src/render/docx/render-docx.ts';
import { chromiumArgs } from '../src/runtime/node/puppeteer-pdf-printer.ts';
import { createNodeRenderServices } from '../src/runtime/node/services.ts';
import { validSamples } from '../src/runtime/node/sample-files.ts';
import { median, mb, memorySampler, ms, throughput, timeEach, treePss, treeRss, verdict } from './support.ts';

const { values } = parseArgs({ options: { filing: { type: 'string' }, quick: { type: 'boolean', default: false } } });
const Q = values.quick ? 0.34 : 1;
const n = (x: number) => Math.max(2, Math.round(x * Q));
const config = loadConfig(process.env);
// No render cache here: every render below must be a render.
const services = await createNodeRenderServices({ ...config, PDF_CONCURRENCY: 2, RENDER_CACHE_MAX_BYTES: 0 });
await (services as { pool?: { ready(): Promise<void> } }).pool?.ready();
const memory = memorySampler(() => {
  const browser = services.pdf.browserProcessId() ?? 0;
  return { node: process.memoryUsage().rss, chromiumPss: treePss(browser), chromiumRss: treeRss(browser) };
});
const ratio = (a: number, b: number) => (a / b).toFixed(2);

function largestSample(filingId: string): { path: string; input: unknown } {
  const paths = validSamples(filingId).sort((a, b) => statSync(b).size - statSync(a).size);
  return { path: paths[0]!, input: JSON.parse(readFileSync(paths[0]!, 'utf8')) };
}

/** The same template and data through bare docxtemplater + pizzip: a new zip and compile per document, as usual. */
async function bareDocx(filingId: string, input: unknown): Promise<() => Uint8Array> {
  const def = filingById(filingId)!;
  const parsed = def.schema.parse(input);
  const version = services.templates.versions(def.id).find((v) => v.status === 'published')!.version;
  const template = await services.templates.docx(def.id, version);
  const data = withTableXml(buildView(def, parsed, { locale: 'zh-CN', templateVersion: version, inputSha256: '0'.repeat(64) }));
  return () => {
    const doc = new Docxtemplater(new PizZip(template), { paragraphLoop: true, linebreaks: true, parser: dottedParser });
    doc.render(data);
    return doc.getZip().generate({ type: 'uint8array', compression: 'DEFLATE' });
  };
}

/** Alternates two workloads so drift (JIT, GC, other load) falls on both alike; returns their latencies. */
async function interleaved(count: number, a: () => unknown, b: () => unknown): Promise<[number[], number[]]> {
  const xa: number[] = [];
  const xb: number[] = [];
  for (let i = 0; i < count; i++) {
    let t = performance.now();
    await a();
    xa.push(performance.now() - t);
    t = performance.now();
    await b();
    xb.push(performance.now() - t);
  }
  return [xa, xb];
}

async function htmlFor(filingId: string, input: unknown): Promise<string> {
  const r = await renderFiling(services, { filingId, format: 'html', locale: 'zh-CN', input });
  return new TextDecoder().decode(r.bytes);
}

console.log(`Node ${process.version}, ${FILINGS.length} filings${values.quick ? ' (quick)' : ''}; the service prints untagged PDFs (PDF_TAGGED=${config.PDF_TAGGED}), bare puppeteer uses its defaults\n`);
const browser = await puppeteer.launch({ executablePath: config.CHROMIUM_PATH, headless: true, args: chromiumArgs(), handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false });
const barePages = [await browser.newPage(), await browser.newPage()];
await services.pdf.warm();

for (const def of FILINGS) {
  if (values.filing && def.id !== values.filing) continue;
  const { path, input } = largestSample(def.id);
  const render = (format: 'docx' | 'pdf') => renderFiling(services, { filingId: def.id, format, locale: 'zh-CN', input });
  const pdfOnce = await render('pdf');
  const pages = (new TextDecoder('latin1').decode(pdfOnce.bytes).match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
  console.log(`== ${def.id}: ${path} (${(statSync(path).size / 1024).toFixed(0)} KB JSON, ${pages} PDF pages)`);

  // DOCX: the whole service path (validate, hash, view, render, check, metadata) against bare docxtemplater + pizzip.
  const bare = await bareDocx(def.id, input);
  await interleaved(20, () => render('docx'), bare);
  const [ours, bareTimes] = await interleaved(n(40), () => render('docx'), bare);
  // Compliance preflight on the same (validated) input, against the DOCX render time.
  // Each check gets its own copy of the input, as each request does (the string walk is cached per input object).
  const copies = Array.from({ length: 20 + n(100) }, () => def.schema.parse(input));
  await timeEach(20, () => checkFiling(def, copies.pop()));
  const checkTimes = await timeEach(n(100), () => checkFiling(def, copies.pop()));
  const docxLoop = await throughput(n(60), 1, () => render('docx'));
  console.log(`CHECK p50 ${ms(median(checkTimes))} = ${((median(checkTimes) / median(ours)) * 100).toFixed(1)}% of the DOCX render (target < 5%: ${verdict(median(checkTimes) / median(ours) < 0.05)})`);
  console.log(`DOCX  service p50 ${ms(median(ours))}, ${docxLoop.perSecond.toFixed(1)} docs/s | bare docxtemplater p50 ${ms(median(bareTimes))} | ratio (a) ${ratio(median(ours), median(bareTimes))} (target ≤ 0.8: ${verdict(median(ours) / median(bareTimes) <= 0.8)})`);

  // PDF: warm service pool against bare puppeteer setContent + pdf in warm tabs on the same HTML.
  const html = await htmlFor(def.id, input);
  const bareOnce = (page = barePages[0]!) => page.setContent(html, { waitUntil: 'load' }).then(() => page.pdf({ preferCSSPageSize: true, printBackground: true }));
  await interleaved(2, () => render('pdf'), () => bareOnce());
  const [oursPdf, barePdf] = await interleaved(n(10), () => render('pdf'), () => bareOnce());
  const oursC2 = await throughput(n(12), 2, () => render('pdf'));
  let k = 0;
  const bareC2 = await throughput(n(12), 2, () => bareOnce(barePages[k++ % 2]));
  console.log(
    `PDF   service warm p50 ${ms(median(oursPdf))}, c1 ${(1000 / median(oursPdf)).toFixed(2)}/s, c2 ${oursC2.perSecond.toFixed(2)}/s | bare warm tab p50 ${ms(median(barePdf))}, c2 ${bareC2.perSecond.toFixed(2)}/s | ratio (b) ${ratio(median(oursPdf), median(barePdf))} (target ≤ 1.2: ${verdict(median(oursPdf) / median(barePdf) <= 1.2)}), c2 throughput ${(oursC2.perSecond / bareC2.perSecond).toFixed(2)} of bare`,
  );

  // A browser launched per PDF, the naive way.
  const cold = await timeEach(n(4), async () => {
    const b = await puppeteer.launch({ executablePath: config.CHROMIUM_PATH, headless: true, args: chromiumArgs() });
    try {
      const p = await b.newPage();
      await p.setContent(html, { waitUntil: 'load' });
      await p.pdf({ preferCSSPageSize: true, printBackground: true });
    } finally {
      await b.close();
    }
  });
  console.log(`PDF   browser per PDF p50 ${ms(median(cold))} | ratio (c) ${ratio(median(cold), median(oursPdf))}× slower than the service (target ≥ 2: ${verdict(median(cold) / median(oursPdf) >= 2)})`);
  const browserPid = services.pdf.browserProcessId() ?? 0;
  console.log(`MEM   node peak so far ${mb(memory.peak().node)}, service Chromium tree now ${mb(treePss(browserPid))} PSS (${mb(treeRss(browserPid))} summed RSS)\n`);
}

// Sharing-catalogue scaling: cost per entry at 500 entries against 50.
const fs = FILINGS.find((f) => f.id === 'feasibility-study');
if (fs && (!values.filing || values.filing === fs.id)) {
  const { input } = largestSample(fs.id);
  const base = input as { sharingChapter: { catalogue: Array<Record<string, unknown>> } };
  const withEntries = (count: number) => {
    const copy = structuredClone(base);
    const src = base.sharingChapter.catalogue;
    copy.sharingChapter.catalogue = Array.from({ length: count }, (_, i) => {
      const e = structuredClone(src[i % src.length]!);
      if (typeof e.code === 'string') e.code = `${e.code.slice(0, -4)}${String(i).padStart(4, '0')}`;
      return e;
    });
    return copy;
  };
  console.log('== sharing catalogue scaling (feasibility-study, zh-CN)');
  const formats: Array<'docx' | 'html' | 'pdf'> = values.quick ? ['docx', 'html'] : ['docx', 'html', 'pdf'];
  for (const format of formats) {
    const per: Record<number, number> = {};
    for (const count of [50, 500]) {
      const inp = withEntries(count);
      const one = () => renderFiling(services, { filingId: fs.id, format, locale: 'zh-CN', input: inp });
      await one();
      per[count] = median(await timeEach(format === 'pdf' ? 2 : n(8), one)) / count;
    }
    const r = per[500]! / per[50]!;
    console.log(`${format.toUpperCase().padEnd(5)} ${ms(per[50]!)}/entry at 50, ${ms(per[500]!)}/entry at 500: ×${r.toFixed(2)} (target ≤ 1.5: ${verdict(r <= 1.5)})`);
  }
}

const peaks = memory.stop();
const chromiumMax = peaks.chromiumPss;
console.log(
  `\nNode peak RSS of this process (service and bare libraries) ${mb(peaks.node)}; service Chromium tree peak ${mb(chromiumMax)} PSS (${mb(peaks.chromiumRss)} summed RSS) with ${services.pdf.options.concurrency} tabs (target ≤ 1 GB PSS: ${verdict(chromiumMax <= 1024 * 1024 * 1024)})`,
);
await browser.close();
await services.close();
