// The engines a render step uses, per template version: the compiled DOCX template and the compiled HTML template.
// Compiling is the costly part of a DOCX render, so a compiled template is kept (a bounded number of them) and reused.
import type { FilingId } from '../core/filings/index.ts';
import type { HtmlTemplateFn, TemplateStore } from '../core/ports.ts';
import type { CompiledDocx } from './docx/compiled-docx.ts';
import { compileDocx } from './docx/render-docx.ts';
import { Lru } from './lru.ts';
import type { Deflater } from './zip.ts';

export interface RenderEngines {
  docx(filingId: FilingId, version: string): Promise<CompiledDocx>;
  html(filingId: FilingId, version: string): Promise<HtmlTemplateFn>;
}

/** Engines over a template store: DOCX templates compiled once per content (SHA-256), HTML as the store compiles it. */
export function templateEngines(templates: TemplateStore, deflater?: Deflater, maxCompiled = 32): RenderEngines {
  const compiled = new Lru<string, CompiledDocx>(maxCompiled);
  return {
    async docx(filingId, version) {
      const key = templates.versions(filingId).find((v) => v.version === version)?.sha256.docx ?? `${filingId}@${version}`;
      let c = compiled.get(key);
      if (!c) {
        c = compileDocx(await templates.docx(filingId, version), deflater);
        compiled.set(key, c);
      }
      return c;
    },
    html: (filingId, version) => templates.html(filingId, version),
  };
}
