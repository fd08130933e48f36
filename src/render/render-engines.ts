// The engines a render step uses, per template version: the compiled DOCX template and the compiled HTML template.
// Compiling is the costly part of a DOCX render, so a compiled template is kept (a bounded number of them) and reused.
import type { FilingId } from '../core/filings/index.ts';
import type { HtmlTemplateFn, TemplateStore } from '../core/ports.ts';
import type { CompiledDocx } from './docx/compiled-docx.ts';
import { compileDocx } from './docx/render-docx.ts';
import type { Deflater } from './zip.ts';

export interface RenderEngines {
  docx(filingId: FilingId, version: string): Promise<CompiledDocx>;
  html(filingId: FilingId, version: string): Promise<HtmlTemplateFn>;
}

/** A map that forgets its least recently used entry beyond `max`. */
export class Lru<K, V> {
  private readonly map = new Map<K, V>();
  private readonly max: number;
  constructor(max: number) {
    this.max = max;
  }
  get(key: K): V | undefined {
    const v = this.map.get(key);
    if (v !== undefined) {
      this.map.delete(key);
      this.map.set(key, v);
    }
    return v;
  }
  set(key: K, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    while (this.map.size > this.max) this.map.delete(this.map.keys().next().value!);
  }
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
