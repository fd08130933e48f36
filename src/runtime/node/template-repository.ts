// Template versions on Node: metadata in SQLite, files content-addressed on disk (temporary file, fsync, rename, fsync
// of the folder), every file checked against its SHA-256 when read. The versions kept in git under templates/ are
// registered as published at start; a published version never changes, a fix is a new version.
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, unlinkSync } from 'node:fs';
import { open, rename } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { AppError } from '../../core/errors.ts';
import type { FilingId } from '../../core/filings/index.ts';
import { TemplateVersionConflict, type HtmlTemplateFn, type TemplateRepository, type TemplateVersion } from '../../core/ports.ts';
import { toVersion, type TemplateVersionRow } from '../../storage/template-version-rows.ts';
import type { HtmlTemplateRef } from './html-templates.ts';
import { requireManifest, templateVersionDirs } from './template-folders.ts';
import type { SqliteStore } from './sqlite-store.ts';
import { nodeSha256 as sha256 } from './node-sha256.ts';


/**
 * Writes a file so that it is either absent or complete under its final name, even across a crash. Asynchronous: the
 * writes and fsyncs of an 8 MiB upload run on libuv's threads, not on the event loop.
 */
export async function writeFileAtomic(dir: string, name: string, data: Uint8Array | string): Promise<void> {
  const final = join(dir, name);
  if (existsSync(final)) return; // content-addressed: same name, same bytes
  const tmp = join(dir, `.${name}.${process.pid}.${Date.now()}.tmp`);
  const file = await open(tmp, 'wx');
  try {
    await file.writeFile(typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
    await file.sync();
  } finally {
    await file.close();
  }
  await rename(tmp, final);
  const folder = await open(dir, 'r');
  try {
    await folder.sync();
  } finally {
    await folder.close();
  }
}

/** `.<final name>.<pid>.<ms>.tmp`, as writeFileAtomic names its temporary files. */
const TEMPORARY = /^\.[^/]+\.(\d+)\.(\d+)\.tmp$/;
/** A temporary file this old is stray whoever wrote it: no write of a template takes anywhere near as long. */
const STALE_MS = 60 * 60 * 1000;

function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the temporary files a write left when its process was killed before the rename: those of a process that no
 * longer runs, and any older than an hour. A write in progress in a live process is left alone. Returns the names.
 */
export function removeStrayTemporaryFiles(dir: string, now = Date.now()): string[] {
  const removed: string[] = [];
  for (const name of readdirSync(dir)) {
    const m = TEMPORARY.exec(name);
    if (!m) continue;
    const path = join(dir, name);
    const st = lstatSync(path);
    if (!st.isFile() && !st.isSymbolicLink()) continue;
    if (processAlive(Number(m[1])) && now - st.mtimeMs < STALE_MS) continue;
    unlinkSync(path);
    removed.push(name);
  }
  return removed;
}

function corrupt(detail: string): AppError {
  return new AppError({
    code: 'template_corrupt',
    message: { 'zh-CN': '模板文件与其校验值不符，已拒绝使用。', en: 'A template file does not match its checksum and was refused.' },
    details: { detail },
  });
}

export interface RepositoryOptions {
  store: SqliteStore;
  /** Where uploaded and registered template files live, by SHA-256. */
  blobDir: string;
  /** The versions kept in git (templates/<filing>/<version>/). */
  gitRoot: string;
  /** Precompiled HTML of the git versions (scripts/build-templates.ts). */
  bundlePath: string;
  log?: (e: Record<string, unknown>) => void;
}

/** A stored file, refused when its bytes no longer match the SHA-256 it is stored under. */
function readChecked(blobDir: string, sha: string, ext: 'docx' | 'hbs'): Uint8Array {
  const bytes = new Uint8Array(readFileSync(join(blobDir, `${sha}.${ext}`)));
  if (sha256(bytes) !== sha) throw corrupt(`${sha}.${ext}`);
  return bytes;
}

/** Registers the git versions: files copied into the content-addressed store first, then the row. */
async function registerGitVersions(opts: RepositoryOptions, blobDir: string): Promise<void> {
  const db = opts.store.db;
  for (const dir of templateVersionDirs(opts.gitRoot)) {
    const m = requireManifest(dir);
    const docx = readFileSync(join(dir, m.files.docx.name));
    const html = readFileSync(join(dir, m.files.html.name));
    if (sha256(docx) !== m.files.docx.sha256 || sha256(html) !== m.files.html.sha256) throw corrupt(`${dir}: files do not match manifest.json`);
    const existing = await opts.store.retry(() => db.prepare('SELECT * FROM template_versions WHERE filing_id = ? AND version = ?').get(m.filing, m.version) as TemplateVersionRow | undefined);
    if (existing) {
      if (existing.docx_sha256 !== m.files.docx.sha256 || existing.html_sha256 !== m.files.html.sha256) {
        opts.log?.({ level: 'error', msg: `templates/${m.filing}/${m.version} differs from the registered version; the registered files stay in use (a published version never changes)` });
      }
      continue;
    }
    await writeFileAtomic(blobDir, `${m.files.docx.sha256}.docx`, docx);
    await writeFileAtomic(blobDir, `${m.files.html.sha256}.hbs`, html);
    await opts.store.tx(() =>
      db
        .prepare(
          "INSERT OR IGNORE INTO template_versions (filing_id, version, effective_from, effective_until, status, regulation_basis, docx_sha256, html_sha256, source, created_at, published_at, retired_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'git', ?, ?, NULL)",
        )
        .run(m.filing, m.version, m.effectiveFrom, m.effectiveUntil ?? null, m.status, JSON.stringify(m.regulationBasis), m.files.docx.sha256, m.files.html.sha256, new Date().toISOString(), m.status === 'published' ? new Date().toISOString() : null),
    );
  }
}

/** A draft's row; the files are already stored. */
async function insertDraft(store: SqliteStore, d: Parameters<TemplateRepository['createDraft']>[0], docxSha: string, htmlSha: string): Promise<void> {
  try {
    await store.tx(() =>
      store.db
        .prepare(
          "INSERT INTO template_versions (filing_id, version, effective_from, effective_until, status, regulation_basis, docx_sha256, html_sha256, source, created_at, published_at, retired_at) VALUES (?, ?, ?, ?, 'draft', ?, ?, ?, 'upload', ?, NULL, NULL)",
        )
        .run(d.filingId, d.version, d.effectiveFrom, d.effectiveUntil ?? null, JSON.stringify(d.regulationBasis), docxSha, htmlSha, d.now),
    );
  } catch (e) {
    if (e instanceof Error && /UNIQUE|PRIMARY KEY/.test(e.message)) throw new TemplateVersionConflict(`${d.filingId}@${d.version} exists`);
    throw e;
  }
}

type HtmlCompile = (ref: HtmlTemplateRef, source: () => string | Promise<string>) => Promise<HtmlTemplateFn>;

/**
 * Handlebars and the precompiled bundle, loaded on the first HTML template compiled in this thread: only inline renders
 * compile here (the render workers compile their own), so the thread that routes requests does not carry them.
 */
function lazyHtmlCompiler(bundlePath: string): HtmlCompile {
  let compiler: Promise<HtmlCompile> | undefined;
  return async (ref, source) => {
    compiler ??= import('./html-templates.ts').then(async (m) => m.htmlCompiler(await m.loadBundle(bundlePath)));
    return (await compiler)(ref, source);
  };
}

export async function createSqliteTemplateRepository(opts: RepositoryOptions): Promise<TemplateRepository> {
  const db = opts.store.db;
  const blobDir = resolve(opts.blobDir);
  mkdirSync(blobDir, { recursive: true });
  const stray = removeStrayTemporaryFiles(blobDir);
  if (stray.length) opts.log?.({ level: 'warn', msg: 'removed temporary template files left by an interrupted write', files: stray });
  const compileHtml = lazyHtmlCompiler(opts.bundlePath);
  const docxCache = new Map<string, Uint8Array>();
  let rows: TemplateVersion[] = [];

  const reload = async () => {
    rows = (await opts.store.retry(() => db.prepare('SELECT * FROM template_versions ORDER BY filing_id, effective_from, version').all() as unknown as TemplateVersionRow[])).map(toVersion);
  };

  const readBlob = (sha: string, ext: 'docx' | 'hbs') => readChecked(blobDir, sha, ext);

  await registerGitVersions(opts, blobDir);
  await reload();

  const find = (filingId: FilingId, version: string) => {
    const v = rows.find((r) => r.filingId === filingId && r.version === version);
    if (!v) throw new Error(`no template ${filingId}@${version}`);
    return v;
  };

  const transition = async (filingId: FilingId, version: string, from: TemplateVersion['status'], set: string, args: Array<string | null>): Promise<TemplateVersion> => {
    await opts.store.tx(() => {
      const r = db.prepare(`UPDATE template_versions SET ${set} WHERE filing_id = ? AND version = ? AND status = ?`).run(...args, filingId, version, from);
      if (Number(r.changes) !== 1) throw new TemplateVersionConflict(`${filingId}@${version} is not ${from}`);
    });
    await reload();
    return find(filingId, version);
  };

  return {
    versions: (filingId) => rows.filter((r) => r.filingId === filingId),
    get: (filingId, version) => rows.find((r) => r.filingId === filingId && r.version === version),

    async docx(filingId, version) {
      const v = find(filingId, version);
      let bytes = docxCache.get(v.sha256.docx);
      if (!bytes) {
        bytes = readBlob(v.sha256.docx, 'docx');
        docxCache.set(v.sha256.docx, bytes);
      }
      return bytes;
    },

    async htmlSource(filingId, version) {
      return new TextDecoder().decode(readBlob(find(filingId, version).sha256.html, 'hbs'));
    },

    async html(filingId, version) {
      const v = find(filingId, version);
      return compileHtml({ key: `${filingId}@${version}`, sha256: v.sha256.html }, () => new TextDecoder().decode(readBlob(v.sha256.html, 'hbs')));
    },

    async createDraft(d) {
      const docxSha = sha256(d.docx);
      const htmlSha = sha256(d.html);
      // Files first: a row never points at a missing or partial file; a file without a row is harmless.
      await writeFileAtomic(blobDir, `${docxSha}.docx`, d.docx);
      await writeFileAtomic(blobDir, `${htmlSha}.hbs`, d.html);
      await insertDraft(opts.store, d, docxSha, htmlSha);
      await reload();
      return find(d.filingId, d.version);
    },

    async publish(filingId, version, o) {
      const v = rows.find((r) => r.filingId === filingId && r.version === version);
      if (!v) throw new TemplateVersionConflict(`${filingId}@${version} does not exist`);
      return transition(filingId, version, 'draft', "status = 'published', published_at = ?, effective_from = ?, effective_until = ?", [o.now, o.effectiveFrom ?? v.effectiveFrom, o.effectiveUntil ?? v.effectiveUntil ?? null]);
    },

    async retire(filingId, version, now) {
      return transition(filingId, version, 'published', "status = 'retired', retired_at = ?", [now]);
    },
  };
}
