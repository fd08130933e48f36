// A DOCX template compiled once and rendered many times: docxtemplater's parse of the template (the larger part of a
// render) is kept, the parts no render changes are kept compressed, and each render writes only the parts it produced.
import type Docxtemplater from 'docxtemplater';
import PizZip from 'pizzip';
import type { Parts } from './docx-package.ts';
import { compressEntry, writeStoredZip, type Deflater, type StoredEntry } from '../zip.ts';

/**
 * The docxtemplater state one render leaves behind. docxtemplater refuses a second render() on an instance; a render
 * only reads the compiled parts (`compiled`, the parsed content types and relations) and writes these fields and the
 * templated parts of its zip, so clearing them lets the compiled instance render again. A render that throws leaves
 * the instance in an unknown state: it is dropped and the template compiled anew.
 */
interface RenderState {
  rendered: boolean;
  scopeManagers: Record<string, unknown>;
  mapper?: unknown;
  compiled: Record<string, unknown>;
  xmlDocuments: Record<string, unknown>;
}

/** Rendered parts, read through to the template's parts and edited without touching them. */
class Overlay implements Parts {
  readonly edits = new Map<string, string>();
  private readonly zip: PizZip;
  constructor(zip: PizZip) {
    this.zip = zip;
  }
  file(name: string): { asText(): string } | null;
  file(name: string, data: string): unknown;
  file(name: string, data?: string): unknown {
    if (data !== undefined) {
      this.edits.set(name, data);
      return this;
    }
    const edited = this.edits.get(name);
    if (edited !== undefined) return { asText: () => edited };
    return this.zip.file(name);
  }
}

/** docxtemplater refused to render (its errors are in `cause`); anything else a render throws passes unchanged. */
export class TemplateRenderFailure extends Error {
  constructor(cause: unknown) {
    super('template render failed', { cause });
  }
}

export interface CompiledRender {
  bytes: Uint8Array;
  /** word/document.xml as rendered, before package edits. */
  documentXml: string;
}

export class CompiledDocx {
  private readonly template: Uint8Array;
  private readonly open: (zip: PizZip) => Docxtemplater;
  private readonly deflater: Deflater;
  private master: Docxtemplater | undefined;
  /** Part names in the template's order (folders left out: a package needs none). */
  private readonly order: string[];
  /** Parts a render rewrites (templated parts and the XML docxtemplater re-serialises). */
  private dynamic = new Set<string>();
  private readonly unchanged = new Map<string, StoredEntry>();

  /** `open` compiles a zip into a docxtemplater instance with the service's options; it throws template errors. */
  constructor(template: Uint8Array, open: (zip: PizZip) => Docxtemplater, deflater: Deflater) {
    this.template = template;
    this.open = open;
    this.deflater = deflater;
    const pristine = new PizZip(template);
    this.order = Object.values(pristine.files).filter((f) => !f.dir).map((f) => f.name);
    this.compile();
    for (const name of this.order) {
      if (!this.dynamic.has(name)) this.unchanged.set(name, compressEntry({ name, data: pristine.file(name)!.asUint8Array() }, deflater));
    }
  }

  private compile(): Docxtemplater {
    const doc = this.open(new PizZip(this.template));
    const state = doc as unknown as RenderState;
    this.dynamic = new Set([...Object.keys(state.compiled), ...Object.keys(state.xmlDocuments)]);
    this.master = doc;
    return doc;
  }

  /** Renders `data`, lets `edit` change parts (document properties, watermark), and writes the package. */
  render(data: object, edit: (parts: Parts) => void): CompiledRender {
    const doc = this.master ?? this.compile();
    const state = doc as unknown as RenderState;
    state.rendered = false;
    state.scopeManagers = {};
    state.mapper = undefined;
    try {
      doc.render(data);
    } catch (e) {
      this.master = undefined;
      throw new TemplateRenderFailure(e);
    }
    const zip = doc.getZip();
    const parts = new Overlay(zip);
    const documentXml = zip.file('word/document.xml')?.asText() ?? '';
    edit(parts);
    const entries: StoredEntry[] = this.order.map((name) => {
      const edited = parts.edits.get(name);
      if (edited !== undefined) return compressEntry({ name, data: edited }, this.deflater);
      if (this.dynamic.has(name)) return compressEntry({ name, data: zip.file(name)!.asText() }, this.deflater);
      return this.unchanged.get(name)!;
    });
    for (const [name, text] of parts.edits) if (!this.order.includes(name)) entries.push(compressEntry({ name, data: text }, this.deflater));
    return { bytes: writeStoredZip(entries), documentXml };
  }
}
