// Several filings in one ZIP with a manifest: every document is validated and checked once, before any is rendered,
// so a package is all of its filings or none.
import { AppError, type FieldIssue } from '../core/errors.ts';
import { filingById } from '../core/filings/index.ts';
import type { DocLocale } from '../core/format/format.ts';
import { toFieldIssues } from '../core/validation.ts';
import type { Finding } from '../core/compliance/index.ts';
import type { Format } from '../render/render-document.ts';
import { writeZip, type ZipEntry } from '../render/zip.ts';
import { audited, complianceFailed, prepareParsed, renderPrepared, type AuditTrail, type PreparedFiling } from './render-filing.ts';
import type { RenderServices } from './services.ts';

export interface PackageDocument {
  filing: string;
  format: Format;
  locale: DocLocale;
  version?: string | undefined;
  draft: boolean;
  data: unknown;
}

export interface ManifestEntry {
  file: string;
  filing: string;
  format: Format;
  locale: DocLocale;
  templateVersion: string;
  inputSha256: string;
  sha256: string;
  bytes: number;
  draft: boolean;
  findings: string[];
}

export interface RenderedPackage {
  bytes: Uint8Array;
  fileName: string;
  manifest: ManifestEntry[];
}

function packageInvalid(issues: FieldIssue[]): AppError {
  return new AppError({ code: 'package_invalid', message: { 'zh-CN': `文件包中有${issues.length}处输入错误，未生成任何文书。`, en: `The package has ${issues.length} input error(s); nothing was generated.` }, issues });
}

/** Validates every document (all problems at once), then hashes, picks versions and checks compliance once each. */
async function preparePackage(services: RenderServices, docs: readonly PackageDocument[]): Promise<PreparedFiling[]> {
  const issues: FieldIssue[] = [];
  const parsed = docs.map((d, i) => {
    const def = filingById(d.filing);
    if (!def) {
      issues.push({ path: `/documents/${i}/filing`, code: 'filing_unknown', message: { 'zh-CN': `未知的文书类型“${d.filing}”。`, en: `Unknown filing "${d.filing}".` } });
      return undefined;
    }
    const r = def.schema.safeParse(d.data);
    if (!r.success) issues.push(...toFieldIssues(r.error.issues, ['documents', i, 'data']));
    return r.success ? { def, input: r.data as unknown } : undefined;
  });
  if (issues.length) throw packageInvalid(issues);
  const prepared = await Promise.all(parsed.map((p, i) => prepareParsed(services, p!.def, p!.input, docs[i]!.version ? { version: docs[i]!.version } : {})));
  const blocking: Finding[] = prepared.flatMap((p, i) => (docs[i]!.draft ? [] : p.findings.filter((f) => f.severity === 'error').map((f) => ({ ...f, path: `/documents/${i}/data${f.path}` }))));
  if (blocking.length) throw complianceFailed(blocking);
  return prepared;
}

/** Names unique within the archive: a second `X.docx` becomes `X（2）.docx`. */
function uniqueName(used: Set<string>, name: string): string {
  let unique = name;
  for (let n = 2; used.has(unique); n++) unique = name.replace(/(\.\w+)$/, `（${n}）$1`);
  used.add(unique);
  return unique;
}

export async function renderPackage(services: RenderServices, docs: readonly PackageDocument[], opts: { audit?: AuditTrail; signal?: AbortSignal } = {}): Promise<RenderedPackage> {
  const prepared = await preparePackage(services, docs);
  const used = new Set<string>();
  const entries: ZipEntry[] = [];
  const manifest: ManifestEntry[] = [];
  for (const [i, d] of docs.entries()) {
    const p = prepared[i]!;
    const r = await audited(opts.audit, { filingId: p.def.id, format: d.format, locale: d.locale, draft: d.draft }, () =>
      renderPrepared(services, p, { format: d.format, locale: d.locale, draft: d.draft, ...(opts.signal ? { signal: opts.signal } : {}) }),
    );
    const file = uniqueName(used, r.fileName);
    entries.push({ name: file, data: r.bytes });
    manifest.push({ file, filing: r.filingId, format: d.format, locale: d.locale, templateVersion: r.templateVersion, inputSha256: r.inputSha256, sha256: r.outputSha256, bytes: r.bytes.length, draft: r.draft, findings: r.findings.map((f) => `${f.ruleId}:${f.severity}`) });
  }
  entries.push({ name: 'manifest.json', data: JSON.stringify({ documents: manifest }, null, 2) });
  return { bytes: writeZip(entries), fileName: '政务信息化项目文书.zip', manifest };
}
