// Compiled HTML templates by SHA-256, the same in the service and in its render workers: a version built into the
// precompiled bundle (scripts/build-templates.ts) runs from it; an uploaded one is compiled once with the same options.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import Handlebars from 'handlebars';
import type { HtmlTemplateFn } from '../../core/ports.ts';
import { Lru } from '../../render/lru.ts';
import { HANDLEBARS_COMPILE_OPTIONS } from '../../templates/manifest.ts';

export type Bundle = Record<string, { sha256: string; spec: object }>;

/** The precompiled bundle, or none when it was not built. */
export async function loadBundle(path: string): Promise<Bundle> {
  return existsSync(path) ? ((await import(pathToFileURL(resolve(path)).href)) as { default: Bundle }).default : {};
}

export interface HtmlTemplateRef {
  /** `filing@version`, the bundle's key. */
  key: string;
  sha256: string;
}

/** Returns the compiled template of a ref, compiling (from `source`, read only when needed) at most once per SHA-256. */
export function htmlCompiler(bundle: Bundle, max = 64): (ref: HtmlTemplateRef, source: () => string | Promise<string>) => Promise<HtmlTemplateFn> {
  const runtime = Handlebars.create();
  const cache = new Lru<string, HtmlTemplateFn>(max);
  return async (ref, source) => {
    let fn = cache.get(ref.sha256);
    if (!fn) {
      const pre = bundle[ref.key];
      const compiled = pre && pre.sha256 === ref.sha256 ? runtime.template(pre.spec as Parameters<typeof runtime.template>[0]) : runtime.compile(await source(), HANDLEBARS_COMPILE_OPTIONS);
      fn = (view) => compiled(view);
      cache.set(ref.sha256, fn);
    }
    return fn;
  };
}
