// Template versions on Workers: rows in D1 (the table Node keeps in SQLite), files in R2 by SHA-256 (as Node keeps them
// on disk), every file checked against its SHA-256 when read. The versions built into the bundle are registered at
// start and render through their precompiled HTML; an uploaded version's HTML goes through the eval-free renderer,
// since a Worker may not generate code from strings.
import { AppError } from '../../core/errors.ts';
import type { FilingId } from '../../core/filings/index.ts';
import { TemplateVersionConflict, type HtmlTemplateFn, type TemplateRepository, type TemplateVersion } from '../../core/ports.ts';
import { toVersion, type TemplateVersionRow } from '../../storage/template-version-rows.ts';
import type { TemplateManifest } from '../../templates/manifest.ts';
import type { SqlDatabase } from '../../storage/sql-database.ts';
import type { R2Bucket } from './bindings.ts';

/** A template version built into the Worker: its manifest, files, and the precompiled HTML when the build made one. */
export interface BundledVersion {
  manifest: TemplateManifest;
  docx: Uint8Array;
  hbs: string;
  /** The precompiled template (view in, HTML out). */
  html: HtmlTemplateFn;
}

export interface WorkersTemplateRepository extends TemplateRepository {
  /** Reads the rows again: another isolate may have uploaded, published or retired a version since. */
  refresh(): Promise<void>;
}

export interface R2RepositoryOptions {
  db: SqlDatabase;
  files: R2Bucket;
  bundled: BundledVersion[];
  /** Turns an uploaded (linted) Handlebars source into a template without generating code. */
  interpret: (source: string) => HtmlTemplateFn;
  sha256: (data: Uint8Array | string) => Promise<string>;
  now: () => Date;
  log?: (e: Record<string, unknown>) => void;
}

function corrupt(detail: string): AppError {
  return new AppError({
    code: 'template_corrupt',
    message: { 'zh-CN': '模板文件与其校验值不符，已拒绝使用。', en: 'A template file does not match its checksum and was refused.' },
    details: { detail },
  });
}

