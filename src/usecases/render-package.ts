// Several filings in one ZIP with a manifest: every document is validated and checked once, before any is rendered,
// so a package is all of its filings or none.
import { AppError, isAppError, type FieldIssue } from '../core/errors.ts';
import { filingById } from '../core/filings/index.ts';
import type { DocLocale } from '../core/format/format.ts';
import type { Finding } from '../core/compliance/index.ts';
import type { PdfTicket } from '../core/ports.ts';
import type { Format } from '../render/document-job.ts';
import type { ZipEntry } from '../render/zip.ts';
import { audited, complianceFailed, renderPrepared, withTemplate, type AuditTrail, type PreparedFiling } from './render-filing.ts';
import type { RenderServices } from './services.ts';
import { workOf, type PreparedInput } from './work.ts';

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

/** Validates, hashes and checks every document once (all problems at once), then picks their template versions. */
async function preparePackage(services: RenderServices, docs: readonly PackageDocument[], signal?: AbortSignal): Promise<PreparedFiling[]> {
  // Per document, so every problem is reported in document order whatever order the checks finish in.
  const issues: FieldIssue[][] = docs.map(() => []);
  const work = workOf(services);
  const parsed = await Promise.all(
    docs.map(async (d, i): Promise<PreparedInput | undefined> => {
      if (!filingById(d.filing)) {
        issues[i]!.push({ path: `/documents/${i}/filing`, code: 'filing_unknown', message: { 'zh-CN': `未知的文书类型“${d.filing}”。`, en: `Unknown filing "${d.filing}".` } });
        return undefined;
      }
      try {
        return await work.prepare({ filingId: d.filing, input: d.data }, signal);
      } catch (e) {
        if (!isAppError(e) || e.code !== 'input_invalid') throw e;
        issues[i]!.push(...e.issues.map((x) => ({ ...x, path: `/documents/${i}/data${x.path}` })));
        return undefined;
      }
    }),
  );
  if (issues.some((x) => x.length)) throw packageInvalid(issues.flat());
  const prepared = parsed.map((p, i) => withTemplate(services, filingById(docs[i]!.filing)!, p!, { version: docs[i]!.version }));
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

/**
 * Renders every document, one after another, into one ZIP. A package with PDFs takes its place at the printer before
 * any document is rendered (refused at once when the printer is full), and prints them in that one place.
 */
export async function renderPackage(services: RenderServices, docs: readonly PackageDocument[], opts: { audit?: AuditTrail; signal?: AbortSignal } = {}): Promise<RenderedPackage> {
  const prepared = await preparePackage(services, docs, opts.signal);
  const ticket: PdfTicket | undefined = docs.some((d) => d.format === 'pdf') ? services.pdf?.admit?.() : undefined;
  try {
    const used = new Set<string>();
    const entries: ZipEntry[] = [];
    const manifest: ManifestEntry[] = [];
    for (const [i, d] of docs.entries()) {
      const p = prepared[i]!;
      const r = await audited(opts.audit, { filingId: p.def.id, format: d.format, locale: d.locale, draft: d.draft }, () =>
        renderPrepared(services, p, { format: d.format, locale: d.locale, draft: d.draft, ...(opts.signal ? { signal: opts.signal } : {}), ...(ticket ? { pdfTicket: ticket } : {}), ...(opts.audit ? { audit: opts.audit } : {}) }),
      );
      const file = uniqueName(used, r.fileName);
      entries.push({ name: file, data: r.bytes });
      manifest.push({ file, filing: r.filingId, format: d.format, locale: d.locale, templateVersion: r.templateVersion, inputSha256: r.inputSha256, sha256: r.outputSha256, bytes: r.bytes.length, draft: r.draft, findings: r.findings.map((f) => `${f.ruleId}:${f.severity}`) });
    }
    entries.push({ name: 'manifest.json', data: JSON.stringify({ documents: manifest }, null, 2) });
    return { bytes: await workOf(services).zip(entries, opts.signal), fileName: '政务信息化项目文书.zip', manifest };
  } finally {
    ticket?.release();
  }
}
