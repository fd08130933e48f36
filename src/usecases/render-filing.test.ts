// The use cases over the real templates: the render step is a function of plain data (a job that survives
// structured cloning gives the same bytes, as it does in a worker), and a package validates each document once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NodeRenderServices } from '../runtime/node/services.ts';
import { NODE_DEFLATER } from '../runtime/node/node-deflater.ts';
import type { RenderJob, RenderedDocument } from '../render/document-job.ts';
import { templateEngines } from '../render/render-engines.ts';
import { renderFiling } from './render-filing.ts';
import { renderPackage } from './render-package.ts';
import { createWork } from './inline-work.ts';
import type { InputJob, Work } from './work.ts';
import { testServices } from '../../test/support/services.ts';
import { samplesOf } from '../../test/support/samples.ts';

let services: NodeRenderServices;
const input = () => structuredClone(samplesOf('acceptance-extension').find((s) => s.name === 'national-data-sharing-platform')!.input);

beforeAll(async () => {
  services = await testServices();
});
afterAll(() => services.close());

describe('the render step', () => {
  it('takes and gives plain data: a cloned job renders the same bytes, and the result clones', async () => {
    const jobs: RenderJob[] = [];
    // Inline, with the pool's deflater: the same bytes in this thread as in the workers.
    const inline = createWork({ engines: templateEngines(services.templates, NODE_DEFLATER), deflater: NODE_DEFLATER });
    const viaClone = { ...services, work: { ...inline, render: async (job: RenderJob): Promise<RenderedDocument> => {
      jobs.push(job);
      return structuredClone(await inline.render(structuredClone(job)));
    } } };
    for (const format of ['docx', 'html', 'pdf'] as const) {
      const direct = await renderFiling(services, { filingId: 'acceptance-extension', format, locale: 'bilingual', input: input() });
      const cloned = await renderFiling(viaClone, { filingId: 'acceptance-extension', format, locale: 'bilingual', input: input() });
      if (format !== 'pdf') expect(cloned.outputSha256).toBe(direct.outputSha256);
      else expect(cloned.bytes.length).toBeGreaterThan(10_000);
    }
    expect(jobs.map((j) => j.format)).toEqual(['docx', 'html', 'pdf']);
    expect(jobs[0]).toMatchObject({ filingId: 'acceptance-extension', locale: 'bilingual', templateVersion: '1.0.0', draftFindings: null });
  });
});

describe('renderPackage', () => {
  it('validates each document once and renders each once', async () => {
    const jobs: RenderJob[] = [];
    const prepared: InputJob[] = [];
    const work: Work = services.work;
    const counting = { ...services, work: { ...work, prepare: (j: InputJob) => (prepared.push(j), work.prepare(j)), render: (j: RenderJob) => (jobs.push(j), work.render(j)) } };
    const pkg = await renderPackage(counting, [
      { filing: 'acceptance-extension', format: 'docx', locale: 'zh-CN', draft: false, data: input() },
      { filing: 'acceptance-extension', format: 'html', locale: 'en', draft: false, data: input() },
    ]);
    expect(pkg.manifest.map((m) => m.file)).toHaveLength(2);
    expect(prepared).toHaveLength(2);
    expect(jobs).toHaveLength(2);
  });
});
