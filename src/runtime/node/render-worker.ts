// A render worker thread: runs the use cases' CPU jobs (validate, render, ZIP, lint) on plain data sent by the pool,
// with native DEFLATE and SHA-256, keeping compiled DOCX and HTML templates by SHA-256 across jobs.
import { parentPort, workerData } from 'node:worker_threads';
import type { HtmlTemplateFn } from '../../core/ports.ts';
import type { CompiledDocx } from '../../render/docx/compiled-docx.ts';
import { compileDocx } from '../../render/docx/render-docx.ts';
import { Lru } from '../../render/lru.ts';
import type { RenderEngines } from '../../render/render-engines.ts';
import { createWork } from '../../usecases/inline-work.ts';
import { htmlCompiler, loadBundle } from './html-templates.ts';
import { NODE_DEFLATER } from './node-deflater.ts';
import { toWire, type TemplateMaterial, type WorkerRequest } from './worker-protocol.ts';
import { nodeSha256 as sha256 } from './node-sha256.ts';

const { bundlePath } = workerData as { bundlePath: string };
const compileHtml = htmlCompiler(await loadBundle(bundlePath));
const docxTemplates = new Lru<string, CompiledDocx>(32);

function engines(t: TemplateMaterial | undefined): RenderEngines {
  return {
    async docx(filingId, version) {
      if (!t?.docx) throw new Error(`no DOCX template sent for ${filingId}@${version}`);
      let c = docxTemplates.get(t.docx.sha256);
      if (!c) {
        c = compileDocx(t.docx.bytes, NODE_DEFLATER);
        docxTemplates.set(t.docx.sha256, c);
      }
      return c;
    },
    async html(filingId, version): Promise<HtmlTemplateFn> {
      if (!t?.html) throw new Error(`no HTML template sent for ${filingId}@${version}`);
      const { source } = t.html;
      return compileHtml(t.html, () => source);
    },
  };
}

/** Bytes the reply can hand over instead of copying: a whole buffer of its own (not a slice of a shared pool). */
function transferable(value: unknown): ArrayBuffer[] {
  const bytes = value instanceof Uint8Array ? value : (value as { bytes?: unknown } | null)?.bytes;
  return bytes instanceof Uint8Array && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer ? [bytes.buffer] : [];
}

parentPort!.on('message', async (m: WorkerRequest) => {
  try {
    const work = createWork({ engines: engines(m.payload.template), deflater: NODE_DEFLATER, sha256 });
    const value = await (work[m.kind] as (args: unknown) => Promise<unknown>)(m.payload.args);
    parentPort!.postMessage({ id: m.id, ok: true, value }, transferable(value));
  } catch (e) {
    parentPort!.postMessage({ id: m.id, ok: false, error: toWire(e) });
  }
});
parentPort!.postMessage({ ready: true });