const key = (sha: string, ext: 'docx' | 'hbs') => `templates/${sha}.${ext}`;
const CONTENT_TYPE = { docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', hbs: 'text/x-handlebars-template; charset=utf-8' } as const;

const INSERT_GIT =
  "INSERT OR IGNORE INTO template_versions (filing_id, version, effective_from, effective_until, status, regulation_basis, docx_sha256, html_sha256, source, created_at, published_at, retired_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'git', ?, ?, NULL)";
const INSERT_UPLOAD =
  "INSERT INTO template_versions (filing_id, version, effective_from, effective_until, status, regulation_basis, docx_sha256, html_sha256, source, created_at, published_at, retired_at) VALUES (?, ?, ?, ?, 'draft', ?, ?, ?, 'upload', ?, NULL, NULL)";

/** Template files in R2 under their SHA-256: written once, checked on every read. */
function blobStore(files: R2Bucket, sha256: R2RepositoryOptions['sha256']) {
  return {
    async put(sha: string, ext: 'docx' | 'hbs', data: Uint8Array | string) {
      // Content-addressed: an object under this name already holds these bytes.
      if (!(await files.head(key(sha, ext)))) await files.put(key(sha, ext), data, { httpMetadata: { contentType: CONTENT_TYPE[ext] } });
    },
    async read(sha: string, ext: 'docx' | 'hbs'): Promise<Uint8Array> {
      const obj = await files.get(key(sha, ext));
      if (!obj) throw corrupt(`${sha}.${ext} is missing`);
      const bytes = new Uint8Array(await obj.arrayBuffer());
      if ((await sha256(bytes)) !== sha) throw corrupt(`${sha}.${ext}`);
      return bytes;
    },
  };
}

/** Registers the bundled versions: files into R2 first, then the row (once: a registered version is never changed). */
async function registerBundled(opts: R2RepositoryOptions, blobs: ReturnType<typeof blobStore>): Promise<void> {
  for (const b of opts.bundled) {
    const m = b.manifest;
    if ((await opts.sha256(b.docx)) !== m.files.docx.sha256 || (await opts.sha256(b.hbs)) !== m.files.html.sha256) throw corrupt(`${m.filing}@${m.version}: bundled files do not match manifest.json`);
    await blobs.put(m.files.docx.sha256, 'docx', b.docx);
    await blobs.put(m.files.html.sha256, 'hbs', b.hbs);
    const at = opts.now().toISOString();
    await opts.db.run(INSERT_GIT, [m.filing, m.version, m.effectiveFrom, m.effectiveUntil ?? null, m.status, JSON.stringify(m.regulationBasis), m.files.docx.sha256, m.files.html.sha256, at, m.status === 'published' ? at : null]);
    const row = await opts.db.first<TemplateVersionRow>('SELECT * FROM template_versions WHERE filing_id = ? AND version = ?', [m.filing, m.version]);
    if (row && (row.docx_sha256 !== m.files.docx.sha256 || row.html_sha256 !== m.files.html.sha256)) {
      opts.log?.({ level: 'error', msg: `templates/${m.filing}/${m.version} differs from the registered version; the registered files stay in use (a published version never changes)` });
    }
  }
}

/** An uploaded draft: files first (a row never points at a missing file; a file without a row is harmless), then the row. */
async function insertUpload(opts: R2RepositoryOptions, blobs: ReturnType<typeof blobStore>, d: Parameters<TemplateRepository['createDraft']>[0]): Promise<void> {
  const [docxSha, htmlSha] = await Promise.all([opts.sha256(d.docx), opts.sha256(d.html)]);
  await blobs.put(docxSha, 'docx', d.docx);
  await blobs.put(htmlSha, 'hbs', d.html);
  try {
    await opts.db.run(INSERT_UPLOAD, [d.filingId, d.version, d.effectiveFrom, d.effectiveUntil ?? null, JSON.stringify(d.regulationBasis), docxSha, htmlSha, d.now]);
  } catch (e) {
    if (e instanceof Error && /UNIQUE|PRIMARY KEY/.test(e.message)) throw new TemplateVersionConflict(`${d.filingId}@${d.version} exists`);
    throw e;
  }
}

export async function createR2TemplateRepository(opts: R2RepositoryOptions): Promise<WorkersTemplateRepository> {
  const { db } = opts;
  const blobs = blobStore(opts.files, opts.sha256);
  const docxCache = new Map<string, Uint8Array>();
  const htmlCache = new Map<string, HtmlTemplateFn>();
  const precompiled = new Map(opts.bundled.map((b) => [`${b.manifest.filing}@${b.manifest.version}`, b]));
  let rows: TemplateVersion[] = [];

  const refresh = async () => {
    rows = (await db.all<TemplateVersionRow>('SELECT * FROM template_versions ORDER BY filing_id, effective_from, version', [])).map(toVersion);
  };
  const find = (filingId: FilingId, version: string) => {
    const v = rows.find((r) => r.filingId === filingId && r.version === version);
    if (!v) throw new Error(`no template ${filingId}@${version}`);
    return v;
  };
  const transition = async (filingId: FilingId, version: string, from: TemplateVersion['status'], set: string, args: Array<string | null>): Promise<TemplateVersion> => {
    const r = await db.run(`UPDATE template_versions SET ${set} WHERE filing_id = ? AND version = ? AND status = ?`, [...args, filingId, version, from]);
    await refresh();
    if (r.changes !== 1) throw new TemplateVersionConflict(`${filingId}@${version} is not ${from}`);
    return find(filingId, version);
  };
  /** The bundled copy of a version, when the registered one has the same files. */
  const bundledAs = (v: TemplateVersion) => {
    const b = precompiled.get(`${v.filingId}@${v.version}`);
    return b && b.manifest.files.docx.sha256 === v.sha256.docx && b.manifest.files.html.sha256 === v.sha256.html ? b : undefined;
  };

  await registerBundled(opts, blobs);
  await refresh();

  return {
    refresh,
    versions: (filingId) => rows.filter((r) => r.filingId === filingId),
    get: (filingId, version) => rows.find((r) => r.filingId === filingId && r.version === version),

    async docx(filingId, version) {
      const v = find(filingId, version);
      let bytes = docxCache.get(v.sha256.docx);
      if (!bytes) {
        bytes = bundledAs(v)?.docx ?? (await blobs.read(v.sha256.docx, 'docx'));
        docxCache.set(v.sha256.docx, bytes);
      }
      return bytes;
    },

    async htmlSource(filingId, version) {
      return new TextDecoder().decode(await blobs.read(find(filingId, version).sha256.html, 'hbs'));
    },

    async html(filingId, version) {
      const v = find(filingId, version);
      let fn = htmlCache.get(v.sha256.html);
      if (!fn) {
        fn = bundledAs(v)?.html ?? opts.interpret(new TextDecoder().decode(await blobs.read(v.sha256.html, 'hbs')));
        htmlCache.set(v.sha256.html, fn);
      }
      return fn;
    },

    async createDraft(d) {
      await insertUpload(opts, blobs, d);
      await refresh();
      return find(d.filingId, d.version);
    },

    async publish(filingId, version, o) {
      await refresh();
      const v = rows.find((r) => r.filingId === filingId && r.version === version);
      if (!v) throw new TemplateVersionConflict(`${filingId}@${version} does not exist`);
      return transition(filingId, version, 'draft', "status = 'published', published_at = ?, effective_from = ?, effective_until = ?", [o.now, o.effectiveFrom ?? v.effectiveFrom, o.effectiveUntil ?? v.effectiveUntil ?? null]);
    },

    async retire(filingId, version, now) {
      return transition(filingId, version, 'published', "status = 'retired', retired_at = ?", [now]);
    },
  };
}
