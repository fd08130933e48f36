// Template store for Node: versions from templates/<filing>/<version>/manifest.json, DOCX bytes read once and
// checked against their SHA-256, HTML from the precompiled bundle built by scripts/build-templates.ts.
import { createHash } from 'node:crypto';
import { readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import HandlebarsRuntime from 'handlebars/runtime.js';
import { AppError } from '../../core/errors.ts';
import type { FilingId } from '../../core/filings/index.ts';
import type { HtmlTemplateFn, TemplateStore, TemplateVersion } from '../../core/ports.ts';
import type { TemplateManifest } from '../../templates/manifest.ts';
import { requireManifest, templateVersionDirs } from './template-folders.ts';

interface Loaded {
  info: TemplateVersion;
  dir: string;
  manifest: TemplateManifest;
  docx?: Uint8Array;
  html?: HtmlTemplateFn;
}

type Bundle = Record<string, { sha256: string; spec: object }>;

function corrupt(detail: string): AppError {
  return new AppError({
    code: 'template_corrupt',
    message: { 'zh-CN': '模板文件与其校验值不符，已拒绝使用。', en: 'A template file does not match its checksum and was refused.' },
    details: { detail },
  });
}

export async function createFsTemplateStore(opts: { root: string; bundlePath: string }): Promise<TemplateStore> {
  const root = resolve(opts.root);
  const bundlePath = resolve(opts.bundlePath);
  if (!existsSync(bundlePath)) throw new Error(`${opts.bundlePath} is missing: run "npm run build" first`);
  const bundle = ((await import(pathToFileURL(bundlePath).href)) as { default: Bundle }).default;
  // runtime.d.ts re-exports the full typings through `export =`; the runtime object itself has create/template.
  const runtime = (HandlebarsRuntime as unknown as typeof import('handlebars')).create();
  const byFiling = new Map<string, Loaded[]>();

  for (const dir of templateVersionDirs(root)) {
    const manifest = requireManifest(dir);
    const info: TemplateVersion = {
      filingId: manifest.filing,
      version: manifest.version,
      effectiveFrom: manifest.effectiveFrom,
      ...(manifest.effectiveUntil ? { effectiveUntil: manifest.effectiveUntil } : {}),
      status: manifest.status,
      regulationBasis: manifest.regulationBasis,
      sha256: { docx: manifest.files.docx.sha256, html: manifest.files.html.sha256 },
    };
    const list = byFiling.get(manifest.filing) ?? [];
    list.push({ info, dir, manifest });
    byFiling.set(manifest.filing, list);
  }

  const find = (filingId: FilingId, version: string): Loaded => {
    const l = byFiling.get(filingId)?.find((x) => x.info.version === version);
    if (!l) throw new Error(`no template ${filingId}@${version}`);
    return l;
  };

  return {
    versions: (filingId) => (byFiling.get(filingId) ?? []).map((l) => l.info),
    async docx(filingId, version) {
      const l = find(filingId, version);
      if (!l.docx) {
        const bytes = readFileSync(join(l.dir, l.manifest.files.docx.name));
        if (createHash('sha256').update(bytes).digest('hex') !== l.manifest.files.docx.sha256) throw corrupt(`${filingId}@${version} docx`);
        l.docx = new Uint8Array(bytes);
      }
      return l.docx;
    },
    async htmlSource(filingId, version) {
      const l = find(filingId, version);
      const bytes = readFileSync(join(l.dir, l.manifest.files.html.name));
      if (createHash('sha256').update(bytes).digest('hex') !== l.manifest.files.html.sha256) throw corrupt(`${filingId}@${version} html`);
      return bytes.toString('utf8');
    },
    async html(filingId, version) {
      const l = find(filingId, version);
      if (!l.html) {
        const entry = bundle[`${filingId}@${version}`];
        if (!entry || entry.sha256 !== l.manifest.files.html.sha256) throw corrupt(`${filingId}@${version} html (rebuild with "npm run build")`);
        const fn = runtime.template(entry.spec as Parameters<typeof runtime.template>[0]);
        l.html = (view) => fn(view);
      }
      return l.html;
    },
  };
}
