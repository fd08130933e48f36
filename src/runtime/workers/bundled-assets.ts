// What the build puts into the Worker's bundle: template versions with their precompiled HTML, the samples, and the
// workbench's client files. Nothing here is read from a disk at run time.
import HandlebarsRuntime from 'handlebars/runtime.js';
import htmlTemplates from '../../../.generated/html-templates.js';
import workersAssets from '../../../.generated/workers-assets.js';
import workbenchAssets from '../../../.generated/workbench-assets.js';
import type { SampleSource } from '../../core/ports.ts';
import type { UiAssets } from '../../http/env.ts';
import type { BundledVersion } from './r2-template-repository.ts';

function fromBase64(text: string): Uint8Array {
  const bin = atob(text);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

/** The template versions of templates/, each with the template the build precompiled from its Handlebars source. */
export function bundledTemplateVersions(): BundledVersion[] {
  // runtime.d.ts re-exports the full typings through `export =`; the runtime object itself has create/template.
  const runtime = (HandlebarsRuntime as unknown as typeof import('handlebars')).create();
  return workersAssets.templates.map((t) => {
    const entry = htmlTemplates[`${t.manifest.filing}@${t.manifest.version}`];
    if (!entry || entry.sha256 !== t.manifest.files.html.sha256) throw new Error(`${t.manifest.filing}@${t.manifest.version}: the precompiled HTML is missing or stale (rebuild with "npm run build")`);
    const fn = runtime.template(entry.spec as Parameters<typeof runtime.template>[0]);
    return { manifest: t.manifest, docx: fromBase64(t.docx), hbs: t.hbs, html: (view: unknown) => fn(view) };
  });
}

export function bundledSampleSource(): SampleSource {
  const samples = workersAssets.samples;
  return {
    list: (filingId) => Object.keys(samples[filingId] ?? {}).sort(),
    get: (filingId, name) => {
      const byName = samples[filingId];
      return byName && Object.hasOwn(byName, name) ? structuredClone(byName[name]) : undefined;
    },
  };
}

export function bundledUiAssets(): UiAssets {
  return { version: workbenchAssets.version, get: (file) => (Object.hasOwn(workbenchAssets.files, file) ? workbenchAssets.files[file] : undefined) };
}
